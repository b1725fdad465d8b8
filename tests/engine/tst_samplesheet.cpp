// Sample sheets as instruments and spreadsheets write them (tests/data/sheets): Illumina v1 with
// lanes and padding commas, v2 with [Cloud_Data], Excel's BOM + CRLF + quotes, a European
// Excel's ';' in Latin-1, SeqDrop's own sheet; and broken sheets, each refused whole with the
// line and column of what to fix.
#include "sheets/csvtable.h"
#include "sheets/samplesheet.h"

#include <QFile>
#include <QTest>

using namespace SeqDrop;

namespace {
QString sheetPath(const char *name) {
    return QStringLiteral(SEQDROP_TEST_DATA_DIR "/sheets/") + QLatin1String(name);
}
} // namespace

class TestSampleSheet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void novaSeqPlateWithLanes() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("v1_plate96_lanes.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        QCOMPARE(sheet.kind(), SampleSheet::Kind::IlluminaV1);
        QCOMPARE(sheet.samples().size(), 96); // 384 rows: one per sample and lane
        QCOMPARE(sheet.headerValue(QStringLiteral("date")), QStringLiteral("12/4/2023"));
        QCOMPARE(sheet.runName(), QStringLiteral("Plate7_SoilSurvey"));
        const SheetSample &s12 = sheet.samples().at(11);
        QCOMPARE(s12.position, 12);
        QCOMPARE(s12.value(QStringLiteral("Sample_ID")), QStringLiteral("Plate7-012"));
        QCOMPARE(s12.value(QStringLiteral("sample_well")), QStringLiteral("A12"));
        QCOMPARE(s12.value(QStringLiteral("index2")), QStringLiteral("TATAGCCT"));
        QCOMPARE(s12.lanes, (QStringList{"1", "2", "3", "4"}));
        QCOMPARE(s12.line, 33); // [Data] header on line 21, then one row per sample of lane 1
        QVERIFY(sheet.columns().contains(QStringLiteral("Sample_Project")));
        QVERIFY(!sheet.columns().contains(QString())); // padding is not a column
    }

    void bclConvertWithCloudData() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("v2_cloud.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        QCOMPARE(sheet.kind(), SampleSheet::Kind::IlluminaV2);
        QCOMPARE(sheet.samples().size(), 8);
        QCOMPARE(sheet.runName(), QStringLiteral("231204_VH00123_42_AACXYZ"));
        const SheetSample &gut3 = sheet.samples().at(2);
        QCOMPARE(gut3.value(QStringLiteral("Sample_ID")), QStringLiteral("Gut-03"));
        // Joined from [Cloud_Data] by Sample_ID.
        QCOMPARE(gut3.value(QStringLiteral("ProjectName")), QStringLiteral("Gut microbiome"));
        QCOMPARE(gut3.value(QStringLiteral("LibraryName")), QStringLiteral("Gut-03_lib"));
        QVERIFY(gut3.lanes.isEmpty());
    }

    void excelWithBomCrlfAndQuotes() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("excel_bom_crlf.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        QCOMPARE(sheet.samples().size(), 2); // the padding row after them is no sample
        QCOMPARE(sheet.headerValue(QStringLiteral("IEMFileVersion")), QStringLiteral("4"));
        QCOMPARE(sheet.samples().first().value(QStringLiteral("Description")),
                 QStringLiteral("Colony A, plate \"B\""));
        QCOMPARE(sheet.samples().at(1).value(QStringLiteral("Sample_Name")),
                 QStringLiteral("Isolate 2"));
    }

    void europeanExcelSemicolonsInLatin1() {
        QFile file(sheetPath("excel_semicolon_latin1.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const CsvTable table = CsvTable::parse(file.readAll());
        QCOMPARE(table.delimiter(), QLatin1Char(';'));
        QVERIFY(table.wasLatin1());
        const SampleSheet sheet = SampleSheet::read(sheetPath("excel_semicolon_latin1.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        QCOMPARE(sheet.samples().size(), 2);
        QCOMPARE(sheet.headerValue(QStringLiteral("Investigator Name")),
                 QStringLiteral("J. M\u00fcller"));
        QCOMPARE(sheet.samples().first().value(QStringLiteral("Description")),
                 QStringLiteral("Bodenprobe, Fichte"));
    }

    void seqDropSheet() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("seqdrop_nanopore.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        QCOMPARE(sheet.kind(), SampleSheet::Kind::SeqDrop);
        QCOMPARE(sheet.samples().size(), 3);
        QCOMPARE(sheet.samples().at(2).value(QStringLiteral("paired_file")),
                 QStringLiteral("lib7_R2.fq.gz"));
        QCOMPARE(sheet.samples().first().value(QStringLiteral("tags")),
                 QStringLiteral("river;summer 2023"));
    }

    void brokenSheetSaysWhereAndGivesNothing() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("broken_extra_column.csv"));
        QVERIFY(!sheet.isValid());
        QVERIFY(sheet.samples().isEmpty()); // nothing half-read
        QVERIFY2(
            sheet.error().startsWith(QStringLiteral("broken_extra_column.csv line 10, column 4")),
            qPrintable(sheet.error()));
        QVERIFY2(sheet.error().contains(QStringLiteral("\"extra\"")), qPrintable(sheet.error()));
    }

    void brokenSheets_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("no data section")
            << QByteArray("[Header]\nIEMFileVersion,4\n[Reads]\n151\n") << "x.csv:"
            << "no [Data] section";
        QTest::newRow("no Sample_ID column")
            << QByteArray("[Header]\n[Data]\nName,Project\nA,B\n") << "x.csv line 3:"
            << "no Sample_ID column";
        QTest::newRow("empty Sample_ID")
            << QByteArray("[Data]\nSample_ID,Sample_Name\nA,a\n,b\n") << "x.csv line 4, column 1:"
            << "Sample_ID is empty";
        QTest::newRow("same sample twice in a lane")
            << QByteArray("[Data]\nLane,Sample_ID\n1,A\n2,A\n1,A\n") << "x.csv line 5, column 2:"
            << "listed twice for lane 1 (lines 3 and 5)";
        QTest::newRow("quote never closed")
            << QByteArray("[Data]\nSample_ID,Description\nA,\"open\nB,b\n") << "x.csv line 3:"
            << "never closed";
        QTest::newRow("text before the header")
            << QByteArray("Exported by LIMS\n[Header]\n[Data]\nSample_ID\nA\n")
            << "x.csv line 1, column 1:"
            << "starts with [Header]";
        QTest::newRow("cloud row for an unknown sample")
            << QByteArray("[Header]\nFileFormatVersion,2\n[BCLConvert_Data]\nSample_ID,Index\n"
                          "A,ACGT\n[Cloud_Data]\nSample_ID,ProjectName\nB,P\n")
            << "x.csv line 8, column 1:"
            << "Sample_ID B is not in the samples section";
        QTest::newRow("neither kind") << QByteArray("name,project\nA,B\n") << "x.csv line 1:"
                                      << "neither an Illumina";
        QTest::newRow("seqdrop row without file")
            << QByteArray("file,name\na.fastq,A\n,B\n") << "x.csv line 3, column 1:"
            << "the file is empty";
        QTest::newRow("no samples") << QByteArray("[Data]\nSample_ID,Sample_Name\n,,\n") << "x.csv:"
                                    << "lists no samples";
    }
    void brokenSheets() {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, what);
        const SampleSheet sheet = SampleSheet::parse(text, QStringLiteral("x.csv"));
        QVERIFY(!sheet.isValid());
        QVERIFY(sheet.samples().isEmpty());
        QVERIFY2(sheet.error().startsWith(where), qPrintable(sheet.error()));
        QVERIFY2(sheet.error().contains(what), qPrintable(sheet.error()));
    }

    void sheetNames() {
        QVERIFY(SampleSheet::isSheetName(QStringLiteral("SampleSheet.csv")));
        QVERIFY(SampleSheet::isSheetName(QStringLiteral("231204_Plate7_samplesheet_v2.CSV")));
        QVERIFY(!SampleSheet::isSheetName(QStringLiteral("SampleSheet.xlsx")));
        QVERIFY(!SampleSheet::isSheetName(QStringLiteral("barcodes.csv")));
    }
};

QTEST_GUILESS_MAIN(TestSampleSheet)
#include "tst_samplesheet.moc"
