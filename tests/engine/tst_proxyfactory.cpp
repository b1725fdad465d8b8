// ProxyFactory's rules, per request: the system's proxy except for this computer, none, or the
// manual proxy, which a server on this computer bypasses unless the proxy is on it too.
#include "net/proxyfactory.h"

#include "testsettings.h"
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using Mode = ProxySettings::Mode;

namespace {

ProxySettings manual(Mode mode, const QString &host) {
    ProxySettings p;
    p.mode = mode;
    p.host = host;
    p.port = 3128;
    p.user = QStringLiteral("lab");
    p.password = QStringLiteral("pw");
    return p;
}

QNetworkProxy first(const ProxySettings &s, const QString &url) {
    return ProxyFactory::choose(s, QNetworkProxyQuery(QUrl(url))).value(0);
}

} // namespace

class TestProxyFactory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void manualProxyForRemoteServers() {
        const QNetworkProxy p =
            first(manual(Mode::Http, QStringLiteral("proxy.lab")), "https://app.onecodex.com/api");
        QCOMPARE(p.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(p.hostName(), QStringLiteral("proxy.lab"));
        QCOMPARE(p.port(), quint16(3128));
        QCOMPARE(p.user(), QStringLiteral("lab"));
        QCOMPARE(p.password(), QStringLiteral("pw"));
        QCOMPARE(first(manual(Mode::Socks5, QStringLiteral("proxy.lab")),
                       "https://bucket.s3.amazonaws.com/")
                     .type(),
                 QNetworkProxy::Socks5Proxy);
    }

    void thisComputerBypassesARemoteProxy_data() {
        QTest::addColumn<QString>("url");
        QTest::newRow("127.0.0.1") << "http://127.0.0.1:8080/api/v1/account";
        QTest::newRow("localhost") << "http://localhost:8080/";
        QTest::newRow("::1") << "http://[::1]:8080/";
    }

    void thisComputerBypassesARemoteProxy() {
        QFETCH(QString, url);
        QCOMPARE(first(manual(Mode::Http, QStringLiteral("proxy.lab")), url).type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(first(manual(Mode::Socks5, QStringLiteral("10.0.0.8")), url).type(),
                 QNetworkProxy::NoProxy);
        // A proxy on this computer (cntlm, a test's) is used for it too.
        QCOMPARE(first(manual(Mode::Http, QStringLiteral("127.0.0.1")), url).type(),
                 QNetworkProxy::HttpProxy);
        QCOMPARE(first(manual(Mode::Http, QStringLiteral("localhost")), url).type(),
                 QNetworkProxy::HttpProxy);
    }

    void noneIsDirect() {
        ProxySettings none;
        none.mode = Mode::None;
        QCOMPARE(first(none, "https://app.onecodex.com/").type(), QNetworkProxy::NoProxy);
    }

    void systemFollowsThePlatform() {
        // On Linux the platform's settings are the environment's.
        qputenv("https_proxy", "http://10.9.8.7:3129");
        qputenv("http_proxy", "http://10.9.8.7:3129");
        qunsetenv("no_proxy");
        ProxySettings system;
        const QNetworkProxy p = first(system, "https://app.onecodex.com/");
        QCOMPARE(p.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(p.hostName(), QStringLiteral("10.9.8.7"));
        QCOMPARE(p.port(), quint16(3129));
        // ... and never for this computer, as Qt does for application-wide proxies.
        QCOMPARE(first(system, "http://127.0.0.1:9999/").type(), QNetworkProxy::NoProxy);
        qunsetenv("https_proxy");
        qunsetenv("http_proxy");
    }

    void settingsKeepNoPassword() {
        QTemporaryDir dir;
        TestSettings::useFolder(dir.path());
        QCoreApplication::setApplicationName(QStringLiteral("tst_proxyfactory"));
        ProxySettings s = manual(Mode::Socks5, QStringLiteral("proxy.lab"));
        s.password = QStringLiteral("never-in-the-file-42");
        s.save();
        const ProxySettings back = ProxySettings::load();
        QCOMPARE(back.mode, Mode::Socks5);
        QCOMPARE(back.host, s.host);
        QCOMPARE(back.port, s.port);
        QCOMPARE(back.user, s.user);
        QVERIFY(back.password.isEmpty());
        const QByteArray ini = TestSettings::fileText();
        QVERIFY(ini.contains("proxy.lab"));
        QVERIFY(!ini.contains("never-in-the-file-42"));
        QVERIFY(!s.describe().contains(s.password));
        QVERIFY(s.describe().startsWith(QStringLiteral("socks5://lab@proxy.lab:3128")));
    }

    void manualProxyNeedsHostAndPort() {
        ProxySettings s;
        s.mode = Mode::Http;
        QVERIFY(s.problem().contains(QStringLiteral("host")));
        s.host = QStringLiteral("http://proxy.lab/");
        s.port = 8080;
        QVERIFY(!s.problem().isEmpty());
        s.host = QStringLiteral("proxy.lab");
        s.port = 0;
        QVERIFY(s.problem().contains(QStringLiteral("port")));
        s.port = 8080;
        QVERIFY(s.problem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProxyFactory)
#include "tst_proxyfactory.moc"
