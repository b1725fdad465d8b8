// seqdrop-cli with a sample sheet, as a technician runs it on a run folder: the real process,
// real files as bcl2fastq names them, the real sandbox. The sheet's names, ids, project and
// metadata reach init_upload; Undetermined is left out; what does not match is listed and stops
// the command; a broken sheet says where.
#include "cliprocess.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int Samples = 6;
constexpr int Lanes = 2;

// A MiSeq run folder: <Sample_Name>_S<n>_L00<lane>_R<1|2>_001.fastq under the project folder,
// Undetermined beside it, and the sheet the instrument wrote (CRLF, padded rows).
QString writeRun(const QString &root, const QString &project, const QString &extraRow = {}) {
    const QString run = root + QStringLiteral("/231204_M00123_0042_000000000-KX7P2");
    const QString data = run + QStringLiteral("/Soil-Survey");
    QDir().mkpath(data);
    QString sheet = QStringLiteral(
        "[Header],,,,,,,\r\nIEMFileVersion,4,,,,,,\r\nExperiment Name,Plate7_Soil,,,,,,\r\n"
        "Date,12/4/2023,,,,,,\r\nInstrument Type,MiSeq,,,,,,\r\n,,,,,,,\r\n[Reads],,,,,,,\r\n"
        "151,,,,,,,\r\n151,,,,,,,\r\n,,,,,,,\r\n[Data],,,,,,,\r\n"
        "Lane,Sample_ID,Sample_Name,Sample_Plate,Sample_Well,index,Sample_Project,Description\r\n");
    for (int lane = 1; lane <= Lanes; ++lane)
        for (int s = 1; s <= Samples; ++s) {
            const QString id = QStringLiteral("P7-%1").arg(s, 3, 10, QLatin1Char('0'));
            const QString name = QStringLiteral("Plate7-%1").arg(s, 3, 10, QLatin1Char('0'));
            sheet += QStringLiteral("%1,%2,%3,Plate7,A%4,ACGTAC%5,%6,core %4\r\n")
                         .arg(lane)
                         .arg(id, name)
                         .arg(s, 2, 10, QLatin1Char('0'))
                         .arg(s)
                         .arg(project);
            for (int read = 1; read <= 2; ++read)
                writeFastq(data,
                           QStringLiteral("%1_S%2_L00%3_R%4_001.fastq")
                               .arg(name)
                               .arg(s)
                               .arg(lane)
                               .arg(read),
                           20, 100, quint32(s * 10 + lane));
        }
    sheet += extraRow;
    for (int read = 1; read <= 2; ++read)
        writeFastq(run, QStringLiteral("Undetermined_S0_L001_R%1_001.fastq").arg(read), 20, 100,
                   99);
    QFile f(run + QStringLiteral("/SampleSheet.csv"));
    f.open(QIODevice::WriteOnly);
    f.write(sheet.toUtf8());
    return run;
}
} // namespace

