// Settings > Proxy in the real window: a manual proxy chosen in the dialog carries the window's
// uploads (API and storage) with its password, which is kept out of the settings file.
#include "desktop/proxysetup.h"
#include "desktop/session.h"
#include "mainwindow.h"
#include "net/apiclient.h"
#include "proxysettingswidget.h"
#include "sampletablemodel.h"
#include "sandboxprocess.h"
#include "settingsdialog.h"
#include "testfiles.h"
#include "testproxyserver.h"
#include "testsettings.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowtestsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;
using State = SampleUpload::State;

namespace {

const QByteArray User = "lab";
const QByteArray Password = "window-proxy-pass-51d2";

} // namespace

class TestProxySettings : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> makeWindow() {
        MainWindow::Options options;
        options.restoreSession = false;
        auto w = WindowTestSupport::window(options);
        w->session()->setServerUrl(m_sandbox.baseUrl());
        w->session()->signIn(m_sandbox.apiKey(), QStringLiteral("test@sandbox"));
        return w;
    }

    static void choose(ProxySettingsWidget *p, ProxySettings::Mode mode) {
        p->modeCombo()->setCurrentIndex(p->modeCombo()->findData(int(mode)));
    }

    bool upload(MainWindow *w, const QString &name) {
        WindowTestSupport::addPaths(&*w, {writeFastq(m_dir.path(), name, 200)});
        SampleUpload *s = w->queue()->samples().last();
        w->startUploads();
        return QTest::qWaitFor([s] { return s->isFinished(); }, 60000) &&
               s->state() == State::Confirmed;
    }

    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("SEQDROP_KEYCHAIN", "off"); // the password then lives in memory for the run
        QVERIFY(m_config.isValid());
        TestSettings::useFolder(m_config.path());
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.stderrText()));
    }

    void manualProxyCarriesUploadsAndKeepsItsPasswordSecret() {
        TestProxyServer proxy(TestProxyServer::Kind::Http, User, Password);
        QVERIFY(proxy.listen());
        auto w = makeWindow();
        {
            SettingsDialog dialog(w.get(), w->proxySetup());
            ProxySettingsWidget *p = dialog.proxyWidget();
            QVERIFY(p);
            QVERIFY(!p->hostField()->isEnabled()); // the system's proxy by default
            choose(p, ProxySettings::Mode::Http);
            QVERIFY(p->hostField()->isEnabled());
            p->hostField()->setText(QStringLiteral("127.0.0.1"));
            p->portField()->setValue(proxy.port());
            p->userField()->setText(QString::fromLatin1(User));
            p->passwordField()->setText(QString::fromLatin1(Password));
            QCOMPARE(p->passwordField()->echoMode(), QLineEdit::Password);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const QByteArray ini = TestSettings::fileText();
        QVERIFY(ini.contains("mode=http"));
        QVERIFY(ini.contains("host=127.0.0.1"));
        QVERIFY(!ini.contains(Password));

        QVERIFY(upload(w.get(), QStringLiteral("windowproxy.fastq")));
        const QByteArray expected = "Basic " + (User + ':' + Password).toBase64();
        int api = 0, storage = 0;
        for (const TestProxyServer::Request &r : proxy.authorizedRequests()) {
            QCOMPARE(r.proxyAuthorization, expected);
            api += r.target.contains("/api/") ? 1 : 0;
            storage += r.target.contains("/s3/") ? 1 : 0;
        }
        QVERIFY(api >= 2);
        QCOMPARE(storage, 1);

        // Back to no proxy: the next upload goes direct.
        {
            SettingsDialog dialog(w.get(), w->proxySetup());
            // The saved password is offered again (masked), from memory or the keychain.
            QCOMPARE(dialog.proxyWidget()->passwordField()->text(), QString::fromLatin1(Password));
            choose(dialog.proxyWidget(), ProxySettings::Mode::None);
            dialog.accept();
        }
        const int seen = int(proxy.requests().size());
        QVERIFY(upload(w.get(), QStringLiteral("direct.fastq")));
        QCOMPARE(int(proxy.requests().size()), seen);
    }

    void incompleteManualProxyIsRefused() {
        auto w = makeWindow();
        SettingsDialog dialog(w.get(), w->proxySetup());
        choose(dialog.proxyWidget(), ProxySettings::Mode::Socks5);
        dialog.proxyWidget()->hostField()->clear();
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        bool said = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            said |= !label->isHidden() && label->text().contains(QStringLiteral("host"));
        QVERIFY(said);
    }
};

QTEST_MAIN(TestProxySettings)
#include "tst_ui_proxysettings.moc"
