// The manual proxy on real sockets: a proxy in the test (TestProxyServer) that really forwards,
// asks for a password, and records what passed. Both managers (API and storage) go through it,
// with the credentials; HTTPS is a CONNECT tunnel, so the key never reaches the proxy in clear;
// a proxy on another computer is not used for this computer's own servers.
#include "net/apiclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testhttpserver.h"
#include "testproxyserver.h"
#include "testwait.h"
#include "upload/sampleupload.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;
using Mode = ProxySettings::Mode;

namespace {

const QByteArray User = "lab";
const QByteArray Password = "proxy-pass-7f3a9c";

ProxySettings manual(Mode mode, const QString &host, quint16 port,
                     const QByteArray &password = Password) {
    ProxySettings p;
    p.mode = mode;
    p.host = host;
    p.port = port;
    p.user = QString::fromLatin1(User);
    p.password = QString::fromLatin1(password);
    return p;
}

bool hasAuthorizationHeader(const QByteArray &head) {
    for (const QByteArray &line : head.split('\n'))
        if (line.trimmed().toLower().startsWith("authorization:"))
            return true;
    return false;
}

} // namespace

class TestProxy : public QObject {
    Q_OBJECT

private:
    ApiClient *makeApi(const ProxySettings &proxy, const QUrl &base, const QString &key) {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_api = std::make_unique<ApiClient>(m_nam.get());
        m_api->setBaseUrl(base);
        m_api->setApiKey(key);
        m_api->setProxy(proxy);
        return m_api.get();
    }

    SampleUpload *upload(ApiClient *api, const QString &name) {
        SampleSpec spec;
        spec.file = writeFastq(m_dir.path(), name, 400);
        auto *sample = new SampleUpload(api, spec, api);
        if (!startAndWait(sample))
            qWarning("upload did not finish");
        return sample;
    }

    ApiJob *account(ApiClient *api) {
        ApiJob *job = api->account();
        if (!startAndWait(job, 30000))
            qWarning("account() did not finish");
        return job;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        QVERIFY(m_dir.isValid());
    }

