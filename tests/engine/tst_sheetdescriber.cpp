// A sheet row as the description it gives its sample, applied as the panel's and the CLI's are:
// names, ids, the account's project by name, dates, platform, plate, well, indexes and lanes
// into custom; what One Codex would refuse (a long id, an unknown project) named with its row.
#include "samples/projectlist.h"
#include "sheets/samplesheet.h"
#include "sheets/sheetdescriber.h"

#include <QJsonObject>
#include <QTest>

using namespace SeqDrop;

namespace {
QString sheetPath(const char *name) {
    return QStringLiteral(SEQDROP_TEST_DATA_DIR "/sheets/") + QLatin1String(name);
}
const QList<Project> Projects{
    {QStringLiteral("4b53797c5f9d4a1e"), QStringLiteral("Soil survey"), QStringLiteral("soil"), {}},
    {QStringLiteral("9a1f00c3d2e84b77"),
     QStringLiteral("Gut microbiome"),
     QStringLiteral("gut"),
     {}},
};
SampleSpec described(const SheetDescriber::Described &d) {
    SampleSpec spec;
    spec.file = QStringLiteral("/run/x_S1_L001_R1_001.fastq.gz");
    d.description.applyTo(spec);
    return spec;
}
} // namespace

class TestSheetDescriber : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void illuminaV1Row() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("v1_plate96_lanes.csv"));
        const SheetDescriber::Described d =
            SheetDescriber::describe(sheet, sheet.samples().at(11), &Projects);
        QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
        const SampleSpec spec = described(d);
        QCOMPARE(spec.projectId, QStringLiteral("4b53797c5f9d4a1e"));
        const QJsonObject m = spec.metadata;
        QCOMPARE(m.value("name").toString(), QStringLiteral("Plate7-012"));
        QCOMPARE(m.value("external_sample_id").toString(), QStringLiteral("Plate7-012"));
        QCOMPARE(m.value("description").toString(), QStringLiteral("Topsoil core 12"));
        QCOMPARE(m.value("date_sequenced").toString(), QStringLiteral("2023-12-04T00:00:00Z"));
        QCOMPARE(m.value("platform").toString(), QStringLiteral("Illumina NovaSeq 6000"));
        const QJsonObject custom = m.value("custom").toObject();
        QCOMPARE(custom.value("plate").toString(), QStringLiteral("Plate7"));
        QCOMPARE(custom.value("well").toString(), QStringLiteral("A12"));
        QCOMPARE(custom.value("i7_index_id").toString(), QStringLiteral("N712"));
        QCOMPARE(custom.value("index").toString(), QStringLiteral("AGCGATAG"));
        QCOMPARE(custom.value("i5_index_id").toString(), QStringLiteral("S501"));
        QCOMPARE(custom.value("index2").toString(), QStringLiteral("TATAGCCT"));
        QCOMPARE(custom.value("lanes").toString(), QStringLiteral("1,2,3,4"));
        QCOMPARE(custom.value("run_name").toString(), QStringLiteral("Plate7_SoilSurvey"));
    }

    void illuminaV2RowTakesTheCloudProject() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("v2_cloud.csv"));
        const SheetDescriber::Described d =
            SheetDescriber::describe(sheet, sheet.samples().at(0), &Projects);
        QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
        const SampleSpec spec = described(d);
        QCOMPARE(spec.projectId, QStringLiteral("9a1f00c3d2e84b77"));
        QCOMPARE(spec.metadata.value("name").toString(), QStringLiteral("Gut-01"));
        QCOMPARE(spec.metadata.value("platform").toString(),
                 QStringLiteral("Illumina NextSeq 2000"));
        QCOMPARE(spec.metadata.value("custom").toObject().value("library_name").toString(),
                 QStringLiteral("Gut-01_lib"));
        QCOMPARE(spec.metadata.value("custom").toObject().value("run_name").toString(),
                 QStringLiteral("231204_VH00123_42_AACXYZ"));
        QVERIFY(!spec.metadata.contains("date_sequenced")); // v2 headers carry no Date
    }

    void unknownProjectAndLongIdAreNamed() {
        const QByteArray text =
            "[Header]\nDate,2023-12-04\n[Data]\nSample_ID,Sample_Project\n"
            "A-very-long-sample-identifier-from-the-LIMS-0001-0002-0003-0004,Soil survey\n"
            "B,Permafrost\n";
        const SampleSheet sheet = SampleSheet::parse(text, QStringLiteral("lims.csv"));
        QVERIFY2(sheet.isValid(), qPrintable(sheet.error()));
        const SheetDescriber::Described a =
            SheetDescriber::describe(sheet, sheet.samples().at(0), &Projects);
        QCOMPARE(a.problems.size(), 1);
        QVERIFY2(a.problems.first().startsWith(
                     QStringLiteral("A-very-long-sample-identifier-from-the-LIMS-0001-0002-0003-"
                                    "0004 (lims.csv line 5): ")),
                 qPrintable(a.problems.first()));
        QVERIFY2(a.problems.first().contains(QStringLiteral("60")), qPrintable(a.problems.first()));
        QVERIFY(!described(a).metadata.contains("external_sample_id")); // flagged, not sent cut
        const SheetDescriber::Described b =
            SheetDescriber::describe(sheet, sheet.samples().at(1), &Projects);
        QCOMPARE(b.project, QStringLiteral("Permafrost"));
        QCOMPARE(b.problems.size(), 1);
        QVERIFY2(b.problems.first().contains(QStringLiteral("No project \"Permafrost\"")) &&
                     b.problems.first().contains(QStringLiteral("Soil survey")),
                 qPrintable(b.problems.first()));
        QVERIFY(described(b).projectId.isEmpty());
    }

    void seqDropRow() {
        const SampleSheet sheet = SampleSheet::read(sheetPath("seqdrop_nanopore.csv"));
        const SheetDescriber::Described d =
            SheetDescriber::describe(sheet, sheet.samples().at(0), &Projects);
        QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
        const SampleSpec spec = described(d);
        QCOMPARE(spec.tags, (QStringList{"river", "summer 2023"}));
        QCOMPARE(spec.projectId, QStringLiteral("4b53797c5f9d4a1e"));
        QCOMPARE(spec.metadata.value("name").toString(), QStringLiteral("Creek 1"));
        QCOMPARE(spec.metadata.value("external_sample_id").toString(), QStringLiteral("CR-0001"));
        QCOMPARE(spec.metadata.value("sample_type").toString(), QStringLiteral("Metagenomic"));
        QCOMPARE(spec.metadata.value("date_collected").toString(),
                 QStringLiteral("2023-07-14T00:00:00Z"));
        QCOMPARE(spec.metadata.value("custom").toObject().value("extraction_kit").toString(),
                 QStringLiteral("PowerSoil Pro"));
        // Empty cells set nothing: the third row has no project, tags or id.
        const SampleSpec lib7 =
            described(SheetDescriber::describe(sheet, sheet.samples().at(2), &Projects));
        QVERIFY(lib7.projectId.isEmpty());
        QVERIFY(lib7.tags.isEmpty());
        QVERIFY(!lib7.metadata.contains("external_sample_id"));
        QCOMPARE(lib7.metadata.value("sample_type").toString(), QStringLiteral("Isolate"));
    }

    void platformsAndDates() {
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("MiSeq")),
                 QStringLiteral("Illumina MiSeq"));
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("MiniSeq")),
                 QStringLiteral("Illumina MiniSeq"));
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("NextSeq 550")),
                 QStringLiteral("Illumina NextSeq 500"));
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("NextSeq1k2k")),
                 QStringLiteral("Illumina NextSeq 2000"));
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("Sequel IIe")), QString());
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("HiSeq X")), QString());
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("Illumina MiSeq")),
                 QStringLiteral("Illumina MiSeq"));
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("iSeq 100")),
                 QStringLiteral("Illumina iSeq 100"));
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("NovaSeqXPlus")), QString());
        QCOMPARE(SheetDescriber::platformFor(QStringLiteral("HiSeq 2500")),
                 QStringLiteral("Illumina HiSeq 2500"));
        QCOMPARE(SheetDescriber::isoDate(QStringLiteral("12/4/2023")),
                 QStringLiteral("2023-12-04"));
        QCOMPARE(SheetDescriber::isoDate(QStringLiteral("2023-11-30")),
                 QStringLiteral("2023-11-30"));
        QCOMPARE(SheetDescriber::isoDate(QStringLiteral("04.12.2023")),
                 QStringLiteral("2023-12-04"));
        QCOMPARE(SheetDescriber::isoDate(QStringLiteral("1/9/24")), QStringLiteral("2024-01-09"));
        QCOMPARE(SheetDescriber::isoDate(QStringLiteral("someday")), QString());
    }
};

QTEST_GUILESS_MAIN(TestSheetDescriber)
#include "tst_sheetdescriber.moc"
