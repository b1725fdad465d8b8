#include "hashingfiledevice.h"

#include <QFileInfo>

namespace SeqDrop {

namespace {
constexpr qint64 BlockSize = 1 << 20;
}

HashingFileDevice::HashingFileDevice(const QString &path, QObject *parent)
    : HashingFileDevice(QStringList{path}, parent) {}

HashingFileDevice::HashingFileDevice(const QStringList &paths, QObject *parent)
    : QIODevice(parent) {
    for (const QString &path : paths)
        m_parts.append({path, 0, 0});
}

bool HashingFileDevice::fail(const QString &message) {
    m_errorText = message;
    setErrorString(message);
    return false;
}

bool HashingFileDevice::open(OpenMode mode) {
    if (mode != ReadOnly)
        return fail(QStringLiteral("HashingFileDevice is read-only."));
    // Sizes are fixed at open: a file that grows later is sent as it was, one that shrinks
    // fails loudly in readAt().
    m_size = 0;
    for (Part &part : m_parts) {
        QFile probe(part.path);
        if (!probe.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read %1: %2").arg(part.path, probe.errorString()));
        part.offset = m_size;
        part.size = probe.size();
        m_size += part.size;
    }
    m_md5.reset();
    m_hashedUpTo = m_observedUpTo = m_readPos = 0;
    m_buffer.clear();
    m_fileIndex = -1;
    return QIODevice::open(mode | Unbuffered);
}

void HashingFileDevice::close() {
    m_file.close();
    m_fileIndex = -1;
    QIODevice::close();
}

QByteArray HashingFileDevice::md5Hex() const {
    return m_md5.result().toHex();
}

qint64 HashingFileDevice::readAt(qint64 pos, char *data, qint64 maxSize) {
    int index = 0;
    while (index + 1 < m_parts.size() && pos >= m_parts.at(index + 1).offset)
        ++index;
    const Part &part = m_parts.at(index);
    if (index != m_fileIndex) {
        m_file.close();
        m_file.setFileName(part.path);
        if (!m_file.open(QIODevice::ReadOnly)) {
            fail(QStringLiteral("Cannot read %1: %2").arg(part.path, m_file.errorString()));
            return -1;
        }
        m_fileIndex = index;
    }
    const qint64 inFile = pos - part.offset;
    if (m_file.pos() != inFile && !m_file.seek(inFile)) {
        fail(QStringLiteral("Cannot seek in %1: %2").arg(part.path, m_file.errorString()));
        return -1;
    }
    const qint64 n = m_file.read(data, qMin(maxSize, part.size - inFile));
    if (n < 0) {
        fail(QStringLiteral("Reading %1 failed: %2").arg(part.path, m_file.errorString()));
        return -1;
    }
    if (n == 0) {
        // The file shrank under us: fail loudly instead of leaving the request waiting.
        fail(QStringLiteral("%1 became shorter while it was being uploaded.").arg(part.path));
        return -1;
    }
    return n;
}

bool HashingFileDevice::rehashUpTo(qint64 pos) {
    // Only reached when Qt rewinds the body mid-request (a resend on a fresh connection).
    m_md5.reset();
    m_hashedUpTo = 0;
    m_buffer.clear();
    QByteArray block(BlockSize, Qt::Uninitialized);
    while (m_hashedUpTo < pos) {
        const qint64 n =
            readAt(m_hashedUpTo, block.data(), qMin<qint64>(block.size(), pos - m_hashedUpTo));
        if (n < 0)
            return false;
        m_md5.addData(QByteArrayView(block.constData(), n));
        m_hashedUpTo += n;
    }
    return true;
}

bool HashingFileDevice::seek(qint64 pos) {
    if (pos < 0 || pos > m_size || !QIODevice::seek(pos))
        return false;
    const qint64 bufferStart = m_hashedUpTo - m_buffer.size();
    if (pos < bufferStart || pos > m_hashedUpTo) {
        if (!rehashUpTo(pos))
            return false;
    }
    m_readPos = pos;
    return true;
}

bool HashingFileDevice::fillBuffer() {
    m_buffer.resize(qMin(BlockSize, m_size - m_hashedUpTo));
    qint64 got = 0;
    while (got < m_buffer.size()) {
        const qint64 n = readAt(m_hashedUpTo + got, m_buffer.data() + got, m_buffer.size() - got);
        if (n < 0)
            return false;
        got += n;
    }
    m_md5.addData(m_buffer);
    m_hashedUpTo += m_buffer.size();
    if (m_observer && m_hashedUpTo > m_observedUpTo) {
        // After a rewind only the bytes the observer has not seen yet are passed on.
        const qint64 fresh = m_hashedUpTo - m_observedUpTo;
        const QByteArrayView block(m_buffer.constData() + (m_buffer.size() - fresh), fresh);
        m_observedUpTo = m_hashedUpTo;
        const QString problem = m_observer(block, m_hashedUpTo == m_size);
        if (!problem.isEmpty())
            return fail(problem);
    }
    return true;
}

qint64 HashingFileDevice::readData(char *data, qint64 maxSize) {
    qint64 copied = 0;
    while (copied < maxSize && m_readPos < m_size) {
        if (m_readPos == m_hashedUpTo && !fillBuffer())
            return copied > 0 ? copied : -1;
        const qint64 bufferStart = m_hashedUpTo - m_buffer.size();
        const qint64 n = qMin(maxSize - copied, m_hashedUpTo - m_readPos);
        memcpy(data + copied, m_buffer.constData() + (m_readPos - bufferStart), size_t(n));
        m_readPos += n;
        copied += n;
    }
    return copied;
}

} // namespace SeqDrop
