// The upload route seam: FormPostRoute moves a sample's files under a real init_upload ticket
// to a real sandbox and reports what it sent as plain data, without confirming or cancelling
// the sample (that stays SampleUpload's).
#include "formroutetest.h"
#include "net/apiclient.h"
#include "net/uploadticket.h"
#include "sandboxclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testwait.h"
#include "upload/formpostroute.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace SeqDrop;
using Kind = UploadError::Kind;

class TestFormPostRoute : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pairSentWithBothMd5s();
    void abortMidFileReportsCancelled();
    void expiredFormAsksForFreshInit();

private:
    // What init_upload answers for this sample, through the engine's own call.
    UploadTicket initUpload(const UploadRoute::Payload &payload) {
        return FormRouteTest::initUpload(m_net.api.get(), payload);
    }
    static UploadRoute::Payload payloadOf(const SampleSpec &spec) {
        return FormRouteTest::payloadOf(spec);
    }

    QTemporaryDir m_dir;
    SandboxClient m_net;
};

void TestFormPostRoute::initTestCase() {
    qputenv("SEQDROP_RETRY_BASE_MS", "50");
    qputenv("SEQDROP_STALL_TIMEOUT_MS", "1500");
    QVERIFY(m_dir.isValid());
}

void TestFormPostRoute::init() {
    QVERIFY(m_net.start());
}

void TestFormPostRoute::cleanup() {
    m_net.stop();
}

void TestFormPostRoute::pairSentWithBothMd5s() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("route_R1.fastq"), 3000, 100, 21);
    spec.pairedFile = writeFastq(m_dir.path(), QStringLiteral("route_R2.fastq"), 3000, 100, 22);
    spec.validateWhileUploading = true;
    const UploadRoute::Payload payload = payloadOf(spec);
    const qint64 total = payload.sizes[0] + payload.sizes[1];
    const UploadTicket ticket = initUpload(payload);
    QVERIFY(!ticket.sampleId.isEmpty());

    FormPostRoute route(m_net.api.get(), ticket, payload);
    QCOMPARE(route.name(), QStringLiteral("form"));
    qint64 lastSent = -1;
    qint64 lastTotal = -1;
    QList<int> filesSent;
    connect(&route, &UploadRoute::progress, this, [&](qint64 sent, qint64 of) {
        lastSent = sent;
        lastTotal = of;
    });
    connect(&route, &UploadRoute::fileSent, this, [&](int index) { filesSent << index; });
    std::optional<UploadRoute::Result> result;
    connect(&route, &UploadRoute::finished, this,
            [&](const UploadRoute::Result &r) { result = r; });
    route.start();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);

    QVERIFY2(!result->error.isError(), qPrintable(result->error.toString()));
    QVERIFY(!result->needsFreshInit);
    QVERIFY(route.isFinished());
    QCOMPARE(filesSent, (QList<int>{0, 1}));
    QCOMPARE(route.sent().md5s(), (QStringList{QString::fromLatin1(md5OfFile(spec.file)),
                                               QString::fromLatin1(md5OfFile(spec.pairedFile))}));
    QCOMPARE(route.sent().fileBytes[0], payload.sizes[0]);
    QCOMPARE(route.sent().fileBytes[1], payload.sizes[1]);
    QCOMPARE(lastSent, total);
    QCOMPARE(lastTotal, total);
    QVERIFY(route.resumePoint().isEmpty());
    // Both files stored under the one sample, which the route leaves for its owner to confirm.
    const QJsonObject sample = m_net.sandbox->sample(ticket.sampleId);
    QCOMPARE(sample.value("r1").toObject().value("md5").toString(), route.sent().md5s().at(0));
    QCOMPARE(sample.value("r2").toObject().value("md5").toString(), route.sent().md5s().at(1));
    QCOMPARE(sample.value("status").toString(), QStringLiteral("awaiting_data"));
    QCOMPARE(m_net.sandbox->counts().value("confirm_upload").toInt(), 0);
    QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 0);
}

void TestFormPostRoute::abortMidFileReportsCancelled() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("route_abort.fastq"), 40000, 150);
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    QVERIFY(!ticket.sampleId.isEmpty());
    // Hold the upload mid-body so the abort lands while bytes are moving.
    QVERIFY(m_net.sandbox->setFaults({{"stall_uploads", 1}, {"stall_seconds", 30}}));

    FormPostRoute route(m_net.api.get(), ticket, payload);
    bool aborted = false;
    int progressAfterAbort = 0;
    connect(&route, &UploadRoute::progress, this, [&](qint64 sent, qint64) {
        if (aborted)
            ++progressAfterAbort;
        else if (sent > 0) {
            aborted = true;
            route.abort();
        }
    });
    QList<UploadRoute::Result> results;
    connect(&route, &UploadRoute::finished, this,
            [&](const UploadRoute::Result &r) { results << r; });
    route.start();
    QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), 20000);
    QTest::qWait(500); // room for anything the aborted request might still report

    QVERIFY(aborted);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().error.kind, Kind::Cancelled);
    QVERIFY(!results.first().needsFreshInit);
    QCOMPARE(progressAfterAbort, 0);
    QVERIFY(route.sent().md5s().isEmpty());
    QVERIFY(route.sent().fileBytes[0] < payload.sizes[0]);
    const QJsonObject sample = m_net.sandbox->sample(ticket.sampleId);
    QVERIFY(sample.value("r1").isNull() || sample.value("r1").isUndefined());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("awaiting_data"));
}

// The route reports an expired form as such, and leaves the fresh init_upload to its owner.
void TestFormPostRoute::expiredFormAsksForFreshInit() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("route_late.fastq"), 100);
    QVERIFY(m_net.sandbox->setFaults({{"expired_policies", 1}}));
    const UploadRoute::Payload payload = payloadOf(spec);
    const UploadTicket ticket = initUpload(payload);
    QVERIFY(!ticket.sampleId.isEmpty());

    FormPostRoute route(m_net.api.get(), ticket, payload);
    QSignalSpy retries(&route, &UploadRoute::retrying);
    std::optional<UploadRoute::Result> result;
    connect(&route, &UploadRoute::finished, this,
            [&](const UploadRoute::Result &r) { result = r; });
    route.start();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QVERIFY(result->error.isError());
    QVERIFY2(result->needsFreshInit, qPrintable(result->error.toString()));
    QCOMPARE(retries.size(), 0); // an expired form cannot succeed again
    QVERIFY(route.sent().md5s().isEmpty());
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 1);
    QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 0);
}

QTEST_GUILESS_MAIN(TestFormPostRoute)
#include "tst_formpostroute.moc"
