#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

class SandboxProcess;

// What a finished seqdrop-cli run left behind.
struct CliResult {
    int exitCode = -1; // -1: crashed, killed or timed out
    QByteArray out;
    QString err;
    QList<QJsonObject> json; // one object per stdout line, when --json

    // Sum of the "retries" every --json line reports.
    int retries() const;
};

// seqdrop-cli as a user runs it, for tests: a real process with the sandbox's key, its own
// journal (XDG_DATA_HOME) and short retry delays, so fault cases run in seconds.
class CliProcess {
public:
    CliProcess(SandboxProcess *sandbox, const QString &dataHome);

    // Overrides one environment variable of the runs that follow (e.g. the key).
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }

    // Starts a run; upload/validate/whoami/projects get --api-url of the sandbox. The caller owns
    // the process and hands it to finish().
    QProcess *start(const QStringList &args) const;
    // Waits for the run (killing it after timeoutMs), collects its output, deletes it.
    static CliResult finish(QProcess *process, int timeoutMs = 60000);
    CliResult run(const QStringList &args, int timeoutMs = 60000) const {
        return finish(start(args), timeoutMs);
    }

private:
    SandboxProcess *m_sandbox;
    QProcessEnvironment m_env;
};
