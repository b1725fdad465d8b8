// The queue model stays cheap with a thousand rows: progress is published on a timer, in
// ranges; and the non-widget helpers the window relies on (scanner, CSV export).
#include "net/apiclient.h"
#include "samples/filescanner.h"
#include "sampletablemodel.h"
#include "testfiles.h"
#include "upload/resultsexporter.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;

class TestSampleTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
        QVERIFY(csv.startsWith(
            QStringLiteral("file,paired_file,sample_id,status,error,error_detail\r\n")));
        QVERIFY(csv.contains(QStringLiteral("\"/data/a,b \"\"q\"\".fastq\"")));
        QVERIFY(csv.contains(QStringLiteral("'=cmd.fastq")));
        QVERIFY(csv.contains(QStringLiteral(",queued,")));
    }
};

QTEST_MAIN(TestSampleTableModel)
#include "tst_ui_sampletablemodel.moc"
