#include "s3assembly.h"

#include "bodyhash.h"

#include <QCryptographicHash>

S3Assembly::S3Assembly(const MultipartStore &store, const MultipartStore::Upload &upload,
                       const QList<S3Xml::CompletedPart> &parts, const QString &target)
    : m_store(store)
    , m_upload(upload)
    , m_parts(parts)
    , m_target(target)
    , m_out(target)
    , m_content(std::make_unique<BodyHash>(BodyHash::Algorithm::Md5))
    , m_buffer(1 << 20, Qt::Uninitialized) {
    QCryptographicHash ofParts(QCryptographicHash::Md5);
    for (const S3Xml::CompletedPart &p : parts)
        ofParts.addData(QByteArray::fromHex(upload.parts.value(p.number).md5.toLatin1()));
    m_etag = '"' + QString::fromLatin1(ofParts.result().toHex()) + '-' +
             QString::number(parts.size()) + '"';
}

S3Assembly::~S3Assembly() {
    m_out.close();
    if (!m_taken)
        QFile::remove(m_target);
}

bool S3Assembly::step(qint64 budget) {
    if (m_done)
        return true;
    if (!m_out.isOpen() && !m_out.open(QIODevice::WriteOnly))
        return false;
    while (budget > 0) {
        if (!m_in.isOpen()) {
            if (m_next == m_parts.size()) {
                m_md5 = QString::fromLatin1(m_content->result().toHex());
                m_done = m_out.flush();
                m_out.close();
                return m_done;
            }
            m_in.setFileName(m_store.partPath(m_upload.uploadId, m_parts[m_next++].number));
            if (!m_in.open(QIODevice::ReadOnly))
                return false;
        }
        const qint64 n = m_in.read(m_buffer.data(), qMin<qint64>(m_buffer.size(), budget));
        if (n < 0)
            return false;
        if (n == 0) {
            m_in.close();
            continue;
        }
        m_content->addData(QByteArrayView(m_buffer.constData(), qsizetype(n)));
        if (m_out.write(m_buffer.constData(), n) != n)
            return false;
        m_size += n;
        budget -= n;
    }
    return true;
}
