// seqdrop-cli on the multipart route as a user runs it: a real process killed part way and run
// again, checked against the sandbox's S3 ledger.
#include "cliprocess.h"
#include "sandboxledger.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int PartSize = 64 * 1024;
constexpr int PartsInFlight = 4;

} // namespace

class TestCliMultipart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init();
    void cleanup() { m_sandbox.reset(); }
    void killedAt60PercentResumesFromStoredParts();
    void networkLossThenTheSameCommandResumes();
    void fileChangedBetweenRunsIsDiscardedAndSentAgain();
    void jsonNamesTheRoute();

private:
    CliProcess runner() const;
    static QStringList multipartArgs(const QString &file);
    // Waits until the first multipart upload holds `bytes` (or the process ended); what it holds.
    qint64 waitForStored(QProcess *cli, qint64 bytes);
    // The sandbox's multipart ledger: every upload it saw.
    QJsonArray uploads() { return m_sandbox->state().value(QLatin1String("multipart")).toArray(); }

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_dataHome; // XDG_DATA_HOME: where the journal lives
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestCliMultipart::init() {
    m_dataHome = std::make_unique<QTemporaryDir>();
    m_sandbox = std::make_unique<SandboxProcess>(
        QStringList{QStringLiteral("--min-part-size"), QString::number(PartSize)});
    QVERIFY(m_sandbox->start());
}

CliProcess TestCliMultipart::runner() const {
    CliProcess cli(m_sandbox.get(), m_dataHome->path());
    // Small parts so a 2 MiB file has 30-odd of them, without a 5 GiB file.
    cli.setEnv(QStringLiteral("SEQDROP_PART_SIZE"), QString::number(PartSize));
    cli.setEnv(QStringLiteral("SEQDROP_RETRY_BASE_MS"), QStringLiteral("50"));
    return cli;
}

QStringList TestCliMultipart::multipartArgs(const QString &file) {
    return {QStringLiteral("upload"),
            QStringLiteral("--json"),
            QStringLiteral("--route"),
            QStringLiteral("multipart"),
            QStringLiteral("--parts-in-flight"),
            QString::number(PartsInFlight),
            file};
}

qint64 TestCliMultipart::waitForStored(QProcess *cli, qint64 bytes) {
    qint64 stored = 0;
    QDeadlineTimer deadline(30000);
    while (stored < bytes && !deadline.hasExpired() && cli->state() != QProcess::NotRunning) {
        QTest::qWait(20);
        const QJsonArray ledger = uploads();
        stored = ledger.isEmpty()
                     ? 0
                     : qint64(ledger.first().toObject().value("parts_bytes").toDouble());
    }
    return stored;
}

