// One sample through the real engine (ApiClient, jobs, SampleUpload) against a real sandbox,
// with faults injected by the sandbox, not by fake classes.
#include "net/apiclient.h"
#include "net/storageuploadjob.h"
#include "sandboxclient.h"
#include "sandboxledger.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "upload/sampleupload.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;
using Kind = UploadError::Kind;

class TestSampleUpload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void singleFile();
    void gzipFile();
    void pairGoesToBothUrls();
    void descriptionRoundTrip();
    void lanesSentAsOneSample();
    void validatedWhileUploading_data();
    void validatedWhileUploading();
    void pairCheckedWhileUploading_data();
    void pairCheckedWhileUploading();
    void sigV4Forms();
    void badKeyFailsWithAuth();
    void insecureUrlRefused();
    void faultRetriedAndSucceeds_data();
    void faultRetriedAndSucceeds();
    void faultExhaustsRetries_data();
    void faultExhaustsRetries();
    void expiredPolicyGetsFreshInit();
    void lostInitAnswerLeavesNoOrphan_data();
    void lostInitAnswerLeavesNoOrphan();
    void tamperedFormRejectedByStorage();
    void oversizedBodyRejectedByStorage();
    void cancelDuringUpload();
    void slowUploadIsNotAStall();
    void silentStorageAfterBodyIsRetried();
    void jobStartedTwiceSendsOnce();
    void fileDeletedBeforeStart();
    void failedConfirmCancelledOnce();
    void refusedCancelLeavesSampleKnown();

private:
    SampleUpload *run(const SampleSpec &spec, int timeoutMs = 60000);
    QJsonObject sandboxSample(const QString &id) { return m_net.sandbox->sample(id); }
    QJsonArray getArray(const QString &path);
    // The sandbox audited against this one sample (SandboxLedger): one problem per line.
    QString ledgerProblems(const SampleUpload *upload, const QString &expectedError = {});
    static qint64 runTimed(SampleUpload *upload);

    QTemporaryDir m_dir;
    SandboxClient m_net;
};

void TestSampleUpload::initTestCase() {
    // Fast retries and stall detection so the fault cases run in seconds.
    qputenv("SEQDROP_RETRY_BASE_MS", "50");
    qputenv("SEQDROP_STALL_TIMEOUT_MS", "1500");
    QVERIFY(m_dir.isValid());
}

void TestSampleUpload::init() {
    QVERIFY(m_net.start());
}

void TestSampleUpload::cleanup() {
    m_net.stop();
}

QJsonArray TestSampleUpload::getArray(const QString &path) {
    QNetworkRequest request(m_net.sandbox->baseUrl().resolved(QUrl(path)));
    request.setRawHeader("X-API-Key", m_net.sandbox->apiKey().toLatin1());
    QNetworkReply *reply = m_net.nam->get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).array();
}

QString TestSampleUpload::ledgerProblems(const SampleUpload *upload, const QString &expectedError) {
    SandboxLedger ledger;
    ledger.add({upload->spec().file, upload->spec().pairedFile, expectedError,
                SampleUpload::stateName(upload->state()), upload->sampleId(),
                upload->error().toString()});
    return ledger.check(m_net.sandbox->state()).join(QLatin1Char('\n'));
}

SampleUpload *TestSampleUpload::run(const SampleSpec &spec, int timeoutMs) {
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy finished(upload, &SampleUpload::finished);
    upload->start();
    if (finished.isEmpty())
        finished.wait(timeoutMs);
    return upload;
}

void TestSampleUpload::singleFile() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("single.fastq"), 500);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QVERIFY(!upload->sampleId().isEmpty());
    QCOMPARE(upload->bytesSent(), QFileInfo(spec.file).size());

    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("available"));
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("single.fastq"));
    const QByteArray md5 = md5OfFile(spec.file);
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(), md5);
    QCOMPARE(upload->md5s(), QStringList{QString::fromLatin1(md5)});
    // The stored bytes on disk are the file's bytes.
    const QString key = sample.value("r1").toObject().value("key").toString();
    QCOMPARE(md5OfFile(m_net.sandbox->objectPath(key)), md5);
}

