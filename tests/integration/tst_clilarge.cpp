// The real 5 GiB single-request limit, end to end: a valid FASTQ a little over 5 GiB sent by
// seqdrop-cli on the default route, with no test override of the limit or the part size.
// Label "large" (ctest -L large runs it, ctest -LE large leaves it out): it writes ~5.1 GiB
// and the sandbox stores the same again, so it needs ~16 GiB free and takes a few minutes.
#include "cliprocess.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 GiB = qint64(1) << 30;
constexpr qint64 SingleRequestLimit = 5 * GiB; // S3's limit for one PUT or POST
constexpr qint64 TargetSize = SingleRequestLimit + 64 * 1024 * 1024;
constexpr qint64 OfficialPartSize = 10 * 1024 * 1024; // smallest that gives < 10,000 parts

// MemAvailable from /proc/meminfo in bytes (0 when unknown).
qint64 availableMemory() {
    QFile f(QStringLiteral("/proc/meminfo"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("MemAvailable:"))
            return line.mid(13).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

} // namespace

class TestCliLarge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void overFiveGibGoesMultipartOnAuto();
};

void TestCliLarge::overFiveGibGoesMultipartOnAuto() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The file, the sandbox's parts and its completed object: three copies at the worst.
    const qint64 needed = 3 * TargetSize + GiB;
    const qint64 free = QStorageInfo(dir.path()).bytesAvailable();
    if (free < needed)
        QSKIP(qPrintable(QStringLiteral("needs %1 GiB free in %2, has %3 GiB")
                             .arg(needed / GiB)
                             .arg(dir.path())
                             .arg(free / GiB)));
    QElapsedTimer clock;
    clock.start();

    // Real bytes, not a sparse file: one ~1 MB block of valid records written until the file
    // passes the limit (read names repeat; nothing requires them to be unique). The MD5 is
    // taken on the way, so the file is not read again for it.
    const QByteArray block = TestFiles::fastqText(3300, 150, 7, QStringLiteral("LAB42-run9-"));
    const QString path = dir.filePath(QStringLiteral("LAB42_Soil-Plate3_S12_L001.fastq"));
    QCryptographicHash md5(QCryptographicHash::Md5);
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (qint64 written = 0; written <= TargetSize; written += block.size()) {
            QVERIFY2(out.write(block) == block.size(), qPrintable(out.errorString()));
            md5.addData(block);
        }
    }
    const qint64 size = QFileInfo(path).size();
    QVERIFY(size > SingleRequestLimit);
    qInfo("wrote %lld bytes in %.1f s", size, clock.elapsed() / 1000.0);

    // The sandbox keeps its parts and then the object Complete joins them into (two copies at
    // the end) in RAM when there is room: on a shared disk that join alone took over a minute.
    std::unique_ptr<QTemporaryDir> ram;
    QStringList args; // none: S3's own 5 MiB part minimum and 5 GiB single-request limit
    if (QStorageInfo(QStringLiteral("/dev/shm")).bytesAvailable() > 2 * TargetSize + GiB &&
        availableMemory() > 3 * TargetSize) {
        ram = std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/tst_clilarge-XXXXXX"));
        if (ram->isValid())
            args << QStringLiteral("--data") << ram->path(); // the last --data wins
    }
    qInfo("sandbox data in %s", args.isEmpty() ? "the temporary directory" : "/dev/shm");
    SandboxProcess sandbox(args);
    QVERIFY(sandbox.start());
    QTemporaryDir dataHome;
    CliProcess cli(&sandbox, dataHome.path());
    // No SEQDROP_SINGLE_REQUEST_LIMIT / SEQDROP_PART_SIZE, even if the caller's shell has them.
    cli.setEnv(QStringLiteral("SEQDROP_SINGLE_REQUEST_LIMIT"), QString());
    cli.setEnv(QStringLiteral("SEQDROP_PART_SIZE"), QString());
    const CliResult r = cli.run({QStringLiteral("upload"), QStringLiteral("--json"),
                                 QStringLiteral("--route"), QStringLiteral("auto"), path},
                                280000);
    qInfo("uploaded in %.1f s (total %.1f s)", r.json.value(0).value("seconds").toDouble(),
          clock.elapsed() / 1000.0);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json.size(), 1);
    const QJsonObject line = r.json.first();
    QCOMPARE(line.value("status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(line.value("route").toString(), QStringLiteral("multipart"));
    QCOMPARE(line.value("bytes").toInteger(), size);

    // Straight to init_multipart_upload: no form sample was created first.
    const QJsonObject state = sandbox.state();
    const QJsonObject counts = state.value("counts").toObject();
    QCOMPARE(counts.value("init_upload").toInt(), 0);
    QCOMPARE(counts.value("init_multipart_upload").toInt(), 1);
    QCOMPARE(counts.value("open_multipart_uploads").toInt(), 0);
    const QJsonArray uploads = state.value("multipart").toArray();
    QCOMPARE(uploads.size(), 1);
    const QJsonObject upload = uploads.first().toObject();
    QCOMPARE(upload.value("state").toString(), QStringLiteral("completed"));
    const QJsonArray parts = upload.value("parts").toArray();
    QCOMPARE(parts.size(), int((size + OfficialPartSize - 1) / OfficialPartSize));
    QCOMPARE(qint64(parts.first().toObject().value("size").toDouble()), OfficialPartSize);
    const QJsonObject sample = sandbox.sample(line.value("sample_id").toString());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("available"));
    QCOMPARE(sample.value("callbacks").toInt(), 1);
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(),
             md5.result().toHex());
    QVERIFY(QFile::remove(path)); // before the sandbox's copies go, so the disk frees early
}

QTEST_GUILESS_MAIN(TestCliLarge)
#include "tst_clilarge.moc"
