#include "net/throttleddevice.h"

#include "net/bandwidthlimiter.h"

namespace SeqDrop {

ThrottledDevice::ThrottledDevice(QIODevice *inner, BandwidthLimiter *limiter, QObject *parent)
    : QIODevice(parent)
    , m_inner(inner)
    , m_limiter(limiter) {
    inner->setParent(this);
}

bool ThrottledDevice::open(OpenMode mode) {
    if (!m_inner->isOpen() || (mode & WriteOnly))
        return false;
    // Unbuffered: QIODevice's own read-ahead would take bytes the limiter has not granted yet.
    return QIODevice::open(ReadOnly | Unbuffered);
}

bool ThrottledDevice::seek(qint64 pos) {
    return QIODevice::seek(pos) && m_inner->seek(pos);
}

qint64 ThrottledDevice::readData(char *data, qint64 maxSize) {
    const qint64 left = m_inner->size() - pos();
    const qint64 wanted = qMin(maxSize, left);
    if (wanted <= 0)
        return 0;
    const qint64 allowed = m_limiter ? m_limiter->take(wanted, this) : wanted;
    if (allowed == 0)
        return 0; // not at the end: Qt waits for readyRead()
    const qint64 read = m_inner->read(data, allowed);
    if (m_limiter && read < allowed)
        m_limiter->giveBack(allowed - qMax<qint64>(0, read));
    return read;
}

} // namespace SeqDrop
