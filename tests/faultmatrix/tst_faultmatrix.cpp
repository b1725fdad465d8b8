// The fault matrix of issue 5. Each row runs one small queue (two single files, an R1/R2 pair,
// a gzip file) through the real seqdrop-cli against a real seqdrop-sandbox that injects one
// kind of fault, then audits the sandbox with SandboxLedger: every sample confirmed exactly
// once with its bytes (MD5), or failed with the expected message, no duplicates, and nothing
// left created but neither confirmed nor cancelled. Fault injection is the sandbox's alone.
#include "cliprocess.h"
#include "sandboxledger.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

// What happens to the run besides the sandbox's faults.
enum class Disturbance {
    None,
    // SIGKILL once an upload is under way, then the same command again.
    KillAndRerun,
    // Once a sample is confirmed, the sandbox starts refusing the key (or the quota); the run
    // stops; the key is fixed and the same command runs again.
    RefuseAndRerun,
    // While the first upload is held, a file waiting its turn grows / disappears.
    ChangeQueuedFile,
    DeleteQueuedFile,
    // While its upload is held, the file being sent is replaced (same size, new bytes).
    ReplaceSendingFile,
};

constexpr int QueueSamples = 4;
constexpr int RunTimeoutMs = 60000;

} // namespace

Q_DECLARE_METATYPE(Disturbance)

class TestFaultMatrix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matrix_data();
    void matrix();

private:
    // The queue's files, in command-line (and queue) order: alpha.fastq (big enough that
    // cuts and stalls land mid-body), beta_R1_001.fastq + beta_R2_001.fastq (a pair),
    // gamma.fastq.gz, delta.fq.
    static QStringList writeQueue(const QDir &dir);
    static bool disturb(Disturbance what, SandboxProcess &sandbox, QProcess *cli,
                        const QJsonObject &midFaults, const QDir &files);
};

QStringList TestFaultMatrix::writeQueue(const QDir &dir) {
    return {writeFastq(dir.path(), QStringLiteral("alpha.fastq"), 30000, 150, 1),
            writeFastq(dir.path(), QStringLiteral("beta_R1_001.fastq"), 2000, 100, 3),
            writeFastq(dir.path(), QStringLiteral("beta_R2_001.fastq"), 2000, 100, 4),
            writeGzip(dir.filePath(QStringLiteral("gamma.fastq.gz")),
                      TestFiles::fastqText(3000, 100, 5)),
            writeFastq(dir.path(), QStringLiteral("delta.fq"), 1500, 100, 6)};
}

