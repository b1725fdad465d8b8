#include "net/formbodydevice.h"

#include <cstring>

namespace SeqDrop {

namespace {

QByteArray quotedForHeader(QString text) {
    // A name travels in a quoted header parameter; quotes and line breaks would end the header
    // early, so they are replaced.
    text.replace(QLatin1Char('"'), QLatin1Char('_'));
    text.replace(QLatin1Char('\r'), QLatin1Char('_'));
    text.replace(QLatin1Char('\n'), QLatin1Char('_'));
    return text.toUtf8();
}

} // namespace

FormBodyDevice::FormBodyDevice(const QByteArray &boundary, const QList<FormField> &fields,
                               const QString &fileName, QIODevice *file, QObject *parent)
    : QIODevice(parent)
    , m_boundary(boundary)
    , m_file(file) {
    file->setParent(this);
    for (const FormField &field : fields)
        m_head += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
                  quotedForHeader(field.name) + "\"\r\n\r\n" + field.value.toUtf8() + "\r\n";
    // The file last: S3 ignores every field after it.
    m_head += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
              quotedForHeader(fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    m_tail = "\r\n--" + boundary + "--\r\n";
}

QByteArray FormBodyDevice::contentType() const {
    return "multipart/form-data; boundary=" + m_boundary;
}

bool FormBodyDevice::open(OpenMode mode) {
    if (!m_file->isOpen() || (mode & WriteOnly))
        return false;
    return QIODevice::open(ReadOnly | Unbuffered);
}

qint64 FormBodyDevice::size() const {
    return m_head.size() + m_file->size() + m_tail.size();
}

bool FormBodyDevice::seek(qint64 pos) {
    if (!QIODevice::seek(pos))
        return false;
    const qint64 inFile = qBound<qint64>(0, pos - m_head.size(), m_file->size());
    return m_file->pos() == inFile || m_file->seek(inFile);
}

qint64 FormBodyDevice::readData(char *data, qint64 maxSize) {
    const qint64 at = pos();
    const qint64 headSize = m_head.size();
    const qint64 fileEnd = headSize + m_file->size();
    if (at < headSize) {
        const qint64 n = qMin(maxSize, headSize - at);
        std::memcpy(data, m_head.constData() + at, size_t(n));
        return n;
    }
    if (at < fileEnd) {
        // The file's own position follows ours (seek() keeps them together).
        return m_file->read(data, qMin(maxSize, fileEnd - at));
    }
    const qint64 n = qMin(maxSize, size() - at);
    if (n <= 0)
        return 0;
    std::memcpy(data, m_tail.constData() + (at - fileEnd), size_t(n));
    return n;
}

} // namespace SeqDrop