// SIGKILL at about 60 % (no chance to abort or to write anything more), then the same command:
// it says where it resumes, lists the parts S3 holds and sends only the rest. Parts are sent
// twice at most for those in flight at the kill; one callback; the object is the file.
void TestCliMultipart::killedAt60PercentResumesFromStoredParts() {
    const QString file =
        writeFastq(m_dir.path(), QStringLiteral("Plate7-A03_S3_L001.fastq"), 7000, 150); // ~2.2 MB
    const qint64 size = QFileInfo(file).size();
    QVERIFY(size > 2 * 1000 * 1000);
    const int partsTotal = int((size + PartSize - 1) / PartSize);
    // 4 parts at 150 kB/s each: about 4 s for the file, time enough to kill it part way.
    QVERIFY(m_sandbox->setFaults({{"upload_kbps", 150}}));
    const QStringList args = multipartArgs(file);

    QProcess *first = runner().start(args);
    const qint64 stored = waitForStored(first, size * 6 / 10);
    QVERIFY2(first->state() == QProcess::Running, "the upload ended before 60 %");
    first->kill(); // SIGKILL
    const CliResult killed = CliProcess::finish(first, 10000);
    QCOMPARE(killed.exitCode, -1);
    QVERIFY(killed.json.isEmpty()); // no result line: it never finished
    QVERIFY2(stored < size, "the kill came after the last part");
    QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), 1);

    QVERIFY(m_sandbox->setFaults({{"upload_kbps", 0}}));
    const CliResult r = runner().run(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("resuming at ")), qPrintable(r.err));
    // The percentage it names is the stored share at the kill, give or take the parts that
    // landed between the last look and the kill.
    const int at =
        r.err.section(QLatin1String("resuming at "), 1).section(QLatin1Char('%'), 0, 0).toInt();
    QVERIFY2(at >= 55 && at < 100, qPrintable(r.err));
    QCOMPARE(r.json.size(), 1);
    const QJsonObject line = r.json.first();
    QCOMPARE(line.value("status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(line.value("route").toString(), QStringLiteral("multipart"));

    // The ledger: one upload, completed, every part stored once; a part received twice only
    // if it was in flight at the kill.
    const QJsonObject state = m_sandbox->state();
    const QJsonArray ledger = state.value("multipart").toArray();
    QCOMPARE(ledger.size(), 1);
    const QJsonObject upload = ledger.first().toObject();
    QCOMPARE(upload.value("state").toString(), QStringLiteral("completed"));
    const QJsonArray parts = upload.value("parts").toArray();
    QCOMPARE(parts.size(), partsTotal);
    int resent = 0;
    qint64 bytesSent = 0, bytesStored = 0;
    for (int i = 0; i < parts.size(); ++i) {
        const QJsonObject p = parts.at(i).toObject();
        QCOMPARE(p.value("number").toInt(), i + 1);
        const int times = p.value("times_received").toInt();
        QVERIFY(times >= 1);
        resent += times - 1;
        bytesSent += qint64(p.value("size").toDouble()) * times;
        bytesStored += qint64(p.value("size").toDouble());
    }
    QCOMPARE(bytesStored, size);
    QVERIFY2(resent <= PartsInFlight, qPrintable(QString::number(resent)));
    QVERIFY(bytesSent <= size + qint64(PartsInFlight) * PartSize);
    QCOMPARE(state.value("counts").toObject().value("open_multipart_uploads").toInt(), 0);
    QCOMPARE(state.value("counts").toObject().value("init_multipart_upload").toInt(), 1);
    QCOMPARE(state.value("counts").toObject().value("init_upload").toInt(), 0);

    const QJsonObject sample = m_sandbox->sample(line.value("sample_id").toString());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("available"));
    QCOMPARE(sample.value("callbacks").toInt(), 1);
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(), md5OfFile(file));
    SandboxLedger audit;
    audit.add(SandboxLedger::fromCliJson(line));
    const QStringList problems = audit.check(state);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// The network goes away for longer than the retries: seqdrop-cli ends with the sample failed
