#pragma once

#include "net/s3job.h"

namespace SeqDrop {

// CreateMultipartUpload (POST ?uploads) with server-side encryption (AES256), as One Codex's
// bucket policy asks of every object. Retrying after a lost answer can leave an unused upload
// behind; S3's lifecycle rules (and AbortMultipartUpload, when the id is known) clean those.
class CreateMultipartUploadJob : public S3Job {
    Q_OBJECT
public:
    CreateMultipartUploadJob(S3Client *client, const QString &bucket, const QString &key);

    // Once finished without error.
    const QString &uploadId() const { return m_uploadId; }

protected:
    QString query() const override { return QStringLiteral("uploads="); }
    void addHeaders(QNetworkRequest *request) const override;
    UploadError readAnswer(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_uploadId;
};

} // namespace SeqDrop
