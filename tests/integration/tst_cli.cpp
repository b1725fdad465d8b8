// seqdrop-cli as a user runs it: a real process, real files, a real sandbox.
#include "cliprocess.h"
#include "sandboxledger.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void version();
    void whoamiAndProjects();
    void uploadSingleJson();
    void uploadThroughProxyJson();
    void autoPairsR1R2();
    void explicitPair();
    void projectTagsMetadata();
    void missingFileIsUsageError();
    void badMetadataIsUsageError();
    void unknownProjectIsUsageError();
    void badKeyExitsThree();
    void insecureUrlRefused();
    void failedUploadExitsOne();
    void terminateCancelsSample();
    void rerunReportsConfirmedSamples();
    void killedRunIsCleanedUpAndResumed();
    void damagedJournalIsSetAside();
    void validateReportsEachFile();
    void uploadRefusesInvalidFileBeforeAnyUpload();
    void unsafeNameNeedsConsent();
    void lanesMergedWithConsent();
    void networkWatchWorksWithoutGlibLoop();
    void logsAtExitAreRedacted();

private:
    CliResult cli(const QStringList &args, const QByteArray &key = {});
    // Uploads a small new file with these QT_LOGGING_RULES, for tests that read the log.
    CliResult uploadLogging(const QString &fileName, const QString &loggingRules);
    QProcess *startCli(const QStringList &args);

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_dataHome; // XDG_DATA_HOME: where the journal lives
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestCli::initTestCase() {
    QVERIFY(m_dir.isValid());
}

void TestCli::init() {
    m_dataHome = std::make_unique<QTemporaryDir>();
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
}

void TestCli::cleanup() {
    m_sandbox.reset();
}

QProcess *TestCli::startCli(const QStringList &args) {
    QProcess *p = CliProcess(m_sandbox.get(), m_dataHome->path()).start(args);
    p->setParent(this);
    return p;
}

CliResult TestCli::cli(const QStringList &args, const QByteArray &key) {
    CliProcess runner(m_sandbox.get(), m_dataHome->path());
    if (!key.isEmpty())
        runner.setEnv(QStringLiteral("ONE_CODEX_API_KEY"), QString::fromLatin1(key));
    return runner.run(args);
}

CliResult TestCli::uploadLogging(const QString &fileName, const QString &loggingRules) {
    const QString file = writeFastq(m_dir.path(), fileName, 50);
    CliProcess runner(m_sandbox.get(), m_dataHome->path());
    runner.setEnv(QStringLiteral("QT_LOGGING_RULES"), loggingRules);
    return runner.run({QStringLiteral("upload"), QStringLiteral("--json"), file});
}

void TestCli::version() {
    const CliResult r = cli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("seqdrop-cli " SEQDROP_VERSION));
}

void TestCli::whoamiAndProjects() {
    CliResult r = cli({QStringLiteral("whoami")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("sandbox@localhost"), r.out.constData());
    r = cli({QStringLiteral("projects")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Sandbox Project"));
    QVERIFY(r.out.contains(SandboxProcess::SoilSurveyProjectId));
}

void TestCli::uploadSingleJson() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("cli_single.fastq"), 400);
    const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 1);
    const QJsonObject o = r.json.first();
    QCOMPARE(o.value("status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(o.value("file").toString(), file);
    QVERIFY(o.value("paired_file").isNull());
    QVERIFY(o.value("error").isNull());
    QCOMPARE(o.value("bytes").toInteger(), QFileInfo(file).size());
    QVERIFY(o.value("seconds").toDouble() > 0);
    QCOMPARE(o.value("route").toString(), QStringLiteral("form"));
    const QJsonObject sample = m_sandbox->sample(o.value("sample_id").toString());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("available"));
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(), md5OfFile(file));
}

