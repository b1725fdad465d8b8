#include "net/hashingfiledevice.h"

#include <QFileInfo>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#elif defined(Q_OS_MACOS)
#include <pthread/qos.h>
#endif

namespace SeqDrop {

namespace {
constexpr qint64 BlockSize = 1 << 20;
constexpr size_t BlocksAhead = 4;

// The read-ahead thread (MD5 of every byte) runs below normal priority: it only has to stay
// 4 MiB ahead, and when the CPU is short the threads that move the bytes, other programs and,
// on a 2-core test machine, the sandbox come first. Upload bench, 1 GiB, 10 alternating
// rounds: 199 against 182 MB/s (curl 208). Nice +10 still leaves it a tenth of a busy core,
// about 50 MB/s of MD5, so it is never starved into a stall.
void lowerThisThreadsPriority() {
#if defined(Q_OS_LINUX)
    // Linux keeps a nice value per thread; Qt's thread priorities do nothing there for
    // ordinary threads. Relative, since lowering a nice value needs privileges.
    const auto tid = id_t(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, tid, qMin(19, getpriority(PRIO_PROCESS, tid) + 10));
#elif defined(Q_OS_WIN)
    SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
#elif defined(Q_OS_MACOS)
    pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0);
#endif
}
} // namespace

HashingFileDevice::HashingFileDevice(const QString &path, QObject *parent)
    : HashingFileDevice(QStringList{path}, parent) {}

HashingFileDevice::HashingFileDevice(const QStringList &paths, QObject *parent)
    : QIODevice(parent) {
    for (const QString &path : paths)
        m_parts.append({path, 0, 0});
}

HashingFileDevice::~HashingFileDevice() {
    stopReader();
}

bool HashingFileDevice::fail(const QString &message) {
    m_errorText = message;
    setErrorString(message);
    return false;
}

bool HashingFileDevice::open(OpenMode mode) {
    if (mode != ReadOnly)
        return fail(QStringLiteral("HashingFileDevice is read-only."));
    stopReader();
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
    m_current = {};
    m_fileIndex = -1;
    return QIODevice::open(mode | Unbuffered);
}

void HashingFileDevice::close() {
    stopReader();
    m_file.close();
    m_fileIndex = -1;
    QIODevice::close();
}

bool HashingFileDevice::isHashComplete() {
    stopReader(); // the reader is done by then; joining makes its results visible here
    return m_size > 0 && m_hashedUpTo == m_size && m_readPos == m_size;
}

QByteArray HashingFileDevice::md5Hex() {
    stopReader();
    return m_md5.result().toHex();
}

qint64 HashingFileDevice::readAt(qint64 pos, char *data, qint64 maxSize, QString *error) {
    int index = 0;
    while (index + 1 < m_parts.size() && pos >= m_parts.at(index + 1).offset)
        ++index;
    const Part &part = m_parts.at(index);
    if (index != m_fileIndex) {
        m_file.close();
        m_file.setFileName(part.path);
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("Cannot read %1: %2").arg(part.path, m_file.errorString());
            return -1;
        }
        m_fileIndex = index;
    }
    const qint64 inFile = pos - part.offset;
    if (m_file.pos() != inFile && !m_file.seek(inFile)) {
        *error = QStringLiteral("Cannot seek in %1: %2").arg(part.path, m_file.errorString());
        return -1;
    }
    const qint64 n = m_file.read(data, qMin(maxSize, part.size - inFile));
    if (n < 0) {
        *error = QStringLiteral("Reading %1 failed: %2").arg(part.path, m_file.errorString());
        return -1;
    }
    if (n == 0) {
        // The file shrank under us: fail loudly instead of leaving the request waiting.
        *error = QStringLiteral("%1 became shorter while it was being uploaded.").arg(part.path);
        return -1;
    }
    return n;
}