    void init() {
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->start());
    }

    void cleanup() {
        m_api.reset();
        m_nam.reset();
        m_sandbox.reset();
    }

    void httpProxyCarriesApiAndStorage() {
        TestProxyServer proxy(TestProxyServer::Kind::Http, User, Password);
        QVERIFY(proxy.listen());
        ApiClient *api = makeApi(manual(Mode::Http, QStringLiteral("127.0.0.1"), proxy.port()),
                                 m_sandbox->baseUrl(), m_sandbox->apiKey());
        SampleUpload *sample = upload(api, QStringLiteral("viaproxy.fastq"));
        QCOMPARE(sample->state(), State::Confirmed);
        const QJsonObject stored = m_sandbox->sample(sample->sampleId());
        QCOMPARE(stored.value("status").toString(), QStringLiteral("available"));
        QCOMPARE(stored.value("r1").toObject().value("md5").toString().toLatin1(),
                 md5OfFile(sample->spec().file));

        int apiRequests = 0, storageRequests = 0;
        const QByteArray expected = "Basic " + (User + ':' + Password).toBase64();
        for (const TestProxyServer::Request &r : proxy.authorizedRequests()) {
            QCOMPARE(r.proxyAuthorization, expected);
            QVERIFY2(r.target.startsWith(m_sandbox->baseUrl().toString().toLatin1()), r.target);
            if (r.target.contains("/api/")) {
                ++apiRequests;
                QVERIFY(hasAuthorizationHeader(r.head)); // the key, to the API only
            } else if (r.target.contains("/s3/")) {
                ++storageRequests;
                QCOMPARE(r.method, QByteArray("POST"));
                QVERIFY2(!hasAuthorizationHeader(r.head), r.head); // never to storage
            }
        }
        // Everything the sandbox served came through the proxy: none went around it.
        const QJsonObject counts = m_sandbox->counts();
        QCOMPARE(apiRequests, counts.value("api_calls").toInt());
        QCOMPARE(storageRequests, counts.value("storage_posts").toInt());
        QVERIFY(apiRequests >= 2);    // init_upload and confirm_upload
        QCOMPARE(storageRequests, 1); // the file
    }

    void socks5ProxyCarriesUpload() {
        TestProxyServer proxy(TestProxyServer::Kind::Socks5, User, Password);
        QVERIFY(proxy.listen());
        ApiClient *api = makeApi(manual(Mode::Socks5, QStringLiteral("127.0.0.1"), proxy.port()),
                                 m_sandbox->baseUrl(), m_sandbox->apiKey());
        SampleUpload *sample = upload(api, QStringLiteral("viasocks.fastq"));
        QCOMPARE(sample->state(), State::Confirmed);
        const QList<TestProxyServer::Request> tunnels = proxy.authorizedRequests();
        // At least one connection for the API and one for the storage manager.
        QVERIFY(tunnels.size() >= 2);
        for (const TestProxyServer::Request &r : tunnels) {
            QCOMPARE(r.proxyAuthorization, User + ':' + Password);
            QCOMPARE(r.target, "127.0.0.1:" + QByteArray::number(m_sandbox->port()));
        }
        QCOMPARE(proxy.refusals(), 0);
    }

    void wrongPasswordIsRefusedClearly() {
        TestProxyServer proxy(TestProxyServer::Kind::Http, User, Password);
        QVERIFY(proxy.listen());
        ApiClient *api = makeApi(
            manual(Mode::Http, QStringLiteral("127.0.0.1"), proxy.port(), "not-the-password"),
            m_sandbox->baseUrl(), m_sandbox->apiKey());
        ApiJob *job = account(api);
        QVERIFY(job->isFinished());
        QVERIFY(job->error().isError());
        QVERIFY2(job->error().message.contains(QStringLiteral("proxy")),
                 qPrintable(job->error().toString()));
        QVERIFY(proxy.refusals() >= 1);
        QCOMPARE(proxy.authorizedRequests().size(), 0);
        QCOMPARE(m_sandbox->counts().value("api_calls").toInt(), 0);
    }

    void httpsThroughProxyIsATunnel() {
        TestHttpServer::TrustCertificate trust;
        TestHttpServer server(
            [](const QByteArray &) {
                return TestHttpServer::json(R"({"email":"lab@example.org"})");
            },
            true);
        QVERIFY(server.listen());
        TestProxyServer proxy(TestProxyServer::Kind::Http, User, Password);
        QVERIFY(proxy.listen());
        const QString key = m_sandbox->apiKey();
        ApiClient *api = makeApi(manual(Mode::Http, QStringLiteral("127.0.0.1"), proxy.port()),
                                 server.url(), key);
        ApiJob *job = account(api);
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        QCOMPARE(job->json().object().value("email").toString(), QStringLiteral("lab@example.org"));
        bool tunnelled = false;
        for (const TestProxyServer::Request &r : proxy.authorizedRequests())
            tunnelled |= r.method == "CONNECT" &&
                         r.target == "localhost:" + QByteArray::number(server.port());
        QVERIFY(tunnelled);
        // The key reached the server, inside TLS; the proxy only ever saw ciphertext.
        const QByteArray basic = (key + QLatin1Char(':')).toUtf8().toBase64();
        QVERIFY(server.heads().value(0).contains("Authorization: Basic " + basic));
        QVERIFY(!proxy.received().isEmpty());
        QVERIFY(!proxy.received().contains(basic));
        QVERIFY(!proxy.received().contains(key.toUtf8()));
    }

    void remoteProxyIsNotUsedForThisComputer() {
        // 192.0.2.1 (TEST-NET-1) answers nobody: had it been used, the request would fail.
        ApiClient *api = makeApi(manual(Mode::Http, QStringLiteral("192.0.2.1"), 3128),
                                 m_sandbox->baseUrl(), m_sandbox->apiKey());
        QElapsedTimer timer;
        timer.start();
        ApiJob *job = account(api);
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(m_sandbox->counts().value("api_calls").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
