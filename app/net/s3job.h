#pragma once

#include "net/networkjob.h"
#include "net/s3client.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

class QNetworkRequest;

namespace SeqDrop {

// One S3 operation on one object, signed with the client's credentials. Each attempt is built
// and signed just before it is sent, with the client's current region and corrected clock, so
// a retry after minutes (or after a correction) is never refused for a stale signature.
// Besides NetworkJob's retries of 5xx and dropped connections, an answer that says how to
// succeed is followed at once: RequestTimeTooSkewed sets the client's clock offset from the
// answer's Date, and a region redirect (x-amz-bucket-region, PermanentRedirect,
// AuthorizationHeaderMalformed) switches the client's region.
class S3Job : public NetworkJob {
    Q_OBJECT
public:
    const QString &bucket() const { return m_bucket; }
    const QString &key() const { return m_key; }
    // S3's error code of the last answer ("NoSuchUpload"), empty when it had none.
    const QString &s3ErrorCode() const { return m_s3Code; }
    // HTTP status of the last answer (0: none came).
    int httpStatus() const { return m_status; }
    // How many times a request left this computer, Qt's own silent resends on a dropped
    // connection included (ApiJob::timesSent()).
    int timesSent() const { return m_timesSent; }
    // The longest wait for the answer once the whole request is sent.
    void setAwaitingAnswerTimeout(int ms) { m_awaitingAnswerMs = ms; }

protected:
    S3Job(S3Client *client, const QByteArray &method, const QString &bucket, const QString &key);

    S3Client *client() const { return m_client; }
    // For a job whose next request is another operation (HEAD after a lost Complete).
    void setMethod(const QByteArray &method) { m_method = method; }
    const QByteArray &method() const { return m_method; }
    // The query, already encoded (encodeQueryValue()), e.g. "partNumber=2&uploadId=...".
    virtual QString query() const = 0;
    virtual QByteArray body() const { return {}; }
    // The body is file content (a part), read through the client's BandwidthLimiter.
    virtual bool isUpload() const { return false; }
    // Hex SHA-256 of body() by default; a large part may send it unsigned.
    virtual QByteArray payloadHash() const;
    // Headers of the operation (signed with the rest).
    virtual void addHeaders(QNetworkRequest *request) const { Q_UNUSED(request) }
    // Reads a 2xx answer without an <Error>.
    virtual UploadError readAnswer(QNetworkReply *reply, const QByteArray &body) = 0;
    // An S3 error that means the operation's goal is reached (NoSuchUpload to an abort).
    virtual bool acceptsError(const QString &code) {
        Q_UNUSED(code)
        return false;
    }
    // Called for each attempt with its reply, before it is sent (for progress).
    virtual void watchReply(QNetworkReply *reply) { Q_UNUSED(reply) }
    // Whether an earlier attempt may have reached the server without its answer reaching us.
    bool answerMayHaveBeenLost() const { return m_answerMayBeLost; }

    static QString encodeQueryValue(const QString &value);
    // An answer that is not the document the operation expects; `detail` says how.
    static UploadError unreadableAnswer(const QString &detail);

    QNetworkReply *sendRequest() override;
    UploadError processReply(QNetworkReply *reply) override;
    bool shouldRetry(const UploadError &e) const override;
    int awaitingAnswerTimeoutMs() const override { return m_awaitingAnswerMs; }
    QUrl targetUrl() const override;

private:
    QUrl requestUrl() const;
    QNetworkReply *putThrottled(const QNetworkRequest &request, const QByteArray &data);
    // True when the answer says what to change for the next attempt to succeed.
    bool learnFromError(QNetworkReply *reply, const QString &region, const QString &serverTime);

    QPointer<S3Client> m_client;
    QByteArray m_method;
    QString m_bucket;
    QString m_key;
    QString m_s3Code;
    int m_status = 0;
    int m_awaitingAnswerMs = 300000;
    int m_corrections = 0;
    int m_timesSent = 0;
    int m_sentThisAttempt = 0;
    bool m_retryAtOnce = false;
    bool m_answerMayBeLost = false;
};

} // namespace SeqDrop
