// The queue over the real engine and sandbox: concurrency limit, order, halting on a bad key.
#include "net/apiclient.h"
#include "net/transfersettings.h"
#include "sandboxclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;

class TestUploadQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void honoursParallelLimitAndOrder();
    void pausedQueueStartsNothing();
    void badKeyHaltsQueue();
    void retryAfterFailureSucceeds();
    void fileChangedSinceQueuedIsNotUploaded();
    void heldSampleWaitsUntilReleased();
    void describingAChangedFileDoesNotAcceptIt();
    void keyRevokedMidQueueHalts_data();
    void keyRevokedMidQueueHalts();
    void malformedAnswerFailsCleanly();

private:
    QList<SampleSpec> makeSpecs(int n);

    QTemporaryDir m_dir;
    SandboxClient m_net;
};

void TestUploadQueue::initTestCase() {
    qputenv("SEQDROP_RETRY_BASE_MS", "50");
    QVERIFY(m_dir.isValid());
}

void TestUploadQueue::init() {
    QVERIFY(m_net.start());
}

void TestUploadQueue::cleanup() {
    m_net.stop();
}

QList<SampleSpec> TestUploadQueue::makeSpecs(int n) {
    QList<SampleSpec> specs;
    for (int i = 0; i < n; ++i) {
        SampleSpec spec;
        spec.file =
            writeFastq(m_dir.path(), QStringLiteral("q%1.fastq").arg(i), 3000 + i, 100, quint32(i));
        specs.append(spec);
    }
    return specs;
}

void TestUploadQueue::honoursParallelLimitAndOrder() {
    UploadQueue queue(m_net.api.get());
    queue.setMaxParallel(2);
    int running = 0, peak = 0;
    QStringList startOrder;
    connect(&queue, &UploadQueue::sampleStarted, this, [&](SampleUpload *s) {
        peak = qMax(peak, ++running);
        startOrder << QFileInfo(s->spec().file).fileName();
    });
    connect(&queue, &UploadQueue::sampleFinished, this, [&] { --running; });
    const QList<SampleSpec> specs = makeSpecs(6);
    for (const SampleSpec &spec : specs)
        queue.add(spec);
    QSignalSpy idle(&queue, &UploadQueue::idle);
    queue.start();
    QVERIFY(idle.wait(60000));
    QCOMPARE(peak, 2);
    QCOMPARE(startOrder.first(), QStringLiteral("q0.fastq"));
    QCOMPARE(startOrder.last(), QStringLiteral("q5.fastq"));
    QCOMPARE(queue.countIn(State::Confirmed), 6);
    QCOMPARE(queue.bytesSent(), queue.totalBytes());
    // Exactly once: six samples on the server, all available, each with its own bytes.
    const QJsonArray samples = m_net.sandbox->state().value("samples").toArray();
    QCOMPARE(samples.size(), 6);
    for (const QJsonValue &s : samples)
        QCOMPARE(s.toObject().value("status").toString(), QStringLiteral("available"));
}

void TestUploadQueue::pausedQueueStartsNothing() {
    UploadQueue queue(m_net.api.get());
    queue.add(makeSpecs(1).first());
    QTest::qWait(300);
    QCOMPARE(queue.samples().first()->state(), State::Queued);
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 0);
}

void TestUploadQueue::badKeyHaltsQueue() {
    m_net.api->setApiKey(QStringLiteral("not-the-key-not-the-key-not-the0"));
    UploadQueue queue(m_net.api.get());
    queue.setMaxParallel(1);
    for (const SampleSpec &spec : makeSpecs(3))
        queue.add(spec);
    QSignalSpy halted(&queue, &UploadQueue::halted);
    queue.start();
    QVERIFY(halted.wait(20000));
    QCOMPARE(halted.first().at(0).value<UploadError>().kind, UploadError::Kind::Auth);
    QVERIFY(queue.isPaused());
    // The other samples wait for a good key instead of failing one after another.
    QCOMPARE(queue.countIn(State::Queued), 2);
    QCOMPARE(queue.countIn(State::Failed), 1);
}

void TestUploadQueue::retryAfterFailureSucceeds() {
    // The form route by choice: on the automatic route a form POST out of connection retries
    // falls back to the multipart route (tst_multipartroute).
    TransferSettings settings = m_net.api->transferSettings();
    settings.route = TransferSettings::Route::Form;
    m_net.api->setTransferSettings(settings);
    UploadQueue queue(m_net.api.get());
    SampleUpload *sample = queue.add(makeSpecs(1).first());
    QVERIFY(m_net.sandbox->setFaults({{"cut_uploads", 50}}));
    QSignalSpy idle(&queue, &UploadQueue::idle);
    queue.start();
    QVERIFY(idle.wait(30000));
    QCOMPARE(sample->state(), State::Failed);
    const QString firstId = sample->sampleId();

    QVERIFY(m_net.sandbox->setFaults({{"cut_uploads", 0}}));
    idle.clear();
    QVERIFY(queue.retry(sample));
    QVERIFY(idle.wait(30000));
    QCOMPARE(sample->state(), State::Confirmed);
    QVERIFY(sample->sampleId() != firstId);
    QCOMPARE(m_net.sandbox->sample(firstId).value("status").toString(), QStringLiteral("deleted"));
}

