// A run folder of a thousand files into the real window, held to what makes it scale rather
// than to milliseconds (which flake on a loaded machine): the rows go in as a few batches, the
// selection is set once as a range, the description panel and the journal are written once per
// intake batch, and a restored journal of that size comes back as one insertion too. Before this,
// 500 rows meant 500 insertions and 500 selection changes, each scanning every row.
#include "consentbar.h"
#include "desktop/desktopservices.h"
#include "desktop/session.h"
#include "engine/engine.h"
#include "journal/crashresume.h"
#include "journal/journal.h"
#include "journal/journalrecorder.h"
#include "journal/queuerestorer.h"
#include "mainwindow.h"
#include "sampletablemodel.h"
#include "sampletableview.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testsettings.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QDir>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;

namespace {
constexpr int Samples = 124; // x 4 lanes x R1/R2 + 8 Undetermined = 1,000 files
constexpr int Lanes = 4;
constexpr int Rows = (Samples + 1) * Lanes; // one pair row per lane, Undetermined included
} // namespace

class TestLargeRun : public QObject {
    Q_OBJECT

private:
    // The queue is recorded in the journal.
    std::unique_ptr<MainWindow> makeWindow() {
        return WindowTestSupport::signedInWindow(m_sandbox, true);
    }
    // A run folder as bcl2fastq writes it: lanes, mates, Undetermined, the sample sheet.
    static int writeRun(const QString &dir) {
        int files = 0;
        const auto fastq = [&](const QString &name, int seed) {
            files += writeFastq(dir, name, 2, 50, quint32(seed)).isEmpty() ? 0 : 1;
        };
        for (int s = 0; s <= Samples; ++s)
            for (int lane = 1; lane <= Lanes; ++lane)
                for (int read = 1; read <= 2; ++read)
                    fastq(s == 0 ? QStringLiteral("Undetermined_S0_L00%1_R%2_001.fastq")
                                       .arg(lane)
                                       .arg(read)
                                 : QStringLiteral("Plate7-%1_S%2_L00%3_R%4_001.fastq")
                                       .arg(s, 3, 10, QLatin1Char('0'))
                                       .arg(s)
                                       .arg(lane)
                                       .arg(read),
                          s * 10 + lane);
        QFile sheet(QDir(dir).filePath(QStringLiteral("SampleSheet.csv")));
        if (sheet.open(QIODevice::WriteOnly))
            sheet.write("[Header]\nIEMFileVersion,5\n\n[Data]\nSample_ID,Sample_Name\n");
        return files;
    }

