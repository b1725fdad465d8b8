// The form route through One Codex's validating proxy (a sandbox --proxy-mode) and against S3's
// single-request limit (--max-post-size): FormPostRoute polls status_url until the proxy's
// check is over, sends the files again when the proxy asks, ends with the proxy's message when
// it refuses them; with callback_url SampleUpload sends no confirm_upload; a POST refused as
// EntityTooLarge says so and marks the result for the multipart fallback, as do retries spent
// on connection failures.
#include "formroutetest.h"
#include "net/apiclient.h"
#include "net/uploadticket.h"
#include "sandboxclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testwait.h"
#include "upload/formpostroute.h"
#include "upload/sampleupload.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace SeqDrop;
using Kind = UploadError::Kind;

class TestProxyRoute : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void statusModeWaitsForTheCheck();
    void proxyFailsThenPasses();
    void proxyFailureOnTheAutoRouteAsksForMultipart();
    void proxyRejectsEndsWithItsMessage();
    void checkThatNeverEndsTimesOut();
    void statusModeSampleConfirmedAfterTheCheck();
    void callbackModeSendsNoConfirm();
    void entityTooLargeIsTooLargeForForm();
    void connectionFailuresMarkRetriesSpent();
    void bodyTooBigToDrainStillGivesAReason();

private:
    bool startSandbox(const QStringList &args);
    UploadTicket initUpload(const UploadRoute::Payload &payload) {
        return FormRouteTest::initUpload(m_net.api.get(), payload);
    }
    static UploadRoute::Payload payloadOf(const SampleSpec &spec) {
        return FormRouteTest::payloadOf(spec);
    }
    SampleSpec single(const QString &name, int records = 200);
    // Runs a route to its end; counts its checking() and retrying() signals.
    UploadRoute::Result runRoute(FormPostRoute &route, int *checking = nullptr,
                                 int *retries = nullptr);
    QJsonObject counts() { return m_net.sandbox->counts(); }

    QTemporaryDir m_dir;
    SandboxClient m_net;
};

void TestProxyRoute::initTestCase() {
    qputenv("SEQDROP_RETRY_BASE_MS", "50");
    qputenv("SEQDROP_STALL_TIMEOUT_MS", "1500");
    qputenv("SEQDROP_PROXY_POLL_MS", "100");
    QVERIFY(m_dir.isValid());
}

void TestProxyRoute::cleanup() {
    m_net.stop();
}

bool TestProxyRoute::startSandbox(const QStringList &args) {
    return m_net.start(args);
}

SampleSpec TestProxyRoute::single(const QString &name, int records) {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), name, records, 100, quint32(qHash(name)));
    return spec;
}

UploadRoute::Result TestProxyRoute::runRoute(FormPostRoute &route, int *checking, int *retries) {
    std::optional<UploadRoute::Result> result;
    connect(&route, &UploadRoute::finished, this,
            [&](const UploadRoute::Result &r) { result = r; });
    if (checking)
        connect(&route, &UploadRoute::checking, this, [checking] { ++*checking; });
    if (retries)
        connect(&route, &UploadRoute::retrying, this, [retries] { ++*retries; });
    route.start();
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 30000)
        QTest::qWait(20);
    if (!result)
        qWarning("the route did not finish");
    return result.value_or(UploadRoute::Result{});
}

void TestProxyRoute::statusModeWaitsForTheCheck() {
    QVERIFY(startSandbox({"--proxy-mode", "status", "--proxy-check-seconds", "0.5"}));
    const SampleSpec spec = single("checked.fastq");
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    QVERIFY(!ticket.statusUrl.isEmpty());
    QVERIFY(ticket.callbackUrl.isEmpty());

    FormPostRoute route(m_net.api.get(), ticket, payload);
    QCOMPARE(route.name(), QStringLiteral("proxy"));
    QVERIFY(std::unique_ptr<ApiJob>(route.confirmJob(m_net.api.get(), ticket.sampleId)));
    int checking = 0;
    QElapsedTimer clock;
    clock.start();
    const UploadRoute::Result result = runRoute(route, &checking);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.toString()));
    QVERIFY(clock.elapsed() >= 500); // it waited for the proxy's check
    QCOMPARE(checking, 1);
    QCOMPARE(route.sent().md5s(), QStringList{QString::fromLatin1(md5OfFile(spec.file))});
    const QJsonObject check = m_net.sandbox->state()
                                  .value("proxy")
                                  .toObject()
                                  .value("checks")
                                  .toObject()
                                  .value(ticket.sampleId)
                                  .toObject();
    QVERIFY2(check.value("polls").toInt() >= 3,
             qPrintable(QString::number(check.value("polls").toInt())));
    QCOMPARE(check.value("code").toInt(), 200);
    QCOMPARE(check.value("posts").toInt(), 1);
    QCOMPARE(counts().value("proxy_status_polls").toInt(), check.value("polls").toInt());
    // Passed, not confirmed: that stays the route's owner's.
    QCOMPARE(m_net.sandbox->sample(ticket.sampleId).value("status").toString(),
             QStringLiteral("awaiting_data"));
}

