#include "hashingfiledevice.h"

#include <QFileInfo>

namespace SeqDrop {

HashingFileDevice::HashingFileDevice(const QString &path, QObject *parent)
    : QIODevice(parent)
    , m_file(path) {}

bool HashingFileDevice::open(OpenMode mode) {
    if (mode != ReadOnly) {
        m_errorText = QStringLiteral("HashingFileDevice is read-only.");
        return false;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_errorText =
            QStringLiteral("Cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_size = m_file.size();
    m_md5.reset();
    m_hashedUpTo = 0;
    m_readPos = 0;
    m_buffer.clear();
    return QIODevice::open(mode | Unbuffered);
}

void HashingFileDevice::close() {
    m_file.close();
    QIODevice::close();
}

QByteArray HashingFileDevice::md5Hex() const {
    return m_md5.result().toHex();
}

namespace {
constexpr qint64 BlockSize = 1 << 20;
}

bool HashingFileDevice::rehashUpTo(qint64 pos) {
    // Only reached when Qt rewinds the body mid-request (a resend on a fresh connection).
    m_md5.reset();
    m_hashedUpTo = 0;
    m_buffer.clear();
    if (!m_file.seek(0))
        return false;
    QByteArray block(BlockSize, Qt::Uninitialized);
    while (m_hashedUpTo < pos) {
        const qint64 n = m_file.read(block.data(), qMin<qint64>(block.size(), pos - m_hashedUpTo));
        if (n <= 0)
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
    if (pos >= bufferStart && pos <= m_hashedUpTo) {
        m_readPos = pos; // inside what is already read and hashed
        return true;
    }
    if (!rehashUpTo(pos))
        return false;
    m_readPos = pos;
    return true;
}

bool HashingFileDevice::fillBuffer() {
    m_buffer.resize(qMin(BlockSize, m_size - m_hashedUpTo));
    qint64 got = 0;
    while (got < m_buffer.size()) {
        const qint64 n = m_file.read(m_buffer.data() + got, m_buffer.size() - got);
        if (n < 0) {
            m_errorText = QStringLiteral("Reading %1 failed: %2")
                              .arg(m_file.fileName(), m_file.errorString());
            return false;
        }
        if (n == 0) {
            // The file shrank under us: fail loudly instead of leaving the request waiting.
            m_errorText = QStringLiteral("%1 became shorter while it was being uploaded.")
                              .arg(m_file.fileName());
            return false;
        }
        got += n;
    }
    m_md5.addData(m_buffer);
    m_hashedUpTo += m_buffer.size();
    return true;
}

qint64 HashingFileDevice::readData(char *data, qint64 maxSize) {
    qint64 copied = 0;
    while (copied < maxSize && m_readPos < m_size) {
        if (m_readPos == m_hashedUpTo && !fillBuffer()) {
            setErrorString(m_errorText);
            return copied > 0 ? copied : -1;
        }
        const qint64 bufferStart = m_hashedUpTo - m_buffer.size();
        const qint64 n = qMin(maxSize - copied, m_hashedUpTo - m_readPos);
        memcpy(data + copied, m_buffer.constData() + (m_readPos - bufferStart), size_t(n));
        m_readPos += n;
        copied += n;
    }
    return copied;
}

} // namespace SeqDrop