void TestCli::uploadThroughProxyJson() {
    // One Codex's validating proxy: the answer names the route, and the CLI waits for the check.
    m_sandbox = std::make_unique<SandboxProcess>(
        QStringList{"--proxy-mode", "status", "--proxy-check-seconds", "0.3"});
    QVERIFY(m_sandbox->start());
    const QString file = writeFastq(m_dir.path(), QStringLiteral("cli_proxy.fastq"), 100);
    CliProcess runner(m_sandbox.get(), m_dataHome->path());
    runner.setEnv(QStringLiteral("SEQDROP_PROXY_POLL_MS"), QStringLiteral("100"));
    const CliResult r = runner.run({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 1);
    QCOMPARE(r.json.first().value("route").toString(), QStringLiteral("proxy"));
    QCOMPARE(r.json.first().value("status").toString(), QStringLiteral("confirmed"));
    QVERIFY(m_sandbox->counts().value("proxy_status_polls").toInt() >= 2);
}

void TestCli::autoPairsR1R2() {
    const QString r1 =
        writeFastq(m_dir.path(), QStringLiteral("auto_S1_L001_R1_001.fastq"), 100, 100, 3);
    const QString r2 =
        writeFastq(m_dir.path(), QStringLiteral("auto_S1_L001_R2_001.fastq"), 100, 100, 4);
    const QString single = writeFastq(m_dir.path(), QStringLiteral("lonely.fq"), 100);
    // R2 first on the command line: pairing does not depend on argument order.
    const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--json"), r2, single, r1});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 2);
    QJsonObject pair = r.json.at(0).value("paired_file").isString() ? r.json.at(0) : r.json.at(1);
    QCOMPARE(pair.value("file").toString(), r1);
    QCOMPARE(pair.value("paired_file").toString(), r2);
    const QJsonObject sample = m_sandbox->sample(pair.value("sample_id").toString());
    QCOMPARE(sample.value("r2").toObject().value("md5").toString().toLatin1(), md5OfFile(r2));
}

void TestCli::explicitPair() {
    const QString a = writeFastq(m_dir.path(), QStringLiteral("fwd.fq"), 100, 100, 5);
    const QString b = writeFastq(m_dir.path(), QStringLiteral("rev.fq"), 100, 100, 6);
    const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--json"),
                             QStringLiteral("--forward"), a, QStringLiteral("--reverse"), b});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 1);
    QCOMPARE(r.json.first().value("paired_file").toString(), b);
}

void TestCli::projectTagsMetadata() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("described_cli.fastq"), 50);
    const CliResult r =
        cli({QStringLiteral("upload"), QStringLiteral("--json"), QStringLiteral("--project"),
             QStringLiteral("soil-survey-2026"), QStringLiteral("--tag"), QStringLiteral("plate-7"),
             QStringLiteral("--tag"), QStringLiteral("soil"), QStringLiteral("--metadata"),
             QStringLiteral("location_lon=-122.5"), QStringLiteral("--metadata"),
             QStringLiteral("platform=Illumina MiSeq"), QStringLiteral("--metadata"),
             QStringLiteral("well=B07"), QStringLiteral("--external-sample-id"),
             QStringLiteral("LAB-0042"), file});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject sample = m_sandbox->sample(r.json.first().value("sample_id").toString());
    QCOMPARE(sample.value("project_id").toString(),
             QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
    QCOMPARE(sample.value("tags").toArray().size(), 2);
    const QJsonObject metadata = sample.value("metadata").toObject();
    QCOMPARE(metadata.value("location_lon").toDouble(), -122.5);
    QCOMPARE(metadata.value("platform").toString(), QStringLiteral("Illumina MiSeq"));
    QCOMPARE(metadata.value("external_sample_id").toString(), QStringLiteral("LAB-0042"));
    QCOMPARE(metadata.value("custom").toObject().value("well").toString(), QStringLiteral("B07"));
}

void TestCli::missingFileIsUsageError() {
    const QString good = writeFastq(m_dir.path(), QStringLiteral("present.fastq"), 10);
    const QString missing = m_dir.filePath(QStringLiteral("absent_R1.fastq"));
    const CliResult r = cli({QStringLiteral("upload"), good, missing});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(missing), qPrintable(r.err));
    // Nothing was sent: bad input is found before any upload.
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
}

void TestCli::badMetadataIsUsageError() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("meta.fastq"), 10);
    const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--metadata"),
                             QStringLiteral("location_lat=95"), QStringLiteral("--tag"),
                             QString(31, QLatin1Char('x')), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("location_lat")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("at most 30")), qPrintable(r.err));
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
}

