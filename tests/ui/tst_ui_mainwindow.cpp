// Drives the real main window against a real sandbox with real files: drop a run folder,
// describe a multi-selection, upload, fail, retry.
#include "customfieldseditor.h"
#include "desktop/appsettings.h"
#include "desktop/session.h"
#include "mainwindow.h"
#include "net/apiclient.h"
#include "noticebar.h"
#include "queuestatuswidget.h"
#include "sampleeditorpanel.h"
#include "sampletablemodel.h"
#include "sandboxprocess.h"
#include "tageditor.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include "sampletableview.h"
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;
using WindowTestSupport::cell;

class TestMainWindow : public WindowTestSupport::WindowTest {
    Q_OBJECT
public:
    TestMainWindow()
        : WindowTest(QStringLiteral("SeqDropTest")) {}

private:
    static void drop(QWidget *target, const QStringList &paths) {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &p : paths)
            urls << QUrl::fromLocalFile(p);
        mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                             Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        // The window takes the paths in from its event loop.
        if (auto *w = qobject_cast<MainWindow *>(target))
            QTRY_VERIFY(!w->isTakingIn());
    }

    static bool allIn(UploadQueue *q, SampleUpload::State state) {
        for (const SampleUpload *s : q->samples())
            if (s->state() != state)
                return false;
        return !q->samples().isEmpty();
    }

