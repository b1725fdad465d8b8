#pragma once

#include "multipartstore.h"
#include "s3xml.h"

#include <QFile>
#include <QString>
#include <memory>

class BodyHash;

// CompleteMultipartUpload's work on disk: the listed parts concatenated into one file, step by
// step, with the content's MD5 computed on the way and the multipart ETag (MD5 of the part MD5s
// recorded when they arrived, then -N). Steps let S3Multipart answer a large Complete as S3
// does: 200 at once, then a space now and then while the object is assembled, then the result.
class S3Assembly {
public:
    S3Assembly(const MultipartStore &store, const MultipartStore::Upload &upload,
               const QList<S3Xml::CompletedPart> &parts, const QString &target);
    ~S3Assembly(); // removes the target unless it was taken (taken())

    // Copies up to `budget` more bytes; false on an I/O error.
    bool step(qint64 budget);
    bool isDone() const { return m_done; }
    // The file now belongs to the caller (it was moved into place).
    void taken() { m_taken = true; }

    QString target() const { return m_target; }
    qint64 size() const { return m_size; }
    QString md5() const { return m_md5; }   // valid once done
    QString etag() const { return m_etag; } // quoted

private:
    const MultipartStore &m_store;
    MultipartStore::Upload m_upload;
    QList<S3Xml::CompletedPart> m_parts;
    QString m_target;
    QFile m_out, m_in;
    qsizetype m_next = 0; // index of the part to open next
    std::unique_ptr<BodyHash> m_content;
    QByteArray m_buffer;
    qint64 m_size = 0;
    bool m_done = false, m_taken = false;
    QString m_md5, m_etag;
};