void TestCli::unknownProjectIsUsageError() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("noproj.fastq"), 10);
    const CliResult r =
        cli({QStringLiteral("upload"), QStringLiteral("--project"), QStringLiteral("Nope"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("Sandbox Project")), qPrintable(r.err));
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
}

void TestCli::badKeyExitsThree() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("badkey_cli.fastq"), 10);
    const CliResult r = cli({QStringLiteral("upload"), file}, "00000000000000000000000000000000");
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains(QLatin1String("API key")));
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
}

void TestCli::insecureUrlRefused() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("insecure_cli.fastq"), 10);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ONE_CODEX_API_KEY"), m_sandbox->apiKey());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SEQDROP_CLI_BIN), {QStringLiteral("upload"), QStringLiteral("--api-url"),
                                              QStringLiteral("http://onecodex.invalid"), file});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromLocal8Bit(p.readAllStandardError()).contains(QLatin1String("https://")));
}

void TestCli::failedUploadExitsOne() {
    const QString ok = writeFastq(m_dir.path(), QStringLiteral("fine.fastq"), 10);
    QVERIFY(m_sandbox->setFaults({{"cut_uploads", 50}}));
    const QString doomed = writeFastq(m_dir.path(), QStringLiteral("cut.fastq"), 20000, 150);
    // --route form: on the automatic route, spent connection retries fall back to multipart.
    const CliResult r =
        cli({QStringLiteral("upload"), QStringLiteral("--json"), QStringLiteral("--route"),
             QStringLiteral("form"), QStringLiteral("--jobs"), QStringLiteral("1"), doomed, ok});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json.size(), 2);
    for (const QJsonObject &o : r.json) {
        QCOMPARE(o.value("status").toString(), QStringLiteral("failed"));
        QVERIFY(o.value("error").toString().contains(QLatin1String("closed the connection")));
        QCOMPARE(m_sandbox->sample(o.value("sample_id").toString()).value("status").toString(),
                 QStringLiteral("deleted"));
    }
}

void TestCli::terminateCancelsSample() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("interrupted.fastq"), 40000, 150);
    QVERIFY(m_sandbox->setFaults({{"stall_uploads", 1}, {"stall_seconds", 60}}));
    QProcess *p = startCli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    // Wait until the upload is under way on the server, then interrupt as Ctrl-C would.
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->counts().value("storage_posts").toInt(), 1, 20000);
    ::kill(pid_t(p->processId()), SIGINT);
    QVERIFY(p->waitForFinished(20000));
    QCOMPARE(p->exitCode(), 1);
    const QJsonObject o = QJsonDocument::fromJson(p->readAllStandardOutput().trimmed()).object();
    QCOMPARE(o.value("status").toString(), QStringLiteral("cancelled"));
    QCOMPARE(m_sandbox->sample(o.value("sample_id").toString()).value("status").toString(),
             QStringLiteral("deleted"));
}

void TestCli::rerunReportsConfirmedSamples() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("twice.fastq"), 100);
    const CliResult first = cli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QCOMPARE(first.exitCode, 0);
    const QString id = first.json.value(0).value("sample_id").toString();

    const CliResult again = cli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json.size(), 1);
    QCOMPARE(again.json.first().value("sample_id").toString(), id);
    QCOMPARE(again.json.first().value("status").toString(), QStringLiteral("confirmed"));
    QCOMPARE(again.json.first().value("already_uploaded").toBool(), true);
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 1);
    // The journal is where XDG_DATA_HOME says.
    QVERIFY(QFile::exists(m_dataHome->filePath(QStringLiteral("SeqDrop/journal.sqlite"))));

    const CliResult forced =
        cli({QStringLiteral("upload"), QStringLiteral("--json"), QStringLiteral("--force"), file});
    QCOMPARE(forced.exitCode, 0);
    QVERIFY(forced.json.first().value("sample_id").toString() != id);
    QVERIFY(!forced.json.first().value("already_uploaded").toBool());
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 2);
}

