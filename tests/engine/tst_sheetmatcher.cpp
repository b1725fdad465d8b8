// Files to sheet rows by the names demultiplexers write: S<n> and the sample's name must agree
// with the sheet; lanes, project subfolders and --no-lane-splitting names match;
// Undetermined_S0 is set apart; whatever does not match is listed, never guessed. SeqDrop's
// sheet matches by its file column, relative to the sheet.
#include "samples/lanemerger.h"
#include "sheets/samplesheet.h"
#include "sheets/sheetmatcher.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;

namespace {
QString sheetPath(const char *name) {
    return QStringLiteral(SEQDROP_TEST_DATA_DIR "/sheets/") + QLatin1String(name);
}
SampleSpec pair(const QString &dir, const QString &stem) {
    SampleSpec spec;
    spec.file = dir + QLatin1Char('/') + stem.arg(1);
    spec.pairedFile = dir + QLatin1Char('/') + stem.arg(2);
    return spec;
}
} // namespace

class TestSheetMatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // bcl2fastq's output for the 96-sample plate, lanes kept apart or joined, in the project
    // folder, plus Undetermined.
    void plateFilesFindTheirRows() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("v1_plate96_lanes.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        QList<SampleSpec> lanes;
        for (int s = 1; s <= 96; ++s)
            for (int lane = 1; lane <= 4; ++lane)
                lanes << pair(QStringLiteral("/runs/231204/Soil-survey"),
                              QStringLiteral("Plate7-%1_S%2_L00%3_R%4_001.fastq.gz")
                                  .arg(s, 3, 10, QLatin1Char('0'))
                                  .arg(s)
                                  .arg(lane)
                                  .replace(QStringLiteral("%4"), QStringLiteral("%1")));
        for (int lane = 1; lane <= 4; ++lane)
            lanes << pair(QStringLiteral("/runs/231204"),
                          QStringLiteral("Undetermined_S0_L00%1_R%2_001.fastq.gz")
                              .arg(lane)
                              .replace(QStringLiteral("%2"), QStringLiteral("%1")));
        SheetMatcher::Result r = SheetMatcher::match(sheet, lanes);
        QVERIFY2(r.isComplete(), qPrintable(r.problems().join(QLatin1Char('\n'))));
        QCOMPARE(r.sampleOf.size(), 384);
        QCOMPARE(r.undetermined.size(), 4);
        QCOMPARE(r.sampleOf.value(4 * 11 + 2), 11); // Plate7-012, lane 3
        // The same files with their lanes joined into one sample each.
        const LaneMerger::Result merged = LaneMerger::merge(lanes);
        r = SheetMatcher::match(sheet, merged.samples);
        QVERIFY2(r.isComplete(), qPrintable(r.problems().join(QLatin1Char('\n'))));
        QCOMPARE(r.sampleOf.size(), 96);
        QCOMPARE(r.undetermined.size(), 1);
    }

    void whatDoesNotMatchIsListed() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("v2_cloud.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        const QString dir = QStringLiteral("/runs/231204_VH00123");
        const QList<SampleSpec> specs{
            pair(dir, QStringLiteral("Gut-01_S1_L001_R%1_001.fastq.gz")),
            pair(dir, QStringLiteral("Gut-02_S2_R%1_001.fastq.gz")),      // --no-lane-splitting
            pair(dir, QStringLiteral("Gut-04_S3_L001_R%1_001.fastq.gz")), // S3 is Gut-03
            pair(dir, QStringLiteral("Gut-09_S9_L001_R%1_001.fastq.gz")), // not in the sheet
            pair(dir, QStringLiteral("gut_sample_%1.fq.gz")),             // no S<n>
        };
        const SheetMatcher::Result r = SheetMatcher::match(sheet, specs);
        QCOMPARE(r.sampleOf.size(), 2);
        QCOMPARE(r.sampleOf.value(0), 0);
        QCOMPARE(r.sampleOf.value(1), 1);
        QCOMPARE(r.unmatched, (QList<int>{2, 3, 4}));
        QCOMPARE(r.rowsWithoutFiles, (QList<int>{2, 3, 4, 5, 6, 7})); // Gut-03 .. Gut-08
        const QString text = r.problems().join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("Gut-04_S3_L001_R1_001.fastq.gz says it is sample "
                                              "Gut-04 (S3), but sample 3 of v2_cloud.csv is "
                                              "Gut-03")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("lists 8 sample(s)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("gut_sample_1.fq.gz is not named as a "
                                              "demultiplexer names its files")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Gut-05 (v2_cloud.csv line 23) has no file")),
                 qPrintable(text));
    }

    // Sample_Name "Isolate 1" is written "Isolate-1" in file names.
    void namesInTheirFileNameForm() {
        QCOMPARE(SheetMatcher::fileNameForm(QStringLiteral("Isolate 1/b")),
                 QStringLiteral("Isolate-1-b"));
        const SampleSheet sheet = SampleSheet::read(sheetPath("excel_bom_crlf.csv"));
        const SheetMatcher::Result r = SheetMatcher::match(
            sheet,
            {pair(QStringLiteral("/miseq"), QStringLiteral("Isolate-1_S1_L001_R%1_001.fastq.gz")),
             pair(QStringLiteral("/miseq"), QStringLiteral("Iso-2_S2_L001_R%1_001.fastq.gz"))});
        QVERIFY2(r.isComplete(), qPrintable(r.problems().join(QLatin1Char('\n'))));
    }

    // SeqDrop's sheet names files relative to itself; bare names match when only one queued
    // file has that name.
    void seqDropSheetByFile() {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("reads"))));
        QVERIFY(QFile::copy(sheetPath("seqdrop_nanopore.csv"),
                            dir.filePath(QStringLiteral("reads/sheet.csv"))));
        const SampleSheet sheet =
            SampleSheet::read(dir.filePath(QStringLiteral("reads/sheet.csv")));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        SampleSpec b1;
        b1.file = dir.filePath(QStringLiteral("reads/barcode01.fastq.gz"));
        SampleSpec b2;
        b2.file = QStringLiteral("/elsewhere/barcode02.fastq.gz");
        SampleSpec lib7 =
            pair(dir.filePath(QStringLiteral("reads")), QStringLiteral("lib7_R%1.fq.gz"));
        SampleSpec stray;
        stray.file = dir.filePath(QStringLiteral("reads/barcode03.fastq.gz"));
        const SheetMatcher::Result r = SheetMatcher::match(sheet, {lib7, b1, b2, stray});
        QCOMPARE(r.sampleOf.value(0), 2);
        QCOMPARE(r.sampleOf.value(1), 0);
        QCOMPARE(r.sampleOf.value(2), 1); // by its bare name
        QCOMPARE(r.unmatched, QList<int>{3});
        QVERIFY(r.rowsWithoutFiles.isEmpty());
        QVERIFY2(r.problems()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("barcode03.fastq.gz has no row")),
                 qPrintable(r.problems().join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSheetMatcher)
#include "tst_sheetmatcher.moc"
