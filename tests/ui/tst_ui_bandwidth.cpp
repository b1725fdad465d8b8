// The upload limit in the real window: the status bar's toggle turns it on and off at once on
// the engine's limiter (and is remembered), Settings sets the rate and the hours it applies,
// and outside those hours uploads run unlimited.
#include "bandwidthbutton.h"
#include "bandwidthsettingswidget.h"
#include "desktop/appsettings.h"
#include "desktop/bandwidthcontrol.h"
#include "engine/engine.h"
#include "net/apiclient.h"
#include "net/bandwidthlimiter.h"
#include "settingsdialog.h"
#include "upload/networkretry.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTimeEdit>

using namespace SeqDrop;

class TestBandwidthWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;
    SandboxProcess m_sandbox;

    static BandwidthLimiter *limiter(MainWindow *w) {
        return w->services()->engine()->api()->bandwidth();
    }
    // Opens Settings as a user does, lets `change` fill the upload limit group, presses OK.
    static bool changeSettings(MainWindow *w,
                               const std::function<void(BandwidthSettingsWidget *)> &change) {
        bool seen = false;
        QTimer::singleShot(0, w, [&] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            seen = true;
            change(dialog->bandwidthWidget());
            dialog->accept();
        });
        w->actions()->settings->trigger();
        return seen;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(WindowTestSupport::prepare(m_config, m_sandbox, QStringLiteral("SeqDropLimit")),
                 qPrintable(m_sandbox.stderrText()));
    }
    void cleanupTestCase() { m_sandbox.stop(); }

    void statusBarToggleAppliesAtOnce() {
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        auto *button = w->findChild<BandwidthButton *>(QStringLiteral("bandwidthButton"));
        QVERIFY(button && button->isVisibleTo(w.get()));
        QVERIFY(!button->isChecked());
        QCOMPARE(button->text(), QStringLiteral("No upload limit"));
        QCOMPARE(limiter(w.get())->rate(), qint64(0));

        button->click();
        QVERIFY(button->isChecked());
        QCOMPARE(limiter(w.get())->rate(), qint64(10000000)); // the default until one is set
        QCOMPARE(button->text(), QStringLiteral("Uploads limited to 10.0 MB/s"));
        QVERIFY(AppSettings::bandwidth().limited);

        // Remembered: a new window starts limited.
        w.reset();
        w = WindowTestSupport::signedInWindow(m_sandbox);
        QCOMPARE(limiter(w.get())->rate(), qint64(10000000));
        button = w->findChild<BandwidthButton *>(QStringLiteral("bandwidthButton"));
        button->click();
        QCOMPARE(limiter(w.get())->rate(), qint64(0));
        QVERIFY(!AppSettings::bandwidth().limited);
    }

    void settingsSetRateAndHours() {
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        const QTime now = QTime::currentTime();
        // Hours around now: the limit applies (weekends too, so the test runs any day).
        QVERIFY(changeSettings(w.get(), [&](BandwidthSettingsWidget *g) {
            g->limitBox()->setChecked(true);
            g->rateBox()->setValue(2.5);
            g->scheduleBox()->setChecked(true);
            g->fromEdit()->setTime(now.addSecs(-3600));
            g->toEdit()->setTime(now.addSecs(3600));
            g->weekdaysBox()->setChecked(false);
        }));
        QCOMPARE(AppSettings::bandwidth().rate, qint64(2500000));
        QCOMPARE(limiter(w.get())->rate(), qint64(2500000));
        auto *button = w->findChild<BandwidthButton *>(QStringLiteral("bandwidthButton"));
        QVERIFY2(button->text().startsWith(QStringLiteral("Uploads limited to 2.5 MB/s until ")),
                 qPrintable(button->text()));

        // Hours later today: unlimited now, and the bar says until when.
        QVERIFY(changeSettings(w.get(), [&](BandwidthSettingsWidget *g) {
            g->fromEdit()->setTime(now.addSecs(2 * 3600));
            g->toEdit()->setTime(now.addSecs(3 * 3600));
        }));
        QCOMPARE(limiter(w.get())->rate(), qint64(0));
        QVERIFY2(button->text().startsWith(QStringLiteral("No upload limit until ")),
                 qPrintable(button->text()));
        QVERIFY(button->isChecked()); // the limit is on, just not now
    }

    // The same dialog sets how often a sample failed for lack of network goes again by itself.
    void networkRetriesSetting() {
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        QCOMPARE(w->services()->networkRetry()->limit(), NetworkRetry::DefaultLimit);
        bool seen = false;
        QTimer::singleShot(0, w.get(), [&] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *retries = dialog->findChild<QSpinBox *>(QStringLiteral("networkRetries"));
            seen = retries != nullptr;
            if (retries)
                retries->setValue(0);
            dialog->accept();
        });
        w->actions()->settings->trigger();
        QVERIFY(seen);
        QCOMPARE(AppSettings::networkRetries(), 0);
        QCOMPARE(w->services()->networkRetry()->limit(), 0);
    }
};

QTEST_MAIN(TestBandwidthWindow)
#include "tst_ui_bandwidth.moc"
