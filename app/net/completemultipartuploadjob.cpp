#include "net/completemultipartuploadjob.h"

#include "net/s3xmlreader.h"
#include "util/logging.h"

#include <QNetworkReply>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

QList<S3Part> withMd5(QList<S3Part> parts) {
    // A part known only by its ETag (listed by ListParts) has that as its MD5.
    for (S3Part &part : parts) {
        if (part.md5Hex.isEmpty())
            part.md5Hex = part.etag;
        if (part.etag.isEmpty())
            part.etag = part.md5Hex;
    }
    return parts;
}

} // namespace

CompleteMultipartUploadJob::CompleteMultipartUploadJob(S3Client *client, const QString &bucket,
                                                       const QString &key, const QString &uploadId,
                                                       const QList<S3Part> &parts)
    : S3Job(client, "POST", bucket, key)
    , m_uploadId(uploadId)
    , m_parts(withMd5(parts))
    , m_body(requestBody(m_parts))
    , m_expectedEtag(S3Part::multipartEtag(m_parts)) {}

QByteArray CompleteMultipartUploadJob::requestBody(const QList<S3Part> &parts) {
    // Written by hand, not with QXmlStreamWriter: it escapes the ETags' quotes as &quot;,
    // valid XML that some S3 implementations compare literally. ETags are hex, '-' and digits.
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload "
                     "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (const S3Part &part : parts) {
        const QString etag = part.etag.isEmpty() ? part.md5Hex : part.etag;
        xml += "<Part><PartNumber>" + QByteArray::number(part.number) + "</PartNumber><ETag>\"" +
               etag.toHtmlEscaped().toUtf8() + "\"</ETag></Part>";
    }
    return xml + "</CompleteMultipartUpload>";
}

QString CompleteMultipartUploadJob::query() const {
    if (m_checkingObject)
        return {};
    return QStringLiteral("uploadId=") + encodeQueryValue(m_uploadId);
}

bool CompleteMultipartUploadJob::acceptsError(const QString &code) {
    if (m_checkingObject || code != QLatin1String("NoSuchUpload") || !answerMayHaveBeenLost())
        return false;
    // An earlier attempt completed the upload and its answer was lost: read what it made.
    qCInfo(lcApi) << "CompleteMultipartUpload: NoSuchUpload after a lost answer; checking" << key();
    m_checkingObject = true;
    setMethod("HEAD");
    return true;
}

UploadError CompleteMultipartUploadJob::checkEtag(const QString &etag) {
    if (etag.isEmpty())
        return UploadError::make(Kind::BadResponse,
                                 tr("The storage server did not return a checksum (ETag) for "
                                    "the assembled file, so its integrity cannot be checked."));
    if (etag != m_expectedEtag)
        return UploadError::make(Kind::IntegrityMismatch,
                                 tr("The storage server assembled the parts into a file whose "
                                    "checksum differs from the parts sent."),
                                 QStringLiteral("ETag %1, expected %2").arg(etag, m_expectedEtag));
    m_etag = etag;
    return {};
}

UploadError CompleteMultipartUploadJob::readAnswer(QNetworkReply *reply, const QByteArray &body) {
    if (m_checkingObject) {
        const UploadError e =
            checkEtag(S3Part::normalizedEtag(QString::fromLatin1(reply->rawHeader("ETag"))));
        m_alreadyCompleted = !e.isError();
        return e;
    }
    S3XmlReader::CompleteResult result;
    QString why;
    if (!S3XmlReader::readComplete(body, &result, &why))
        return unreadableAnswer(QStringLiteral("CompleteMultipartUpload: %1: %2")
                                    .arg(why, QString::fromUtf8(body.left(300))));
    return checkEtag(result.etag);
}

} // namespace SeqDrop
