#pragma once

#include <QObject>

namespace SeqDrop {
class ApiClient;
}

// `seqdrop-cli whoami` and `seqdrop-cli projects`: one API call each, printed.
class InfoCommand : public QObject {
    Q_OBJECT
public:
    enum class What { Account, Projects };
    InfoCommand(What what, bool json, SeqDrop::ApiClient *api, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    What m_what;
    bool m_json;
    SeqDrop::ApiClient *m_api;
};