void TestProxyRoute::proxyFailsThenPasses() {
    QVERIFY(startSandbox(
        {"--proxy-mode", "status", "--proxy-check-seconds", "0.2", "--proxy-fails", "1"}));
    // Chosen in the settings: the route resends within its budget instead of falling back.
    TransferSettings settings = m_net.api->transferSettings();
    settings.route = TransferSettings::Route::Form;
    m_net.api->setTransferSettings(settings);
    const SampleSpec spec = single("retried.fastq");
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    int checking = 0, retries = 0;
    const UploadRoute::Result result = runRoute(route, &checking, &retries);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.toString()));
    QCOMPARE(retries, 1);
    QCOMPARE(checking, 2);
    // The file went twice, and counts once in what was sent.
    QCOMPARE(counts().value("proxy_posts").toInt(), 2);
    QCOMPARE(route.sent().md5s().size(), 1);
    QCOMPARE(route.sent().bytes(), payload.sizes[0]);
}

void TestProxyRoute::proxyFailureOnTheAutoRouteAsksForMultipart() {
    QVERIFY(startSandbox(
        {"--proxy-mode", "status", "--proxy-check-seconds", "0.2", "--proxy-fails", "1"}));
    const SampleSpec spec = single("fallback.fastq");
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    int retries = 0;
    const UploadRoute::Result result = runRoute(route, nullptr, &retries);
    QVERIFY(result.error.isError());
    QVERIFY(result.proxyFailed);
    QVERIFY(!result.resumable);
    QCOMPARE(retries, 0); // not sent again by this route
    QCOMPARE(counts().value("proxy_posts").toInt(), 1);
}

void TestProxyRoute::proxyRejectsEndsWithItsMessage() {
    QVERIFY(startSandbox(
        {"--proxy-mode", "status", "--proxy-check-seconds", "0", "--proxy-rejects", "1"}));
    const SampleSpec spec = single("refused.fastq");
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    const UploadRoute::Result result = runRoute(route);
    QCOMPARE(result.error.kind, Kind::BadRequest);
    QVERIFY2(result.error.message.contains("One Codex refused the file") &&
                 result.error.message.contains("not a valid FASTA or FASTQ file"),
             qPrintable(result.error.toString()));
    QVERIFY(!result.error.isRetryable());
    QVERIFY(!result.tooLargeForForm);
    QCOMPARE(counts().value("proxy_posts").toInt(), 1);
}

void TestProxyRoute::checkThatNeverEndsTimesOut() {
    qputenv("SEQDROP_PROXY_LIMIT_MS", "600");
    QVERIFY(startSandbox({"--proxy-mode", "status", "--proxy-check-seconds", "60"}));
    qunsetenv("SEQDROP_PROXY_LIMIT_MS");
    const SampleSpec spec = single("slowcheck.fastq");
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    const UploadRoute::Result result = runRoute(route);
    QCOMPARE(result.error.kind, Kind::Timeout);
    QVERIFY2(result.error.message.contains("did not finish checking"),
             qPrintable(result.error.toString()));
}