void TestSampleUpload::gzipFile() {
    SampleSpec spec;
    spec.file =
        writeGzip(m_dir.filePath(QStringLiteral("reads.fastq.gz")), TestFiles::fastqText(2000));
    QVERIFY(!spec.file.isEmpty());
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("reads.fastq.gz"));
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(),
             md5OfFile(spec.file));
}

void TestSampleUpload::pairGoesToBothUrls() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("p_R1_001.fastq"), 300, 100, 7);
    spec.pairedFile = writeFastq(m_dir.path(), QStringLiteral("p_R2_001.fastq"), 300, 100, 8);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("paired_end_filename").toString(), QStringLiteral("p_R2_001.fastq"));
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(),
             md5OfFile(spec.file));
    QCOMPARE(sample.value("r2").toObject().value("md5").toString().toLatin1(),
             md5OfFile(spec.pairedFile));
    QVERIFY(sample.value("r2").toObject().value("key").toString().contains(QLatin1String("/r2/")));
    QCOMPARE(sample.value("size").toInteger(),
             QFileInfo(spec.file).size() + QFileInfo(spec.pairedFile).size());
}

void TestSampleUpload::descriptionRoundTrip() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("described.fq"), 50);
    spec.tags = {QStringLiteral("soil"), QStringLiteral("run-42")};
    spec.projectId = QString::fromLatin1(SandboxProcess::SoilSurveyProjectId);
    spec.metadata = QJsonObject{{"location_lat", 47.37},
                                {"starred", true},
                                {"library_type", "WGS"},
                                {"date_collected", "2026-11-02T00:00:00Z"},
                                {"custom", QJsonObject{{"well", "A1"}, {"plate", "007"}}}};
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    const QJsonObject sample = sandboxSample(upload->sampleId());
    // Samples carry tag references, as One Codex does; names come from /api/v1/tags.
    QHash<QString, QString> tagNames;
    for (const QJsonValue &t : getArray(QStringLiteral("/api/v1/tags")))
        tagNames.insert(t.toObject().value("$uri").toString(),
                        t.toObject().value("name").toString());
    QStringList tags;
    for (const QJsonValue &t : sample.value("tags").toArray())
        tags << tagNames.value(t.toObject().value("$ref").toString());
    tags.sort();
    QCOMPARE(tags, (QStringList{QStringLiteral("run-42"), QStringLiteral("soil")}));
    QCOMPARE(sample.value("project_id").toString(),
             QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
    const QJsonObject metadata = sample.value("metadata").toObject();
    QCOMPARE(metadata.value("location_lat").toDouble(), 47.37);
    QCOMPARE(metadata.value("starred").toBool(), true);
    QCOMPARE(metadata.value("custom").toObject().value("plate").toString(), QStringLiteral("007"));
}

// Lanes L001..L003 of one sample travel as one object per read, concatenated as they stream
// (gzip members back to back are one valid gzip file).
void TestSampleUpload::lanesSentAsOneSample() {
    SampleSpec spec;
    QByteArray r1All, r2All;
    for (int lane = 1; lane <= 3; ++lane) {
        const QByteArray r1 = TestFiles::fastqText(300, 100, quint32(lane));
        const QByteArray r2 = TestFiles::fastqText(300, 100, quint32(lane + 10));
        const QString p1 =
            writeGzip(m_dir.filePath(QStringLiteral("S1_L00%1_R1_001.fastq.gz").arg(lane)), r1);
        const QString p2 =
            writeGzip(m_dir.filePath(QStringLiteral("S1_L00%1_R2_001.fastq.gz").arg(lane)), r2);
        QFile f1(p1), f2(p2);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        r1All += f1.readAll();
        r2All += f2.readAll();
        if (lane == 1) {
            spec.file = p1;
            spec.pairedFile = p2;
        } else {
            spec.moreLanes << p1;
            spec.morePairedLanes << p2;
        }
    }
    spec.uploadName = QStringLiteral("S1_R1_001.fastq.gz");
    spec.pairedUploadName = QStringLiteral("S1_R2_001.fastq.gz");
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(upload->totalBytes(), qint64(r1All.size() + r2All.size()));
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("S1_R1_001.fastq.gz"));
    const QJsonObject r1 = sample.value("r1").toObject();
    QCOMPARE(r1.value("md5").toString().toLatin1(),
             QCryptographicHash::hash(r1All, QCryptographicHash::Md5).toHex());
    QCOMPARE(r1.value("size").toInteger(), qint64(r1All.size()));
    QCOMPARE(sample.value("r2").toObject().value("md5").toString().toLatin1(),
             QCryptographicHash::hash(r2All, QCryptographicHash::Md5).toHex());
}

