#include "net/abortmultipartuploadjob.h"

namespace SeqDrop {

AbortMultipartUploadJob::AbortMultipartUploadJob(S3Client *client, const QString &bucket,
                                                 const QString &key, const QString &uploadId)
    : S3Job(client, "DELETE", bucket, key)
    , m_uploadId(uploadId) {}

QString AbortMultipartUploadJob::query() const {
    return QStringLiteral("uploadId=") + encodeQueryValue(m_uploadId);
}

UploadError AbortMultipartUploadJob::readAnswer(QNetworkReply *reply, const QByteArray &body) {
    Q_UNUSED(reply)
    Q_UNUSED(body)
    return {};
}

bool AbortMultipartUploadJob::acceptsError(const QString &code) {
    m_alreadyGone = code == QLatin1String("NoSuchUpload");
    return m_alreadyGone;
}

} // namespace SeqDrop
