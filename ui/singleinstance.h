#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace SeqDrop {

// One SeqDrop window per user: a later `seqdrop FILE...` (a file manager's "Open with", a
// double-click) hands its files to the running window over a local socket and exits, so
// every file lands in one queue. The first start listens; the socket is private to the user.
//
// Protocol: one line of UTF-8 JSON, an array of absolute paths (empty: "show the window"),
// answered by "ok\n".
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Per user and per data folder (so a test or a second XDG_DATA_HOME gets its own).
    static QString defaultServerName();

    // Client side: true once a running SeqDrop confirmed it took the files. Blocks for at
    // most `timeoutMs` (call it before any window exists).
    bool handOver(const QStringList &paths, int timeoutMs = 3000);

    // Server side: listens for later starts. A socket left behind by a crashed SeqDrop is
    // replaced, so call it only after handOver() failed.
    bool listen();
    QString serverName() const { return m_name; }

Q_SIGNALS:
    void filesReceived(const QStringList &paths);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace SeqDrop