void TestSampleUpload::validatedWhileUploading_data() {
    QTest::addColumn<bool>("broken");
    QTest::newRow("valid file") << false;
    QTest::newRow("bad base in the last record") << true;
}

// One read of the disk: the validator sees the bytes as they are sent, and a problem found
// late in the file stops the upload and cancels the sample before confirm_upload.
void TestSampleUpload::validatedWhileUploading() {
    QFETCH(bool, broken);
    QByteArray text = TestFiles::fastqText(30000, 150);
    if (broken) {
        const qsizetype lastRecord = text.lastIndexOf("\n@", text.size() - 2) + 1;
        const qsizetype sequence = text.indexOf('\n', lastRecord) + 1;
        text[sequence + 10] = 'Z';
    }
    QFile f(m_dir.filePath(broken ? QStringLiteral("late_bad.fastq")
                                  : QStringLiteral("late_good.fastq")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    SampleSpec spec;
    spec.file = f.fileName();
    spec.validateWhileUploading = true;
    SampleUpload *upload = run(spec);
    if (!broken) {
        QCOMPARE(upload->state(), State::Confirmed);
        return;
    }
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::LocalFile);
    QVERIFY2(upload->error().message.contains(QLatin1String("record 30,000")),
             qPrintable(upload->error().message));
    QCOMPARE(upload->retries(), 0); // a bad file is not sent again
    QCOMPARE(sandboxSample(upload->sampleId()).value("status").toString(),
             QStringLiteral("deleted"));
    QCOMPARE(m_net.sandbox->counts().value("confirm_upload").toInt(), 0);
}

void TestSampleUpload::pairCheckedWhileUploading_data() {
    QTest::addColumn<QByteArray>("r2");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mates agree") << TestFiles::fastqText(2000, 80, 2) << QString();
    // Record 1,000 renamed in R2: located to its block of 256 records (769-1,024).
    QByteArray renamed = TestFiles::fastqText(2000, 80, 2);
    renamed.replace("@read_1000\n", "@read_x1000\n");
    QTest::newRow("a read name differs")
        << renamed
        << QStringLiteral(
               "pc_R2.fastq, records 769-1,024 (from line 3,073): the read names differ");
    QTest::newRow("R2 is short") << TestFiles::fastqText(1990, 80, 2)
                                 << QStringLiteral("pc_R2.fastq, record 1,991: pc_R2.fastq has "
                                                   "1,990 records but its mate pc_R1.fastq has "
                                                   "2,000");
}

// R1 is sent whole before R2, yet the pair's names and counts are checked on the way; a
// disagreement stops R2's upload and the sample is cancelled before confirm_upload.
void TestSampleUpload::pairCheckedWhileUploading() {
    QFETCH(QByteArray, r2);
    QFETCH(QString, expected);
    SampleSpec spec;
    spec.file = m_dir.filePath(QStringLiteral("pc_R1.fastq"));
    spec.pairedFile = m_dir.filePath(QStringLiteral("pc_R2.fastq"));
    for (const auto &[path, bytes] : {std::pair{spec.file, TestFiles::fastqText(2000, 80, 1)},
                                      std::pair{spec.pairedFile, r2}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    spec.validateWhileUploading = true;
    SampleUpload *upload = run(spec);
    if (expected.isEmpty()) {
        QCOMPARE(upload->state(), State::Confirmed);
        return;
    }
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::LocalFile);
    QVERIFY2(upload->error().message.startsWith(expected), qPrintable(upload->error().message));
    QCOMPARE(sandboxSample(upload->sampleId()).value("status").toString(),
             QStringLiteral("deleted"));
    QCOMPARE(m_net.sandbox->counts().value("confirm_upload").toInt(), 0);
}

// The client treats the form as opaque: a SigV4 form (x-amz-* fields) works the same way.
void TestSampleUpload::sigV4Forms() {
    SandboxProcess v4({QStringLiteral("--sigv4")});
    QVERIFY(v4.start());
    m_net.api->setBaseUrl(v4.baseUrl());
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("v4_R1.fq"), 200, 100, 11);
    spec.pairedFile = writeFastq(m_dir.path(), QStringLiteral("v4_R2.fq"), 200, 100, 12);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(upload->fileBytesSent(1), QFileInfo(spec.pairedFile).size());
    QCOMPARE(
        v4.sample(upload->sampleId()).value("r2").toObject().value("md5").toString().toLatin1(),
        md5OfFile(spec.pairedFile));
}

void TestSampleUpload::badKeyFailsWithAuth() {
    m_net.api->setApiKey(QStringLiteral("wrongwrongwrongwrongwrongwrong00"));
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("badkey.fastq"), 10);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::Auth);
    QVERIFY2(upload->error().message.contains(QLatin1String("API key")),
             qPrintable(upload->error().message));
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 0);
}

