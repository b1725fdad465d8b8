#pragma once

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QFile>
#include <QIODevice>
#include <QStringList>

#include <functional>

namespace SeqDrop {

// Streams one file, or several files back to back (the lanes of one Illumina sample), from disk
// to the network and computes the MD5 of the very bytes handed over, so the storage host's ETag
// is checked against what was really sent. Random access (size known), which keeps
// QNetworkAccessManager from buffering the body in memory.
//
// Qt asks for the body 16 KiB at a time; the files are read (and hashed) 1 MiB at a time so a
// 20 GB upload costs 20 000 reads instead of 1.3 million (bench/upload_bench.sh measures it).
class HashingFileDevice : public QIODevice {
    Q_OBJECT
public:
    explicit HashingFileDevice(const QString &path, QObject *parent = nullptr);
    explicit HashingFileDevice(const QStringList &paths, QObject *parent = nullptr);

    // Sees every block once, in order, as it is read for sending: a validator can check the
    // content with the same disk read. A non-empty return aborts the upload with that message.
    using BlockObserver = std::function<QString(QByteArrayView block, bool last)>;
    void setBlockObserver(const BlockObserver &observer) { m_observer = observer; }

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;

    QString errorText() const { return m_errorText; }
    // True once every byte was hashed exactly once, in order, and handed out.
    bool isHashComplete() const {
        return m_size > 0 && m_hashedUpTo == m_size && m_readPos == m_size;
    }
    QByteArray md5Hex() const;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Part {
        QString path;
        qint64 size = 0;
        qint64 offset = 0; // where it starts in the concatenation
    };

    bool rehashUpTo(qint64 pos);
    bool fillBuffer();
    // Reads up to maxSize bytes of the concatenation at `pos` (never across a file end).
    qint64 readAt(qint64 pos, char *data, qint64 maxSize);
    bool fail(const QString &message);

    QList<Part> m_parts;
    QFile m_file;
    int m_fileIndex = -1;
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    BlockObserver m_observer;
    qint64 m_size = 0;
    qint64 m_hashedUpTo = 0;   // bytes [0, m_hashedUpTo) are in m_md5
    qint64 m_observedUpTo = 0; // bytes the observer has seen
    QByteArray m_buffer;       // the bytes [m_hashedUpTo - m_buffer.size(), m_hashedUpTo)
    qint64 m_readPos = 0;      // next byte handed to Qt
    QString m_errorText;
};

} // namespace SeqDrop
