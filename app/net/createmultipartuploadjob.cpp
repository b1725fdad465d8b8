#include "net/createmultipartuploadjob.h"

#include "net/s3xmlreader.h"

#include <QNetworkRequest>

namespace SeqDrop {

CreateMultipartUploadJob::CreateMultipartUploadJob(S3Client *client, const QString &bucket,
                                                   const QString &key)
    : S3Job(client, "POST", bucket, key) {}

void CreateMultipartUploadJob::addHeaders(QNetworkRequest *request) const {
    request->setRawHeader("x-amz-server-side-encryption", "AES256");
}

UploadError CreateMultipartUploadJob::readAnswer(QNetworkReply *reply, const QByteArray &body) {
    Q_UNUSED(reply)
    QString why;
    if (!S3XmlReader::readUploadId(body, &m_uploadId, &why))
        return unreadableAnswer(QStringLiteral("CreateMultipartUpload: %1: %2")
                                    .arg(why, QString::fromUtf8(body.left(300))));
    return {};
}

} // namespace SeqDrop
