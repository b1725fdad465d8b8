// The status bar says when SeqDrop waits for the network, and only then.
#include "desktop/session.h"
#include "mainwindow.h"
#include "net/networkwatcher.h"
#include "networkstatuslabel.h"
#include "windowtestsupport.h"

#include "testsettings.h"
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;

class TestNetworkStatusLabel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        TestSettings::useFolder(m_config.path());
        qputenv("SEQDROP_KEYCHAIN", "off");
    }

    void showsOfflineOnlyWhileDown() {
        MainWindow::Options options;
        options.restoreSession = false;
        const auto owned = WindowTestSupport::window(options);
        MainWindow &w = *owned;
        w.session()->setServerUrl(QUrl(QStringLiteral("https://app.onecodex.com")));
        w.show();
        NetworkWatcher *watcher = w.networkWatcher();
        watcher->setNetworkUp(true);
        QVERIFY(!w.networkStatus()->isVisible());
        watcher->setNetworkUp(false);
        QVERIFY(w.networkStatus()->isVisible());
        QCOMPARE(w.networkStatus()->text(), QStringLiteral("Offline - waiting for the network"));
        watcher->setNetworkUp(true);
        QVERIFY(!w.networkStatus()->isVisible());
    }

    void serverOnThisComputerNeedsNoNetwork() {
        MainWindow::Options options;
        options.restoreSession = false;
        options.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        const auto owned = WindowTestSupport::window(options);
        MainWindow &w = *owned;
        w.show();
        w.networkWatcher()->setNetworkUp(false);
        QVERIFY(!w.networkStatus()->isVisible());
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestNetworkStatusLabel)
#include "tst_ui_networkstatuslabel.moc"
