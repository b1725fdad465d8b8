// One sample through the real engine (ApiClient, jobs, SampleUpload) against a real sandbox,
// with faults injected by the sandbox, not by fake classes: what is retried and how, what is
// refused, and what is left on the server after a failure or a cancel.
#include "net/apiclient.h"
#include "net/storageuploadjob.h"
#include "net/transfersettings.h"
#include "sampleuploadtest.h"
#include "testfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace SeqDrop;

class TestSampleUploadFaults : public SampleUploadTest {
    Q_OBJECT

private Q_SLOTS:
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
};

void TestSampleUploadFaults::badKeyFailsWithAuth() {
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

void TestSampleUploadFaults::insecureUrlRefused() {
    m_net.api->setBaseUrl(QUrl(QStringLiteral("http://example.invalid")));
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("insecure.fastq"), 10);
    SampleUpload *upload = run(spec, 5000);
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::InsecureUrl);
    QVERIFY(upload->error().message.contains(QLatin1String("https://")));
}

void TestSampleUploadFaults::faultRetriedAndSucceeds_data() {
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

void TestSampleUploadFaults::faultRetriedAndSucceeds() {
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

void TestSampleUploadFaults::faultExhaustsRetries_data() {
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

void TestSampleUploadFaults::faultExhaustsRetries() {
    QFETCH(QJsonObject, faults);
    QFETCH(int, kind);
    QFETCH(QString, messageWord);
    QFETCH(bool, sampleCreated);
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("doomed.fastq"), 20000, 150);
    QVERIFY(m_net.sandbox->setFaults(faults));
    // The form route by choice: on the automatic route, spent connection retries fall back to
    // the multipart route (tst_multipartroute).
    TransferSettings settings = m_net.api->transferSettings();
    settings.route = TransferSettings::Route::Form;
    m_net.api->setTransferSettings(settings);
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

void TestSampleUploadFaults::expiredPolicyGetsFreshInit() {
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

void TestSampleUploadFaults::lostInitAnswerLeavesNoOrphan_data() {
    QTest::addColumn<int>("drops");
    // One drop is resent by Qt itself, unseen by the job; more reach SeqDrop's own retry.
    QTest::newRow("one lost answer") << 1;
    QTest::newRow("three lost answers") << 3;
}

// init_upload created a sample but its answer was lost: the retry creates another, and the
// first must not stay "awaiting data" forever.
void TestSampleUploadFaults::lostInitAnswerLeavesNoOrphan() {
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
void TestSampleUploadFaults::tamperedFormRejectedByStorage() {
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

void TestSampleUploadFaults::oversizedBodyRejectedByStorage() {
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

void TestSampleUploadFaults::cancelDuringUpload() {
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

// A slow link is not a stall: an upload that keeps moving for much longer than the stall
// timeout (1.5 s here) must not be aborted.
void TestSampleUploadFaults::slowUploadIsNotAStall() {
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
void TestSampleUploadFaults::silentStorageAfterBodyIsRetried() {
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
void TestSampleUploadFaults::jobStartedTwiceSendsOnce() {
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

void TestSampleUploadFaults::fileDeletedBeforeStart() {
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
void TestSampleUploadFaults::failedConfirmCancelledOnce() {
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
void TestSampleUploadFaults::refusedCancelLeavesSampleKnown() {
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

QTEST_GUILESS_MAIN(TestSampleUploadFaults)
#include "tst_sampleuploadfaults.moc"
