#pragma once

#include "net/retrypolicy.h"
#include "net/uploaderror.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace SeqDrop {

class NetworkWatcher;

// One network operation, KJob-style: start(), abort(), a single finished() signal, error().
// Each attempt is exactly one QNetworkReply (Nextcloud's AbstractNetworkJob pattern); the job
// re-sends on transient failures with bounded backoff and aborts an attempt that makes no
// progress for too long. Subclasses build the request and read the answer.
class NetworkJob : public QObject {
    Q_OBJECT
public:
    explicit NetworkJob(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~NetworkJob() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    // No bytes moving in either direction for this long aborts the attempt.
    void setInactivityTimeout(int ms) { m_inactivityMs = ms; }
    int inactivityTimeout() const { return m_inactivityMs; }
    // While it says the network is down, a retry waits for it instead of failing again.
    void setNetworkWatcher(NetworkWatcher *watcher);

    // A job runs once: a second start() is ignored (with a warning). Two attempts in flight
    // would race, and the job would read its answer from whichever reply it tracks last.
    void start();
    // Stops at once; finished() follows (from the event loop) with Kind::Cancelled.
    void abort();

    bool isFinished() const { return m_finished; }
    const UploadError &error() const { return m_error; }
    int retries() const { return m_retries; }
    // False while waiting to retry: aborting then cannot lose a server-side effect.
    bool isRequestInFlight() const { return !m_reply.isNull(); }
    // Waiting for the network to come back before the next attempt.
    bool isWaitingForNetwork() const { return m_waitingForNetwork; }

Q_SIGNALS:
    void finished();
    void retrying(int retry, int delayMs, const SeqDrop::UploadError &reason);

protected:
    QNetworkAccessManager *nam() const { return m_nam; }
    // Sends one attempt. Returning nullptr means the attempt could not be built: the subclass
    // has called fail() already.
    virtual QNetworkReply *sendRequest() = 0;
    // Reads a finished reply; returns Kind::None on success.
    virtual UploadError processReply(QNetworkReply *reply) = 0;
    virtual bool shouldRetry(const UploadError &e) const { return e.isRetryable(); }
    // A job made of several requests (a listing read page by page) says yes after a
    // successful one to have the next sent; processReply() prepared it.
    virtual bool hasMoreRequests() const { return false; }
    virtual UploadError inactivityError() const;
    // Timeout used once every byte of the request is sent: a server finishing a 20 GB object
    // may take a while to answer and that is not a stall.
    virtual int awaitingAnswerTimeoutMs() const { return m_inactivityMs; }
    // Where the request goes: a server on this computer is reachable without a network.
    virtual QUrl targetUrl() const = 0;
    void noteProgress();
    void noteRequestSent();
    void fail(const UploadError &e);

private:
    void attempt();
    void retry();
    void onReplyFinished();
    void onInactivity();
    void finish(const UploadError &e);

    QNetworkAccessManager *m_nam;
    QPointer<NetworkWatcher> m_watcher;
    QPointer<QNetworkReply> m_reply;
    RetryPolicy m_policy;
    QTimer m_inactivity;
    QTimer m_retryTimer;
    UploadError m_error;
    UploadError m_pendingTimeout;
    int m_inactivityMs = 60000;
    int m_retries = 0;
    bool m_aborting = false;
    bool m_timedOut = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_waitingForNetwork = false;
};

} // namespace SeqDrop