bool HashingFileDevice::produceBlock(Block *block, QString *error) {
    block->start = m_hashedUpTo;
    block->data.resize(qMin(BlockSize, m_size - m_hashedUpTo));
    qint64 got = 0;
    while (got < block->data.size()) {
        const qint64 n =
            readAt(m_hashedUpTo + got, block->data.data() + got, block->data.size() - got, error);
        if (n < 0)
            return false;
        got += n;
    }
    m_md5.addData(block->data);
    m_hashedUpTo += block->data.size();
    if (m_observer && m_hashedUpTo > m_observedUpTo) {
        // After a rewind only the bytes the observer has not seen yet are passed on.
        const qint64 fresh = m_hashedUpTo - m_observedUpTo;
        m_observedUpTo = m_hashedUpTo;
        *error = m_observer(
            QByteArrayView(block->data.constData() + (block->data.size() - fresh), fresh),
            m_hashedUpTo == m_size);
        if (!error->isEmpty()) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_readerRefused = true;
            return false;
        }
    }
    return true;
}

void HashingFileDevice::produce() {
    lowerThisThreadsPriority();
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || m_ready.size() < BlocksAhead; });
            if (m_stop)
                return;
        }
        if (m_hashedUpTo >= m_size) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_readerDone = true;
            m_changed.notify_all();
            return;
        }
        Block block;
        QString error;
        const bool ok = produceBlock(&block, &error);
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!ok) {
            m_readerError = error;
            m_readerDone = true;
        } else {
            m_ready.push_back(std::move(block));
        }
        m_changed.notify_all();
        if (!ok)
            return;
    }
}

void HashingFileDevice::startReader() {
    if (m_reader.joinable())
        return;
    m_stop = m_readerDone = m_readerRefused = false;
    m_readerError.clear();
    m_reader = std::thread(&HashingFileDevice::produce, this);
}

void HashingFileDevice::stopReader() {
    if (!m_reader.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_reader.join();
}

bool HashingFileDevice::rehashUpTo(qint64 pos, QString *error) {
    // Only reached when Qt rewinds the body mid-request (a resend on a fresh connection).
    m_md5.reset();
    m_hashedUpTo = 0;
    QByteArray block(BlockSize, Qt::Uninitialized);
    while (m_hashedUpTo < pos) {
        const qint64 n = readAt(m_hashedUpTo, block.data(),
                                qMin<qint64>(block.size(), pos - m_hashedUpTo), error);
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
    const qint64 currentEnd = m_current.start + m_current.data.size();
    if (pos >= m_current.start && pos <= currentEnd && !m_current.data.isEmpty()) {
        m_readPos = pos; // inside the block being handed out
        return true;
    }
    // Anywhere else: the read-ahead is thrown away and the hash rebuilt up to pos.
    stopReader();
    m_ready.clear();
    m_current = {};
    QString error;
    if (!rehashUpTo(pos, &error))
        return fail(error);
    m_readPos = pos;
    return true;
}

bool HashingFileDevice::takeBlock() {
    startReader();
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_readerDone; });
    if (m_ready.empty()) {
        m_refusedByObserver = m_readerRefused;
        const QString error = m_readerError.isEmpty()
                                  ? QStringLiteral("The upload source ended early.")
                                  : m_readerError;
        lock.unlock();
        return fail(error);
    }
    m_current = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.notify_all();
    return true;
}

qint64 HashingFileDevice::readData(char *data, qint64 maxSize) {
    qint64 copied = 0;
    while (copied < maxSize && m_readPos < m_size) {
        const qint64 currentEnd = m_current.start + m_current.data.size();
        if ((m_readPos >= currentEnd || m_current.data.isEmpty()) && !takeBlock())
            return copied > 0 ? copied : -1;
        const qint64 offset = m_readPos - m_current.start;
        const qint64 n = qMin(maxSize - copied, qint64(m_current.data.size()) - offset);
        memcpy(data + copied, m_current.data.constData() + offset, size_t(n));
        m_readPos += n;
        copied += n;
    }
    return copied;
}

} // namespace SeqDrop
