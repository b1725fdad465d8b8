// The queue model stays cheap with a thousand rows: progress is published on a timer, in
// ranges; it follows the queue and its samples by their signals alone; and the non-widget
// helpers the window relies on (scanner, CSV export).
#include "net/apiclient.h"
#include "routetext.h"
#include "samples/filescanner.h"
#include "sampletablemodel.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "upload/queuechecks.h"
#include "upload/resultsexporter.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;

class TestSampleTableModel : public QObject {
    Q_OBJECT

private:
    static QString cell(SampleTableModel &model, int row, int column) {
        model.flush();
        return model.index(row, column).data().toString();
    }

    static bool writeAll(const QString &path, const QByteArray &bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    // The File(s) cell ends in what tells rows apart: the shared "_001.fastq.gz" goes, mates
    // read as one name with "R1/2", lanes merged into a sample are counted.
    void filesCellKeepsWhatTellsRowsApart() {
        SampleSpec pair;
        pair.file = QStringLiteral("/run/Plate7-001_S12_L001_R1_001.fastq.gz");
        pair.pairedFile = QStringLiteral("/run/Plate7-001_S12_L001_R2_001.fastq.gz");
        QCOMPARE(SampleTableModel::filesText(pair), QStringLiteral("Plate7-001_S12_L001_R1/2"));
        SampleSpec single;
        single.file = QStringLiteral("/run/barcode07.fastq");
        QCOMPARE(SampleTableModel::filesText(single), QStringLiteral("barcode07"));
        SampleSpec odd;
        odd.file = QStringLiteral("/run/left.fq");
        odd.pairedFile = QStringLiteral("/run/other_right.fq");
        QCOMPARE(SampleTableModel::filesText(odd), QStringLiteral("left + other_right"));
        pair.moreLanes = QStringList{QStringLiteral("/run/Plate7-001_S12_L002_R1_001.fastq.gz")};
        QVERIFY(SampleTableModel::filesText(pair).startsWith(
            QStringLiteral("Plate7-001_S12_L001_R1/2 (1 more lane")));
    }
    void progressIsThrottledForAThousandRows() {
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        UploadQueue queue(&api); // paused: nothing starts
        SampleTableModel model(&queue);
        for (int i = 0; i < 1000; ++i) {
            SampleSpec spec;
            spec.file = QStringLiteral("/nonexistent/s%1.fastq").arg(i);
            queue.add(spec);
        }
        QCOMPARE(model.rowCount(), 1000);
        model.flush();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 50; ++round)
            for (SampleUpload *s : queue.samples())
                Q_EMIT s->progressChanged();
        QCOMPARE(changed.count(), 0); // 50,000 progress signals, no repaint yet
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 2000);
        // All rows adjacent: one dataChanged covering them.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 999);
        QVERIFY(timer.elapsed() < 5000);
    }

    void rowFollowsSpecChangedOnTheSample() {
        QTemporaryDir dir;
        const QString small = writeFastq(dir.path(), QStringLiteral("small_R1.fastq"), 10);
        const QString large = writeFastq(dir.path(), QStringLiteral("large_R1.fastq"), 500);
        const QString mate = writeFastq(dir.path(), QStringLiteral("large_R2.fastq"), 500, 100, 2);
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        UploadQueue queue(&api);
        SampleTableModel model(&queue);
        SampleSpec spec;
        spec.file = small;
        SampleUpload *s = queue.add(spec);
        QCOMPARE(cell(model, 0, SampleTableModel::NameColumn), QStringLiteral("small"));
        QCOMPARE(cell(model, 0, SampleTableModel::SizeColumn),
                 SampleTableModel::formatBytes(QFileInfo(small).size()));

        // Other files, set on the sample itself: the row is published and reads the new size.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        spec.file = large;
        spec.pairedFile = mate;
        QVERIFY(s->setSpec(spec));
        model.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(cell(model, 0, SampleTableModel::NameColumn), QStringLiteral("large"));
        QCOMPARE(cell(model, 0, SampleTableModel::SizeColumn),
                 SampleTableModel::formatBytes(QFileInfo(large).size() + QFileInfo(mate).size()));
        QCOMPARE(model.sizeOf(s), QFileInfo(large).size() + QFileInfo(mate).size());
    }

    void fileAddedAgainShowsItsNewSize() {
        QTemporaryDir dir;
        QByteArray text = TestFiles::fastqText(50);
        text.chop(30); // cut short: the check fails and holds the sample
        const QString path = dir.filePath(QStringLiteral("cut.fastq"));
        QVERIFY(writeAll(path, text));
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        UploadQueue queue(&api);
        QueueChecks checks(&queue);
        SampleTableModel model(&queue);
        model.setChecks(&checks);
        SampleSpec spec;
        spec.file = path;
        SampleUpload *s = queue.add(spec);
        QTRY_COMPARE_WITH_TIMEOUT(checks.row(s).content, QueueChecks::Row::Content::Failed, 20000);
        QCOMPARE(model.sizeOf(s), qint64(text.size()));

        // Fixed on disk and checked again (as adding it again does): no call to the model.
        const QByteArray fixed = TestFiles::fastqText(400);
        QVERIFY(writeAll(path, fixed));
        QCOMPARE(checks.recheck({path}), QList<SampleUpload *>{s});
        QCOMPARE(cell(model, 0, SampleTableModel::SizeColumn),
                 SampleTableModel::formatBytes(fixed.size()));
    }

    void rowGoesWhenTheQueueRemovesItsSample() {
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        auto *queue = new UploadQueue(&api);
        SampleTableModel model(queue);
        SampleSpec spec;
        for (const char *name :
             {"/nonexistent/a.fastq", "/nonexistent/b.fastq", "/nonexistent/c.fastq"}) {
            spec.file = QString::fromLatin1(name);
            queue->add(spec);
        }
        model.flush();
        SampleUpload *b = queue->samples().at(1);
        Q_EMIT b->progressChanged(); // a pending repaint of the row goes with it
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(queue->remove(b));
        // At once, not when the sample is deleted later.
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(b), -1);
        QCOMPARE(model.sampleAt(1), queue->samples().at(1));
        QVERIFY(model.sampleAt(1)->spec().file.endsWith(QStringLiteral("c.fastq")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.flush();
        QCOMPARE(changed.count(), 0);

        // Samples deleted without the queue saying so (the queue itself going) take their rows.
        delete queue;
        QCOMPARE(model.rowCount(), 0);
    }

    void rowSaysWhileOneCodexChecksTheFile() {
        // The older One Codex's validating proxy: every byte is in, its check takes a while.
        SandboxProcess sandbox({"--proxy-mode", "status", "--proxy-check-seconds", "60"});
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        SampleSpec spec;
        spec.file = writeFastq(dir.path(), QStringLiteral("checked.fastq"), 50);
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        api.setBaseUrl(sandbox.baseUrl());
        api.setApiKey(sandbox.apiKey());
        UploadQueue queue(&api);
        SampleTableModel model(&queue);
        SampleUpload *s = queue.add(spec);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->isBeingChecked(), 10000);
        QCOMPARE(cell(model, 0, SampleTableModel::StatusColumn),
                 QStringLiteral("One Codex is checking the file"));
        QSignalSpy finished(s, &SampleUpload::finished);
        s->cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(s->state(), SampleUpload::State::Cancelled);
        QVERIFY(!s->isBeingChecked());
        nam.clearConnectionCache();
    }

    void restoredMultipartRowSaysWhereItResumes() {
        // A resume point as the journal gives it back: 3 of 5 parts of 64 KiB stored.
        QTemporaryDir dir;
        constexpr qint64 Part = 64 * 1024;
        SampleSpec spec;
        spec.file = writeFastq(dir.path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 1400);
        const qint64 size = QFileInfo(spec.file).size();
        QVERIFY(size > 4 * Part && size <= 5 * Part);
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        UploadQueue queue(&api); // paused: nothing starts
        SampleTableModel model(&queue);
        SampleUpload *s = queue.add(spec);
        QVERIFY(s);
        QCOMPARE(RouteText::details(s), QString()); // no route before one is known
        SampleUpload::Restored restored;
        restored.queuedFingerprint = spec.fingerprint();
        restored.resume.ticket.sampleId = QStringLiteral("0123456789abcdef");
        MultipartFileState &file = restored.resume.files[0];
        file.bucket = QStringLiteral("seqdrop-multipart");
        file.key = QStringLiteral("user/mp_r1.fastq");
        file.uploadId = QStringLiteral("upload-1");
        file.partSize = Part;
        file.fileSize = size;
        for (int n = 1; n <= 3; ++n)
            file.parts.append(
                {n, Part, QStringLiteral("md5-%1").arg(n), QStringLiteral("e%1").arg(n)});
        QVERIFY(s->restore(restored));
        const int percent = int(3 * Part * 100 / size);
        QCOMPARE(s->resumedPercent(), percent);
        QCOMPARE(cell(model, 0, SampleTableModel::StatusColumn),
                 QStringLiteral("Waiting: resuming at %1%").arg(percent));
        QCOMPARE(model.index(0, SampleTableModel::ProgressColumn)
                     .data(SampleTableModel::ProgressRole)
                     .toInt(),
                 percent);
        const QString tip =
            model.index(0, SampleTableModel::StatusColumn).data(Qt::ToolTipRole).toString();
        QCOMPARE(tip, QStringLiteral("Route: multipart\nParts stored: 3 / 5\nResumable: an "
                                     "interrupted upload goes on from its last stored part\n"
                                     "resuming at %1%")
                          .arg(percent));
        // Other columns keep their own tooltips.
        QVERIFY(!model.index(0, SampleTableModel::FilesColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("Route")));
    }

    void scannerFindsSequenceFilesAndListsOthers() {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("a/b"))));
        writeFastq(dir.filePath(QStringLiteral("a/b")), QStringLiteral("x.FASTQ.GZ"), 2);
        writeFastq(dir.path(), QStringLiteral("y.fa"), 2);
        writeFastq(dir.path(), QStringLiteral("z.fna.gzip"), 2);
        writeBytes(dir.filePath(QStringLiteral("readme.txt")), 10, 'x');
        writeBytes(dir.filePath(QStringLiteral("empty.fq")), 0, 'x');
        const FileScanner::Result r = FileScanner::scan({dir.path()});
        QCOMPARE(r.files.size(), 3);
        QCOMPARE(r.skipped.size(), 2);
    }

    void csvQuotesAndNeutralisesFormulas() {
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        UploadQueue queue(&api);
        SampleSpec spec;
        spec.file = QStringLiteral("/data/a,b \"q\".fastq");
        queue.add(spec);
        spec.file = QStringLiteral("=cmd.fastq");
        queue.add(spec);
        const QString csv = ResultsExporter::csv(queue.samples());
        QVERIFY(csv.startsWith(QStringLiteral("file,paired_file,sample_id,status,error,error_detail,"
                                              "server_status,server_error\r\n")));
        QVERIFY(csv.contains(QStringLiteral("\"/data/a,b \"\"q\"\".fastq\"")));
        QVERIFY(csv.contains(QStringLiteral("'=cmd.fastq")));
        QVERIFY(csv.contains(QStringLiteral(",queued,")));
    }
};

QTEST_MAIN(TestSampleTableModel)
#include "tst_ui_sampletablemodel.moc"