void TestSampleUpload::insecureUrlRefused() {
    m_net.api->setBaseUrl(QUrl(QStringLiteral("http://example.invalid")));
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("insecure.fastq"), 10);
    SampleUpload *upload = run(spec, 5000);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::InsecureUrl);
    QVERIFY(upload->error().message.contains(QLatin1String("https://")));
}

void TestSampleUpload::faultRetriedAndSucceeds_data() {
    QTest::addColumn<QJsonObject>("faults");
    QTest::addColumn<QString>("noticeWord");
    QTest::newRow("503 html x2") << QJsonObject{{"fail_api", 2}}
                                 << QStringLiteral("temporarily unavailable");
    QTest::newRow("429 x2") << QJsonObject{{"throttle_api", 2}, {"retry_after", 0}}
                            << QStringLiteral("slow down");
    // Qt itself resends a request once when the connection drops mid-body; three cuts make
    // sure SeqDrop's own retry runs too.
    QTest::newRow("cut at 10%") << QJsonObject{{"cut_uploads", 3}, {"cut_at", 0.1}}
                                << QStringLiteral("connection");
    QTest::newRow("cut at 50%") << QJsonObject{{"cut_uploads", 3}} << QStringLiteral("connection");
    QTest::newRow("cut at 99%") << QJsonObject{{"cut_uploads", 3}, {"cut_at", 0.99}}
                                << QStringLiteral("connection");
    QTest::newRow("stall") << QJsonObject{{"stall_uploads", 1}, {"stall_seconds", 30}}
                           << QStringLiteral("no progress");
}

void TestSampleUpload::faultRetriedAndSucceeds() {
    QFETCH(QJsonObject, faults);
    QFETCH(QString, noticeWord);
    // Big enough that the cut and the stall happen mid-body, not in the socket buffers: on
    // loopback under load those take up to ~10 MB, and a stalled rest that fits in them looks
    // sent (it then waits for the answer, not for progress).
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("fault.fastq"), 100000, 150);
    QVERIFY(m_net.sandbox->setFaults(faults));

    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy notices(upload, &SampleUpload::notice);
    QSignalSpy finished(upload, &SampleUpload::finished);
    upload->start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(upload->state(), State::Confirmed);
    QVERIFY(upload->retries() >= 1);
    bool mentioned = false;
    for (const QList<QVariant> &args : notices)
        mentioned |= args.at(0).toString().contains(noticeWord, Qt::CaseInsensitive);
    QVERIFY2(mentioned, qPrintable(QStringLiteral("no notice mentioning \"%1\"").arg(noticeWord)));
    // Exactly once with its bytes: one sample, whatever the number of attempts.
    const QString problems = ledgerProblems(upload);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(m_net.sandbox->state().value("samples").toArray().size(), 1);
}

void TestSampleUpload::faultExhaustsRetries_data() {
    QTest::addColumn<QJsonObject>("faults");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messageWord");
    QTest::addColumn<bool>("sampleCreated");
    QTest::newRow("503 storm") << QJsonObject{{"fail_api", 50}} << int(Kind::ServerUnavailable)
                               << QStringLiteral("temporarily unavailable") << false;
    QTest::newRow("429 storm") << QJsonObject{{"throttle_api", 50}, {"retry_after", 0}}
                               << int(Kind::RateLimited) << QStringLiteral("slow down") << false;
    QTest::newRow("every upload cut")
        << QJsonObject{{"cut_uploads", 50}} << int(Kind::ConnectionLost)
        << QStringLiteral("closed the connection") << true;
}

