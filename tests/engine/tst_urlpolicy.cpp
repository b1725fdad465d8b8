// UrlPolicy: HTTPS everywhere; plain HTTP only to this machine (the sandbox).
#include "net/urlpolicy.h"

#include <QTest>

using SeqDrop::UrlPolicy;

class TestUrlPolicy : public QObject {
    Q_OBJECT

private slots:
    void allowed_data();
    void allowed();
    void refused_data();
    void refused();
    void refusedHttpMentionsHttps();
    void messageHidesCredentials();
    void loopback_data();
    void loopback();
    void sameOrigin_data();
    void sameOrigin();
};

void TestUrlPolicy::allowed_data() {
    QTest::addColumn<QString>("url");
    QTest::newRow("https api") << "https://app.onecodex.com";
    QTest::newRow("https upload") << "https://onecodex-uploads.s3.amazonaws.com/";
    QTest::newRow("https port") << "https://example.com:8443/api";
    QTest::newRow("HTTPS upper") << "HTTPS://APP.ONECODEX.COM/";
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080";
    QTest::newRow("http 127.1.2.3") << "http://127.1.2.3/";
    QTest::newRow("http localhost") << "http://localhost:5000/upload";
    QTest::newRow("http LOCALHOST") << "http://LOCALHOST/";
    QTest::newRow("http [::1]") << "http://[::1]:9000/";
}

void TestUrlPolicy::allowed() {
    QFETCH(QString, url);
    QCOMPARE(UrlPolicy::check(QUrl(url), QStringLiteral("API address")), QString());
}

void TestUrlPolicy::refused_data() {
    QTest::addColumn<QString>("url");
    QTest::newRow("http remote") << "http://example.com";
    QTest::newRow("http onecodex") << "http://app.onecodex.com/api/v1/samples/init_upload";
    QTest::newRow("http localhost lookalike") << "http://localhost.example.com/";
    QTest::newRow("http 127.0.0.1 lookalike") << "http://127.0.0.1.nip.io/";
    QTest::newRow("http LAN") << "http://192.168.1.10/";
    QTest::newRow("http 0.0.0.0") << "http://0.0.0.0/";
    QTest::newRow("ftp") << "ftp://example.com/x";
    QTest::newRow("ftp localhost") << "ftp://localhost/x";
    QTest::newRow("file") << "file:///etc/passwd";
    QTest::newRow("no scheme") << "app.onecodex.com";
    QTest::newRow("empty") << "";
}

void TestUrlPolicy::refused() {
    QFETCH(QString, url);
    const QString why = UrlPolicy::check(QUrl(url), QStringLiteral("upload URL"));
    QVERIFY2(!why.isEmpty(), qPrintable(url));
    QVERIFY2(why.contains(QLatin1String("upload URL")), qPrintable(why)); // names what was refused
}

void TestUrlPolicy::refusedHttpMentionsHttps() {
    for (const char *url : {"http://example.com", "ftp://example.com/"}) {
        const QString why =
            UrlPolicy::check(QUrl(QLatin1String(url)), QStringLiteral("API address"));
        QVERIFY2(why.contains(QLatin1String("https"), Qt::CaseInsensitive), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("example.com")), qPrintable(why)); // names the URL
    }
}

void TestUrlPolicy::messageHidesCredentials() {
    const QString why = UrlPolicy::check(QUrl("http://user:s3cr3tkey@example.com/x?token=qwerty"),
                                         QStringLiteral("API address"));
    QVERIFY(!why.isEmpty());
    QVERIFY2(!why.contains(QLatin1String("s3cr3tkey")), qPrintable(why));
    QVERIFY2(!why.contains(QLatin1String("qwerty")), qPrintable(why));
}

void TestUrlPolicy::loopback_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "http://127.0.0.1/" << true;
    QTest::newRow("localhost") << "http://localhost/" << true;
    QTest::newRow("::1") << "http://[::1]/" << true;
    QTest::newRow("example.com") << "http://example.com/" << false;
    QTest::newRow("10.0.0.1") << "http://10.0.0.1/" << false;
    QTest::newRow("localhost.example.com") << "http://localhost.example.com/" << false;
}

void TestUrlPolicy::loopback() {
    QFETCH(QString, url);
    QFETCH(bool, loopback);
    QCOMPARE(UrlPolicy::isLoopback(QUrl(url)), loopback);
}

void TestUrlPolicy::sameOrigin_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("same, different paths")
        << "https://app.onecodex.com/api/v1/account"
        << "https://app.onecodex.com/api/v1/samples/init_upload" << true;
    QTest::newRow("default port explicit") << "https://app.onecodex.com/"
                                           << "https://app.onecodex.com:443/x" << true;
    QTest::newRow("http default port explicit") << "http://127.0.0.1/"
                                                << "http://127.0.0.1:80/" << true;
    QTest::newRow("host case") << "https://App.OneCodex.com/"
                               << "https://app.onecodex.com/" << true;
    QTest::newRow("storage host") << "https://app.onecodex.com/"
                                  << "https://onecodex-uploads.s3.amazonaws.com/" << false;
    QTest::newRow("subdomain") << "https://app.onecodex.com/"
                               << "https://evil.app.onecodex.com/" << false;
    QTest::newRow("scheme") << "https://app.onecodex.com/"
                            << "http://app.onecodex.com/" << false;
    QTest::newRow("scheme, same explicit port") << "https://h:8080/"
                                                << "http://h:8080/" << false;
    QTest::newRow("port") << "http://127.0.0.1:8080/"
                          << "http://127.0.0.1:8081/" << false;
    QTest::newRow("sandbox api vs storage") << "http://127.0.0.1:8080/api"
                                            << "http://localhost:8080/upload" << false;
}

void TestUrlPolicy::sameOrigin() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(UrlPolicy::sameOrigin(QUrl(a), QUrl(b)), same);
    QCOMPARE(UrlPolicy::sameOrigin(QUrl(b), QUrl(a)), same); // symmetric
}

QTEST_APPLESS_MAIN(TestUrlPolicy)
#include "tst_urlpolicy.moc"
