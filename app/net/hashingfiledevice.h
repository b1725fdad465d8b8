#pragma once

#include "util/md5.h"

#include <QByteArrayView>
#include <QFile>
#include <QIODevice>
#include <QStringList>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace SeqDrop {

// Streams one file, or several files back to back (the lanes of one Illumina sample), from disk
// to the network and computes the MD5 of the very bytes handed over, so the storage host's ETag
// is checked against what was really sent. Random access (size known), which keeps
// QNetworkAccessManager from buffering the body in memory.
//
// Qt asks for the body 16 KiB at a time, on the thread that owns the reply, and hands each
// piece to its network thread. Reading and hashing happen ahead on a worker thread, 1 MiB at a
// time (at most 4 MiB ahead), so Qt's thread only copies bytes: a 20 GB upload costs 20 000
// reads instead of 1.3 million, and MD5 no longer stalls the send (bench/upload_bench.sh).
class HashingFileDevice : public QIODevice {
    Q_OBJECT
public:
    explicit HashingFileDevice(const QString &path, QObject *parent = nullptr);
    explicit HashingFileDevice(const QStringList &paths, QObject *parent = nullptr);

    // Sees every block once, in order, as it is read for sending: a validator can check the
    // content with the same disk read. A non-empty return aborts the upload with that message.
    // Called on the read-ahead worker thread: the observer must not touch the caller's objects.
    using BlockObserver = std::function<QString(QByteArrayView block, bool last)>;
    void setBlockObserver(const BlockObserver &observer) { m_observer = observer; }

    ~HashingFileDevice() override;

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;

    QString errorText() const { return m_errorText; }
    // True when the block observer (a validator) refused the content, not the disk.
    bool refusedByObserver() const { return m_refusedByObserver; }
    // True once every byte was hashed exactly once, in order, and handed out.
    bool isHashComplete();
    QByteArray md5Hex();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Part {
        QString path;
        qint64 size = 0;
        qint64 offset = 0; // where it starts in the concatenation
    };
    struct Block {
        qint64 start = 0;
        QByteArray data;
    };

    // Reader side: used by the worker while it runs, by the caller's thread only when it does not.
    bool produceBlock(Block *block, QString *error);
    qint64 readAt(qint64 pos, char *data, qint64 maxSize, QString *error);
    bool rehashUpTo(qint64 pos, QString *error);
    void produce();
    void startReader();
    void stopReader();
    // Caller side.
    bool takeBlock();
    bool fail(const QString &message);

    QList<Part> m_parts;
    qint64 m_size = 0;

    // Reader state.
    QFile m_file;
    int m_fileIndex = -1;
    Md5 m_md5;
    BlockObserver m_observer;
    qint64 m_hashedUpTo = 0;   // bytes [0, m_hashedUpTo) are in m_md5
    qint64 m_observedUpTo = 0; // bytes the observer has seen

    // Shared between the two, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Block> m_ready;
    QString m_readerError;
    bool m_readerRefused = false;
    bool m_readerDone = false;
    bool m_stop = false;
    std::thread m_reader;

    // Caller state.
    Block m_current;      // the block bytes are being copied from
    qint64 m_readPos = 0; // next byte handed to Qt
    QString m_errorText;
    bool m_refusedByObserver = false;
};

} // namespace SeqDrop
