#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace SeqDrop {

// "Try without an account": runs seqdrop-sandbox on a free loopback port with a throw-away data
// folder, for as long as this object lives, and reports the address and key to use.
class SandboxLauncher : public QObject {
    Q_OBJECT
public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    // SEQDROP_SANDBOX_BIN, next to the application, the build tree's sandbox/, then PATH.
    static QString findBinary();

    void start(); // -> started() or failed()
    void stop();
    bool isRunning() const;
    QUrl baseUrl() const { return m_url; }
    QString apiKey() const { return m_key; }

Q_SIGNALS:
    void started(const QUrl &baseUrl, const QString &apiKey);
    void failed(const QString &message);

private:
    void onOutput();
    void fail(const QString &message);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    QTimer m_startTimeout;
    QByteArray m_buffer;
    QUrl m_url;
    QString m_key;
};

} // namespace SeqDrop
