#include "net/networkjob.h"

#include "net/networkwatcher.h"
#include "util/logging.h"

#include <QNetworkReply>

namespace SeqDrop {

NetworkJob::NetworkJob(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam) {
    m_inactivity.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, &NetworkJob::onInactivity);
    connect(&m_retryTimer, &QTimer::timeout, this, &NetworkJob::retry);
}

NetworkJob::~NetworkJob() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void NetworkJob::start() {
    // Once: a second start would send the request twice and leave the first reply's answer
    // read from the second one.
    if (m_started) {
        qCWarning(lcApi) << metaObject()->className()
                         << "started twice; the second start is ignored";
        return;
    }
    m_started = true;
    attempt();
}

void NetworkJob::setNetworkWatcher(NetworkWatcher *watcher) {
    m_watcher = watcher;
    if (!watcher)
        return;
    connect(watcher, &NetworkWatcher::networkChanged, this, [this](bool up) {
        if (up && m_waitingForNetwork) {
            m_waitingForNetwork = false;
            attempt();
        }
    });
}

void NetworkJob::retry() {
    // A retry sent while the network is down would only fail again and use up the attempts a
    // long outage or a laptop's sleep needs afterwards: it waits for the network instead.
    if (m_watcher && !m_watcher->isOnline(targetUrl())) {
        m_waitingForNetwork = true;
        return;
    }
    attempt();
}

void NetworkJob::abort() {
    if (m_finished)
        return;
    m_aborting = true;
    m_retryTimer.stop();
    m_waitingForNetwork = false;
    if (m_reply)
        m_reply->abort(); // finished() of the reply arrives synchronously and ends the job
    else
        finish(UploadError::make(UploadError::Kind::Cancelled, tr("Cancelled.")));
}

UploadError NetworkJob::inactivityError() const {
    return UploadError::make(
        UploadError::Kind::Timeout,
        tr("The server did not answer within %1 seconds.").arg(m_inactivityMs / 1000));
}

void NetworkJob::noteProgress() {
    if (m_reply)
        m_inactivity.start(m_inactivityMs);
}

void NetworkJob::noteRequestSent() {
    if (m_reply)
        m_inactivity.start(awaitingAnswerTimeoutMs());
}

void NetworkJob::fail(const UploadError &e) {
    finish(e);
}

void NetworkJob::attempt() {
    if (m_finished)
        return;
    m_timedOut = false;
    QNetworkReply *reply = sendRequest();
    if (!reply)
        return; // the subclass failed the job
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &NetworkJob::onReplyFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, &NetworkJob::noteProgress);
    m_inactivity.start(m_inactivityMs);
}

void NetworkJob::onInactivity() {
    if (!m_reply)
        return;
    m_timedOut = true;
    m_pendingTimeout = inactivityError();
    m_reply->abort();
}

void NetworkJob::onReplyFinished() {
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_inactivity.stop();
    if (!reply)
        return;
    reply->deleteLater();

    UploadError e;
    if (m_aborting)
        e = UploadError::make(UploadError::Kind::Cancelled, tr("Cancelled."));
    else if (m_timedOut)
        e = m_pendingTimeout;
    else
        e = processReply(reply);

    if (!e.isError() && !m_aborting && hasMoreRequests()) {
        attempt();
        return;
    }
    if (e.isError() && !m_aborting && shouldRetry(e) && m_retries < m_policy.maxRetries()) {
        ++m_retries;
        const int delay = m_policy.delayMs(m_retries, e.retryAfterMs);
        Q_EMIT retrying(m_retries, delay, e);
        m_retryTimer.start(delay);
        return;
    }
    if (e.isError() && !m_aborting && shouldRetry(e) && m_retries > 0) {
        // The messages describe the problem, not what happens next: the retry notices say
        // that while retrying, and the final error says that SeqDrop stopped.
        e.message += QLatin1Char(' ') +
                     tr("SeqDrop gave up after %n retry(s); try again later.", nullptr, m_retries);
    }
    finish(e);
}

void NetworkJob::finish(const UploadError &e) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = e;
    // Announced from the event loop, never from inside a QNetworkReply signal: whoever
    // listens usually deletes this job and starts the next request, which should not happen
    // while Qt is still unwinding the reply.
    QMetaObject::invokeMethod(this, &NetworkJob::finished, Qt::QueuedConnection);
}

} // namespace SeqDrop