    QTemporaryDir m_config;
    QTemporaryDir m_dataHome;
    QTemporaryDir m_run;
    SandboxProcess m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit());
        QVERIFY2(WindowTestSupport::prepare(m_config, m_sandbox, QStringLiteral("SeqDropLargeRun")),
                 qPrintable(m_sandbox.stderrText()));
        QVERIFY(m_run.isValid());
        QCOMPARE(writeRun(m_run.path()), 1000);
    }
    void cleanupTestCase() { m_sandbox.stop(); }

    void thousandFilesGoInAsOneBatch() {
        auto w = makeWindow();
        QSignalSpy inserts(w->model(), &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy resets(w->model(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy selections(w->view()->selectionModel(), &QItemSelectionModel::selectionChanged);
        Journal *journal = w->services()->engine()->journal();
        const int commitsBefore = journal->batchCommits();

        const SampleIntake::Report report = WindowTestSupport::addPaths(&*w, {m_run.path()});
        QCOMPARE(report.added.size(), Rows);
        QCOMPARE(w->model()->rowCount(), Rows);
        // A batch per event-loop turn, not a row: 4 for 500 rows.
        QCOMPARE(inserts.size(), int((Rows + UploadQueue::BatchSize - 1) / UploadQueue::BatchSize));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(selections.size(), 1);
        QCOMPARE(w->selectedSamples().size(), Rows); // selectable: the next step describes them
        // One transaction per batch; the checks' description changes that follow are batched too.
        QCOMPARE(journal->batchCommits(), commitsBefore + inserts.size());
        QCOMPARE(journal->entries(QStringLiteral("gui")).size(), Rows);
        // The consent bar offers the lanes in one line, counting the samples (it refreshes on a
        // timer: it may show an earlier batch's count first).
        QTRY_VERIFY2(w->consentBar()->lanesText().startsWith(QString::number(Samples + 1)),
                     qPrintable(w->consentBar()->lanesText()));
    }

    // The journal the first window recorded comes back in batches, one insertion each into the
    // window's table (its model built first, as the window builds it before restoring).
    void restoredRunComesBackAsOneBatch() {
        DesktopServices services;
        SampleTableModel model(services.engine()->queue());
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy batches(services.engine()->queue(), &UploadQueue::samplesAdded);
        QSignalSpy restored(services.restorer(), &QueueRestorer::restored);
        QCOMPARE(services.restorer()->restore(), Rows);
        QVERIFY(restored.wait(30000));
        QCOMPARE(model.rowCount(), Rows);
        // A batch per event-loop turn: 4 for 500 rows.
        const int batchCount = (Rows + UploadQueue::BatchSize - 1) / UploadQueue::BatchSize;
        QCOMPARE(inserts.size(), batchCount);
        QCOMPARE(batches.size(), batchCount);
        // Restored under their own entries: nothing recorded twice.
        QCOMPARE(services.engine()->journal()->entries(QStringLiteral("gui")).size(), Rows);
    }

    // Joining the lanes of 125 samples, then removing every row: the rows leave in one removal
    // and the journal forgets them in one transaction (before: 375 removals, each a disk sync
    // and a walk over every row, persistent index and selection range).
    void lanesMergedAndRowsRemovedInBatches() {
        auto w = makeWindow(); // restores the 500 rows recorded by the first case
        QTRY_COMPARE(w->model()->rowCount(), Rows);
        Journal *journal = w->services()->engine()->journal();
        QTRY_VERIFY(w->consentBar()->mergeLanesButton()->isVisible());
        QSignalSpy removals(w->model(), &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy resets(w->model(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(w->model(), &QAbstractItemModel::layoutChanged);
        // What the restore and the checks still hold goes first: only the join is counted.
        JournalRecorder *recorder = w->services()->engine()->crashResume()->recorder();
        recorder->flush();
        int commitsBefore = journal->batchCommits();
        const QList<SampleUpload *> firstLanes{w->model()->sampleAt(0), w->model()->sampleAt(4),
                                               w->model()->sampleAt(Rows - 4)};
        w->view()->selectSamples(firstLanes);

        w->consentBar()->mergeLanesButton()->click();
        QCOMPARE(w->model()->rowCount(), Samples + 1);
        // Each sample's lanes 2-4, 125 runs of rows: moved to the end in one layout change and
        // removed at once.
        QCOMPARE(layouts.size(), 1);
        QCOMPARE(removals.size(), 1);
        QCOMPARE(resets.size(), 0);
        // The rows that stay keep their samples, their order and their selection.
        for (int row = 0; row < w->model()->rowCount(); ++row)
            QCOMPARE(w->model()->rowOf(w->model()->sampleAt(row)), row);
        QCOMPARE(w->model()->sampleAt(1), firstLanes.at(1));
        QCOMPARE(w->selectedSamples(), firstLanes);
        // The removal, and the merged descriptions (written together once the timer fires, or
        // now: flush() returns once the writer thread has it all on disk).
        recorder->flush();
        QCOMPARE(journal->entries(QStringLiteral("gui")).size(), Samples + 1);
        QCOMPARE(journal->batchCommits(), commitsBefore + 2);
        for (const Journal::Entry &e : journal->entries(QStringLiteral("gui")))
            QCOMPARE(e.spec.moreLanes.size(), Lanes - 1);

        removals.clear();
        commitsBefore = journal->batchCommits();
        w->view()->selectAll();
        w->actions()->remove->trigger();
        QCOMPARE(w->model()->rowCount(), 0);
        QCOMPARE(removals.size(), 1);
        recorder->flush();
        QCOMPARE(journal->batchCommits(), commitsBefore + 1);
        QVERIFY(journal->entries(QStringLiteral("gui")).isEmpty());
    }
};

QTEST_MAIN(TestLargeRun)
#include "tst_ui_largerun.moc"