// SIGKILL mid-upload (no chance to clean up), then the same command again: the half-done
// sample is cancelled, the file uploaded once, and exactly one sample ends available.
void TestCli::killedRunIsCleanedUpAndResumed() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("killed.fastq"), 40000, 150);
    const QString done = writeFastq(m_dir.path(), QStringLiteral("done_before.fastq"), 50);
    QCOMPARE(cli({QStringLiteral("upload"), done}).exitCode, 0);
    QVERIFY(m_sandbox->setFaults({{"stall_uploads", 1}, {"stall_seconds", 60}}));
    QProcess *p = startCli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->counts().value("storage_posts").toInt(), 2, 20000);
    p->kill();
    QVERIFY(p->waitForFinished(10000));
    QCOMPARE(m_sandbox->state().value("samples").toArray().size(),
             2); // done_before (available) and the interrupted one (awaiting data)

    const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--json"), done, file});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.size(), 2);
    QVERIFY2(r.err.contains(QLatin1String("interrupted")), qPrintable(r.err));
    // Each file available once with its bytes, the interrupted sample cancelled.
    const QJsonObject state = m_sandbox->state();
    QCOMPARE(state.value("samples").toArray().size(), 3);
    SandboxLedger ledger;
    for (const QJsonObject &o : r.json) {
        ledger.add(SandboxLedger::fromCliJson(o));
        if (o.value("file").toString() == done)
            QCOMPARE(o.value("already_uploaded").toBool(), true);
    }
    const QStringList problems = ledger.check(state);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestCli::damagedJournalIsSetAside() {
    const QString journal = m_dataHome->filePath(QStringLiteral("SeqDrop/journal.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(journal).absolutePath()));
    QFile garbage(journal);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(4096, '\x5a'));
    garbage.close();
    const QString file = writeFastq(m_dir.path(), QStringLiteral("after_damage.fastq"), 20);
    const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("set aside")), qPrintable(r.err));
    const QStringList aside =
        QDir(QFileInfo(journal).absolutePath())
            .entryList({QStringLiteral("journal.sqlite.damaged-*")}, QDir::Files);
    QVERIFY(!aside.isEmpty());
    // The fresh journal works: a second run recognises the upload.
    QCOMPARE(cli({QStringLiteral("upload"), QStringLiteral("--json"), file})
                 .json.value(0)
                 .value("already_uploaded")
                 .toBool(),
             true);
}

void TestCli::validateReportsEachFile() {
    const QString good = writeFastq(m_dir.path(), QStringLiteral("val_good.fastq"), 100);
    // Cut in the middle of the 50th record's quality line.
    QByteArray text = TestFiles::fastqText(50);
    text.chop(40);
    QFile cut(m_dir.filePath(QStringLiteral("val_cut.fastq")));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(text);
    cut.close();
    // No API key needed to check files.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ONE_CODEX_API_KEY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SEQDROP_CLI_BIN),
            {QStringLiteral("validate"), QStringLiteral("--json"), good, cut.fileName()});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    QList<QJsonObject> results;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (!line.isEmpty())
            results << QJsonDocument::fromJson(line).object();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).value("ok").toBool(), true);
    QCOMPARE(results.at(0).value("records").toInt(), 100);
    QCOMPARE(results.at(0).value("format").toString(), QStringLiteral("FASTQ"));
    QCOMPARE(results.at(1).value("ok").toBool(), false);
    QCOMPARE(results.at(1).value("record").toInt(), 50);
    QVERIFY(results.at(1).value("message").toString().startsWith(
        QLatin1String("val_cut.fastq, record 50")));

    // Text mode: exit 0 when every file is fine.
    const CliResult ok = cli({QStringLiteral("validate"), good});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.contains("OK"), ok.out.constData());
    QCOMPARE(m_sandbox->counts().value("api_calls").toInt(), 0);
}

