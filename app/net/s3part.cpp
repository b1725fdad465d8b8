#include "net/s3part.h"

#include <QCryptographicHash>

namespace SeqDrop {

bool S3Part::operator==(const S3Part &other) const {
    return number == other.number && size == other.size && md5Hex == other.md5Hex &&
           etag == other.etag;
}

QString S3Part::multipartEtag(const QList<S3Part> &parts) {
    QCryptographicHash md5(QCryptographicHash::Md5);
    for (const S3Part &part : parts) {
        const QByteArray digest = QByteArray::fromHex(part.md5Hex.toLatin1());
        if (digest.size() != 16)
            return {};
        md5.addData(digest);
    }
    return QString::fromLatin1(md5.result().toHex()) + QLatin1Char('-') +
           QString::number(parts.size());
}

QString S3Part::normalizedEtag(const QString &etag) {
    QString out = etag.trimmed();
    out.remove(QLatin1Char('"'));
    out.remove(QLatin1String("&quot;"));
    return out.toLower();
}

} // namespace SeqDrop
