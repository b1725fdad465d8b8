// Crash resume (CrashResume) on the engine as the composition root builds it, against a real
// sandbox: journals written as a killed run leaves them, then settled on the server.
#include "engine/engine.h"
#include "journal/crashresume.h"
#include "journal/journal.h"
#include "journal/journalrecorder.h"
#include "net/apiclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace SeqDrop;
using State = SampleUpload::State;

class TestCrashResume : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void interruptedSampleIsCancelled();
    void confirmedSampleIsFoundConfirmedAfterAll();
    void refusedKeyLeavesEntriesUnsettled();
    void runPlanSortsFilesByTheirEntries();
    void changedOrMissingFilesAreNamed();
    void requestWaitsUntilItsTransitionIsOnDisk();
    void cancelWhileTheJournalWritesSendsNothing();

private:
    std::unique_ptr<Engine> engine(const QString &origin, const QString &apiKey);
    SampleSpec fastq(const QString &name, int records);
    // An entry as a run that died in `state` leaves it.
    qint64 journalEntry(const QString &origin, const SampleSpec &spec, State state,
                        const QString &sampleId);
    // A sample on the sandbox as an interrupted run left it: initialised, awaiting its data.
    QString startedOnServer(const SampleSpec &spec);
    std::optional<CrashResume::Settled> settle(CrashResume *resume,
                                               const QList<Journal::Entry> &entries);
    Journal::Entry entry(qint64 id, const QString &origin);

    QTemporaryDir m_dir;
    QString m_journalPath;
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestCrashResume::initTestCase() {
    qputenv("SEQDROP_RETRY_BASE_MS", "50");
    QVERIFY(m_dir.isValid());
}

void TestCrashResume::init() {
    m_journalPath = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->stderrText()));
}

void TestCrashResume::cleanup() {
    m_sandbox.reset();
}

std::unique_ptr<Engine> TestCrashResume::engine(const QString &origin, const QString &apiKey) {
    Engine::Options options;
    options.origin = origin;
    auto e = std::make_unique<Engine>(options);
    e->api()->setBaseUrl(m_sandbox->baseUrl());
    e->api()->setApiKey(apiKey);
    return e;
}

SampleSpec TestCrashResume::fastq(const QString &name, int records) {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), name, records);
    return spec;
}

qint64 TestCrashResume::journalEntry(const QString &origin, const SampleSpec &spec, State state,
                                     const QString &sampleId) {
    Journal journal;
    if (!journal.open(m_journalPath))
        return 0;
    const qint64 id = journal.add(origin, m_sandbox->baseUrl().toString(), spec);
    if (id && state != State::Queued)
        journal.update(id, state, sampleId);
    return id;
}

QString TestCrashResume::startedOnServer(const SampleSpec &spec) {
    return m_sandbox
        ->postJson(QStringLiteral("/api/v1/samples/init_upload"),
                   {{"filename", spec.effectiveUploadName()}, {"size", spec.sizeOnDisk()}})
        .value("sample_id")
        .toString();
}

std::optional<CrashResume::Settled> TestCrashResume::settle(CrashResume *resume,
                                                            const QList<Journal::Entry> &entries) {
    std::optional<CrashResume::Settled> result;
    connect(resume, &CrashResume::settled, this,
            [&result](const CrashResume::Settled &settled) { result = settled; });
    resume->settle(entries);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return std::nullopt;
    return result;
}

Journal::Entry TestCrashResume::entry(qint64 id, const QString &origin) {
    Journal journal;
    if (journal.open(m_journalPath))
        for (const Journal::Entry &e : journal.entries(origin))
            if (e.id == id)
                return e;
    return {};
}

void TestCrashResume::interruptedSampleIsCancelled() {
    const QString gui = QString::fromLatin1(Engine::WindowOrigin);
    const SampleSpec spec = fastq(QStringLiteral("halfway.fastq"), 300);
    const QString sampleId = startedOnServer(spec);
    QVERIFY(!sampleId.isEmpty());
    QCOMPARE(m_sandbox->sample(sampleId).value("status").toString(),
             QStringLiteral("awaiting_data"));
    const qint64 id = journalEntry(gui, spec, State::Uploading, sampleId);
    QVERIFY(id > 0);
    // Another front end's entry is not this one's to resume.
    QVERIFY(journalEntry(QString::fromLatin1(Engine::CliOrigin), spec, State::Uploading, sampleId) >
            0);

    const auto e = engine(gui, m_sandbox->apiKey());
    CrashResume *resume = e->crashResume();
    QVERIFY(resume->open(m_journalPath));
    const QList<Journal::Entry> entries = resume->entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().id, id);
    QVERIFY(CrashResume::wasInterrupted(entries.first()));

    const std::optional<CrashResume::Settled> result = settle(resume, entries);
    QVERIFY(result.has_value());
    QVERIFY(!resume->isSettling());
    QVERIFY(result->confirmedAfterAll.isEmpty());
    QVERIFY(result->unsettled.isEmpty());
    QVERIFY2(result->problems.isEmpty(), qPrintable(result->problems.join(QLatin1Char('\n'))));
    QCOMPARE(m_sandbox->sample(sampleId).value("status").toString(), QStringLiteral("deleted"));
    const Journal::Entry settled = entry(id, gui);
    QCOMPARE(settled.state, State::Cancelled);
    QCOMPARE(settled.sampleId, sampleId);
    QVERIFY(settled.isFinal());
    QCOMPARE(m_sandbox->counts().value("cancel_upload").toInt(), 1);
}