private Q_SLOTS:
    void dropFolderGivesSamplesAndSkippedNotice() {
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("run42"));
        QVERIFY(QDir().mkpath(run + QStringLiteral("/lane1")));
        QVERIFY(!writeFastq(run + QStringLiteral("/lane1"), QStringLiteral("S1_R1_001.fastq"), 50)
                     .isEmpty());
        QVERIFY(!writeFastq(run + QStringLiteral("/lane1"), QStringLiteral("S1_R2_001.fastq"), 50,
                            100, 2)
                     .isEmpty());
        QVERIFY(
            !writeGzip(run + QStringLiteral("/single.fq.gz"), TestFiles::fastqText(20)).isEmpty());
        QFile notes(run + QStringLiteral("/SampleSheet.xlsx"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a sequence");
        notes.close();

        auto w = makeWindow();
        drop(w.get(), {run});
        QCOMPARE(w->model()->rowCount(), 2);
        int pairs = 0;
        for (const SampleUpload *s : w->queue()->samples())
            pairs += s->spec().isPair() ? 1 : 0;
        QCOMPARE(pairs, 1);
        QVERIFY(w->noticeBar()->isVisible());
        QVERIFY2(w->noticeBar()->text().contains(QStringLiteral("SampleSheet.xlsx")),
                 qPrintable(w->noticeBar()->text()));
        QVERIFY(w->noticeBar()->text().contains(QStringLiteral("Skipped 1 file")));
        QCOMPARE(w->noticeBar()->details().count(QLatin1Char('\n')),
                 0); // exactly one skipped entry
        QCOMPARE(cell(w.get(), 0, SampleTableModel::NameColumn), QStringLiteral("S1"));

        // The same folder again: refused, with a notice, no new rows.
        drop(w.get(), {run});
        QCOMPARE(w->model()->rowCount(), 2);
        QVERIFY(w->noticeBar()->text().contains(QStringLiteral("already in the list")));

        // Split the pair, then pair the two files again by hand.
        w->view()->selectRow(0);
        w->actions()->split->trigger();
        QCOMPARE(w->model()->rowCount(), 3);
        w->view()->clearSelection();
        w->view()->selectSamples({w->model()->sampleAt(0), w->model()->sampleAt(2)});
        QVERIFY(w->actions()->pair->isEnabled());
        w->actions()->pair->trigger();
        QCOMPARE(w->model()->rowCount(), 2);
        QVERIFY(w->queue()->samples().first()->spec().isPair());
        QVERIFY(w->queue()->samples().first()->spec().pairedFile.endsWith(
            QStringLiteral("S1_R2_001.fastq")));

        // Mark the single file interleaved.
        w->view()->selectRow(1);
        w->actions()->interleaved->trigger();
        QVERIFY(w->queue()->samples().at(1)->spec().interleaved);
    }

    void describeMultiSelectionReachesInitUpload() {
        QTemporaryDir dir;
        const QString a = writeFastq(dir.path(), QStringLiteral("alpha.fastq"), 30);
        const QString b = writeFastq(dir.path(), QStringLiteral("beta.fastq"), 30, 100, 3);
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {a, b});
        QCOMPARE(w->model()->rowCount(), 2);
        w->view()->selectAll();
        SampleEditorPanel *panel = w->editor();
        // Projects and tags arrive from the sandbox.
        QTRY_VERIFY(panel->projectCombo()->findData(
                        QString::fromLatin1(SandboxProcess::SoilSurveyProjectId)) > 0);

        QLineEdit *tag = panel->tagEditor()->input();
        QTest::keyClicks(tag, QStringLiteral("run-42"));
        QTest::keyClick(tag, Qt::Key_Return);
        // The 30-character limit holds while typing.
        QTest::keyClicks(tag, QString(35, QLatin1Char('x')));
        QCOMPARE(tag->text().size(), 30);
        tag->clear();
        QCOMPARE(panel->tagEditor()->tags(), QStringList{QStringLiteral("run-42")});

        QComboBox *project = panel->projectCombo();
        const int soil =
            project->findData(QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
        project->setCurrentIndex(soil);
        Q_EMIT project->activated(soil);

        QTest::keyClicks(panel->lineField(QStringLiteral("external_sample_id")),
                         QStringLiteral("PLATE7"));
        QLineEdit *lat = panel->lineField(QStringLiteral("location_lat"));
        QTest::keyClicks(lat, QStringLiteral("95"));
        // Flagged in place, and Apply refuses.
        auto *latError = panel->findChild<QLabel *>(QStringLiteral("error_location_lat"));
        QVERIFY(latError && latError->isVisibleTo(panel));
        QVERIFY(!panel->problem().isEmpty());
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
        lat->clear();
        QTest::keyClicks(lat, QStringLiteral("42.36"));
        QVERIFY(!latError->isVisibleTo(panel));
        QComboBox *library = panel->comboField(QStringLiteral("library_type"));
        library->setCurrentIndex(library->findText(QStringLiteral("WGS")));
        Q_EMIT library->activated(library->currentIndex());
        panel->dateField(QStringLiteral("date_collected"))->setDate(QDate(2026, 11, 2));
        QTableWidget *custom = panel->customFields()->table();
        custom->insertRow(0);
        custom->setItem(0, 0, new QTableWidgetItem(QStringLiteral("well")));
        custom->setItem(0, 1, new QTableWidgetItem(QStringLiteral("B07")));

        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
        QCOMPARE(panel->apply(), 2);

        w->startUploads();
        QTRY_VERIFY_WITH_TIMEOUT(allIn(w->queue(), SampleUpload::State::Confirmed), 30000);
        for (const SampleUpload *s : w->queue()->samples()) {
            const QJsonObject state = m_sandbox.sample(s->sampleId());
            QCOMPARE(state.value("project_id").toString(),
                     QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
            QCOMPARE(state.value("tag_ids").toArray().size(), 1);
            const QJsonObject md = state.value("metadata").toObject();
            QCOMPARE(md.value("external_sample_id").toString(), QStringLiteral("PLATE7"));
            QCOMPARE(md.value("location_lat").toDouble(), 42.36);
            QCOMPARE(md.value("library_type").toString(), QStringLiteral("WGS"));
            QVERIFY(md.value("date_collected").toString().startsWith(QStringLiteral("2026-11-02")));
            QCOMPARE(md.value("custom").toObject().value("well").toString(), QStringLiteral("B07"));
        }
        // The tag id the samples carry is the tag named as typed.
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        api.setBaseUrl(m_sandbox.baseUrl());
        api.setApiKey(m_sandbox.apiKey());
        std::unique_ptr<ApiJob> job(api.tags());
        QSignalSpy done(job.get(), &NetworkJob::finished);
        job->start();
        QVERIFY(done.wait(10000));
        const QString tagId = m_sandbox.sample(w->queue()->samples().first()->sampleId())
                                  .value("tag_ids")
                                  .toArray()
                                  .first()
                                  .toString();
        bool found = false;
        for (const QJsonValue &t : job->json().array())
            found |= t.toObject().value("name").toString() == QStringLiteral("run-42") &&
                     t.toObject().value("$uri").toString().endsWith(tagId);
        QVERIFY2(found, job->json().toJson().constData());
    }

    void badFileFailsOnItsRowWhileUploading() {
        QTemporaryDir dir;
        QByteArray text = TestFiles::fastqText(5000);
        text.chop(30); // the last record's quality line is cut short
        QFile file(dir.filePath(QStringLiteral("truncated.fastq")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {file.fileName()});
        w->actions()->start->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(allIn(w->queue(), SampleUpload::State::Failed), 60000);
        w->model()->flush();
        const QString status = cell(w.get(), 0, SampleTableModel::StatusColumn);
        QVERIFY2(status.contains(QStringLiteral("record 5,000")), qPrintable(status));
        const QString id = w->model()->sampleAt(0)->sampleId();
        QCOMPARE(m_sandbox.sample(id).value("status").toString(), QStringLiteral("deleted"));
    }

    void fullUploadReaches100AndShowsIds() {
        QTemporaryDir dir;
        const QString big = writeFastq(dir.path(), QStringLiteral("big.fastq"), 30000,
                                       120); // ~8 MB, valid: the window validates as it sends
        const QString r1 = writeFastq(dir.path(), QStringLiteral("p_R1.fq"), 200);
        const QString r2 = writeFastq(dir.path(), QStringLiteral("p_R2.fq"), 200, 100, 5);
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {big, r1, r2});
        QCOMPARE(w->model()->rowCount(), 2);
        w->actions()->start->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(allIn(w->queue(), SampleUpload::State::Confirmed), 60000);
        w->model()->flush();
        for (int row = 0; row < w->model()->rowCount(); ++row) {
            const QModelIndex progress = w->model()->index(row, SampleTableModel::ProgressColumn);
            QCOMPARE(progress.data(SampleTableModel::ProgressRole).toInt(), 100);
            const QString id = cell(w.get(), row, SampleTableModel::SampleIdColumn);
            QVERIFY(!id.isEmpty());
            QCOMPARE(id, w->model()->sampleAt(row)->sampleId());
            QCOMPARE(m_sandbox.sample(id).value("status").toString(), QStringLiteral("available"));
            QCOMPARE(cell(w.get(), row, SampleTableModel::StatusColumn),
                     QStringLiteral("Uploaded"));
        }
        w->queueStatus()->refresh();
        QVERIFY2(w->queueStatus()->text().contains(QStringLiteral("2 uploaded")),
                 qPrintable(w->queueStatus()->text()));
        QTRY_VERIFY2(w->lastSummary().contains(QStringLiteral("2 sample(s) uploaded")),
                     qPrintable(w->lastSummary()));
        // Nothing new starts by itself after the queue finished (auto-start is off).
        QVERIFY(w->queue()->isPaused());
    }

    void failureShowsOnRowThenRetrySucceeds() {
        QTemporaryDir dir;
        const QString file =
            writeFastq(dir.path(), QStringLiteral("cut.fastq"), 8000, 120); // ~2 MB
        // The form route by choice: on the automatic route a form POST out of connection
        // retries falls back to the multipart route (tst_multipartroute).
        AppSettings::setUploadRoute(TransferSettings::Route::Form);
        auto w = makeWindow();
        QVERIFY(m_sandbox.setFaults(QJsonObject{{"cut_uploads", 10}}));
        WindowTestSupport::addPaths(&*w, {file});
        w->startUploads();
        SampleUpload *s = w->queue()->samples().first();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), SampleUpload::State::Failed, 60000);
        const QString status = cell(w.get(), 0, SampleTableModel::StatusColumn);
        QVERIFY2(status.contains(s->error().message), qPrintable(status));
        QVERIFY(!s->error().message.isEmpty());
        const QString tip =
            w->model()->index(0, SampleTableModel::StatusColumn).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(s->error().detail));
        w->view()->selectRow(0);
        QVERIFY(w->actions()->errorDetails->isEnabled());
        QVERIFY(w->actions()->retry->isEnabled());

        QVERIFY(m_sandbox.setFaults(QJsonObject{{"cut_uploads", 0}}));
        w->actions()->retry->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), SampleUpload::State::Confirmed, 60000);
        QVERIFY(!cell(w.get(), 0, SampleTableModel::SampleIdColumn).isEmpty());
        AppSettings::setUploadRoute(TransferSettings::Route::Auto);
    }

    void removeAndCancel() {
        QTemporaryDir dir;
        const QString a = writeFastq(dir.path(), QStringLiteral("one.fastq"), 10);
        const QString b = writeFastq(dir.path(), QStringLiteral("two.fastq"), 10, 100, 9);
        auto w = makeWindow();
        WindowTestSupport::addPaths(&*w, {a, b});
        w->view()->selectRow(0);
        w->actions()->cancel->trigger();
        QCOMPARE(w->queue()->samples().first()->state(), SampleUpload::State::Cancelled);
        w->view()->selectRow(0);
        w->actions()->remove->trigger();
        QCOMPARE(w->model()->rowCount(), 1);
        QVERIFY(w->model()->sampleAt(0)->spec().file.endsWith(QStringLiteral("two.fastq")));
    }

    void settingsAndGeometryPersistButNeverTheKey() {
        {
            auto w = makeWindow();
            w->resize(1000, 640);
            w->close();
        }
        QSettings settings;
        settings.sync();
        QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_sandbox.apiKey().toUtf8()));

        MainWindow::Options options;
        options.restoreSession = false;
        const auto again = WindowTestSupport::window(options);
        QCOMPARE(again->size(), QSize(1000, 640));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_ui_mainwindow.moc"
