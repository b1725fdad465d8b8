// HashingFileDevice: the MD5 of the bytes actually handed to the network, so the storage ETag
// can be checked against what was sent, surviving Qt rewinding the body for a resend.
#include "net/hashingfiledevice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using SeqDrop::HashingFileDevice;

namespace {

QByteArray content(qint64 size, quint32 seed) {
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(gen.bounded(256));
    return data;
}

bool writeFile(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray md5Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

// Reads until EOF in chunks of `chunk`; returns what was read, or fails the test on -1.
QByteArray readAll(QIODevice &device, qint64 chunk, bool *failed = nullptr) {
    QByteArray result;
    QByteArray buffer(chunk, Qt::Uninitialized);
    if (failed)
        *failed = false;
    for (int guard = 0; guard < 1000000; ++guard) {
        const qint64 n = device.read(buffer.data(), chunk);
        if (n < 0) {
            if (failed)
                *failed = true;
            break;
        }
        if (n == 0 && device.atEnd())
            break;
        result.append(buffer.constData(), n);
    }
    return result;
}

} // namespace

class TestHashingFileDevice : public QObject {
    Q_OBJECT

private slots:
    void init();
    void md5MatchesFile_data();
    void md5MatchesFile();
    void notCompleteUntilEnd();
    void rewindAndReadAgain();
    void rewindMidway();
    void seekToMiddle();
    void seekOutOfRange();
    void fileShrinksAfterOpen();
    void fileGrowsAfterOpen();
    void missingFile();
    void readOnlyOnly();
    void emptyFile();
    void concatenatesLanes();
    void observerSeesEveryByteOnce();
    void observerProblemAbortsRead();
#ifdef Q_OS_LINUX
    void readAheadRunsBelowNormalPriority();
#endif

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_data;
};

void TestHashingFileDevice::init() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("reads.fastq.gz"));
    // A bit over 3 MiB, odd-sized, random content: crosses every internal buffer boundary.
    m_data = content(3 * 1024 * 1024 + 12345, 42);
    QVERIFY(writeFile(m_path, m_data));
}

void TestHashingFileDevice::md5MatchesFile_data() {
    QTest::addColumn<qint64>("chunk");
    QTest::newRow("1 byte") << qint64(1);
    QTest::newRow("7 bytes") << qint64(7);
    QTest::newRow("4099 bytes") << qint64(4099);
    QTest::newRow("16 KiB (Qt's upload chunk)") << qint64(16 * 1024);
    QTest::newRow("65537 bytes") << qint64(65537);
    QTest::newRow("1 MiB + 1") << qint64(1024 * 1024 + 1);
    QTest::newRow("whole file at once") << qint64(8 * 1024 * 1024);
}

void TestHashingFileDevice::md5MatchesFile() {
    QFETCH(qint64, chunk);
    if (chunk == 1) // byte-by-byte over 3 MiB is slow; a smaller file shows the same
        QVERIFY(writeFile(m_path, m_data.left(200003)));
    QFile reference(m_path);
    QVERIFY(reference.open(QIODevice::ReadOnly));
    const QByteArray onDisk = reference.readAll();

    HashingFileDevice device(m_path);
    QVERIFY2(device.open(QIODevice::ReadOnly), qPrintable(device.errorText()));
    QCOMPARE(device.size(), qint64(onDisk.size()));
    QVERIFY(!device.isSequential());
    const QByteArray read = readAll(device, chunk);
    QCOMPARE(read.size(), onDisk.size());
    QVERIFY(read == onDisk);
    QVERIFY(device.isHashComplete());
    QCOMPARE(device.md5Hex(), md5Hex(onDisk));
    QCOMPARE(device.md5Hex(), QCryptographicHash::hash(onDisk, QCryptographicHash::Md5).toHex());
}