void TestCrashResume::confirmedSampleIsFoundConfirmedAfterAll() {
    const QString cli = QString::fromLatin1(Engine::CliOrigin);
    const SampleSpec spec = fastq(QStringLiteral("answerlost.fastq"), 300);
    QString sampleId;
    {
        // Uploaded for real; then the journal is made to say the confirmation's answer was lost.
        const auto uploader = engine(cli, m_sandbox->apiKey());
        SampleUpload *sample = uploader->queue()->add(spec);
        uploader->queue()->start();
        QVERIFY(QTest::qWaitFor([sample] { return sample->isFinished(); }, 60000));
        QCOMPARE(sample->state(), State::Confirmed);
        sampleId = sample->sampleId();
    }
    const qint64 id = journalEntry(cli, spec, State::Confirming, sampleId);
    QVERIFY(id > 0);

    const auto e = engine(cli, m_sandbox->apiKey());
    CrashResume *resume = e->crashResume();
    QVERIFY(resume->open(m_journalPath));
    const CrashResume::RunPlan plan = resume->planRun({spec}, false);
    QCOMPARE(plan.unfinished.size(), 1);
    QCOMPARE(plan.toUpload.size(), 1);
    QVERIFY(plan.confirmed.isEmpty());

    const std::optional<CrashResume::Settled> result = settle(resume, plan.unfinished);
    QVERIFY(result.has_value());
    QCOMPARE(result->confirmedAfterAll.size(), 1);
    QCOMPARE(result->confirmedAfterAll.first().id, id);
    QVERIFY(result->confirmed(id));
    QCOMPARE(result->confirmed(id)->sampleId, sampleId);
    QVERIFY(!result->isUnsettled(id));
    QVERIFY(result->problems.isEmpty());
    QCOMPARE(m_sandbox->sample(sampleId).value("status").toString(), QStringLiteral("available"));
    QCOMPARE(entry(id, cli).state, State::Confirmed);
    // The next run knows the file as sent.
    QCOMPARE(resume->planRun({spec}, false).confirmed.size(), 1);
}

void TestCrashResume::refusedKeyLeavesEntriesUnsettled() {
    const QString gui = QString::fromLatin1(Engine::WindowOrigin);
    const SampleSpec spec = fastq(QStringLiteral("notnow.fastq"), 300);
    const QString sampleId = startedOnServer(spec);
    const qint64 id = journalEntry(gui, spec, State::Uploading, sampleId);
    QVERIFY(id > 0);

    const auto e = engine(gui, QStringLiteral("notthekey000000000000000000000000"));
    CrashResume *resume = e->crashResume();
    QVERIFY(resume->open(m_journalPath));
    const std::optional<CrashResume::Settled> result = settle(resume, resume->entries());
    QVERIFY(result.has_value());
    QCOMPARE(result->unsettled.size(), 1);
    QVERIFY(result->isUnsettled(id));
    QVERIFY(!result->confirmed(id));
    QCOMPARE(result->problems.size(), 1);
    QVERIFY2(result->problems.first().contains(QStringLiteral("could not be checked")),
             qPrintable(result->problems.first()));
    // Left for later, as it was: still interrupted in the journal, still waiting on the server.
    QCOMPARE(entry(id, gui).state, State::Uploading);
    QCOMPARE(m_sandbox->sample(sampleId).value("status").toString(),
             QStringLiteral("awaiting_data"));
}

void TestCrashResume::runPlanSortsFilesByTheirEntries() {
    const QString cli = QString::fromLatin1(Engine::CliOrigin);
    const SampleSpec sent = fastq(QStringLiteral("sent.fastq"), 10);
    const SampleSpec queued = fastq(QStringLiteral("queued.fastq"), 11);
    const SampleSpec fresh = fastq(QStringLiteral("fresh.fastq"), 12);
    QVERIFY(journalEntry(cli, sent, State::Confirmed, QStringLiteral("0123456789abcdef")) > 0);
    QVERIFY(journalEntry(cli, queued, State::Queued, QString()) > 0);
    // The window's entries are not the CLI's.
    QVERIFY(journalEntry(QString::fromLatin1(Engine::WindowOrigin), fresh, State::Confirmed,
                         QStringLiteral("fedcba9876543210")) > 0);

    const auto e = engine(cli, m_sandbox->apiKey());
    CrashResume *resume = e->crashResume();
    QVERIFY(resume->open(m_journalPath));
    const CrashResume::RunPlan plan = resume->planRun({sent, queued, fresh}, false);
    QCOMPARE(plan.confirmed.size(), 1);
    QCOMPARE(plan.confirmed.first().sampleId, QStringLiteral("0123456789abcdef"));
    QCOMPARE(plan.unfinished.size(), 1);
    QCOMPARE(plan.unfinished.first().fingerprint, queued.fingerprint());
    QCOMPARE(plan.toUpload.size(), 2);
    QCOMPARE(plan.toUpload.at(0).file, queued.file);
    QCOMPARE(plan.toUpload.at(1).file, fresh.file);
    QVERIFY(!CrashResume::wasInterrupted(plan.unfinished.first())); // queued, never started

    const CrashResume::RunPlan forced = resume->planRun({sent, queued, fresh}, true);
    QVERIFY(forced.confirmed.isEmpty());
    QCOMPARE(forced.toUpload.size(), 3);
    QCOMPARE(forced.unfinished.size(), 1);
}