void TestProxyRoute::statusModeSampleConfirmedAfterTheCheck() {
    QVERIFY(startSandbox({"--proxy-mode", "status", "--proxy-check-seconds", "0.3"}));
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("sp_R1.fastq"), 200, 100, 31);
    spec.pairedFile = writeFastq(m_dir.path(), QStringLiteral("sp_R2.fastq"), 200, 100, 32);
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy finished(upload, &SampleUpload::finished);
    bool sawChecking = false;
    connect(upload, &SampleUpload::progressChanged, this, [&] {
        if (upload->isBeingChecked()) {
            sawChecking = true;
            QCOMPARE(upload->state(), SampleUpload::State::Uploading);
        }
    });
    upload->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(upload->state(), SampleUpload::State::Confirmed);
    QVERIFY(sawChecking);
    QVERIFY(!upload->isBeingChecked());
    QCOMPARE(upload->routeName(), QStringLiteral("proxy"));
    QCOMPARE(counts().value("confirm_upload").toInt(), 1);
    QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("status").toString(),
             QStringLiteral("available"));
}

void TestProxyRoute::callbackModeSendsNoConfirm() {
    QVERIFY(startSandbox({"--proxy-mode", "callback"}));
    const SampleSpec spec = single("callback.fastq");
    auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
    QSignalSpy finished(upload, &SampleUpload::finished);
    upload->start();
    QVERIFY(finished.wait(30000));
    QVERIFY2(upload->state() == SampleUpload::State::Confirmed,
             qPrintable(upload->error().toString()));
    QCOMPARE(upload->routeName(), QStringLiteral("proxy"));
    QCOMPARE(counts().value("confirm_upload").toInt(), 0);
    QCOMPARE(counts().value("proxy_confirms").toInt(), 1);
    QCOMPARE(counts().value("cancel_upload").toInt(), 0);
    QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("status").toString(),
             QStringLiteral("available"));
}

void TestProxyRoute::entityTooLargeIsTooLargeForForm() {
    QVERIFY(startSandbox({"--max-post-size", "4194304"}));
    const SampleSpec spec = single("six_mib.fastq", 40000); // over 6 MiB
    const UploadRoute::Payload payload = payloadOf(spec);
    QVERIFY2(payload.sizes[0] > 6 * 1024 * 1024, qPrintable(QString::number(payload.sizes[0])));
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    QCOMPARE(route.name(), QStringLiteral("form"));
    const UploadRoute::Result result = runRoute(route);
    QVERIFY(result.tooLargeForForm);
    QVERIFY(!result.connectionRetriesSpent);
    QVERIFY(!result.needsFreshInit);
    QCOMPARE(result.error.kind, Kind::StorageRejected);
    QCOMPARE(result.error.serverCode, QStringLiteral("EntityTooLarge"));
    QVERIFY2(!result.error.message.contains("changed"), qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains("larger than one upload request may be"),
             qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains("4"), qPrintable(result.error.message)); // 4 MiB
    QCOMPARE(counts().value("entity_too_large").toInt(), 1);
}

void TestProxyRoute::connectionFailuresMarkRetriesSpent() {
    // Every attempt cut mid-file: the retries are spent on the connection, not on a refusal.
    QVERIFY(startSandbox({"--cut-uploads", "10"}));
    const SampleSpec spec = single("cut.fastq", 2000);
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    int retries = 0;
    const UploadRoute::Result result = runRoute(route, nullptr, &retries);
    QVERIFY2(result.error.isRetryable(), qPrintable(result.error.toString()));
    QVERIFY(result.connectionRetriesSpent);
    QVERIFY(!result.tooLargeForForm);
    QVERIFY(!result.needsFreshInit);
    QCOMPARE(retries, m_net.api->transferSettings().uploadRetry.maxRetries());
}

void TestProxyRoute::bodyTooBigToDrainStillGivesAReason() {
    // Over 16 MiB the sandbox answers EntityTooLarge and closes at once, as S3 does, while the
    // client is still sending: whichever the client sees, the result says why the multipart
    // route may help.
    QVERIFY(startSandbox({"--max-post-size", "4194304"}));
    const SampleSpec spec = single("twenty_mib.fastq", 110000);
    const UploadRoute::Payload payload = payloadOf(spec);
    QVERIFY(payload.sizes[0] > 16 * 1024 * 1024);
    const UploadTicket ticket = initUpload(payload);
    FormPostRoute route(m_net.api.get(), ticket, payload);
    const UploadRoute::Result result = runRoute(route);
    qInfo() << "reason:" << result.tooLargeForForm << result.connectionRetriesSpent
            << result.error.toString();
    QVERIFY(result.tooLargeForForm || result.connectionRetriesSpent);
    QVERIFY(!result.error.message.contains("changed"));
}

QTEST_MAIN(TestProxyRoute)
#include "tst_proxyroute.moc"