void TestHashingFileDevice::notCompleteUntilEnd() {
    HashingFileDevice device(m_path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QVERIFY(!device.isHashComplete());
    QByteArray buffer(1000, Qt::Uninitialized);
    QCOMPARE(device.read(buffer.data(), buffer.size()), qint64(1000));
    QVERIFY(!device.isHashComplete());
    readAll(device, 65536);
    QVERIFY(device.isHashComplete());
    QCOMPARE(device.md5Hex(), md5Hex(m_data));
}

void TestHashingFileDevice::rewindAndReadAgain() {
    // Qt resends the body on a fresh connection: seek(0) and read everything again.
    HashingFileDevice device(m_path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QCOMPARE(readAll(device, 16384).size(), m_data.size());
    QCOMPARE(device.md5Hex(), md5Hex(m_data));
    QVERIFY(device.seek(0));
    QCOMPARE(device.pos(), qint64(0));
    QVERIFY(!device.isHashComplete());
    const QByteArray again = readAll(device, 12289);
    QVERIFY(again == m_data);
    QVERIFY(device.isHashComplete());
    QCOMPARE(device.md5Hex(), md5Hex(m_data)); // not the MD5 of the bytes twice
}

void TestHashingFileDevice::rewindMidway() {
    HashingFileDevice device(m_path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QByteArray buffer(1500000, Qt::Uninitialized);
    QCOMPARE(device.read(buffer.data(), buffer.size()), qint64(buffer.size()));
    QVERIFY(device.seek(0));
    QVERIFY(readAll(device, 30001) == m_data);
    QVERIFY(device.isHashComplete());
    QCOMPARE(device.md5Hex(), md5Hex(m_data));
}

void TestHashingFileDevice::seekToMiddle() {
    // Seeking forward without reading: the skipped bytes still count, since the hash is of the
    // whole stored object.
    for (const qint64 middle :
         {qint64(1), qint64(m_data.size() / 2), qint64(1024 * 1024), qint64(m_data.size() - 1)}) {
        HashingFileDevice device(m_path);
        QVERIFY(device.open(QIODevice::ReadOnly));
        QVERIFY(device.seek(middle));
        QCOMPARE(device.pos(), middle);
        const QByteArray rest = readAll(device, 4099);
        QVERIFY(rest == m_data.mid(middle));
        QVERIFY(device.isHashComplete());
        QCOMPARE(device.md5Hex(), md5Hex(m_data));
    }
}

void TestHashingFileDevice::seekOutOfRange() {
    HashingFileDevice device(m_path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QVERIFY(!device.seek(-1));
    QVERIFY(!device.seek(m_data.size() + 1));
    QVERIFY(device.seek(m_data.size())); // at end is a valid position
    QVERIFY(device.atEnd());
}

void TestHashingFileDevice::fileShrinksAfterOpen() {
    HashingFileDevice device(m_path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    const qint64 announced = device.size();
    {
        QFile f(m_path);
        QVERIFY(f.resize(100 * 1000)); // someone truncates the file mid-upload
    }
    bool failed = false;
    const QByteArray read = readAll(device, 16384, &failed);
    QVERIFY2(failed, "a shrunken file must make read() fail, not end quietly");
    QVERIFY(read.size() < announced);
    QVERIFY(!device.errorText().isEmpty());
    QVERIFY2(device.errorText().contains(QLatin1String("reads.fastq.gz")),
             qPrintable(device.errorText()));
    QVERIFY(!device.isHashComplete());
}

void TestHashingFileDevice::fileGrowsAfterOpen() {
    // The size announced (and signed into the request) is the size at open: extra bytes
    // appended later are not sent.
    HashingFileDevice device(m_path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::Append));
        QCOMPARE(f.write("EXTRA"), qint64(5));
    }
    const QByteArray read = readAll(device, 65536);
    QCOMPARE(read.size(), m_data.size());
    QVERIFY(device.isHashComplete());
    QCOMPARE(device.md5Hex(), md5Hex(m_data));
}

void TestHashingFileDevice::missingFile() {
    HashingFileDevice device(m_dir.filePath(QStringLiteral("nope.fq")));
    QVERIFY(!device.open(QIODevice::ReadOnly));
    QVERIFY(!device.isOpen());
    QVERIFY2(device.errorText().contains(QLatin1String("nope.fq")), qPrintable(device.errorText()));
}

void TestHashingFileDevice::readOnlyOnly() {
    HashingFileDevice device(m_path);
    QVERIFY(!device.open(QIODevice::ReadWrite));
    QVERIFY(!device.errorText().isEmpty());
    QFile check(m_path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.size(), qint64(m_data.size())); // untouched
}

void TestHashingFileDevice::emptyFile() {
    const QString path = m_dir.filePath(QStringLiteral("empty.fq"));
    QVERIFY(writeFile(path, QByteArray()));
    HashingFileDevice device(path);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QCOMPARE(device.size(), qint64(0));
    QVERIFY(readAll(device, 100).isEmpty());
    QVERIFY(!device.isHashComplete()); // documented: complete only for a non-empty file
}

// Lanes of one sample are sent as one body: the bytes and the MD5 are those of the files
// back to back, whatever the chunk size Qt reads with.
void TestHashingFileDevice::concatenatesLanes() {
    const QByteArray lane2 = content(1024 * 1024 + 17, 7);
    const QByteArray lane3 = content(5000, 8);
    const QString path2 = m_dir.filePath(QStringLiteral("L002.fastq.gz"));
    const QString path3 = m_dir.filePath(QStringLiteral("L003.fastq.gz"));
    QVERIFY(writeFile(path2, lane2));
    QVERIFY(writeFile(path3, lane3));
    HashingFileDevice device(QStringList{m_path, path2, path3});
    QVERIFY(device.open(QIODevice::ReadOnly));
    const QByteArray all = m_data + lane2 + lane3;
    QCOMPARE(device.size(), qint64(all.size()));
    QVERIFY(readAll(device, 16 * 1024 + 3) == all);
    QVERIFY(device.isHashComplete());
    QCOMPARE(device.md5Hex(), md5Hex(all));
    // A rewind into the second lane re-reads from there and keeps the hash right.
    QVERIFY(device.seek(m_data.size() + 100));
    QVERIFY(readAll(device, 7777) == all.mid(m_data.size() + 100));
    QCOMPARE(device.md5Hex(), md5Hex(all));
}

void TestHashingFileDevice::observerSeesEveryByteOnce() {
    HashingFileDevice device(m_path);
    QByteArray seen;
    int lastCalls = 0;
    device.setBlockObserver([&](QByteArrayView block, bool last) {
        seen.append(block.data(), block.size());
        lastCalls += last ? 1 : 0;
        return QString();
    });
    QVERIFY(device.open(QIODevice::ReadOnly));
    QByteArray head(1500000, Qt::Uninitialized);
    QCOMPARE(device.read(head.data(), head.size()), qint64(head.size()));
    QVERIFY(device.seek(0)); // Qt resending the body
    QVERIFY(readAll(device, 16 * 1024) == m_data);
    QVERIFY(seen == m_data);
    QCOMPARE(lastCalls, 1);
}

void TestHashingFileDevice::observerProblemAbortsRead() {
    HashingFileDevice device(m_path);
    device.setBlockObserver([](QByteArrayView, bool) {
        return QStringLiteral("reads.fastq.gz, record 3 (line 12): not a FASTQ header");
    });
    QVERIFY(device.open(QIODevice::ReadOnly));
    char buffer[4096];
    QCOMPARE(device.read(buffer, sizeof buffer), qint64(-1));
    QVERIFY(device.errorText().contains(QLatin1String("record 3")));
}

#ifdef Q_OS_LINUX
// The read-ahead (MD5) thread yields to the threads that move the bytes: nice +10 on Linux,
// read on that very thread through the block observer.
void TestHashingFileDevice::readAheadRunsBelowNormalPriority() {
    HashingFileDevice device(m_path);
    std::atomic<int> readerNice{-100};
    device.setBlockObserver([&readerNice](QByteArrayView, bool) {
        readerNice = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
        return QString();
    });
    QVERIFY(device.open(QIODevice::ReadOnly));
    readAll(device, 65536);
    QVERIFY(device.isHashComplete());
    const int ownNice = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
    QCOMPARE(readerNice.load(), qMin(19, ownNice + 10));
}
#endif

QTEST_GUILESS_MAIN(TestHashingFileDevice)
#include "tst_hashingfiledevice.moc"
