// seqdrop-cli with a sample sheet, as a technician runs it on a run folder: the real process,
// real files as bcl2fastq names them, the real sandbox. The sheet's names, ids, project and
// metadata reach init_upload; Undetermined is left out; what does not match is listed and stops
// the command; a broken sheet says where.
#include "cliprocess.h"
#include "sandboxprocess.h"
#include "sheetrun.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using SheetRun::Samples;

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
        const QString run = SheetRun::write(m_dir->path(), QStringLiteral("Soil Survey 2026"));
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
        const QString run = SheetRun::write(m_dir->path(), QStringLiteral("Soil Survey 2026"));
        const CliResult r = cli(
            {QStringLiteral("upload"), QStringLiteral("--json"), QStringLiteral("--merge-lanes"),
             QStringLiteral("--sample-sheet"), run + QStringLiteral("/SampleSheet.csv"),
             QStringLiteral("--project"), QString::fromLatin1(SandboxProcess::SandboxProjectId),
             QStringLiteral("--metadata"), QStringLiteral("description=resequenced"),
             QStringLiteral("--metadata"), QStringLiteral("operator=lab7"),
             QStringLiteral("--keep-undetermined"), run});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.size(), Samples + 1); // Undetermined kept
        for (const QJsonObject &o : r.json) {
            const QJsonObject sample = m_sandbox->sample(o.value("sample_id").toString());
            QCOMPARE(sample.value("project_id").toString(),
                     QString::fromLatin1(SandboxProcess::SandboxProjectId));
            QCOMPARE(sample.value("metadata").toObject().value("description").toString(),
                     QStringLiteral("resequenced"));
            // A typed custom field joins the sheet's (on its rows), it does not replace them.
            const QJsonObject custom =
                sample.value("metadata").toObject().value("custom").toObject();
            QCOMPARE(custom.value("operator").toString(), QStringLiteral("lab7"));
            if (!QFileInfo(o.value("file").toString()).fileName().startsWith("Undetermined"))
                QVERIFY2(!custom.value("well").toString().isEmpty(),
                         qPrintable(QJsonDocument(custom).toJson()));
        }
    }

    void unknownProjectStopsTheUpload() {
        const QString run = SheetRun::write(m_dir->path(), QStringLiteral("Permafrost"));
        const CliResult r =
            cli({QStringLiteral("upload"), QStringLiteral("--merge-lanes"),
                 QStringLiteral("--sample-sheet"), run + QStringLiteral("/SampleSheet.csv"), run});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("No project \"Permafrost\"")), qPrintable(r.err));
        QCOMPARE(m_sandbox->counts().value("init_upload").toInt(), 0);
    }

    void validateListsWhatDoesNotMatch() {
        // A seventh sample in the sheet with no files, and a file from another run.
        const QString run = SheetRun::write(
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

    // validate asks the account for the sheet's projects: one it lacks is a problem (exit 1),
    // one it has is not; without a key they are only noted as not checked.
    void validateChecksTheSheetsProjects() {
        const QString known = SheetRun::write(m_dir->path() + QStringLiteral("/known"),
                                              QStringLiteral("Soil Survey 2026"));
        const CliResult ok = cli({QStringLiteral("validate"), QStringLiteral("--sample-sheet"),
                                  known + QStringLiteral("/SampleSheet.csv"), known});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY2(!ok.err.contains(QStringLiteral("project")), qPrintable(ok.err));

        const QString unknown = SheetRun::write(m_dir->path() + QStringLiteral("/unknown"),
                                                QStringLiteral("Permafrost"));
        const QStringList args{QStringLiteral("validate"), QStringLiteral("--sample-sheet"),
                               unknown + QStringLiteral("/SampleSheet.csv"), unknown};
        const CliResult bad = cli(args);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("No project \"Permafrost\"")),
                 qPrintable(bad.err));
        QVERIFY2(bad.err.contains(QStringLiteral("Soil Survey 2026")), qPrintable(bad.err));

        CliProcess keyless(m_sandbox.get(), m_dataHome->path());
        keyless.setEnv(QStringLiteral("ONE_CODEX_API_KEY"), QString());
        const CliResult offline = keyless.run(args);
        QVERIFY2(offline.exitCode == 0, qPrintable(offline.err));
        QVERIFY2(offline.err.contains(QStringLiteral("The sheet's projects (Permafrost) were not "
                                                     "checked: no API key")),
                 qPrintable(offline.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSheet)
#include "tst_clisheet.moc"
