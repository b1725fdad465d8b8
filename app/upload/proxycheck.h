#pragma once

#include "net/uploaderror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace SeqDrop {

class ApiClient;
class ApiJob;

// One Codex's validating proxy (the older upload_url of a standard upload) takes the form
// POST, then checks the file before it stores it: this asks its status_url, POST
// {"sample_id"}, every TransferSettings::proxyPollMs until it answers "complete", for
// proxyLimitMs at most. Complete with code 200/201 passes the file, 500 asks for the files
// again, anything else refuses them with the proxy's msg/message.
class ProxyCheck : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Passed, Retry, Refused };

    ProxyCheck(ApiClient *api, const QUrl &statusUrl, const QString &sampleId,
               QObject *parent = nullptr);
    ~ProxyCheck() override;

    void start();
    // Stops at once; finished() follows from the event loop with Kind::Cancelled.
    void abort();

    Outcome outcome() const { return m_outcome; }
    // Why the files were not passed (Retry: a retryable error; Refused: the proxy's message,
    // or the poll's own failure).
    const UploadError &error() const { return m_error; }
    int polls() const { return m_polls; }

Q_SIGNALS:
    void finished();

private:
    void poll();
    void onAnswer(ApiJob *job);
    void finish(Outcome outcome, const UploadError &error);

    ApiClient *m_api;
    QUrl m_statusUrl;
    QString m_sampleId;
    QPointer<ApiJob> m_job;
    QTimer m_wait;
    QElapsedTimer m_clock;
    Outcome m_outcome = Outcome::Refused;
    UploadError m_error;
    int m_polls = 0;
    bool m_done = false;
};

} // namespace SeqDrop