void TestCrashResume::changedOrMissingFilesAreNamed() {
    SampleSpec spec = fastq(QStringLiteral("edited.fastq"), 20);
    const QString queuedFingerprint = spec.fingerprint();
    QCOMPARE(CrashResume::changedFiles(spec, queuedFingerprint), QString());
    QTest::qWait(20); // a modification time that differs even on coarse clocks
    spec.file = writeFastq(m_dir.path(), QStringLiteral("edited.fastq"), 21);
    QVERIFY(CrashResume::changedFiles(spec, queuedFingerprint)
                .contains(QStringLiteral("changed since it was added")));
    QVERIFY(QFile::remove(spec.file));
    QVERIFY(CrashResume::changedFiles(spec, queuedFingerprint)
                .contains(QStringLiteral("does not exist")));
}

QTEST_MAIN(TestCrashResume)
namespace {

// Another process holding the journal's write lock, as a long disk sync would hold the writer.
// Released within SQLite's 5 s wait for a lock, after which the write fails (and is logged).
class JournalLock {
public:
    explicit JournalLock(const QString &path) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), Name);
        db.setDatabaseName(path);
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~JournalLock() {
        release();
        QSqlDatabase::removeDatabase(Name);
    }
    bool isHeld() const { return m_held; }
    void release() {
        if (!QSqlDatabase::contains(Name))
            return;
        QSqlDatabase db = QSqlDatabase::database(Name);
        if (m_held)
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        m_held = false;
        db.close();
    }

private:
    static constexpr auto Name = "held-by-another-process";
    bool m_held = false;
};

} // namespace

// The journal's disk syncs run on their own thread: a slow disk neither freezes the event loop
// nor lets a sample send init_upload before its "initializing" is written.
void TestCrashResume::requestWaitsUntilItsTransitionIsOnDisk() {
    const QString cli = QString::fromLatin1(Engine::CliOrigin);
    const auto e = engine(cli, m_sandbox->apiKey());
    QVERIFY(e->crashResume()->open(m_journalPath));
    JournalRecorder *recorder = e->recordQueue();
    SampleUpload *sample = e->queue()->add(fastq(QStringLiteral("slowdisk.fastq"), 300));
    const qint64 id = recorder->entryOf(sample);
    QVERIFY(id > 0);
    {
        JournalLock lock(m_journalPath);
        QVERIFY(lock.isHeld());
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(20);
        e->queue()->start();
        QCOMPARE(sample->state(), State::Initializing);
        QTest::qWait(1500);
        QCOMPARE(sample->state(), State::Initializing);
        QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
        QVERIFY2(ticks >= 30, qPrintable(QString::number(ticks))); // about 75 in 1.5 s
        QCOMPARE(entry(id, cli).state, State::Queued);             // as a crash now would leave it
    }
    QVERIFY(QTest::qWaitFor([sample] { return sample->isFinished(); }, 60000));
    QCOMPARE(sample->state(), State::Confirmed);
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 1);
    recorder->flush();
    QCOMPARE(entry(id, cli).state, State::Confirmed);
    QCOMPARE(entry(id, cli).sampleId, sample->sampleId());
}

// Cancelled while its "initializing" waits for the disk: nothing is sent, nothing is left.
void TestCrashResume::cancelWhileTheJournalWritesSendsNothing() {
    const QString cli = QString::fromLatin1(Engine::CliOrigin);
    const auto e = engine(cli, m_sandbox->apiKey());
    QVERIFY(e->crashResume()->open(m_journalPath));
    JournalRecorder *recorder = e->recordQueue();
    SampleUpload *sample = e->queue()->add(fastq(QStringLiteral("cancelled.fastq"), 300));
    {
        JournalLock lock(m_journalPath);
        QVERIFY(lock.isHeld());
        e->queue()->start();
        QCOMPARE(sample->state(), State::Initializing);
        sample->cancel();
        QTest::qWait(300);
        QCOMPARE(sample->state(), State::Initializing);
    }
    QVERIFY(QTest::qWaitFor([sample] { return sample->isFinished(); }, 30000));
    QCOMPARE(sample->state(), State::Cancelled);
    QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
    recorder->flush();
    QCOMPARE(entry(recorder->entryOf(sample), cli).state, State::Cancelled);
}

#include "tst_crashresume.moc"