void TestUploadQueue::fileChangedSinceQueuedIsNotUploaded() {
    UploadQueue queue(m_net.api.get());
    const QList<SampleSpec> specs = makeSpecs(2);
    SampleUpload *changed = queue.add(specs.at(0));
    SampleUpload *intact = queue.add(specs.at(1));
    QTest::qWait(20); // modification times have millisecond resolution
    QFile f(specs.at(0).file);
    QVERIFY(f.open(QIODevice::Append));
    f.write("@late\nACGT\n+\nIIII\n");
    f.close();
    QSignalSpy idle(&queue, &UploadQueue::idle);
    queue.start();
    QVERIFY(idle.wait(30000));
    QCOMPARE(changed->state(), State::Failed);
    QCOMPARE(changed->error().kind, UploadError::Kind::LocalFile);
    QVERIFY(changed->error().message.contains(QLatin1String("changed since it was added")));
    QCOMPARE(intact->state(), State::Confirmed);
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 1);
}

// A held sample (a bad file, a name waiting for consent) never starts and does not keep the
// queue from going idle; lifting the hold while the queue runs starts it.
void TestUploadQueue::heldSampleWaitsUntilReleased() {
    UploadQueue queue(m_net.api.get());
    const QList<SampleSpec> specs = makeSpecs(2);
    SampleUpload *held = queue.add(specs.at(0));
    SampleUpload *free = queue.add(specs.at(1));
    held->setHold(QStringLiteral("waiting for the user"));
    QCOMPARE(queue.pendingCount(), 1);
    QCOMPARE(queue.heldCount(), 1);
    QSignalSpy idle(&queue, &UploadQueue::idle);
    queue.start();
    QVERIFY(idle.wait(30000));
    QCOMPARE(free->state(), State::Confirmed);
    QCOMPARE(held->state(), State::Queued);
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 1);

    idle.clear();
    held->setHold({});
    QCOMPARE(held->state(), State::Initializing); // started by the lifted hold
    QVERIFY(idle.wait(30000));
    QCOMPARE(held->state(), State::Confirmed);
}

void TestUploadQueue::describingAChangedFileDoesNotAcceptIt() {
    UploadQueue queue(m_net.api.get());
    SampleUpload *sample = queue.add(makeSpecs(1).first());
    const QString queued = sample->queuedFingerprint();
    QTest::qWait(20);
    QFile f(sample->spec().file);
    QVERIFY(f.open(QIODevice::Append));
    f.write("@late\nACGT\n+\nIIII\n");
    f.close();
    // A new description (same files) keeps the files as they were queued...
    SampleSpec described = sample->spec();
    described.tags = QStringList{QStringLiteral("late-tag")};
    QSignalSpy specChanged(sample, &SampleUpload::specChanged);
    QVERIFY(sample->setSpec(described));
    QCOMPARE(specChanged.size(), 1);
    QCOMPARE(sample->queuedFingerprint(), queued);
    QSignalSpy idle(&queue, &UploadQueue::idle);
    queue.start(); // the refusal comes at once, within start()
    QVERIFY(!idle.isEmpty() || idle.wait(30000));
    // ...so the half-written file is still refused.
    QCOMPARE(sample->state(), State::Failed);
    QVERIFY(sample->error().message.contains(QLatin1String("changed since it was added")));
    QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 0);
}

void TestUploadQueue::keyRevokedMidQueueHalts_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::newRow("401 key revoked") << 401 << int(UploadError::Kind::Auth);
    QTest::newRow("402 quota reached") << 402 << int(UploadError::Kind::Payment);
}

// The first sample goes through, then the server starts refusing: the queue stops starting
// samples (they wait for a new key or quota) instead of failing them one by one.
void TestUploadQueue::keyRevokedMidQueueHalts() {
    QFETCH(int, status);
    QFETCH(int, kind);
    UploadQueue queue(m_net.api.get());
    queue.setMaxParallel(1);
    for (const SampleSpec &spec : makeSpecs(4))
        queue.add(spec);
    QSignalSpy halted(&queue, &UploadQueue::halted);
    connect(&queue, &UploadQueue::sampleFinished, this, [this, status](SampleUpload *s) {
        if (s->state() == State::Confirmed)
            m_net.sandbox->setFaults({{"reject_api", 100}, {"reject_status", status}});
    });
    queue.start();
    QVERIFY(halted.wait(30000));
    QCOMPARE(int(halted.first().at(0).value<UploadError>().kind), kind);
    QCOMPARE(queue.countIn(State::Confirmed), 1);
    QCOMPARE(queue.countIn(State::Failed), 1);
    QCOMPARE(queue.countIn(State::Queued), 2);
    QVERIFY(m_net.sandbox->setFaults({{"reject_api", 0}}));
    // Nothing was left half-created by the refused sample.
    for (const QJsonValue &s : m_net.sandbox->state().value("samples").toArray())
        QVERIFY(s.toObject().value("status").toString() != QLatin1String("awaiting_data"));
}

void TestUploadQueue::malformedAnswerFailsCleanly() {
    UploadQueue queue(m_net.api.get());
    SampleUpload *sample = queue.add(makeSpecs(1).first());
    QVERIFY(m_net.sandbox->setFaults({{"garble_api", 1}}));
    QSignalSpy idle(&queue, &UploadQueue::idle);
    queue.start();
    QVERIFY(idle.wait(30000));
    QCOMPARE(sample->state(), State::Failed);
    QCOMPARE(sample->error().kind, UploadError::Kind::BadResponse);
    QVERIFY2(sample->error().message.contains(QLatin1String("could not read")),
             qPrintable(sample->error().message));
    QVERIFY(m_net.sandbox->state().value("samples").toArray().isEmpty());
    // The same sample goes through once the server answers properly again.
    idle.clear();
    QVERIFY(queue.retry(sample));
    QVERIFY(idle.wait(30000));
    QCOMPARE(sample->state(), State::Confirmed);
}

QTEST_GUILESS_MAIN(TestUploadQueue)
#include "tst_uploadqueue.moc"
