#include "sandboxprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

SandboxProcess::SandboxProcess(const QStringList &extraArgs)
    : m_extraArgs(extraArgs) {
    const int keyAt = extraArgs.indexOf(QStringLiteral("--api-key"));
    if (keyAt >= 0 && keyAt + 1 < extraArgs.size())
        m_apiKey = extraArgs.at(keyAt + 1);
}

SandboxProcess::~SandboxProcess() {
    stop();
}

bool SandboxProcess::start() {
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        qWarning("SandboxProcess: cannot create a temporary directory");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(SEQDROP_SANDBOX_BIN));
    m_process->setArguments(QStringList{"--port", "0", "--data", dataDir()} + m_extraArgs);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        qWarning("SandboxProcess: cannot start %s: %s", SEQDROP_SANDBOX_BIN,
                 qPrintable(m_process->errorString()));
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("^seqdrop-sandbox listening on http://127\\.0\\.0\\.1:(\\d+)\\s*$"));
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() ||
            m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            if (!m_process->canReadLine())
                continue;
            const QString first = QString::fromLocal8Bit(m_process->readLine());
            const auto match = listening.match(first);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return m_port != 0;
            }
            qWarning("SandboxProcess: unexpected first line: %s", qPrintable(first));
            break;
        }
        if (m_process->state() != QProcess::Running)
            break;
    }
    m_stderr += m_process->readAllStandardError();
    qWarning("SandboxProcess: sandbox did not start. stderr:\n%s", m_stderr.constData());
    stop();
    return false;
}

void SandboxProcess::stop() {
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: the sandbox stops cleanly
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_stderr += m_process->readAllStandardError();
    m_process.reset();
}

bool SandboxProcess::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

QUrl SandboxProcess::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString SandboxProcess::dataDir() const {
    return m_dir ? m_dir->path() : QString();
}

QString SandboxProcess::objectPath(const QString &key) const {
    return dataDir() + QStringLiteral("/objects/") + key;
}

QByteArray SandboxProcess::request(const QByteArray &verb, const QString &path,
                                   const QByteArray &body, int *statusOut) {
    QNetworkAccessManager nam;
    QNetworkRequest req(baseUrl().resolved(QUrl(path)));
    req.setRawHeader("X-API-Key", m_apiKey.toUtf8());
    if (!body.isNull())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setTransferTimeout(30000);
    QNetworkReply *reply = nam.sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (statusOut)
        *statusOut = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
}

QJsonObject SandboxProcess::getJson(const QString &path, int *statusOut) {
    return QJsonDocument::fromJson(request("GET", path, QByteArray(), statusOut)).object();
}

QJsonObject SandboxProcess::postJson(const QString &path, const QJsonObject &body, int *statusOut) {
    return QJsonDocument::fromJson(
               request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), statusOut))
        .object();
}

QJsonObject SandboxProcess::state() {
    return getJson(QStringLiteral("/_sandbox/state"));
}

bool SandboxProcess::setFaults(const QJsonObject &faults) {
    int status = 0;
    postJson(QStringLiteral("/_sandbox/faults"), faults, &status);
    return status == 200;
}

QJsonObject SandboxProcess::sample(const QString &id) {
    for (const QJsonValue &v : state().value("samples").toArray())
        if (v.toObject().value("id").toString() == id)
            return v.toObject();
    return QJsonObject();
}