// but resumable (its parts and its sample kept, exit 1), and once the network is back the same
// command goes on from the last stored part.
void TestCliMultipart::networkLossThenTheSameCommandResumes() {
    const QString file =
        writeFastq(m_dir.path(), QStringLiteral("Plate7-A04_S4_L001.fastq"), 7000, 150, 4);
    const qint64 size = QFileInfo(file).size();
    QVERIFY(m_sandbox->setFaults({{"upload_kbps", 150}}));
    QProcess *first = runner().start(multipartArgs(file));
    QVERIFY(waitForStored(first, size * 3 / 10) >= size * 3 / 10);
    QVERIFY(m_sandbox->setFaults({{"upload_kbps", 0}, {"cut_parts", 100000}}));
    const CliResult lost = CliProcess::finish(first, 60000);
    QCOMPARE(lost.exitCode, 1);
    QCOMPARE(lost.json.size(), 1);
    QCOMPARE(lost.json.first().value("status").toString(), QStringLiteral("failed"));
    QVERIFY(lost.json.first().value("resumable").toBool());
    QVERIFY2(lost.json.first().value("error").toString().contains(QLatin1String("kept")),
             qPrintable(lost.err));
    QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), 1);
    const QString sampleId = lost.json.first().value("sample_id").toString();
    QCOMPARE(m_sandbox->sample(sampleId).value("status").toString(),
             QStringLiteral("awaiting_data"));

    QVERIFY(m_sandbox->setFaults({{"cut_parts", 0}}));
    const CliResult r = runner().run(multipartArgs(file));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("resuming at ")), qPrintable(r.err));
    QCOMPARE(r.json.size(), 1);
    QCOMPARE(r.json.first().value("status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(r.json.first().value("sample_id").toString(), sampleId);
    const QJsonObject state = m_sandbox->state();
    const QJsonArray ledger = state.value("multipart").toArray();
    QCOMPARE(ledger.size(), 1);
    for (const QJsonValue &p : ledger.first().toObject().value("parts").toArray())
        QCOMPARE(p.toObject().value("times_received").toInt(), 1); // stored parts not resent
    QCOMPARE(state.value("counts").toObject().value("open_multipart_uploads").toInt(), 0);
    QCOMPARE(state.value("counts").toObject().value("init_multipart_upload").toInt(), 1);
    QCOMPARE(m_sandbox->sample(sampleId).value("callbacks").toInt(), 1);
    QCOMPARE(m_sandbox->sample(sampleId).value("r1").toObject().value("md5").toString().toLatin1(),
             md5OfFile(file));
}

// Killed part way, then the file is rewritten before the same command runs again: the parts
// stored were another file's, so that upload is aborted on S3, its sample cancelled, and the
// file goes from the start as a new sample; the run says why.
void TestCliMultipart::fileChangedBetweenRunsIsDiscardedAndSentAgain() {
    const QString file =
        writeFastq(m_dir.path(), QStringLiteral("Plate7-A05_S5_L001.fastq"), 7000, 150, 5);
    QVERIFY(m_sandbox->setFaults({{"upload_kbps", 150}}));
    QProcess *first = runner().start(multipartArgs(file));
    QVERIFY(waitForStored(first, QFileInfo(file).size() * 3 / 10) > 0);
    first->kill();
    CliProcess::finish(first, 10000);
    QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), 1);
    const QString oldSample = uploads().first().toObject().value("sample_id").toString();
    QVERIFY(!oldSample.isEmpty());

    QVERIFY(!writeFastq(m_dir.path(), QStringLiteral("Plate7-A05_S5_L001.fastq"), 7200, 150, 55)
                 .isEmpty());
    QVERIFY(m_sandbox->setFaults({{"upload_kbps", 0}}));
    const CliResult r = runner().run(multipartArgs(file));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("changed since an earlier run")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("resuming at")), qPrintable(r.err));
    QCOMPARE(r.json.size(), 1);
    QCOMPARE(r.json.first().value("status").toString(), QStringLiteral("confirmed"));
    const QString newSample = r.json.first().value("sample_id").toString();
    QVERIFY(newSample != oldSample);
    const QJsonObject state = m_sandbox->state();
    QCOMPARE(state.value("counts").toObject().value("open_multipart_uploads").toInt(), 0);
    QCOMPARE(SandboxLedger::unsettled(state), 0);
    QCOMPARE(m_sandbox->sample(oldSample).value("status").toString(), QStringLiteral("deleted"));
    QCOMPARE(m_sandbox->sample(oldSample).value("callbacks").toInt(), 0);
    QCOMPARE(m_sandbox->sample(newSample).value("r1").toObject().value("md5").toString().toLatin1(),
             md5OfFile(file));
}

// --json names the route each sample took: a small file on auto goes as one form POST, the
// same size forced to multipart goes in parts.
void TestCliMultipart::jsonNamesTheRoute() {
    const QString small = writeFastq(m_dir.path(), QStringLiteral("Plate7-B01_S9.fastq"), 200);
    const QString parted =
        writeFastq(m_dir.path(), QStringLiteral("Plate7-B02_S10.fastq"), 1000, 150, 2);
    CliResult r = runner().run({QStringLiteral("upload"), QStringLiteral("--json"), small});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 1);
    QCOMPARE(r.json.first().value("route").toString(), QStringLiteral("form"));

    r = runner().run({QStringLiteral("upload"), QStringLiteral("--json"), QStringLiteral("--route"),
                      QStringLiteral("multipart"), parted});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 1);
    QCOMPARE(r.json.first().value("route").toString(), QStringLiteral("multipart"));
    QCOMPARE(r.json.first().value("status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 1);
    QCOMPARE(m_sandbox->counts().value("init_multipart_upload").toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCliMultipart)
#include "tst_climultipart.moc"
