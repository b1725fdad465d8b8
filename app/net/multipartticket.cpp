#include "net/multipartticket.h"

namespace SeqDrop {

QString MultipartTicket::s3Path(const QString &key) const {
    return QStringLiteral("s3://%1/%2").arg(s3Bucket, key);
}

MultipartTicket MultipartTicket::parse(const QJsonObject &answer, QString *error) {
    MultipartTicket ticket;
    const auto text = [&answer](const char *name) {
        return answer.value(QLatin1String(name)).toString();
    };
    QStringList missing;
    const auto require = [&](const char *name, QString *into) {
        *into = text(name);
        if (into->isEmpty())
            missing.append(QLatin1String(name));
    };
    require("callback_url", &ticket.callbackUrl);
    require("file_id", &ticket.fileId);
    require("s3_bucket", &ticket.s3Bucket);
    QString keyId, secret;
    require("upload_aws_access_key_id", &keyId);
    require("upload_aws_secret_access_key", &secret);
    // Registered even when the answer is unusable: it may still be logged as a whole.
    ticket.credentials = S3Credentials(keyId, secret);
    ticket.pairedEndFileId = text("paired_end_file_id"); // null for a single file
    // Numbers are tolerated: the id is opaque, and One Codex's are hex strings.
    const QJsonValue sampleId = answer.value(QLatin1String("sample_id"));
    ticket.sampleId =
        sampleId.isDouble() ? QString::number(sampleId.toInteger()) : sampleId.toString();
    if (ticket.sampleId.isEmpty())
        missing.append(QStringLiteral("sample_id"));
    if (!missing.isEmpty()) {
        if (error)
            *error = tr("One Codex's answer to the multipart upload request lacks %1.")
                         .arg(missing.join(QStringLiteral(", ")));
        return {};
    }
    if (error)
        error->clear();
    return ticket;
}

} // namespace SeqDrop
