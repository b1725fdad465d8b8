// A run folder with its SampleSheet.csv dropped on the real window, uploaded to the real
// sandbox: every sample arrives named, with its lab id, project, plate and well, and nobody
// typed anything. Undo gives the rows back as they were; Undetermined waits to be asked for; a
// project the account does not have holds the rows until one is chosen.
#include "consentbar.h"
#include "desktop/sheetprojects.h"
#include "engine/engine.h"
#include "journal/crashresume.h"
#include "journal/journalrecorder.h"
#include "sampleeditorpanel.h"
#include "sampletableview.h"
#include "sheetbar.h"
#include "sheetrun.h"
#include "sheets/sheetwriter.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowtestsupport.h"

#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace SeqDrop;
using SheetRun::Lanes;
using SheetRun::Samples;

namespace {
bool allIn(const UploadQueue *queue, SampleUpload::State state) {
    for (const SampleUpload *s : queue->samples())
        if (s->state() != state)
            return false;
    return !queue->samples().isEmpty();
}
} // namespace

class TestSampleSheetWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_dataHome; // the journal, for the restart case
    SandboxProcess m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit());
        QVERIFY2(WindowTestSupport::prepare(m_config, m_sandbox, QStringLiteral("SeqDropSheet")),
                 qPrintable(m_sandbox.stderrText()));
    }
    void cleanupTestCase() { m_sandbox.stop(); }

    void droppedRunFolderArrivesDescribed() {
        QTemporaryDir dir;
        const QString run = SheetRun::write(dir.path(), QStringLiteral("Soil Survey 2026"));
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        const SampleIntake::Report report = WindowTestSupport::addPaths(&*w, {run});
        QCOMPARE(report.added.size(), Samples * Lanes); // one pair per lane; Undetermined aside
        QVERIFY(w->sheetBar()->isVisible());
        QCOMPARE(w->sheetBar()->text(),
                 QStringLiteral("Described 12 sample(s) from SampleSheet.csv (run Plate7_Soil)."));
        QVERIFY(w->sheetBar()->undeterminedButton()->isVisible());
        // The lanes, joined as the consent bar offers, keep the sheet's description.
        QTRY_VERIFY(w->consentBar()->mergeLanesButton()->isVisible());
        w->consentBar()->mergeLanesButton()->click();
        QCOMPARE(w->queue()->samples().size(), Samples);
        // The projects are found once the account's list is there; nothing holds then.
        QTRY_COMPARE(w->services()->sheetProjects()->pendingCount(), 0);
        for (const SampleUpload *s : w->queue()->samples())
            QVERIFY2(s->hold().isEmpty(), qPrintable(s->hold()));

        w->startUploads();
        QTRY_VERIFY_WITH_TIMEOUT(allIn(w->queue(), SampleUpload::State::Confirmed), 60000);
        for (const SampleUpload *s : w->queue()->samples()) {
            const QJsonObject sample = m_sandbox.sample(s->sampleId());
            const QJsonObject m = sample.value("metadata").toObject();
            const int n = m.value("name").toString().right(3).toInt();
            QVERIFY(n >= 1 && n <= Samples);
            QCOMPARE(m.value("name").toString(), SheetRun::sampleName(n));
            QCOMPARE(m.value("external_sample_id").toString(), SheetRun::sampleId(n));
            QCOMPARE(sample.value("project_id").toString(),
                     QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
            QCOMPARE(m.value("platform").toString(), QStringLiteral("Illumina MiSeq"));
            QCOMPARE(m.value("custom").toObject().value("well").toString(),
                     QStringLiteral("A%1").arg(n, 2, 10, QLatin1Char('0')));
            QVERIFY(QFileInfo(s->spec().file).fileName().startsWith(SheetRun::sampleName(n)));
        }

        // Undetermined, asked for: its two files as one more sample, undescribed.
        const int before = int(w->queue()->samples().size());
        w->sheetBar()->undeterminedButton()->click();
        QTRY_COMPARE(w->queue()->samples().size(), before + 1);
        QVERIFY(w->queue()->samples().constLast()->spec().file.contains(
            QStringLiteral("Undetermined_S0_L001_R1")));
        QVERIFY(!w->queue()->samples().constLast()->spec().metadata.contains("name"));
    }

    void undoGivesTheRowsBack() {
        QTemporaryDir dir;
        const QString run = SheetRun::write(dir.path(), QStringLiteral("Soil Survey 2026"));
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        WindowTestSupport::addPaths(&*w, {run});
        QVERIFY(w->sheetBar()->undoButton()->isVisible());
        QVERIFY(w->queue()->samples().first()->spec().metadata.contains("name"));
        w->sheetBar()->undoButton()->click();
        QVERIFY(!w->sheetBar()->isVisible());
        for (const SampleUpload *s : w->queue()->samples()) {
            QVERIFY(s->spec().metadata.isEmpty());
            QVERIFY(s->spec().projectId.isEmpty());
            QVERIFY2(s->hold().isEmpty(), qPrintable(s->hold()));
        }
        QCOMPARE(w->services()->sheetProjects()->pendingCount(), 0);
    }

    // File > Export Sample Sheet writes what File > Apply Sample Sheet reads: the described
    // queue exported, the same files queued again without their sheet, the export applied.
    void exportedSheetAppliesBack() {
        QTemporaryDir dir;
        const QString run = SheetRun::write(dir.path(), QStringLiteral("Soil Survey 2026"));
        const QString exported = dir.filePath(QStringLiteral("plate7-filled.csv"));
        QHash<QString, SampleSpec> described; // by file
        {
            auto w = WindowTestSupport::signedInWindow(m_sandbox);
            WindowTestSupport::addPaths(&*w, {run});
            QTRY_COMPARE(w->services()->sheetProjects()->pendingCount(), 0);
            QList<SampleSpec> specs;
            for (const SampleUpload *s : w->queue()->samples()) {
                specs << s->spec();
                described.insert(s->spec().file, s->spec());
            }
            QFile f(exported);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(SheetWriter::write(specs, dir.path()));
        }
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        // The data folder alone holds no sheet: the rows come in undescribed.
        WindowTestSupport::addPaths(&*w, {run + QStringLiteral("/Soil-Survey")});
        QVERIFY(!w->sheetBar()->isVisible());
        QCOMPARE(w->queue()->samples().size(), Samples * Lanes);
        QVERIFY(w->queue()->samples().first()->spec().metadata.isEmpty());
        w->sheetBar()->applySheet(exported);
        QVERIFY2(w->sheetBar()->text().startsWith(
                     QStringLiteral("Described 12 sample(s) from plate7-filled.csv.")),
                 qPrintable(w->sheetBar()->text() + w->sheetBar()->details()));
        QTRY_COMPARE(w->services()->sheetProjects()->pendingCount(), 0);
        for (const SampleUpload *s : w->queue()->samples()) {
            const SampleSpec &before = described.value(s->spec().file);
            QCOMPARE(s->spec().metadata, before.metadata);
            QCOMPARE(s->spec().projectId, before.projectId);
            QVERIFY(!s->spec().metadata.value("name").toString().isEmpty());
        }
    }

    // The panel says which values a sheet set; a value typed over one is the user's from then
    // on: applying the sheet again leaves it, fills the rest, and the bar says so. The journal
    // keeps which is which across a restart.
    void panelMarksTheSheetsValuesAndKeepsWhatWasTyped() {
        QTemporaryDir dir;
        const QString run = SheetRun::write(dir.path(), QStringLiteral("Soil Survey 2026"));
        auto w = WindowTestSupport::signedInWindow(m_sandbox, true); // recorded in the journal
        WindowTestSupport::addPaths(&*w, {run});
        SampleUpload *first = w->queue()->samples().first();
        w->view()->selectSamples({first});
        SampleEditorPanel *panel = w->editor();
        QLabel *nameSource = panel->sourceLabel(QStringLiteral("name"));
        QLabel *idSource = panel->sourceLabel(QStringLiteral("external_sample_id"));
        QVERIFY(nameSource && idSource);
        QVERIFY(nameSource->isVisibleTo(panel));
        QCOMPARE(nameSource->text(), QStringLiteral("From SampleSheet.csv"));
        QVERIFY(idSource->isVisibleTo(panel));
        QVERIFY(panel->sourceLabel(QStringLiteral("custom"))->isVisibleTo(panel));
        QVERIFY(panel->sourceLabel(QStringLiteral("project"))->isVisibleTo(panel));
        QVERIFY(!panel->sourceLabel(QStringLiteral("location_string"))->isVisibleTo(panel));
        const QString sheetName = first->spec().metadata.value("name").toString();

        QLineEdit *name = panel->lineField(QStringLiteral("name"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Core-A1-typed"));
        QVERIFY(!nameSource->isVisibleTo(panel)); // typed now
        QCOMPARE(panel->apply(), 1);
        QCOMPARE(first->spec().metadata.value("name").toString(), QStringLiteral("Core-A1-typed"));
        QVERIFY(first->spec().typedFields.contains(QStringLiteral("name")));
        QVERIFY(!nameSource->isVisibleTo(panel));
        QVERIFY(idSource->isVisibleTo(panel));

        // Applied again: every other value from the sheet, the typed name kept.
        SampleSpec cleared = first->spec();
        cleared.metadata.remove(QStringLiteral("external_sample_id"));
        QVERIFY(first->setSpec(cleared));
        w->sheetBar()->applySheet(run + QStringLiteral("/SampleSheet.csv"));
        QVERIFY2(w->sheetBar()->text().contains(
                     QStringLiteral("1 value(s) you had typed were kept over the sheet's.")),
                 qPrintable(w->sheetBar()->text()));
        QCOMPARE(first->spec().metadata.value("name").toString(), QStringLiteral("Core-A1-typed"));
        QCOMPARE(first->spec().metadata.value("external_sample_id").toString(),
                 SheetRun::sampleId(sheetName.right(3).toInt()));
        QVERIFY(!first->spec().sheetFields.contains(QStringLiteral("name")));
        QVERIFY(first->spec().sheetFields.contains(QStringLiteral("external_sample_id")));
        const QString file = first->spec().file;
        w->services()->engine()->crashResume()->recorder()->flush();
        w.reset();

        // A restarted window: the same marks.
        auto again = WindowTestSupport::signedInWindow(m_sandbox, true);
        QTRY_VERIFY(!again->queue()->samples().isEmpty());
        SampleUpload *restored = nullptr;
        for (SampleUpload *s : again->queue()->samples())
            if (s->spec().file == file)
                restored = s;
        QVERIFY(restored);
        QCOMPARE(restored->spec().typedFields, QStringList{QStringLiteral("name")});
        QCOMPARE(restored->spec().sheetName, QStringLiteral("SampleSheet.csv"));
        again->view()->selectSamples({restored});
        QVERIFY(
            !again->editor()->sourceLabel(QStringLiteral("name"))->isVisibleTo(again->editor()));
        QVERIFY(again->editor()
                    ->sourceLabel(QStringLiteral("external_sample_id"))
                    ->isVisibleTo(again->editor()));
        again->queue()->remove(again->queue()->samples()); // the next case starts empty
    }

    void unknownProjectHoldsUntilOneIsChosen() {
        QTemporaryDir dir;
        const QString run = SheetRun::write(dir.path(), QStringLiteral("Permafrost"));
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        WindowTestSupport::addPaths(&*w, {run});
        SampleUpload *first = w->queue()->samples().first();
        QTRY_VERIFY(first->hold().contains(QStringLiteral("No project \"Permafrost\"")));
        QVERIFY(!first->isStartable());
        // Chosen in the panel (as its project field does): the hold goes.
        SampleSpec spec = first->spec();
        spec.projectId = QString::fromLatin1(SandboxProcess::SandboxProjectId);
        QVERIFY(first->setSpec(spec));
        QTRY_VERIFY2(first->hold().isEmpty(), qPrintable(first->hold()));
        QVERIFY(!w->queue()->samples().at(1)->hold().isEmpty()); // the others still wait
    }

    // The journal keeps the project a sample waits for: after a restart it still waits, and
    // nothing is sent without its project.
    void waitingForItsProjectSurvivesARestart() {
        QTemporaryDir dir;
        const QString run = SheetRun::write(dir.path(), QStringLiteral("Permafrost"));
        {
            auto w = WindowTestSupport::signedInWindow(m_sandbox, true);
            WindowTestSupport::addPaths(&*w, {run});
            QTRY_VERIFY(
                w->queue()->samples().first()->hold().contains(QStringLiteral("Permafrost")));
        }
        const int inits = m_sandbox.counts().value("init_upload").toInt();
        auto w = WindowTestSupport::signedInWindow(m_sandbox, true);
        QCOMPARE(w->queue()->samples().size(), Samples * Lanes);
        SampleUpload *first = w->queue()->samples().first();
        QCOMPARE(first->spec().pendingProject, QStringLiteral("Permafrost"));
        QTRY_VERIFY2(first->hold().contains(QStringLiteral("No project \"Permafrost\"")),
                     qPrintable(first->hold()));
        w->startUploads();
        QTest::qWait(500);
        QCOMPARE(m_sandbox.counts().value("init_upload").toInt(), inits);
        for (const SampleUpload *s : w->queue()->samples())
            QCOMPARE(s->state(), SampleUpload::State::Queued);
    }
};

QTEST_MAIN(TestSampleSheetWindow)
#include "tst_ui_samplesheet.moc"
