// `seqdrop-cli upload --wait` on the real process against the real sandbox playing One Codex's
// import and a failed validation: every confirmed sample's verdict is printed (its JSON line
// carries server_status and the platform's error), and one failed validation makes the exit
// status 1; without --wait the run ends at the confirmation.
#include "cliprocess.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

class TestCliWait : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_dataHome;
    std::unique_ptr<SandboxProcess> m_sandbox;

    CliProcess runner() const {
        CliProcess cli(m_sandbox.get(), m_dataHome->path());
        cli.setEnv(QStringLiteral("SEQDROP_STATUS_POLL_MS"), QStringLiteral("200"));
        return cli;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_dataHome = std::make_unique<QTemporaryDir>();
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--import-seconds"), QStringLiteral("1"),
                        QStringLiteral("--fail-validation"), QStringLiteral("1")});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->stderrText()));
    }
    void cleanup() { m_sandbox.reset(); }

    void waitPrintsEachVerdict() {
        const QString bad =
            writeFastq(m_dir->path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 40);
        const QString good = writeFastq(
            m_dir->path(), QStringLiteral("Plate7-002_S2_L001_R1_001.fastq"), 40, 100, 2);
        const CliResult r = runner().run({QStringLiteral("upload"), QStringLiteral("--json"),
                                          QStringLiteral("--jobs"), QStringLiteral("1"),
                                          QStringLiteral("--wait"), bad, good});
        QCOMPARE(r.exitCode, 1); // one failed One Codex's validation
        QVERIFY2(r.err.contains(QStringLiteral("Waiting for One Codex to import and validate 2 "
                                               "sample(s)")),
                 qPrintable(r.err));
        QCOMPARE(r.json.size(), 2);
        QHash<QString, QJsonObject> byFile;
        for (const QJsonObject &o : r.json)
            byFile.insert(QFileInfo(o.value("file").toString()).fileName(), o);
        const QJsonObject failed = byFile.value(QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"));
        QCOMPARE(failed.value("status").toString(), QStringLiteral("confirmed"));
        QCOMPARE(failed.value("server_status").toString(), QStringLiteral("failed_validation"));
        QVERIFY2(
            failed.value("server_error").toString().contains(QStringLiteral("failed validation")),
            qPrintable(failed.value("server_error").toString()));
        const QJsonObject ok = byFile.value(QStringLiteral("Plate7-002_S2_L001_R1_001.fastq"));
        QCOMPARE(ok.value("server_status").toString(), QStringLiteral("available"));

        // The same in words, without --json.
        const QString third = writeFastq(
            m_dir->path(), QStringLiteral("Plate7-003_S3_L001_R1_001.fastq"), 40, 100, 3);
        const CliResult text =
            runner().run({QStringLiteral("upload"), QStringLiteral("--wait"), third});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(QString::fromUtf8(text.out).contains(
                     QStringLiteral("available Plate7-003_S3_L001_R1_001.fastq (sample ")),
                 text.out.constData());
    }

    void withoutWaitTheRunEndsAtTheConfirmation() {
        const QString file =
            writeFastq(m_dir->path(), QStringLiteral("Plate7-004_S4_L001_R1_001.fastq"), 40);
        const CliResult r =
            runner().run({QStringLiteral("upload"), QStringLiteral("--json"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err)); // the failed validation comes later
        QCOMPARE(r.json.size(), 1);
        QVERIFY(r.json.first().contains(QStringLiteral("server_status")));
        QVERIFY(r.json.first().value("server_status").isNull());
    }
};

QTEST_GUILESS_MAIN(TestCliWait)
#include "tst_cliwait.moc"