void TestSampleUpload::faultExhaustsRetries() {
    QFETCH(QJsonObject, faults);
    QFETCH(int, kind);
    QFETCH(QString, messageWord);
    QFETCH(bool, sampleCreated);
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("doomed.fastq"), 20000, 150);
    QVERIFY(m_net.sandbox->setFaults(faults));
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(int(upload->error().kind), kind);
    QVERIFY2(upload->error().message.contains(messageWord, Qt::CaseInsensitive),
             qPrintable(upload->error().message));
    QCOMPARE(upload->retries(), m_net.api->transferSettings().uploadRetry.maxRetries());
    // The final message says SeqDrop stopped, never that it "will retry".
    QVERIFY2(upload->error().message.contains(QLatin1String("gave up after")),
             qPrintable(upload->error().message));
    QVERIFY2(!upload->error().message.contains(QLatin1String("will retry")),
             qPrintable(upload->error().message));
    QVERIFY(m_net.sandbox->setFaults({{"fail_api", 0}, {"throttle_api", 0}, {"cut_uploads", 0}}));
    // Nothing is left half-created: a sample that exists was cancelled.
    const QString problems = ledgerProblems(upload, messageWord);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QJsonArray samples = m_net.sandbox->state().value("samples").toArray();
    QCOMPARE(samples.size(), sampleCreated ? 1 : 0);
    if (sampleCreated)
        QCOMPARE(samples.at(0).toObject().value("id").toString(), upload->sampleId());
}

void TestSampleUpload::expiredPolicyGetsFreshInit() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("late.fastq"), 100);
    QVERIFY(m_net.sandbox->setFaults({{"expired_policies", 1}}));
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy notices(upload, &SampleUpload::notice);
    QSignalSpy finished(upload, &SampleUpload::finished);
    upload->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(upload->state(), State::Confirmed);
    QVERIFY(!notices.isEmpty());
    QVERIFY(notices.first().at(0).toString().contains(QLatin1String("expired")));
    // The abandoned sample was cancelled; the fresh one confirmed.
    QCOMPARE(m_net.sandbox->state().value("samples").toArray().size(), 2);
    const QString problems = ledgerProblems(upload);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // One request per step: a cancel sent twice races with itself, and whichever answer
    // comes second ("already cancelled") may be read for the first.
    const QJsonObject counts = m_net.sandbox->counts();
    QCOMPARE(counts.value("init_upload").toInt(), 2);
    QCOMPARE(counts.value("cancel_upload").toInt(), 1);
    QCOMPARE(counts.value("confirm_upload").toInt(), 1);
}

void TestSampleUpload::lostInitAnswerLeavesNoOrphan_data() {
    QTest::addColumn<int>("drops");
    // One drop is resent by Qt itself, unseen by the job; more reach SeqDrop's own retry.
    QTest::newRow("one lost answer") << 1;
    QTest::newRow("three lost answers") << 3;
}

// init_upload created a sample but its answer was lost: the retry creates another, and the
// first must not stay "awaiting data" forever.
void TestSampleUpload::lostInitAnswerLeavesNoOrphan() {
    QFETCH(int, drops);
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("lost.fastq"), 100);
    QVERIFY(m_net.sandbox->setFaults({{"drop_init_answers", drops}}));
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(m_net.sandbox->state().value("samples").toArray().size(), drops + 1);
    const QString problems = ledgerProblems(upload);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// A form altered on its way (signature no longer matching) must be refused by the storage
