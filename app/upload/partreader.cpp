#include "upload/partreader.h"

#include "util/md5.h"

#include <QFile>
#include <QFileInfo>
#include <QThreadPool>

#include <condition_variable>
#include <mutex>

namespace SeqDrop {

namespace {
constexpr qint64 Block = qint64(1) << 20; // what the observer is fed at a time
} // namespace

// What the reading thread touches: never the PartReader itself, which may be gone.
struct PartReader::Shared {
    struct Piece {
        QString path;
        qint64 offset = 0; // where it starts in the concatenation
        qint64 size = 0;
    };
    QList<Piece> pieces;
    BlockObserver observer;
    QFile file;
    int fileIndex = -1;
    std::mutex mutex;
    std::condition_variable done;
    bool running = false;
    bool stop = false;

    // Reads [pos, pos + size) of the concatenation into `out`.
    bool read(qint64 pos, char *out, qint64 size, QString *error) {
        for (int i = 0; i < pieces.size() && size > 0; ++i) {
            const Piece &p = pieces[i];
            if (pos >= p.offset + p.size)
                continue;
            if (fileIndex != i) {
                file.close();
                file.setFileName(p.path);
                fileIndex = i;
                if (!file.open(QIODevice::ReadOnly)) {
                    *error = QStringLiteral("%1: %2").arg(p.path, file.errorString());
                    return false;
                }
            }
            const qint64 n = qMin(size, p.offset + p.size - pos);
            if (!file.seek(pos - p.offset) || file.read(out, n) != n) {
                *error = QStringLiteral("%1: the file ended early or could not be read (%2)")
                             .arg(p.path, file.errorString());
                return false;
            }
            pos += n;
            out += n;
            size -= n;
        }
        if (size > 0) {
            *error = QStringLiteral("%1 is shorter than when it was queued")
                         .arg(pieces.isEmpty() ? QString() : pieces.last().path);
            return false;
        }
        return true;
    }
};

PartReader::PartReader(const QStringList &paths, const PartPlan &plan, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_shared(std::make_shared<Shared>()) {
    qint64 offset = 0;
    for (const QString &path : paths) {
        const qint64 size = QFileInfo(path).size();
        m_shared->pieces.append({path, offset, size});
        offset += size;
    }
}

PartReader::~PartReader() {
    std::unique_lock<std::mutex> lock(m_shared->mutex);
    m_shared->stop = true;
    m_shared->done.wait(lock, [this] { return !m_shared->running; });
}

void PartReader::setBlockObserver(const BlockObserver &observer) {
    m_shared->observer = observer;
}

void PartReader::readNext() {
    if (m_reading || atEnd())
        return;
    m_reading = true;
    const int number = m_next;
    const qint64 offset = m_plan.offset(number);
    const qint64 length = m_plan.length(number);
    const bool lastPart = number == m_plan.count();
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->running = true;
    }
    std::shared_ptr<Shared> shared = m_shared;
    QThreadPool::globalInstance()->start([this, shared, number, offset, length, lastPart] {
        Outcome out;
        out.number = number;
        out.data = QByteArray(length, Qt::Uninitialized);
        Md5 md5;
        for (qint64 at = 0; at < length || at == 0; at += Block) {
            const qint64 n = qMin(Block, length - at);
            {
                std::lock_guard<std::mutex> lock(shared->mutex);
                if (shared->stop)
                    break;
            }
            if (n > 0 && !shared->read(offset + at, out.data.data() + at, n, &out.error))
                break;
            const QByteArrayView block(out.data.constData() + at, n);
            md5.addData(block);
            if (shared->observer) {
                out.error = shared->observer(block, lastPart && at + n >= length);
                out.refused = !out.error.isEmpty();
            }
            if (!out.error.isEmpty() || n == 0)
                break;
        }
        out.md5Hex = QString::fromLatin1(md5.result().toHex());
        std::lock_guard<std::mutex> lock(shared->mutex);
        if (!shared->stop) {
            // Posted while holding the lock: the destructor cannot run in between, and a
            // queued call to a destroyed receiver is dropped with it.
            QMetaObject::invokeMethod(
                this, [this, out] { deliver(out); }, Qt::QueuedConnection);
        }
        shared->running = false;
        shared->done.notify_all();
    });
}

void PartReader::deliver(const Outcome &out) {
    m_reading = false;
    if (!out.error.isEmpty()) {
        m_next = m_plan.count() + 1; // nothing more to read after a failure
        Q_EMIT failed(out.error, out.refused);
        return;
    }
    m_next = out.number + 1;
    Q_EMIT partRead(out.number, out.data, out.md5Hex);
}

} // namespace SeqDrop
