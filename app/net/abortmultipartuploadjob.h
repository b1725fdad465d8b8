#pragma once

#include "net/s3job.h"

namespace SeqDrop {

// AbortMultipartUpload (DELETE ?uploadId=U): frees the parts S3 holds. An upload S3 no longer
// knows (aborted before, or completed) is what an abort wants: the job succeeds and says so.
class AbortMultipartUploadJob : public S3Job {
    Q_OBJECT
public:
    AbortMultipartUploadJob(S3Client *client, const QString &bucket, const QString &key,
                            const QString &uploadId);

    const QString &uploadId() const { return m_uploadId; }
    // Finished with NoSuchUpload: nothing was left to abort.
    bool wasAlreadyGone() const { return m_alreadyGone; }

protected:
    QString query() const override;
    UploadError readAnswer(QNetworkReply *reply, const QByteArray &body) override;
    bool acceptsError(const QString &code) override;

private:
    QString m_uploadId;
    bool m_alreadyGone = false;
};

} // namespace SeqDrop