// host and reported as such, not retried forever.
void TestSampleUpload::tamperedFormRejectedByStorage() {
    const QString file = writeFastq(m_dir.path(), QStringLiteral("tampered.fastq"), 100);
    const qint64 size = QFileInfo(file).size();
    const QJsonObject ticketJson = m_net.sandbox->postJson(
        QStringLiteral("/api/v1/samples/init_upload"),
        {{"filename", "tampered.fastq"}, {"size", size}, {"upload_type", "standard"}});
    UploadTicket ticket;
    QString error;
    QVERIFY(UploadTicket::parse(QJsonDocument(ticketJson).toJson(), &ticket, &error));
    for (FormField &field : ticket.primary.fields)
        if (field.name == QLatin1String("acl"))
            field.value = QStringLiteral("public-read");
    StorageUploadJob *job = m_net.api->storageUpload(ticket.primary, QStringList{file},
                                                     QStringLiteral("tampered.fastq"), size);
    QSignalSpy finished(job, &NetworkJob::finished);
    job->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job->error().kind, Kind::StorageRejected);
    QVERIFY2(job->error().detail.contains(QLatin1String("AccessDenied")),
             qPrintable(job->error().detail));
    QCOMPARE(job->retries(), 0);
}

void TestSampleUpload::oversizedBodyRejectedByStorage() {
    // Announce 1000 bytes, send far more: the policy's content-length-range refuses it.
    const QString file = writeFastq(m_dir.path(), QStringLiteral("oversized.fastq"), 5000);
    const QJsonObject ticketJson = m_net.sandbox->postJson(
        QStringLiteral("/api/v1/samples/init_upload"),
        {{"filename", "oversized.fastq"}, {"size", 1000}, {"upload_type", "standard"}});
    UploadTicket ticket;
    QString error;
    QVERIFY(UploadTicket::parse(QJsonDocument(ticketJson).toJson(), &ticket, &error));
    StorageUploadJob *job =
        m_net.api->storageUpload(ticket.primary, QStringList{file},
                                 QStringLiteral("oversized.fastq"), QFileInfo(file).size());
    QSignalSpy finished(job, &NetworkJob::finished);
    job->start();
    QVERIFY(finished.wait(30000));
    // S3 may answer EntityTooLarge or just close the connection while we are still sending.
    QVERIFY2(job->error().kind == Kind::StorageRejected ||
                 job->error().kind == Kind::ConnectionLost,
             qPrintable(job->error().toString()));
    if (job->error().kind == Kind::StorageRejected)
        QVERIFY(job->error().message.contains(QLatin1String("larger than announced")));
    const QJsonObject sample = sandboxSample(ticketJson.value("sample_id").toString());
    QVERIFY(sample.value("r1").isNull() || sample.value("r1").isUndefined());
}

void TestSampleUpload::cancelDuringUpload() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("cancelme.fastq"), 40000, 150);
    // Hold the upload mid-body so the cancel lands while bytes are moving.
    QVERIFY(m_net.sandbox->setFaults({{"stall_uploads", 1}, {"stall_seconds", 30}}));
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy finished(upload, &SampleUpload::finished);
    connect(upload, &SampleUpload::progressChanged, upload, [upload] {
        if (upload->bytesSent() > 0)
            upload->cancel();
    });
    upload->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(upload->state(), State::Cancelled);
    QVERIFY(!upload->sampleId().isEmpty());
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("deleted"));
    QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 1);
    QCOMPARE(upload->error().kind, Kind::Cancelled);
}

// Starts the upload and waits for it: the milliseconds it took, or -1 after a minute.
qint64 TestSampleUpload::runTimed(SampleUpload *upload) {
    QSignalSpy finished(upload, &SampleUpload::finished);
    QElapsedTimer clock;
    clock.start();
    upload->start();
    return finished.wait(60000) ? clock.elapsed() : -1;
}

// A slow link is not a stall: an upload that keeps moving for much longer than the stall
// timeout (1.5 s here) must not be aborted.
void TestSampleUpload::slowUploadIsNotAStall() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("slowlink.fastq"), 120000, 150);
    const qint64 size = QFileInfo(spec.file).size();
    const int kbps = 8000;
    QVERIFY(m_net.sandbox->setFaults({{"upload_kbps", kbps}}));
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    const qint64 ms = runTimed(upload);
    QVERIFY(ms >= 0);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(upload->retries(), 0);
    // The link really was slow: well over twice the stall timeout, even if the socket
    // buffers took the first 10 MB at once.
    const qint64 minimumMs = (size - 10'000'000) / kbps;
    QVERIFY2(minimumMs > 3000 && ms >= minimumMs,
             qPrintable(QStringLiteral("%1 ms for %2 bytes").arg(ms).arg(size)));
    const QString problems = ledgerProblems(upload);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// Every byte sent, then no answer: only the answer timeout can notice. With the link's pace