class TestCliSheet : public QObject {
    Q_OBJECT

private:
    CliResult cli(const QStringList &args) {
        return CliProcess(m_sandbox.get(), m_dataHome->path()).run(args);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_dataHome;
    std::unique_ptr<SandboxProcess> m_sandbox;

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_dataHome = std::make_unique<QTemporaryDir>();
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->start());
    }
    void cleanup() { m_sandbox.reset(); }

    void runFolderArrivesDescribed() {
        const QString run = writeRun(m_dir->path(), QStringLiteral("Soil Survey 2026"));
        const CliResult r = cli({QStringLiteral("upload"), QStringLiteral("--json"),
                                 QStringLiteral("--merge-lanes"), QStringLiteral("--sample-sheet"),
                                 run + QStringLiteral("/SampleSheet.csv"), run});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.size(), Samples); // Undetermined left out
        QVERIFY2(r.err.contains(QStringLiteral("6 sample(s) described by SampleSheet.csv (run "
                                               "Plate7_Soil)")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("left out 1 Undetermined sample(s)")),
                 qPrintable(r.err));
        QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), Samples);
        for (const QJsonObject &o : r.json) {
            const QJsonObject sample = m_sandbox->sample(o.value("sample_id").toString());
            const QJsonObject m = sample.value("metadata").toObject();
            const QString name = m.value("name").toString();
            QVERIFY2(QFileInfo(o.value("file").toString()).fileName().startsWith(name + "_S"),
                     qPrintable(name));
            const int s = name.right(3).toInt();
            QCOMPARE(m.value("external_sample_id").toString(),
                     QStringLiteral("P7-%1").arg(s, 3, 10, QLatin1Char('0')));
            QCOMPARE(sample.value("project_id").toString(),
                     QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
            QCOMPARE(m.value("platform").toString(), QStringLiteral("Illumina MiSeq"));
            QCOMPARE(m.value("date_sequenced").toString(), QStringLiteral("2023-12-04T00:00:00Z"));
            QCOMPARE(m.value("description").toString(),
                     QStringLiteral("core %1").arg(s, 2, 10, QLatin1Char('0')));
            const QJsonObject custom = m.value("custom").toObject();
            QCOMPARE(custom.value("well").toString(),
                     QStringLiteral("A%1").arg(s, 2, 10, QLatin1Char('0')));
            QCOMPARE(custom.value("lanes").toString(), QStringLiteral("1,2"));
            QCOMPARE(custom.value("run_name").toString(), QStringLiteral("Plate7_Soil"));
        }
    }

    // What the command line says was typed for this run: it wins over the sheet.
    void typedOptionsWin() {
        const QString run = writeRun(m_dir->path(), QStringLiteral("Soil Survey 2026"));
        const CliResult r = cli(
            {QStringLiteral("upload"), QStringLiteral("--json"), QStringLiteral("--merge-lanes"),
             QStringLiteral("--sample-sheet"), run + QStringLiteral("/SampleSheet.csv"),
             QStringLiteral("--project"), QString::fromLatin1(SandboxProcess::SandboxProjectId),
             QStringLiteral("--metadata"), QStringLiteral("description=resequenced"),
             QStringLiteral("--keep-undetermined"), run});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.size(), Samples + 1); // Undetermined kept
        for (const QJsonObject &o : r.json) {
            const QJsonObject sample = m_sandbox->sample(o.value("sample_id").toString());
            QCOMPARE(sample.value("project_id").toString(),
                     QString::fromLatin1(SandboxProcess::SandboxProjectId));
            QCOMPARE(sample.value("metadata").toObject().value("description").toString(),
                     QStringLiteral("resequenced"));
        }
    }

    void unknownProjectStopsTheUpload() {
        const QString run = writeRun(m_dir->path(), QStringLiteral("Permafrost"));
        const CliResult r =
            cli({QStringLiteral("upload"), QStringLiteral("--merge-lanes"),
                 QStringLiteral("--sample-sheet"), run + QStringLiteral("/SampleSheet.csv"), run});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("No project \"Permafrost\"")), qPrintable(r.err));
        QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
    }

    void validateListsWhatDoesNotMatch() {
        // A seventh sample in the sheet with no files, and a file from another run.
        const QString run = writeRun(
            m_dir->path(), QStringLiteral("Soil Survey 2026"),
            QStringLiteral("1,P7-007,Plate7-007,Plate7,A07,ACGTAC7,Soil Survey 2026,core 07\r\n"));
        writeFastq(run + QStringLiteral("/Soil-Survey"),
                   QStringLiteral("Other-001_S3_L001_R1_001.fastq"), 20);
        const CliResult r = cli({QStringLiteral("validate"), QStringLiteral("--sample-sheet"),
                                 run + QStringLiteral("/SampleSheet.csv"), run});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("P7-007 (SampleSheet.csv line 25) has no file")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Other-001_S3_L001_R1_001.fastq says it is sample "
                                               "Other-001 (S3), but sample 3 of SampleSheet.csv is "
                                               "P7-003")),
                 qPrintable(r.err));

        // A broken sheet: bad input, with its line and column.
        QFile sheet(run + QStringLiteral("/SampleSheet.csv"));
        QVERIFY(sheet.open(QIODevice::Append));
        sheet.write("1,P7-008,Plate7-008,Plate7,A08,ACGT,Soil,core,extra\r\n");
        sheet.close();
        const CliResult broken = cli({QStringLiteral("validate"), QStringLiteral("--sample-sheet"),
                                      run + QStringLiteral("/SampleSheet.csv"), run});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains(QStringLiteral("SampleSheet.csv line 26, column 9")),
                 qPrintable(broken.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSheet)
#include "tst_clisheet.moc"