void TestFaultMatrix::matrix_data() {
    QTest::addColumn<QJsonObject>("faults");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<Disturbance>("disturbance");
    QTest::addColumn<QJsonObject>("midFaults");
    QTest::addColumn<QString>("failing"); // the file (R1 or single) expected to fail
    QTest::addColumn<QString>("message"); // its error; for a refusal, the first run's
    QTest::addColumn<bool>("retried");    // the first run reports retries

    const QJsonObject none;
    const auto row = [&](const char *name, const QJsonObject &faults, int jobs,
                         Disturbance disturbance, const QString &failing = {},
                         const QString &message = {}, bool retried = false,
                         const QJsonObject &midFaults = {}) {
        QTest::newRow(name) << faults << jobs << disturbance << midFaults << failing << message
                            << retried;
    };
    // Outages open at the first init_upload ("samples/" spares the key check before the
    // queue). 450 ms is shorter than the backoff a call has before its last retry (>= 525 ms
    // with SEQDROP_RETRY_BASE_MS=50), so every call rides it out; 1.5 s of 429 only with
    // Retry-After (1 s) honoured.
    row("503 storm", {{"storm_ms", 450}, {"storm_status", 503}, {"api_fault_route", "samples/"}}, 2,
        Disturbance::None, {}, {}, true);
    row("429 storm with Retry-After",
        {{"storm_ms", 1500},
         {"storm_status", 429},
         {"retry_after", 1},
         {"api_fault_route", "samples/"}},
        2, Disturbance::None, {}, {}, true);
    // Qt re-sends once by itself when a connection drops before any answer: three cuts
    // reach SeqDrop's own retry, and never exceed one upload's retries.
    row("uploads cut at 10%", {{"cut_uploads", 3}, {"cut_at", 0.1}}, 2, Disturbance::None, {}, {},
        true);
    row("uploads cut at 50%", {{"cut_uploads", 3}, {"cut_at", 0.5}}, 2, Disturbance::None, {}, {},
        true);
    row("uploads cut at 99%", {{"cut_uploads", 3}, {"cut_at", 0.99}}, 2, Disturbance::None, {}, {},
        true);
    // Early in the file, so the stall is not hidden by socket buffers that can take the rest
    // (the client would then wait for an answer instead of seeing no progress).
    const QJsonObject hold{{"stall_uploads", 1}, {"stall_seconds", 3}, {"cut_at", 0.05}};
    row("stalled uploads", {{"stall_uploads", 2}, {"stall_seconds", 3}, {"cut_at", 0.05}}, 2,
        Disturbance::None, {}, {}, true);
    row("expired policies", {{"expired_policies", 2}}, 2, Disturbance::None);
    row("lost init answers", {{"drop_init_answers", 3}}, 2, Disturbance::None);
    row("HTML instead of JSON", {{"html_api", 1}, {"api_fault_route", "confirm_upload"}}, 1,
        Disturbance::None, QStringLiteral("alpha.fastq"),
        QStringLiteral("answered with a web page instead of data"));
    row("malformed JSON from init_upload", {{"garble_api", 1}, {"api_fault_route", "init_upload"}},
        1, Disturbance::None, QStringLiteral("alpha.fastq"),
        QStringLiteral("sent an answer SeqDrop could not read"));
    row("malformed JSON from confirm_upload",
        {{"garble_api", 1}, {"api_fault_route", "confirm_upload"}}, 1, Disturbance::None,
        QStringLiteral("alpha.fastq"), QStringLiteral("sent an answer SeqDrop could not read"));
    // The held upload keeps a sample in flight when the refusal starts.
    row("401 mid-queue, then a good key", hold, 2, Disturbance::RefuseAndRerun, {},
        QStringLiteral("did not accept the API key"), false,
        {{"reject_api", 1000}, {"reject_status", 401}});
    row("402 mid-queue, then quota", hold, 2, Disturbance::RefuseAndRerun, {},
        QStringLiteral("upload limit is reached"), false,
        {{"reject_api", 1000}, {"reject_status", 402}});
    row("SIGKILL mid-upload, then restarted", {{"stall_uploads", 1}, {"stall_seconds", 30}}, 2,
        Disturbance::KillAndRerun);
    row("file changed mid-queue", hold, 1, Disturbance::ChangeQueuedFile,
        QStringLiteral("delta.fq"), QStringLiteral("changed since it was added to the queue"));
    row("file deleted mid-queue", hold, 1, Disturbance::DeleteQueuedFile,
        QStringLiteral("delta.fq"), QStringLiteral("does not exist"));
    row("file replaced during its upload", hold, 1, Disturbance::ReplaceSendingFile,
        QStringLiteral("alpha.fastq"), QStringLiteral("changed while it was being uploaded"));
}

bool TestFaultMatrix::disturb(Disturbance what, SandboxProcess &sandbox, QProcess *cli,
                              const QJsonObject &midFaults, const QDir &files) {
    if (what == Disturbance::None)
        return true;
    // Under way: a storage POST arrived (the held one), or for a refusal a sample confirmed.
    const QString counter = what == Disturbance::RefuseAndRerun ? QStringLiteral("confirm_upload")
                                                                : QStringLiteral("storage_posts");
    QElapsedTimer waited;
    waited.start();
    while (sandbox.counts().value(counter).toInt() < 1) {
        if (waited.hasExpired(20000) || cli->state() == QProcess::NotRunning) {
            qWarning("no %s before the run ended or 20 s passed", qPrintable(counter));
            return false;
        }
        QTest::qWait(20);
    }
    switch (what) {
    case Disturbance::None:
        return true;
    case Disturbance::KillAndRerun:
        return ::kill(pid_t(cli->processId()), SIGKILL) == 0;
    case Disturbance::RefuseAndRerun:
        return sandbox.setFaults(midFaults);
    case Disturbance::ChangeQueuedFile: {
        QFile f(files.filePath(QStringLiteral("delta.fq")));
        return f.open(QIODevice::Append) && f.write("@late\nACGT\n+\nIIII\n") > 0;
    }
    case Disturbance::DeleteQueuedFile:
        return QFile::remove(files.filePath(QStringLiteral("delta.fq")));
    case Disturbance::ReplaceSendingFile: {
        // Replaced the way editors and pipelines do (a new file renamed over the old), so the
        // upload's open handle keeps the old bytes; the same size, different reads.
        QSaveFile f(files.filePath(QStringLiteral("alpha.fastq")));
        return f.open(QIODevice::WriteOnly) && f.write(TestFiles::fastqText(30000, 150, 99)) > 0 &&
               f.commit();
    }
    }
    return false;
}

