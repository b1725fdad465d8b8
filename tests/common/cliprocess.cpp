#include "cliprocess.h"

#include "sandboxprocess.h"

#include <QJsonDocument>

int CliResult::retries() const {
    int sum = 0;
    for (const QJsonObject &line : json)
        sum += line.value(QLatin1String("retries")).toInt();
    return sum;
}

CliProcess::CliProcess(SandboxProcess *sandbox, const QString &dataHome)
    : m_sandbox(sandbox)
    , m_env(QProcessEnvironment::systemEnvironment()) {
    m_env.insert(QStringLiteral("ONE_CODEX_API_KEY"), sandbox->apiKey());
    m_env.insert(QStringLiteral("SEQDROP_RETRY_BASE_MS"), QStringLiteral("50"));
    m_env.remove(QStringLiteral("ONE_CODEX_API_BASE"));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
}

QProcess *CliProcess::start(const QStringList &args) const {
    auto *p = new QProcess;
    p->setProcessEnvironment(m_env);
    QStringList all = args;
    // validate asks the account for a sample sheet's projects.
    if (args.value(0) == QLatin1String("upload") || args.value(0) == QLatin1String("whoami") ||
        args.value(0) == QLatin1String("projects") || args.value(0) == QLatin1String("validate"))
        all << QStringLiteral("--api-url") << m_sandbox->baseUrl().toString();
    p->start(QStringLiteral(SEQDROP_CLI_BIN), all);
    return p;
}

CliResult CliProcess::finish(QProcess *p, int timeoutMs) {
    CliResult r;
    if (!p->waitForFinished(timeoutMs)) {
        p->kill();
        p->waitForFinished();
    }
    r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    r.out = p->readAllStandardOutput();
    r.err = QString::fromLocal8Bit(p->readAllStandardError());
    for (const QByteArray &line : r.out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            r.json << doc.object();
    }
    delete p;
    return r;
}