void TestCli::uploadRefusesInvalidFileBeforeAnyUpload() {
    const QString good = writeFastq(m_dir.path(), QStringLiteral("pre_good.fastq"), 100);
    QFile protein(m_dir.filePath(QStringLiteral("pre_protein.fasta")));
    QVERIFY(protein.open(QIODevice::WriteOnly));
    protein.write(">sp|P69905|HBA_HUMAN\nMVLSPADKTNVKAAWGKVGAHAGEYGAEALERMFLSFPTTKTYFPHF\n");
    protein.close();
    const CliResult r = cli({QStringLiteral("upload"), good, protein.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("pre_protein.fasta")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Nothing was uploaded")), qPrintable(r.err));
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
}

void TestCli::unsafeNameNeedsConsent() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("Probe Zürich#1.fastq"), 20);
    const CliResult refused = cli({QStringLiteral("upload"), QStringLiteral("--json"), file});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("--accept-safe-names")) ||
                 refused.err.contains(QLatin1String("safe name")),
             qPrintable(refused.err));
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);

    const CliResult accepted = cli({QStringLiteral("upload"), QStringLiteral("--json"),
                                    QStringLiteral("--accept-safe-names"), file});
    QCOMPARE(accepted.exitCode, 0);
    const QJsonObject sample =
        m_sandbox->sample(accepted.json.first().value("sample_id").toString());
    const QString uploadedAs = sample.value("filename").toString();
    QVERIFY2(uploadedAs.startsWith(QLatin1String("Probe_Zurich")), qPrintable(uploadedAs));
    QVERIFY(QFile::exists(file)); // the local file keeps its name
}

void TestCli::lanesMergedWithConsent() {
    QStringList files;
    QByteArray r1All, r2All;
    for (int lane = 1; lane <= 2; ++lane) {
        const QString r1 = writeGzip(
            m_dir.filePath(QStringLiteral("S9_L00%1_R1_001.fastq.gz").arg(lane)),
            TestFiles::fastqText(100, 100, quint32(lane), QStringLiteral("l%1r").arg(lane)));
        const QString r2 = writeGzip(
            m_dir.filePath(QStringLiteral("S9_L00%1_R2_001.fastq.gz").arg(lane)),
            TestFiles::fastqText(100, 100, quint32(lane + 5), QStringLiteral("l%1r").arg(lane)));
        QFile f1(r1), f2(r2);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        r1All += f1.readAll();
        r2All += f2.readAll();
        files << r1 << r2;
    }
    // Without consent: one sample per lane, and a hint.
    const CliResult separate =
        cli(QStringList{QStringLiteral("upload"), QStringLiteral("--json")} + files);
    QCOMPARE(separate.exitCode, 0);
    QCOMPARE(separate.json.size(), 2);
    QVERIFY2(separate.err.contains(QLatin1String("--merge-lanes")), qPrintable(separate.err));

    const CliResult merged = cli(QStringList{QStringLiteral("upload"), QStringLiteral("--json"),
                                             QStringLiteral("--merge-lanes")} +
                                 files);
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(merged.json.size(), 1);
    const QJsonObject sample = m_sandbox->sample(merged.json.first().value("sample_id").toString());
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("S9_R1_001.fastq.gz"));
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(),
             QCryptographicHash::hash(r1All, QCryptographicHash::Md5).toHex());
    QCOMPARE(sample.value("r2").toObject().value("md5").toString().toLatin1(),
             QCryptographicHash::hash(r2All, QCryptographicHash::Md5).toHex());
}

// seqdrop-cli runs Qt's UNIX event loop (fewer wake-ups per uploaded GB). GIO's network
// monitor reports through the GLib loop, so the CLI must never follow it: a run started offline
// would then wait for a change that cannot arrive. The upload must still work as usual.
void TestCli::networkWatchWorksWithoutGlibLoop() {
    const CliResult r = uploadLogging(QStringLiteral("cli_loop.fastq"),
                                      QStringLiteral("seqdrop.upload.debug=true"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("network watch:")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("network watch: backend \"glib\"")), qPrintable(r.err));
    QCOMPARE(r.json.first().value("status").toString(), QStringLiteral("confirmed"));
}

// Qt still logs while the process exits (here: its plugins unloading). The redacting message
// handler must still work then: its patterns used to be destroyed first, and every such line
// went out unredacted, with a warning about an invalid QRegularExpression.
void TestCli::logsAtExitAreRedacted() {
    const CliResult r = uploadLogging(QStringLiteral("cli_exit.fastq"),
                                      QStringLiteral("qt.core.library.debug=true"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("unloaded library")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("invalid QRegularExpression")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
