#pragma once

#include "net/s3job.h"
#include "net/s3part.h"

namespace SeqDrop {

// CompleteMultipartUpload (POST ?uploadId=U with the part list). S3 may answer 200 and still
// fail (an <Error> in the body), which is retried like a 500. The object's ETag is checked
// against md5(part MD5s)-N, so a part list that differs from the bytes sent is caught here.
// When an attempt's answer was lost and the retry hears NoSuchUpload, the first attempt
// completed the upload: the job then reads the object's ETag (HEAD) to confirm it is ours and
// succeeds with wasAlreadyCompleted().
class CompleteMultipartUploadJob : public S3Job {
    Q_OBJECT
public:
    CompleteMultipartUploadJob(S3Client *client, const QString &bucket, const QString &key,
                               const QString &uploadId, const QList<S3Part> &parts);

    const QString &uploadId() const { return m_uploadId; }
    const QList<S3Part> &parts() const { return m_parts; }
    // "<md5 of the part MD5s>-<N>": what the completed object's ETag must be.
    const QString &expectedEtag() const { return m_expectedEtag; }
    // Once finished without error: the object's ETag, equal to expectedEtag().
    const QString &etag() const { return m_etag; }
    bool wasAlreadyCompleted() const { return m_alreadyCompleted; }

    // The request body S3 expects for `parts` (ETags quoted, in the order given).
    static QByteArray requestBody(const QList<S3Part> &parts);

protected:
    QString query() const override;
    QByteArray body() const override { return m_checkingObject ? QByteArray() : m_body; }
    UploadError readAnswer(QNetworkReply *reply, const QByteArray &body) override;
    bool acceptsError(const QString &code) override;
    bool hasMoreRequests() const override { return m_checkingObject && m_etag.isEmpty(); }

private:
    UploadError checkEtag(const QString &etag);

    QString m_uploadId;
    QList<S3Part> m_parts;
    QByteArray m_body;
    QString m_expectedEtag;
    QString m_etag;
    bool m_alreadyCompleted = false;
    bool m_checkingObject = false;
};

} // namespace SeqDrop
