#include "upload/proxycheck.h"

#include "net/apiclient.h"

#include <QJsonObject>

namespace SeqDrop {

using Kind = UploadError::Kind;

ProxyCheck::ProxyCheck(ApiClient *api, const QUrl &statusUrl, const QString &sampleId,
                       QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_statusUrl(statusUrl)
    , m_sampleId(sampleId) {
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &ProxyCheck::poll);
}

ProxyCheck::~ProxyCheck() {
    if (m_job)
        delete m_job;
}

void ProxyCheck::start() {
    m_clock.start();
    poll();
}

void ProxyCheck::abort() {
    if (m_done)
        return;
    m_wait.stop();
    if (m_job) {
        m_job->abort(); // its finished() ends the check as cancelled
        return;
    }
    // Between two polls: nothing in flight, but finished() still comes from the event loop.
    m_done = true;
    QTimer::singleShot(0, this, [this] {
        m_error = UploadError::make(Kind::Cancelled, tr("Cancelled."));
        m_outcome = Outcome::Refused;
        Q_EMIT finished();
    });
}

void ProxyCheck::poll() {
    ++m_polls;
    ApiJob *job = m_api->proxyStatus(m_statusUrl, m_sampleId);
    m_job = job;
    connect(job, &NetworkJob::finished, this, [this, job] { onAnswer(job); });
    job->start();
}

void ProxyCheck::onAnswer(ApiJob *job) {
    job->deleteLater();
    m_job = nullptr;
    if (job->error().isError()) {
        finish(Outcome::Refused, job->error());
        return;
    }
    const QJsonObject answer = job->json().object();
    const QString detail = QStringLiteral("status_url %1 answered %2")
                               .arg(m_statusUrl.toString(QUrl::RemoveQuery),
                                    QString::fromUtf8(job->rawBody().left(300)));
    // As One Codex's own client reads it: no "complete" member means the check is over.
    if (!answer.value(QLatin1String("complete")).toBool(true)) {
        const int pollMs = m_api->transferSettings().proxyPollMs;
        if (m_clock.elapsed() + pollMs > m_api->transferSettings().proxyLimitMs) {
            finish(Outcome::Refused,
                   UploadError::make(Kind::Timeout,
                                     tr("One Codex did not finish checking the file in time."),
                                     detail));
            return;
        }
        m_wait.start(pollMs);
        return;
    }
    const int code = answer.value(QLatin1String("code")).toInt();
    QString message = answer.value(QLatin1String("msg")).toString();
    if (message.isEmpty())
        message = answer.value(QLatin1String("message")).toString();
    if (code == 200 || code == 201) {
        finish(Outcome::Passed, {});
        return;
    }
    if (message.isEmpty())
        message = QStringLiteral("code %1").arg(code);
    // 500: the proxy failed, not the file; retryable, so the route sends the files again.
    if (code == 500) {
        finish(Outcome::Retry,
               UploadError::make(
                   Kind::ServerUnavailable,
                   tr("One Codex could not finish checking the file: %1").arg(message), detail));
        return;
    }
    UploadError refused = UploadError::make(
        Kind::BadRequest, tr("One Codex refused the file: %1").arg(message), detail);
    refused.httpStatus = code;
    finish(Outcome::Refused, refused);
}

void ProxyCheck::finish(Outcome outcome, const UploadError &error) {
    if (m_done)
        return;
    m_done = true;
    m_outcome = outcome;
    m_error = error;
    Q_EMIT finished();
}

} // namespace SeqDrop
