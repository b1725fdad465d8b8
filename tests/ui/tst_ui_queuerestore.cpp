// The window gives back its queue after a restart or a crash: each test runs a window, ends it
// (destroying it mid-upload is what a crash leaves in the journal), and opens another with the
// same XDG_DATA_HOME against the same real sandbox.
#include "desktop/session.h"
#include "journal/journal.h"
#include "journal/queuerestorer.h"
#include "mainwindow.h"
#include "sampletablemodel.h"
#include "sampletableview.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testsettings.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;
using State = SampleUpload::State;

class TestQueueRestore : public QObject {
    Q_OBJECT

private:
    // The queue comes back from the journal.
    std::unique_ptr<MainWindow> makeWindow(bool signIn = true) {
        return WindowTestSupport::signedInWindow(*m_sandbox, true, signIn);
    }

    SampleUpload *row(MainWindow *w, int i) { return w->model()->sampleAt(i); }
    int count(const char *what) { return m_sandbox->counts().value(QLatin1String(what)).toInt(); }
    QString cell(MainWindow *w, int r, int column) {
        w->model()->flush();
        return w->model()->index(r, column).data().toString();
    }
    // Samples on the server uploaded under this name.
    QJsonArray samplesNamed(const QString &name) {
        QJsonArray out;
        for (const QJsonValue &v : m_sandbox->state().value("samples").toArray())
            if (v.toObject().value("filename").toString() == name)
                out.append(v);
        return out;
    }
    bool uploadAndWait(MainWindow *w, SampleUpload *s) {
        w->startUploads();
        return QTest::qWaitFor([s] { return s->isFinished(); }, 60000);
    }

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dataHome;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<SandboxProcess> m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("SEQDROP_KEYCHAIN", "off");
        qunsetenv("ONE_CODEX_API_KEY");
        QVERIFY(m_config.isValid());
        TestSettings::useFolder(m_config.path());
    }

    void init() {
        m_dataHome = std::make_unique<QTemporaryDir>();
        m_files = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", m_dataHome->path().toLocal8Bit());
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->stderrText()));
    }

    void cleanup() { m_sandbox.reset(); }

    void rowsComeBackWithTheirDescriptionAndState() {
        const QString a = writeFastq(m_files->path(), QStringLiteral("alpha.fastq"), 300);
        const QString b = writeFastq(m_files->path(), QStringLiteral("beta.fastq"), 300, 100, 2);
        const QString c = writeFastq(m_files->path(), QStringLiteral("gamma.fastq"), 300, 100, 3);
        const QString d = writeFastq(m_files->path(), QStringLiteral("delta.fastq"), 300, 100, 4);
        const QString e = writeFastq(m_files->path(), QStringLiteral("eps.fastq"), 300, 100, 5);
        QString alphaId;
        SampleSpec alpha;
        {
            auto w = makeWindow();
            WindowTestSupport::addPaths(&*w, {a});
            alpha = row(w.get(), 0)->spec();
            alpha.tags = QStringList{QStringLiteral("run-7")};
            alpha.projectId = QString::fromLatin1(SandboxProcess::SoilSurveyProjectId);
            alpha.metadata = QJsonObject{{"external_sample_id", "PLATE1"}};
            alpha.uploadName = QStringLiteral("alpha_renamed.fastq");
            QVERIFY(row(w.get(), 0)->setSpec(alpha));
            QVERIFY(uploadAndWait(w.get(), row(w.get(), 0)));
            QCOMPARE(row(w.get(), 0)->state(), State::Confirmed);
            alphaId = row(w.get(), 0)->sampleId();

            QVERIFY(m_sandbox->setFaults({{"fail_api", 4}})); // every attempt of one call
            WindowTestSupport::addPaths(&*w, {b});
            QVERIFY(uploadAndWait(w.get(), row(w.get(), 1)));
            QCOMPARE(row(w.get(), 1)->state(), State::Failed);
            QVERIFY(m_sandbox->setFaults({{"fail_api", 0}}));

            WindowTestSupport::addPaths(
                &*w, {c, d, e}); // the queue paused itself when it finished: these wait
            SampleSpec gamma = row(w.get(), 2)->spec();
            gamma.tags = QStringList{QStringLiteral("waiting")};
            QVERIFY(row(w.get(), 2)->setSpec(gamma));
            w->view()->selectRow(4);
            w->actions()->remove->trigger();
            QCOMPARE(w->model()->rowCount(), 4);
        }
        // delta is rewritten after it was queued: it must never be uploaded.
        QTest::qWait(20); // a modification time that differs even on coarse clocks
        QVERIFY(!writeFastq(m_files->path(), QStringLiteral("delta.fastq"), 301, 100, 4).isEmpty());
        const int initsBefore = count("init_upload");

        {
            auto w = makeWindow();
            QCOMPARE(w->model()->rowCount(), 4); // removed "eps" stays removed
            SampleUpload *ra = row(w.get(), 0);
            QCOMPARE(ra->state(), State::Confirmed);
            QCOMPARE(ra->sampleId(), alphaId);
            QCOMPARE(ra->spec().tags, alpha.tags);
            QCOMPARE(ra->spec().projectId, alpha.projectId);
            QCOMPARE(ra->spec().metadata, alpha.metadata);
            QCOMPARE(ra->spec().uploadName, alpha.uploadName);
            QCOMPARE(cell(w.get(), 0, SampleTableModel::SampleIdColumn), alphaId);
            QCOMPARE(cell(w.get(), 0, SampleTableModel::StatusColumn), QStringLiteral("Uploaded"));
            QCOMPARE(w->model()
                         ->index(0, SampleTableModel::ProgressColumn)
                         .data(SampleTableModel::ProgressRole)
                         .toInt(),
                     100);

            SampleUpload *rb = row(w.get(), 1);
            QCOMPARE(rb->state(), State::Failed);
            QVERIFY2(rb->error().message.contains(QStringLiteral("temporarily unavailable")),
                     qPrintable(rb->error().message));
            QVERIFY(!rb->error().detail.isEmpty());

            SampleUpload *rc = row(w.get(), 2);
            QCOMPARE(rc->state(), State::Queued);
            QCOMPARE(rc->spec().tags, QStringList{QStringLiteral("waiting")});
            QVERIFY(rc->spec().file.endsWith(QStringLiteral("gamma.fastq")));

            SampleUpload *rd = row(w.get(), 3);
            QCOMPARE(rd->state(), State::Failed);
            QVERIFY2(rd->error().message.contains(QStringLiteral("changed since it was added")),
                     qPrintable(rd->error().message));
            QVERIFY(cell(w.get(), 3, SampleTableModel::StatusColumn)
                        .contains(QStringLiteral("changed")));

            // Start uploads what waits, and only that.
            QVERIFY(uploadAndWait(w.get(), rc));
            QCOMPARE(rc->state(), State::Confirmed);
            QCOMPARE(count("init_upload"), initsBefore + 1);
            QCOMPARE(ra->sampleId(), alphaId);
            // Retrying the changed file still does not send it.
            w->view()->selectRow(3);
            w->actions()->retry->trigger();
            QTRY_COMPARE(rd->state(), State::Failed);
            QCOMPARE(count("init_upload"), initsBefore + 1);
            QCOMPARE(samplesNamed(QStringLiteral("delta.fastq")).size(), 0);

            // Clearing the uploaded rows clears them from what comes back too.
            QVERIFY(w->actions()->clearUploaded->isEnabled());
            w->actions()->clearUploaded->trigger();
            QCOMPARE(w->model()->rowCount(), 2);
        }
        auto w = makeWindow();
        QCOMPARE(w->model()->rowCount(), 2);
        QVERIFY(row(w.get(), 0)->spec().file.endsWith(QStringLiteral("beta.fastq")));
        QVERIFY(row(w.get(), 1)->spec().file.endsWith(QStringLiteral("delta.fastq")));
        QCOMPARE(row(w.get(), 1)->state(), State::Failed);

        // Help > Save Diagnostics… sums the journal up, without the key.
        const QString path = m_files->filePath(QStringLiteral("diagnostics.txt"));
        QCOMPARE(w->saveDiagnosticsTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("gui: 2 sample(s): 2 failed")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("delta.fastq | failed")));
        QVERIFY(!text.contains(m_sandbox->apiKey()));
    }

    void heldRowRemovedIsStillTidiedUp() {
        const QString f = writeFastq(m_files->path(), QStringLiteral("dropped.fastq"), 300);
        {
            auto w = makeWindow(false);
            WindowTestSupport::addPaths(&*w, {f});
        }
        // The run stopped with a sample started on the server for it.
        const QJsonObject started =
            m_sandbox->postJson(QStringLiteral("/api/v1/samples/init_upload"),
                                {{"filename", "dropped.fastq"}, {"size", QFileInfo(f).size()}});
        const QString id = started.value("sample_id").toString();
        QVERIFY(!id.isEmpty());
        {
            Journal journal;
            QVERIFY(journal.open());
            const qint64 entry = journal.entries(QStringLiteral("gui")).value(0).id;
            QVERIFY(journal.update(entry, SampleUpload::State::Uploading, id));
            QVERIFY(journal.setApiUrl(entry, m_sandbox->baseUrl().toString()));
        }
        {
            auto w = makeWindow(false);
            QVERIFY(row(w.get(), 0)->isAwaitingTidyUp());
            w->view()->selectRow(0);
            w->actions()->remove->trigger(); // before SeqDrop could tidy up
            QCOMPARE(w->model()->rowCount(), 0);
            QSignalSpy tidied(w->restorer(), &QueueRestorer::tidiedUp);
            w->session()->signIn(m_sandbox->apiKey(), QStringLiteral("test@sandbox"));
            QVERIFY(tidied.wait(30000));
            QCOMPARE(m_sandbox->sample(id).value("status").toString(), QStringLiteral("deleted"));
        }
        auto w = makeWindow();
        QCOMPARE(w->model()->rowCount(), 0);
    }

    void interruptedSampleIsCancelledOnceThenUploadedOnce() {
        const QString f = writeFastq(m_files->path(), QStringLiteral("crash.fastq"), 20000);
        QVERIFY(m_sandbox->setFaults({{"stall_uploads", 1}, {"stall_seconds", 8}}));
        QString oldId;
        {
            auto w = makeWindow();
            WindowTestSupport::addPaths(&*w, {f});
            w->startUploads();
            SampleUpload *s = row(w.get(), 0);
            QTRY_VERIFY_WITH_TIMEOUT(s->state() == State::Uploading && count("storage_posts") == 1,
                                     30000);
            oldId = s->sampleId();
            // The window ends without cancelling anything, as a crash or a power cut would.
        }
        QCOMPARE(m_sandbox->sample(oldId).value("status").toString(),
                 QStringLiteral("awaiting_data"));
        const int cancelsBefore = count("cancel_upload");
        const int initsBefore = count("init_upload");

        auto w = makeWindow(false);
        QCOMPARE(w->model()->rowCount(), 1);
        SampleUpload *s = row(w.get(), 0);
        QCOMPARE(s->state(), State::Queued);
        QVERIFY(s->isAwaitingTidyUp());
        QVERIFY(
            cell(w.get(), 0, SampleTableModel::StatusColumn).contains(QStringLiteral("tidied up")));
        QCOMPARE(w->restorer()->heldCount(), 1);
        QTest::qWait(300);
        QCOMPARE(count("cancel_upload"), cancelsBefore); // not signed in: nothing asked yet

        QSignalSpy tidied(w->restorer(), &QueueRestorer::tidiedUp);
        w->session()->signIn(m_sandbox->apiKey(), QStringLiteral("test@sandbox"));
        QVERIFY(tidied.wait(30000));
        QVERIFY(!s->isAwaitingTidyUp());
        QCOMPARE(s->state(), State::Queued);
        QCOMPARE(count("cancel_upload"), cancelsBefore + 1);
        QCOMPARE(m_sandbox->sample(oldId).value("status").toString(), QStringLiteral("deleted"));

        QVERIFY(uploadAndWait(w.get(), s));
        QCOMPARE(s->state(), State::Confirmed);
        QVERIFY(s->sampleId() != oldId);
        QCOMPARE(count("init_upload"), initsBefore + 1);
        const QJsonArray named = samplesNamed(QStringLiteral("crash.fastq"));
        int available = 0;
        for (const QJsonValue &v : named)
            available += v.toObject().value("status").toString() == QLatin1String("available");
        QCOMPARE(available, 1);
        QCOMPARE(m_sandbox->sample(s->sampleId())
                     .value("r1")
                     .toObject()
                     .value("md5")
                     .toString()
                     .toLatin1(),
                 md5OfFile(f));
        const QString newId = s->sampleId();
        w.reset();

        // Once more: the settled sample comes back done, and nothing is cancelled again.
        auto again = makeWindow();
        QCOMPARE(row(again.get(), 0)->state(), State::Confirmed);
        QCOMPARE(row(again.get(), 0)->sampleId(), newId);
        QTest::qWait(300);
        QCOMPARE(count("cancel_upload"), cancelsBefore + 1);
        QCOMPARE(count("init_upload"), initsBefore + 1);
    }

    void confirmedBeforeTheCrashIsNotSentAgain() {
        const QString g = writeFastq(m_files->path(), QStringLiteral("lost.fastq"), 300);
        QString id;
        {
            auto w = makeWindow();
            WindowTestSupport::addPaths(&*w, {g});
            QVERIFY(uploadAndWait(w.get(), row(w.get(), 0)));
            id = row(w.get(), 0)->sampleId();
        }
        {
            // As if the run died after confirm_upload was sent but before its answer arrived.
            Journal journal;
            QVERIFY(journal.open());
            const QList<Journal::Entry> entries = journal.entries(QStringLiteral("gui"));
            QCOMPARE(entries.size(), 1);
            QVERIFY(journal.update(entries.first().id, SampleUpload::State::Confirming, id));
        }
        const int initsBefore = count("init_upload");
        auto w = makeWindow();
        QTRY_COMPARE_WITH_TIMEOUT(row(w.get(), 0)->state(), State::Confirmed, 30000);
        QCOMPARE(row(w.get(), 0)->sampleId(), id);
        QVERIFY(!row(w.get(), 0)->isAwaitingTidyUp());
        w->startUploads();
        QTest::qWait(500);
        QCOMPARE(count("init_upload"), initsBefore);
        QCOMPARE(m_sandbox->sample(id).value("status").toString(), QStringLiteral("available"));
    }

    void interruptedOnAnotherServerComesBackFailed() {
        const QString g = writeFastq(m_files->path(), QStringLiteral("elsewhere.fastq"), 300);
        {
            auto w = makeWindow();
            WindowTestSupport::addPaths(&*w, {g});
        }
        {
            // Interrupted while uploading to a sandbox that is gone now.
            Journal journal;
            QVERIFY(journal.open());
            const qint64 id = journal.entries(QStringLiteral("gui")).value(0).id;
            QVERIFY(journal.update(id, SampleUpload::State::Uploading,
                                   QStringLiteral("0123456789abcdef")));
            QVERIFY(journal.setApiUrl(id, QStringLiteral("http://127.0.0.1:1")));
        }
        const int cancelsBefore = count("cancel_upload");
        const int initsBefore = count("init_upload");
        auto w = makeWindow();
        SampleUpload *s = row(w.get(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), State::Failed, 10000);
        QVERIFY2(s->error().message.contains(QStringLiteral("http://127.0.0.1:1")),
                 qPrintable(s->error().message));
        QCOMPARE(count("cancel_upload"), cancelsBefore); // nothing asked of this server
        w->view()->selectRow(0);
        w->actions()->retry->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), State::Confirmed, 60000);
        QCOMPARE(count("init_upload"), initsBefore + 1);
    }

    void cliRunsStayWithTheCli() {
        const QString h = writeFastq(m_files->path(), QStringLiteral("bycli.fastq"), 300);
        auto runCli = [this, &h] {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ONE_CODEX_API_KEY"), m_sandbox->apiKey());
            env.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome->path());
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(SEQDROP_CLI_BIN),
                    {QStringLiteral("upload"), QStringLiteral("--api-url"),
                     m_sandbox->baseUrl().toString(), h});
            p.waitForFinished(60000);
            return QString::fromLocal8Bit(p.readAllStandardOutput());
        };
        QVERIFY(runCli().contains(QStringLiteral("confirmed")));
        {
            // The CLI's journal entry is not the window's to restore.
            auto w = makeWindow();
            QCOMPARE(w->model()->rowCount(), 0);
            WindowTestSupport::addPaths(&*w, {h});
            QVERIFY(uploadAndWait(w.get(), row(w.get(), 0)));
            QCOMPARE(row(w.get(), 0)->state(), State::Confirmed);
        }
        // Nor is the window's the CLI's: it still knows its own run, and only that one.
        QVERIFY(runCli().contains(QStringLiteral("already confirmed")));
        QCOMPARE(samplesNamed(QStringLiteral("bycli.fastq")).size(), 2);
    }
};

QTEST_MAIN(TestQueueRestore)
#include "tst_ui_queuerestore.moc"
