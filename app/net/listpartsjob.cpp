#include "net/listpartsjob.h"

#include "net/s3xmlreader.h"

#include <algorithm>

namespace SeqDrop {

ListPartsJob::ListPartsJob(S3Client *client, const QString &bucket, const QString &key,
                           const QString &uploadId)
    : S3Job(client, "GET", bucket, key)
    , m_uploadId(uploadId) {}

QString ListPartsJob::query() const {
    QString q;
    if (m_maxParts > 0)
        q += QStringLiteral("max-parts=%1&").arg(m_maxParts);
    if (m_marker > 0)
        q += QStringLiteral("part-number-marker=%1&").arg(m_marker);
    return q + QStringLiteral("uploadId=") + encodeQueryValue(m_uploadId);
}

UploadError ListPartsJob::readAnswer(QNetworkReply *reply, const QByteArray &body) {
    Q_UNUSED(reply)
    S3XmlReader::PartsPage page;
    QString why;
    m_nextMarker = 0;
    if (!S3XmlReader::readPartsPage(body, &page, &why))
        return unreadableAnswer(
            QStringLiteral("ListParts: %1: %2").arg(why, QString::fromUtf8(body.left(300))));
    ++m_pages;
    for (const S3Part &part : page.parts) {
        // A page repeated after a retry must not list a part twice.
        const bool known = std::any_of(m_parts.cbegin(), m_parts.cend(),
                                       [&](const S3Part &p) { return p.number == part.number; });
        if (!known)
            m_parts.append(part);
    }
    if (page.isTruncated) {
        // A marker that does not move forward would page forever.
        if (page.nextPartNumberMarker <= m_marker)
            return unreadableAnswer(QStringLiteral("ListParts: truncated page without a "
                                                   "later NextPartNumberMarker (%1)")
                                        .arg(page.nextPartNumberMarker));
        m_marker = page.nextPartNumberMarker;
        m_nextMarker = m_marker;
    }
    std::sort(m_parts.begin(), m_parts.end(),
              [](const S3Part &a, const S3Part &b) { return a.number < b.number; });
    return {};
}

} // namespace SeqDrop
