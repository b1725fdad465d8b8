// The window checks every added file in the background, with real files and a real sandbox:
// statistics on the row, a bad file held with its record and line, safe names and merged lanes
// only with the user's consent, a file over 20 GB refused before init_upload, a missing mate
// flagged, and a sample started before its check validated while it uploads.
#include "checktext.h"
#include "consentbar.h"
#include "desktop/session.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "queuestatuswidget.h"
#include "sampletablemodel.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "upload/queuechecks.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;
using WindowTestSupport::cell;
using Content = QueueChecks::Row::Content;
using State = SampleUpload::State;

class TestFileChecks : public WindowTestSupport::WindowTest {
    Q_OBJECT
public:
    TestFileChecks()
        : WindowTest(QStringLiteral("SeqDropFileChecksTest")) {}

private:
    static Content content(MainWindow *w, SampleUpload *s) { return w->checks()->row(s).content; }

    int initUploads() { return m_sandbox.counts().value("init_upload").toInt(); }

    // The sandbox's samples stored under this upload name.
    QList<QJsonObject> samplesNamed(const QString &name) {
        QList<QJsonObject> found;
        for (const QJsonValue &v : m_sandbox.state().value("samples").toArray())
            if (v.toObject().value("filename").toString() == name)
                found << v.toObject();
        return found;
    }

    static bool writeAll(const QString &path, const QByteArray &bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

    // Two lanes of one paired sample, gzip-compressed as Illumina writes them.
    static QStringList writeLanes(const QString &dir) {
        QStringList files;
        for (int lane = 1; lane <= 2; ++lane)
            for (int read = 1; read <= 2; ++read) {
                const QString name =
                    QStringLiteral("S1_L00%1_R%2_001.fastq.gz").arg(lane).arg(read);
                files << writeGzip(QDir(dir).filePath(name),
                                   TestFiles::fastqText(300 / lane, 100, quint32(lane * 10 + read),
                                                        QStringLiteral("lane%1").arg(lane)));
            }
        return files;
    }

private Q_SLOTS:
    void statsForValidGzipFastq() {
        QTemporaryDir dir;
        const QString path =
            writeGzip(dir.filePath(QStringLiteral("soil.fastq.gz")), TestFiles::fastqText(2000));
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {path});
        SampleUpload *s = w->queue()->samples().first();
        // The verdict can only arrive through the event loop: adding did not wait for it.
        QCOMPARE(content(w.get(), s), Content::Checking);
        QTRY_COMPARE_WITH_TIMEOUT(content(w.get(), s), Content::Passed, 20000);
        QCOMPARE(cell(w.get(), 0, SampleTableModel::ContentColumn),
                 QStringLiteral("FASTQ.gz · 2,000 reads · 200.0 kbp · mean 100.0 bp"));
        const QString tip = cell(w.get(), 0, SampleTableModel::ContentColumn, Qt::ToolTipRole);
        QVERIFY2(tip.contains(QStringLiteral("soil.fastq.gz: FASTQ, gzip-compressed, 2,000 "
                                             "records, 200,000 bases, mean length 100.0")),
                 qPrintable(tip));
        QCOMPARE(cell(w.get(), 0, SampleTableModel::StatusColumn), QStringLiteral("Waiting"));
        QVERIFY(s->hold().isEmpty());
        QVERIFY(!s->spec().validateWhileUploading); // read once already: not again on the way
    }

    void manyFilesCheckedWithoutBlocking() {
        QTemporaryDir dir;
        for (int i = 0; i < 150; ++i)
            QVERIFY(!writeFastq(dir.path(),
                                QStringLiteral("plate_%1.fastq").arg(i, 3, 10, QLatin1Char('0')),
                                40 + i, 100, quint32(i))
                         .isEmpty());
        auto w = makeWindow();
        QElapsedTimer added;
        added.start();
        WindowTestSupport::addPaths(&*w, {dir.path()});
        QCOMPARE(w->model()->rowCount(), 150);
        // Checked on worker threads as the batches go in: each row is being checked or done.
        for (SampleUpload *s : w->queue()->samples())
            QVERIFY(content(w.get(), s) == Content::Checking ||
                    content(w.get(), s) == Content::Passed);
        // The window keeps handling events while the workers read.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(5);
        const auto allPassed = [&w] {
            for (SampleUpload *s : w->queue()->samples())
                if (content(w.get(), s) != Content::Passed)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allPassed(), 60000);
        QVERIFY(ticks > 0);
        QCOMPARE(cell(w.get(), 149, SampleTableModel::ContentColumn),
                 QStringLiteral("FASTQ · 189 reads · 18.9 kbp · mean 100.0 bp"));
    }