// measured it is the stall timeout (at least 10 s) plus the time the socket buffers need, not
// the five minutes kept for bodies that fit in the buffers. The retry stores the file once.
void TestSampleUpload::silentStorageAfterBodyIsRetried() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("silent.fastq"), 120000, 150);
    QVERIFY(QFileInfo(spec.file).size() > 32 << 20); // enough past the buffers to measure
    // 20 MB/s: the body takes about 2 s, so Qt's progress reports (10 a second) measure it.
    QVERIFY(m_net.sandbox->setFaults(
        {{"hold_answers", 1}, {"stall_seconds", 120}, {"upload_kbps", 20000}}));
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy notices(upload, &SampleUpload::notice);
    const qint64 ms = runTimed(upload);
    QVERIFY(ms >= 0);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(upload->retries(), 1);
    QVERIFY2(ms < 45000, qPrintable(QString::number(ms)));
    QVERIFY(!notices.isEmpty());
    QVERIFY2(notices.first().at(0).toString().contains(QLatin1String("did not confirm")),
             qPrintable(notices.first().at(0).toString()));
    const QString problems = ledgerProblems(upload);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(m_net.sandbox->counts().value("faults_injected").toInt(), 1);
}

// A second start() must not put a second request in flight: the job tracks one reply, so a
// cancel sent twice could read the answer of the other copy (or none at all).
void TestSampleUpload::jobStartedTwiceSendsOnce() {
    const QJsonObject ticket = m_net.sandbox->postJson(
        QStringLiteral("/api/v1/samples/init_upload"), {{"filename", "twice.fastq"}, {"size", 10}});
    ApiJob *job = m_net.api->cancelUpload(ticket.value("sample_id").toString());
    QSignalSpy finished(job, &NetworkJob::finished);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("started twice")));
    job->start();
    job->start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    QCOMPARE(job->httpStatus(), 200);
    QTest::qWait(300); // room for a second copy to reach the server
    QCOMPARE(job->timesSent(), 1);
    QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 1);
    QCOMPARE(finished.size(), 1);
}

void TestSampleUpload::fileDeletedBeforeStart() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("vanishing.fastq"), 10);
    QVERIFY(QFile::remove(spec.file));
    SampleUpload *upload = run(spec, 5000);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::LocalFile);
    QVERIFY(upload->error().message.contains(QLatin1String("vanishing.fastq")));
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 0);
}

// An unreadable answer to confirm_upload: the sample is cancelled with one request (a second
// start of the cancel job used to send it twice and could read the answer of the wrong one).
void TestSampleUpload::failedConfirmCancelledOnce() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("garbled_confirm.fastq"), 200);
    QVERIFY(m_net.sandbox->setFaults({{"garble_api", 1}, {"api_fault_route", "confirm_upload"}}));
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::BadResponse);
    QVERIFY(!upload->leftOnServer());
    QCOMPARE(sandboxSample(upload->sampleId()).value("status").toString(),
             QStringLiteral("deleted"));
    QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 1);
}

// The key is refused at confirm and at cancel: the sample cannot be cancelled now, and says
// so, so that the journal keeps it for a later run to cancel.
void TestSampleUpload::refusedCancelLeavesSampleKnown() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("refused.fastq"), 200);
    // "samples/c" is confirm_upload and cancel_upload, not init_upload.
    QVERIFY(m_net.sandbox->setFaults(
        {{"reject_api", 2}, {"reject_status", 401}, {"api_fault_route", "samples/c"}}));
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::Auth);
    QVERIFY(upload->leftOnServer());
    QVERIFY2(upload->error().detail.contains(QLatin1String("could not be cancelled")),
             qPrintable(upload->error().detail));
    QCOMPARE(sandboxSample(upload->sampleId()).value("status").toString(),
             QStringLiteral("awaiting_data"));
}

QTEST_GUILESS_MAIN(TestSampleUpload)
#include "tst_sampleupload.moc"
