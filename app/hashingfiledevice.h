#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QIODevice>

namespace SeqDrop {

// Streams a file from disk to the network and computes its MD5 from the very bytes handed
// over, so the storage host's ETag can be checked against what was really sent, not against
// a separate read that a changing file could make disagree. Random access (size known), which
// keeps QNetworkAccessManager from buffering the body in memory.
//
// Qt asks for the body 16 KiB at a time; the file is read (and hashed) 1 MiB at a time so a
// 20 GB upload costs 20 000 reads instead of 1.3 million (bench/upload_bench.sh measures it).
class HashingFileDevice : public QIODevice {
    Q_OBJECT
public:
    HashingFileDevice(const QString &path, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;

    QString errorText() const { return m_errorText; }
    // True once every byte was hashed exactly once, in order.
    bool isHashComplete() const {
        return m_size > 0 && m_hashedUpTo == m_size && m_readPos == m_size;
    }
    QByteArray md5Hex() const;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    bool rehashUpTo(qint64 pos);
    bool fillBuffer();

    QFile m_file;
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    qint64 m_size = 0;
    qint64 m_hashedUpTo = 0; // bytes [0, m_hashedUpTo) are in m_md5
    QByteArray m_buffer;     // the file's bytes [m_hashedUpTo - m_buffer.size(), m_hashedUpTo)
    qint64 m_readPos = 0;    // next byte handed to Qt
    QString m_errorText;
};

} // namespace SeqDrop