    void truncatedFileHeldNeverUploaded() {
        QTemporaryDir dir;
        QByteArray text = TestFiles::fastqText(5000);
        text.chop(30); // the last record's quality line is cut short
        const QString path = dir.filePath(QStringLiteral("truncated.fastq"));
        QVERIFY(writeAll(path, text));
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {path});
        SampleUpload *s = w->queue()->samples().first();
        QTRY_COMPARE_WITH_TIMEOUT(content(w.get(), s), Content::Failed, 20000);
        const QString status = cell(w.get(), 0, SampleTableModel::StatusColumn);
        QVERIFY2(status.startsWith(
                     QStringLiteral("Cannot start: truncated.fastq, record 5,000 (line 20,000): ")),
                 qPrintable(status));
        QCOMPARE(cell(w.get(), 0, SampleTableModel::ContentColumn),
                 QStringLiteral("Problem: truncated.fastq, record 5,000 (line 20,000)"));
        QVERIFY(!w->actions()->start->isEnabled());
        QTRY_VERIFY(w->queueStatus()->text().contains(QStringLiteral("1 cannot start")));
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("nextStep"))
                    ->text()
                    .contains(QStringLiteral("cannot start yet")));

        const int before = initUploads();
        w->startUploads();
        QTest::qWait(300);
        QCOMPARE(s->state(), State::Queued);
        QCOMPARE(initUploads(), before);
        QVERIFY(samplesNamed(QStringLiteral("truncated.fastq")).isEmpty());

        // Fixed and added again: checked afresh, then it may go.
        QVERIFY(writeAll(path, TestFiles::fastqText(5000)));
        WindowTestSupport::addPaths(&*w, {path});
        QCOMPARE(w->model()->rowCount(), 1);
        QVERIFY2(w->noticeBar()->text().contains(QStringLiteral("checked again")),
                 qPrintable(w->noticeBar()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(content(w.get(), s), Content::Passed, 20000);
        QVERIFY(s->hold().isEmpty());
        w->startUploads();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), State::Confirmed, 30000);
        QCOMPARE(samplesNamed(QStringLiteral("truncated.fastq")).size(), 1);
    }

    void refusedNameUploadsUnderSafeNameAfterConsent() {
        QTemporaryDir dir;
        const QString original = QStringLiteral("sample ü#1.fastq");
        const QString path = writeFastq(dir.path(), original, 100);
        QVERIFY(!path.isEmpty());
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {path});
        SampleUpload *s = w->queue()->samples().first();
        const QString status = cell(w.get(), 0, SampleTableModel::StatusColumn);
        QVERIFY2(status.startsWith(QStringLiteral("Cannot start: The name \"sample ü#1.fastq\" "
                                                  "has the character 'ü'")),
                 qPrintable(status));
        QVERIFY(status.contains(QStringLiteral("\"sample_u_1.fastq\"")));
        ConsentBar *bar = w->consentBar();
        QTRY_VERIFY(bar->isVisible());
        QVERIFY2(bar->namesText().contains(QStringLiteral("sample ü#1.fastq → sample_u_1.fastq")),
                 qPrintable(bar->namesText()));

        // Without consent nothing goes.
        const int before = initUploads();
        w->startUploads();
        QTest::qWait(300);
        QCOMPARE(s->state(), State::Queued);
        QCOMPARE(initUploads(), before);

        bar->safeNamesButton()->click();
        QVERIFY(!bar->isVisible());
        QCOMPARE(s->spec().effectiveUploadName(), QStringLiteral("sample_u_1.fastq"));
        QTRY_VERIFY(s->hold().isEmpty() && content(w.get(), s) == Content::Passed);
        w->startUploads();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), State::Confirmed, 30000);
        QCOMPARE(m_sandbox.sample(s->sampleId()).value("filename").toString(),
                 QStringLiteral("sample_u_1.fastq"));
        // The file on disk keeps its name; no copy under the safe name.
        QVERIFY(QFile::exists(dir.filePath(original)));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("sample_u_1.fastq"))));
    }

    void oversizeFileRefusedBeforeInit() {
        QTemporaryDir dir;
        QFile huge(dir.filePath(QStringLiteral("huge.fastq")));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        huge.write("@r1\nACGT\n+\nIIII\n");
        QVERIFY(huge.resize(21'000'000'000)); // sparse: costs no disk
        huge.close();
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {huge.fileName()});
        QCOMPARE(w->model()->rowCount(), 1);
        SampleUpload *s = w->queue()->samples().first();
        const QString status = cell(w.get(), 0, SampleTableModel::StatusColumn);
        QVERIFY2(status.startsWith(QStringLiteral(
                     "Cannot start: huge.fastq: the file is 21.0 GB (21,000,000,000 bytes); One "
                     "Codex accepts at most 20 GB")),
                 qPrintable(status));
        QCOMPARE(content(w.get(), s), Content::NotChecked); // not read at all
        QCOMPARE(cell(w.get(), 0, SampleTableModel::ContentColumn),
                 QStringLiteral("Too large for one upload"));
        const int before = initUploads();
        w->startUploads();
        QTest::qWait(300);
        QCOMPARE(s->state(), State::Queued);
        QCOMPARE(initUploads(), before);
    }

    void lanesSentAsOneSampleAfterConsent() {
        QTemporaryDir dir;
        const QStringList files = writeLanes(dir.path());
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {dir.path()});
        QCOMPARE(w->model()->rowCount(), 2); // one pair per lane
        ConsentBar *bar = w->consentBar();
        QTRY_VERIFY(bar->isVisible());
        // One line: how many samples, one of them by name, its lanes.
        QVERIFY2(bar->lanesText().contains(QStringLiteral(" came in lanes (S1")),
                 qPrintable(bar->lanesText()));
        QVERIFY2(bar->lanesText().contains(QStringLiteral(": L001-L002)")),
                 qPrintable(bar->lanesText()));
        bar->mergeLanesButton()->click();
        QCOMPARE(w->model()->rowCount(), 1);
        QVERIFY(!bar->isVisible());
        SampleUpload *s = w->queue()->samples().first();
        QCOMPARE(s->spec().moreLanes, QStringList{files.at(2)});
        QCOMPARE(s->spec().morePairedLanes, QStringList{files.at(3)});
        // Every lane was read already: the merged sample's verdict needs no second read.
        QTRY_COMPARE(content(w.get(), s), Content::Passed);
        QVERIFY(cell(w.get(), 0, SampleTableModel::ContentColumn)
                    .startsWith(QStringLiteral("FASTQ.gz · 450 pairs")));

        w->startUploads();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), State::Confirmed, 30000);
        const QJsonObject stored = m_sandbox.sample(s->sampleId());
        QCOMPARE(stored.value("filename").toString(), QStringLiteral("S1_R1_001.fastq.gz"));
        QCOMPARE(stored.value("paired_end_filename").toString(),
                 QStringLiteral("S1_R2_001.fastq.gz"));
        for (int read = 0; read < 2; ++read) {
            QCryptographicHash joined(QCryptographicHash::Md5);
            for (const QString &lane : {files.at(read), files.at(read + 2)}) {
                QFile f(lane);
                QVERIFY(f.open(QIODevice::ReadOnly));
                joined.addData(f.readAll());
            }
            const QJsonObject object = stored.value(read == 0 ? "r1" : "r2").toObject();
            QCOMPARE(object.value("md5").toString().toLatin1(), joined.result().toHex());
            QCOMPARE(object.value("size").toInteger(),
                     QFileInfo(files.at(read)).size() + QFileInfo(files.at(read + 2)).size());
        }
        // Nothing was written to disk for the merge.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 4);
    }

    void lanesStaySeparateWithoutConsent() {
        QTemporaryDir dir;
        writeLanes(dir.path());
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {dir.path()});
        ConsentBar *bar = w->consentBar();
        QTRY_VERIFY(bar->isVisible());
        bar->keepLanesButton()->click();
        QVERIFY(!bar->isVisible());
        QCOMPARE(w->model()->rowCount(), 2);
        // Adding something else does not ask again about the same lanes.
        WindowTestSupport::addPaths(&*w,
                                    {writeFastq(dir.path(), QStringLiteral("other.fastq"), 20)});
        bar->refresh();
        QVERIFY(!bar->isVisible());
        for (SampleUpload *s : w->queue()->samples())
            QVERIFY(s->spec().moreLanes.isEmpty());
    }

    void missingMateFlagged() {
        QTemporaryDir dir;
        const QString lone = writeFastq(dir.path(), QStringLiteral("x_R1_001.fastq"), 50);
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("run"))));
        const QString left =
            writeFastq(dir.filePath(QStringLiteral("run")), QStringLiteral("y_R1.fq"), 50);
        QVERIFY(!writeFastq(dir.filePath(QStringLiteral("run")), QStringLiteral("y_R2.fq"), 50)
                     .isEmpty());
        const QString r2 = writeFastq(dir.path(), QStringLiteral("z_R2.fq"), 50);
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {lone, left, r2});
        QCOMPARE(w->model()->rowCount(), 3);
        QVERIFY(cell(w.get(), 0, SampleTableModel::StatusColumn)
                    .contains(QStringLiteral("no R2 file found")));
        QVERIFY(cell(w.get(), 0, SampleTableModel::ContentColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("No mate (x_R2_001.fastq) was added: it uploads as a "
                                             "single-end sample")));
        QVERIFY(!w->model()
                     ->index(0, SampleTableModel::ContentColumn)
                     .data(Qt::DecorationRole)
                     .isNull());
        QVERIFY(cell(w.get(), 1, SampleTableModel::ContentColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("Its mate y_R2.fq is in the same folder but was not "
                                             "added")));
        QVERIFY(cell(w.get(), 2, SampleTableModel::StatusColumn)
                    .contains(QStringLiteral("an R2 file without its R1")));
        // Flagged, not held: a single-end run is R1 only.
        for (SampleUpload *s : w->queue()->samples())
            QVERIFY(s->hold().isEmpty());
        QCOMPARE(w->queue()->pendingCount(), 3);
    }

    void startedBeforeCheckValidatesWhileUploading() {
        QTemporaryDir dir;
        const QString good = writeFastq(dir.path(), QStringLiteral("early.fastq"), 3000);
        QByteArray r2 = TestFiles::fastqText(3000, 100, 2);
        r2.replace("@read_1000\n", "@read_x1000\n");
        const QString r1Path = writeFastq(dir.path(), QStringLiteral("p_R1.fastq"), 3000);
        const QString r2Path = dir.filePath(QStringLiteral("p_R2.fastq"));
        QVERIFY(writeAll(r2Path, r2));
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {good, r1Path, r2Path});
        QCOMPARE(w->model()->rowCount(), 2);
        // Start in the same turn of the event loop: no check can have finished.
        w->startUploads();
        SampleUpload *single = w->queue()->samples().at(0);
        SampleUpload *pair = w->queue()->samples().at(1);
        QVERIFY(pair->spec().isPair());
        for (SampleUpload *s : {single, pair}) {
            QCOMPARE(content(w.get(), s), Content::WhileUploading);
            QVERIFY(s->spec().validateWhileUploading);
            QVERIFY(!w->checks()->isChecking(s)); // the background check was stopped
        }
        QTRY_COMPARE_WITH_TIMEOUT(single->state(), State::Confirmed, 30000);
        QCOMPARE(cell(w.get(), 0, SampleTableModel::ContentColumn),
                 QStringLiteral("Valid (checked as sent)"));

        // The pair's names are compared as R2 is sent: the upload stops, the sample is
        // cancelled, and the background check then names the exact record.
        QTRY_COMPARE_WITH_TIMEOUT(pair->state(), State::Failed, 30000);
        QVERIFY2(pair->error().message.startsWith(
                     QStringLiteral("p_R2.fastq, records 769-1,024 (from line 3,073): the read "
                                    "names differ from those of the same records in p_R1.fastq")),
                 qPrintable(pair->error().message));
        QCOMPARE(m_sandbox.sample(pair->sampleId()).value("status").toString(),
                 QStringLiteral("deleted"));
        QTRY_COMPARE_WITH_TIMEOUT(content(w.get(), pair), Content::Failed, 20000);
        QCOMPARE(cell(w.get(), 1, SampleTableModel::ContentColumn),
                 QStringLiteral("Problem: p_R2.fastq, record 1,000 (line 3,997)"));
        // Retrying does not send the same bad pair again.
        const int before = initUploads();
        QVERIFY(w->queue()->retry(pair));
        w->startUploads();
        QTest::qWait(300);
        QCOMPARE(pair->state(), State::Queued);
        QVERIFY(!pair->hold().isEmpty());
        QCOMPARE(initUploads(), before);
    }
};

QTEST_MAIN(TestFileChecks)
#include "tst_ui_filechecks.moc"
