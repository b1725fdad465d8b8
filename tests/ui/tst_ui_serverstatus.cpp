// One Codex's verdict on the row, in the real window against the real sandbox playing the
// platform's import and a failed validation: the row says the sample is being imported, a
// window closed before the verdict asks again when it reopens, and the failed validation shows
// on the row as a failure with the platform's words, and in the results CSV.
#include "desktop/desktopservices.h"
#include "engine/engine.h"
#include "journal/crashresume.h"
#include "journal/journalrecorder.h"
#include "sampletablemodel.h"
#include "testfiles.h"
#include "upload/resultsexporter.h"
#include "upload/sampleupload.h"
#include "upload/serverstatuswatcher.h"
#include "upload/uploadqueue.h"
#include "windowtestsupport.h"

using namespace SeqDrop;

class TestServerStatusWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_dataHome;
    QTemporaryDir m_files;
    SandboxProcess m_sandbox;

    static QString statusOf(MainWindow *w, int row) {
        return w->model()->index(row, SampleTableModel::StatusColumn).data().toString();
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit());
        qputenv("SEQDROP_STATUS_POLL_MS", "200");
        QVERIFY2(
            WindowTestSupport::prepare(m_config, m_sandbox, QStringLiteral("SeqDropServerStatus")),
            qPrintable(m_sandbox.stderrText()));
    }
    void cleanupTestCase() { m_sandbox.stop(); }

    void verdictComesAfterAReopen() {
        QVERIFY(m_sandbox.setFaults(QJsonObject{{"import_seconds", 4}, {"fail_validation", 1}}));
        const QString file =
            writeFastq(m_files.path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 50);
        QString sampleId;
        {
            auto w = WindowTestSupport::signedInWindow(m_sandbox, true);
            WindowTestSupport::addPaths(&*w, {file});
            w->startUploads();
            SampleUpload *s = w->queue()->samples().first();
            QTRY_COMPARE_WITH_TIMEOUT(s->state(), SampleUpload::State::Confirmed, 30000);
            sampleId = s->sampleId();
            QTRY_VERIFY2(statusOf(w.get(), 0).startsWith(QStringLiteral("Uploaded; One Codex is")),
                         qPrintable(statusOf(w.get(), 0)));
            w->services()->engine()->crashResume()->recorder()->flush();
        } // closed before the platform's verdict

        auto w = WindowTestSupport::signedInWindow(m_sandbox, true);
        QCOMPARE(w->queue()->samples().size(), 1);
        SampleUpload *s = w->queue()->samples().first();
        QCOMPARE(s->sampleId(), sampleId);
        QVERIFY(!SampleUpload::isFinalServerStatus(s->serverStatus()));
        QTRY_COMPARE_WITH_TIMEOUT(s->serverStatus(), QStringLiteral("failed_validation"), 20000);
        QVERIFY2(statusOf(w.get(), 0)
                     .startsWith(QStringLiteral("Uploaded, but failed One Codex's validation: ")),
                 qPrintable(statusOf(w.get(), 0)));
        QVERIFY2(statusOf(w.get(), 0).contains(QStringLiteral("Plate7-001_S1_L001_R1_001")),
                 qPrintable(statusOf(w.get(), 0)));
        const QString csv = ResultsExporter::csv(w->queue()->samples());
        QVERIFY2(csv.contains(QStringLiteral(",failed_validation,")), qPrintable(csv));
        QCOMPARE(w->services()->serverStatus()->pendingCount(), 0);
        w->queue()->remove(w->queue()->samples());
    }
};

QTEST_MAIN(TestServerStatusWindow)
#include "tst_ui_serverstatus.moc"
