// The window on the multipart route: Settings > Advanced reaches the engine, and a window
// destroyed mid-upload (as a crash leaves it: nothing aborted, nothing cancelled, the journal
// keeping the resume point) is followed by one that says "resuming at N%" and goes on from the
// last stored part. The real window against a real sandbox run with small parts, over loopback.
#include "desktop/appsettings.h"
#include "desktop/session.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "net/apiclient.h"
#include "net/transfersettings.h"
#include "sampletablemodel.h"
#include "sandboxledger.h"
#include "sandboxprocess.h"
#include "settingsdialog.h"
#include "testfiles.h"
#include "testsettings.h"
#include "upload/sampleupload.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace SeqDrop;
using State = SampleUpload::State;
using Route = TransferSettings::Route;
using WindowTestSupport::cell;

namespace {
constexpr qint64 PartSize = 64 * 1024; // the sandbox runs with --min-part-size 65536
} // namespace

class TestMultipartRestore : public QObject {
    Q_OBJECT

private:
    // The queue comes back from the journal.
    std::unique_ptr<MainWindow> makeWindow() {
        return WindowTestSupport::signedInWindow(*m_sandbox, true);
    }
    static ApiClient *api(MainWindow *w) { return w->services()->engine()->api(); }
    QJsonObject counts() { return m_sandbox->counts(); }
    int count(const char *what) { return counts().value(QLatin1String(what)).toInt(); }
    QString statusTip(MainWindow *w) {
        return cell(w, 0, SampleTableModel::StatusColumn, Qt::ToolTipRole);
    }

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dataHome;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<SandboxProcess> m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("SEQDROP_KEYCHAIN", "off");
        qputenv("SEQDROP_PART_SIZE", QByteArray::number(PartSize));
        qunsetenv("ONE_CODEX_API_KEY");
        QVERIFY(m_config.isValid());
        TestSettings::useFolder(m_config.path());
    }

    void init() {
        m_dataHome = std::make_unique<QTemporaryDir>();
        m_files = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", m_dataHome->path().toLocal8Bit());
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--min-part-size"), QString::number(PartSize)});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->stderrText()));
    }

    void cleanup() { m_sandbox.reset(); }

    void advancedSettingsReachTheEngine() {
        auto w = makeWindow();
        // The defaults: auto, 4 parts in flight; the part size the environment set stays.
        QCOMPARE(AppSettings::uploadRoute(), Route::Auto);
        QCOMPARE(AppSettings::partsInFlight(), 4);
        QCOMPARE(api(w.get())->transferSettings().route, Route::Auto);
        QCOMPARE(api(w.get())->transferSettings().partsInFlight, 4);
        QCOMPARE(api(w.get())->transferSettings().partSize, PartSize);

        // Settings, changed through the dialog as a user would; the server stays the sandbox.
        AppSettings::setServerUrl(m_sandbox->baseUrl());
        QString routeTip;
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *route = dialog->findChild<QComboBox *>(QStringLiteral("uploadRoute"));
            auto *parts = dialog->findChild<QSpinBox *>(QStringLiteral("partsInFlight"));
            if (!route || !parts) {
                dialog->reject();
                return;
            }
            seen = true;
            QCOMPARE(route->currentData().toString(), QStringLiteral("auto"));
            QCOMPARE(parts->minimum(), 1);
            QCOMPARE(parts->maximum(), 32);
            routeTip = route->toolTip();
            route->setCurrentIndex(route->findData(QStringLiteral("multipart")));
            parts->setValue(3);
            dialog->accept();
        });
        w->actions()->settings->trigger();
        QVERIFY(seen);
        QVERIFY2(routeTip.contains(QStringLiteral("5 GiB")), qPrintable(routeTip));
        QCOMPARE(AppSettings::uploadRoute(), Route::Multipart);
        QCOMPARE(AppSettings::partsInFlight(), 3);
        QCOMPARE(api(w.get())->transferSettings().route, Route::Multipart);
        QCOMPARE(api(w.get())->transferSettings().partsInFlight, 3);
        QCOMPARE(api(w.get())->transferSettings().partSize, PartSize);
        QVERIFY(w->session()->canUpload());
        w.reset();

        // A new window starts with them.
        auto again = makeWindow();
        QCOMPARE(api(again.get())->transferSettings().route, Route::Multipart);
        QCOMPARE(api(again.get())->transferSettings().partsInFlight, 3);
        AppSettings::setUploadRoute(Route::Auto);
        AppSettings::setPartsInFlight(4);
        AppSettings::setServerUrl({});
    }

    void destroyedMidUploadResumesFromItsLastPart() {
        constexpr int InFlight = 4;
        AppSettings::setUploadRoute(Route::Multipart);
        AppSettings::setPartsInFlight(InFlight);
        QVERIFY(m_sandbox->setFaults({{"upload_kbps", 800}})); // slow enough to be caught mid-way
        const QString file =
            writeFastq(m_files->path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 5000);
        const qint64 parts = (QFileInfo(file).size() + PartSize - 1) / PartSize; // ~1 MiB: 17
        QString sampleId;
        int storedAtDestroy = 0;
        {
            auto w = makeWindow();
            WindowTestSupport::addPaths(&*w, {file});
            SampleUpload *s = w->model()->sampleAt(0);
            QVERIFY(s);
            w->startUploads();
            QTRY_VERIFY_WITH_TIMEOUT(s->partsStored() >= 5, 60000);
            QCOMPARE(s->state(), State::Uploading);
            QCOMPARE(s->routeName(), QStringLiteral("multipart"));
            QCOMPARE(s->partsTotal(), int(parts));
            const QString tip = statusTip(w.get());
            QVERIFY2(tip.contains(QStringLiteral("multipart — chosen in the settings")),
                     qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("Parts stored: ")), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral(" / %1").arg(parts)), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("Resumable")), qPrintable(tip));
            // One line, however much the tooltip says.
            QVERIFY(!cell(w.get(), 0, SampleTableModel::StatusColumn).contains(QLatin1Char('\n')));
            sampleId = s->sampleId();
            storedAtDestroy = s->partsStored();
            // The window ends as a crash or a power cut ends it: nothing cancelled or aborted.
        }
        QCOMPARE(count("open_multipart_uploads"), 1);
        QCOMPARE(count("abort_multipart_upload"), 0);
        QCOMPARE(count("cancel_upload"), 0);
        QCOMPARE(m_sandbox->sample(sampleId).value("status").toString(),
                 QStringLiteral("awaiting_data"));
        QVERIFY(m_sandbox->setFaults({{"upload_kbps", 0}}));
        const int initsBefore = count("init_multipart_upload");

        auto w = makeWindow();
        QCOMPARE(w->model()->rowCount(), 1);
        SampleUpload *s = w->model()->sampleAt(0);
        QCOMPARE(s->state(), State::Queued);
        QVERIFY(!s->isAwaitingTidyUp()); // resumed, not cancelled and started over
        QCOMPARE(s->sampleId(), sampleId);
        const int percent = s->resumedPercent();
        QVERIFY2(percent >= 25 && percent < 100, qPrintable(QString::number(percent)));
        const QString status = cell(w.get(), 0, SampleTableModel::StatusColumn);
        QVERIFY2(status.contains(QStringLiteral("resuming at %1%").arg(percent)),
                 qPrintable(status));
        QCOMPARE(w->model()
                     ->index(0, SampleTableModel::ProgressColumn)
                     .data(SampleTableModel::ProgressRole)
                     .toInt(),
                 percent);
        const QString tip = statusTip(w.get());
        QVERIFY2(tip.contains(QStringLiteral("Parts stored: ")) &&
                     tip.contains(QStringLiteral(" / %1").arg(parts)) &&
                     tip.contains(QStringLiteral("Resumable")),
                 qPrintable(tip));
        QTest::qWait(300);
        QCOMPARE(count("cancel_upload"), 0); // signed in: still nothing tidied away

        w->startUploads();
        QTRY_VERIFY_WITH_TIMEOUT(s->state() != State::Queued, 10000);
        QVERIFY(!cell(w.get(), 0, SampleTableModel::StatusColumn)
                     .contains(QStringLiteral("resuming at")));
        QTRY_VERIFY_WITH_TIMEOUT(s->isFinished(), 60000);
        QVERIFY2(s->state() == State::Confirmed, qPrintable(s->error().toString()));
        QCOMPARE(s->sampleId(), sampleId);
        QCOMPARE(count("init_multipart_upload"), initsBefore); // the same sample, not a new one

        // The ledger: every part stored once, at most the parts in flight sent twice, one
        // callback, nothing left open, the stored bytes the file's.
        const QJsonObject state = m_sandbox->state();
        const QJsonArray uploads = state.value("multipart").toArray();
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(uploads.first().toObject().value("state").toString(), QStringLiteral("completed"));
        const QJsonArray stored = uploads.first().toObject().value("parts").toArray();
        QCOMPARE(stored.size(), int(parts));
        int twice = 0;
        for (const QJsonValue &p : stored) {
            const int times = p.toObject().value("times_received").toInt();
            QVERIFY2(times >= 1 && times <= 2, qPrintable(QString::number(times)));
            twice += times - 1;
        }
        QVERIFY2(twice <= InFlight, qPrintable(QStringLiteral("%1 parts sent twice").arg(twice)));
        QCOMPARE(m_sandbox->sample(sampleId).value("callbacks").toInt(), 1);
        QCOMPARE(state.value("counts").toObject().value("open_multipart_uploads").toInt(), 0);
        QCOMPARE(
            m_sandbox->sample(sampleId).value("r1").toObject().value("md5").toString().toLatin1(),
            md5OfFile(file));
        SandboxLedger ledger;
        ledger.add({file, QString(), QString(), SampleUpload::stateName(s->state()), s->sampleId(),
                    s->error().toString()});
        const QString problems = ledger.check(state).join(QLatin1Char('\n'));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(storedAtDestroy >= 5);
        AppSettings::setUploadRoute(Route::Auto);
    }
};

QTEST_MAIN(TestMultipartRestore)
#include "tst_ui_multipartrestore.moc"
