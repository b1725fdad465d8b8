#pragma once

#include "net/s3job.h"

namespace SeqDrop {

// UploadPart (PUT ?partNumber=N&uploadId=U) of one part held in memory. Content-MD5 lets S3
// refuse bytes damaged on the way (BadDigest), and the ETag it answers is checked against the
// same MD5. The body is sent as UNSIGNED-PAYLOAD: the connection is TLS (or loopback) and the
// MD5 covers the content, so hashing every part a second time with SHA-256 buys nothing.
class UploadPartJob : public S3Job {
    Q_OBJECT
public:
    // An empty md5Hex is computed from data.
    UploadPartJob(S3Client *client, const QString &bucket, const QString &key,
                  const QString &uploadId, int number, const QByteArray &data,
                  const QString &md5Hex);

    const QString &uploadId() const { return m_uploadId; }
    int partNumber() const { return m_number; }
    qint64 size() const { return m_data.size(); }
    const QString &md5Hex() const { return m_md5Hex; }
    // Once finished without error: the part's ETag (unquoted, lower case), equal to md5Hex().
    const QString &etag() const { return m_etag; }

Q_SIGNALS:
    // Bytes of this part sent in the current attempt (a retry starts at 0 again).
    void progress(qint64 sent, qint64 total);

protected:
    QString query() const override;
    QByteArray body() const override { return m_data; }
    bool isUpload() const override { return true; }
    QByteArray payloadHash() const override;
    void addHeaders(QNetworkRequest *request) const override;
    void watchReply(QNetworkReply *reply) override;
    UploadError readAnswer(QNetworkReply *reply, const QByteArray &body) override;
    UploadError inactivityError() const override;

private:
    QString m_uploadId;
    int m_number;
    QByteArray m_data;
    QString m_md5Hex;
    QString m_etag;
};

} // namespace SeqDrop