void TestFaultMatrix::matrix() {
    QFETCH(QJsonObject, faults);
    QFETCH(int, jobs);
    QFETCH(Disturbance, disturbance);
    QFETCH(QJsonObject, midFaults);
    QFETCH(QString, failing);
    QFETCH(QString, message);
    QFETCH(bool, retried);

    SandboxProcess sandbox;
    QVERIFY(sandbox.start());
    QTemporaryDir files, dataHome;
    QVERIFY(files.isValid() && dataHome.isValid());
    const QStringList paths = writeQueue(QDir(files.path()));
    QVERIFY(!paths.contains(QString()));
    QVERIFY(sandbox.setFaults(faults));

    CliProcess cli(&sandbox, dataHome.path());
    // A refusal must find the held sample still in flight: only the sandbox's 3 s hold ends
    // that stall, not the client's no-progress timeout.
    cli.setEnv(QStringLiteral("SEQDROP_STALL_TIMEOUT_MS"),
               disturbance == Disturbance::RefuseAndRerun ? QStringLiteral("10000")
                                                          : QStringLiteral("1500"));
    const QStringList args = QStringList{QStringLiteral("upload"), QStringLiteral("--json"),
                                         QStringLiteral("--jobs"), QString::number(jobs)} +
                             paths;
    std::unique_ptr<QProcess> running(cli.start(args));
    QVERIFY(disturb(disturbance, sandbox, running.get(), midFaults, QDir(files.path())));
    const CliResult first = CliProcess::finish(running.release(), RunTimeoutMs);
    CliResult last = first;

    const bool rerun =
        disturbance == Disturbance::KillAndRerun || disturbance == Disturbance::RefuseAndRerun;
    if (rerun) {
        if (disturbance == Disturbance::KillAndRerun) {
            QCOMPARE(first.exitCode, -1);
        } else {
            QCOMPARE(first.exitCode, midFaults.value("reject_status").toInt() == 401 ? 3 : 1);
            QVERIFY2(first.err.contains(QLatin1String("Stopping: ")) && first.err.contains(message),
                     qPrintable(first.err));
        }
        QVERIFY(sandbox.setFaults({{"reject_api", 0}, {"stall_uploads", 0}}));
        // What the second run must settle: a sample created, then left neither confirmed nor
        // cancelled (killed mid-upload; its cancel refused with the key).
        QVERIFY2(SandboxLedger::unsettled(sandbox.state()) > 0,
                 "the first run left nothing to clean up");
        last = cli.run(args, RunTimeoutMs);
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));
    } else {
        QVERIFY2(last.exitCode == (failing.isEmpty() ? 0 : 1), qPrintable(last.err));
    }
    if (retried)
        QVERIFY2(first.retries() > 0, first.out.constData());

    QCOMPARE(last.json.size(), QueueSamples);
    SandboxLedger ledger;
    for (const QJsonObject &line : last.json)
        ledger.add(SandboxLedger::fromCliJson(line));
    if (!failing.isEmpty())
        QVERIFY(ledger.expectFailure(QDir(files.path()).filePath(failing), message));
    const QStringList problems = ledger.check(sandbox.state());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) +
                                            QStringLiteral("\n--- stderr:\n") + last.err));
    // A second run says it cleaned up what the first one left.
    if (rerun)
        QVERIFY2(last.err.contains(QLatin1String("interrupted run")), qPrintable(last.err));
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
