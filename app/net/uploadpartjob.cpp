#include "net/uploadpartjob.h"

#include "net/s3part.h"
#include "net/sigv4signer.h"
#include "util/md5.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace SeqDrop {

using Kind = UploadError::Kind;

UploadPartJob::UploadPartJob(S3Client *client, const QString &bucket, const QString &key,
                             const QString &uploadId, int number, const QByteArray &data,
                             const QString &md5Hex)
    : S3Job(client, "PUT", bucket, key)
    , m_uploadId(uploadId)
    , m_number(number)
    , m_data(data)
    , m_md5Hex(md5Hex.toLower()) {
    if (m_md5Hex.isEmpty()) {
        Md5 md5;
        md5.addData(m_data);
        m_md5Hex = QString::fromLatin1(md5.result().toHex());
    }
}

QString UploadPartJob::query() const {
    return QStringLiteral("partNumber=%1&uploadId=%2")
        .arg(m_number)
        .arg(encodeQueryValue(m_uploadId));
}

QByteArray UploadPartJob::payloadHash() const {
    return SigV4Signer::UnsignedPayload;
}

void UploadPartJob::addHeaders(QNetworkRequest *request) const {
    request->setRawHeader("Content-MD5", QByteArray::fromHex(m_md5Hex.toLatin1()).toBase64());
}

void UploadPartJob::watchReply(QNetworkReply *reply) {
    Q_EMIT progress(0, m_data.size());
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0)
            Q_EMIT progress(qMin(sent, qint64(m_data.size())), m_data.size());
    });
}

UploadError UploadPartJob::readAnswer(QNetworkReply *reply, const QByteArray &body) {
    Q_UNUSED(body)
    m_etag = S3Part::normalizedEtag(QString::fromLatin1(reply->rawHeader("ETag")));
    if (m_etag.isEmpty())
        return UploadError::make(Kind::BadResponse,
                                 tr("The storage server did not return a checksum (ETag) for "
                                    "part %1, so its integrity cannot be checked.")
                                     .arg(m_number));
    if (m_etag != m_md5Hex)
        return UploadError::make(Kind::IntegrityMismatch,
                                 tr("Part %1 arrived damaged: the storage server's checksum "
                                    "differs from the bytes sent.")
                                     .arg(m_number),
                                 QStringLiteral("ETag %1, local MD5 %2").arg(m_etag, m_md5Hex));
    return {};
}

UploadError UploadPartJob::inactivityError() const {
    return UploadError::make(Kind::Stalled,
                             tr("The upload of part %1 made no progress for a while; SeqDrop "
                                "restarts it.")
                                 .arg(m_number));
}

} // namespace SeqDrop
