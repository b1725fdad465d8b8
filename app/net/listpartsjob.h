#pragma once

#include "net/s3job.h"
#include "net/s3part.h"

namespace SeqDrop {

// ListParts (GET ?uploadId=U): every part S3 holds for an upload, all pages read in turn
// (part-number-marker), in part-number order. What a resumed upload trusts instead of its
// journal: a part is done when S3 lists it with the ETag of the local bytes.
class ListPartsJob : public S3Job {
    Q_OBJECT
public:
    ListPartsJob(S3Client *client, const QString &bucket, const QString &key,
                 const QString &uploadId);

    const QString &uploadId() const { return m_uploadId; }
    // Parts per page asked for (S3's default and maximum is 1000); 0 leaves it to S3.
    void setMaxParts(int maxParts) { m_maxParts = maxParts; }
    // Once finished without error. md5Hex is the listed ETag (a part's ETag is its MD5).
    const QList<S3Part> &parts() const { return m_parts; }
    int pagesRead() const { return m_pages; }

protected:
    QString query() const override;
    UploadError readAnswer(QNetworkReply *reply, const QByteArray &body) override;
    bool hasMoreRequests() const override { return m_nextMarker > 0; }

private:
    QString m_uploadId;
    QList<S3Part> m_parts;
    int m_maxParts = 0;
    int m_marker = 0;
    int m_nextMarker = 0;
    int m_pages = 0;
};

} // namespace SeqDrop
