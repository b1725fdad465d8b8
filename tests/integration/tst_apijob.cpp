// ApiJob's security rules on real sockets: an untrusted certificate ends the request with a
// clear TLS error, never retried and never ignored, before any byte of the request (the key)
// is sent; a redirect to another origin is not followed, so the key goes nowhere else.
#include "net/apiclient.h"
#include "testhttpserver.h"
#include "testwait.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace SeqDrop;
using Kind = UploadError::Kind;

namespace {

const QString Key = QStringLiteral("apijobtestkey0123456789abcdef");

QByteArray basic() {
    return "Basic " + (Key + QLatin1Char(':')).toUtf8().toBase64();
}

QByteArray account() {
    return TestHttpServer::json(R"({"email":"lab@example.org"})");
}

} // namespace

class TestApiJob : public QObject {
    Q_OBJECT

private:
    // Runs GET /api/v1/account against `base` and returns the finished job.
    ApiJob *runAccount(const QUrl &base) {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_api = std::make_unique<ApiClient>(m_nam.get());
        m_api->setBaseUrl(base);
        m_api->setApiKey(Key);
        ApiJob *job = m_api->account();
        if (!startAndWait(job, 15000))
            qWarning("ApiJob did not finish");
        return job;
    }

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;

private Q_SLOTS:
    void initTestCase() { qputenv("SEQDROP_RETRY_BASE_MS", "50"); }

    void cleanup() {
        m_api.reset();
        m_nam.reset();
    }

    void untrustedCertificateFailsWithoutRetry() {
        TestHttpServer server([](const QByteArray &) { return account(); }, true);
        QVERIFY(server.listen());
        ApiJob *job = runAccount(server.url());
        QVERIFY(job->isFinished());
        QCOMPARE(job->error().kind, Kind::Tls);
        QVERIFY2(job->error().message.contains(QStringLiteral("never ignores certificate errors")),
                 qPrintable(job->error().message));
        QVERIFY(job->error().message.contains(QStringLiteral("localhost")));
        QVERIFY(!job->error().detail.isEmpty());
        QCOMPARE(job->retries(), 0);
        // The handshake failed before any request: the server never read one, so the key was
        // never sent over the untrusted connection.
        QCOMPARE(server.heads().size(), 0);
    }

    void trustedCertificateCarriesTheKey() {
        // The same server once its certificate is trusted: the failure above is the
        // certificate's, and the key does travel over a trusted connection.
        TestHttpServer::TrustCertificate trust;
        TestHttpServer server([](const QByteArray &) { return account(); }, true);
        QVERIFY(server.listen());
        ApiJob *job = runAccount(server.url());
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        QCOMPARE(job->json().object().value("email").toString(), QStringLiteral("lab@example.org"));
        QCOMPARE(server.heads().size(), 1);
        QVERIFY(server.heads().first().contains("Authorization: " + basic()));
    }

    void redirectToAnotherOriginIsNotFollowed() {
        TestHttpServer elsewhere([](const QByteArray &) { return account(); });
        QVERIFY(elsewhere.listen());
        TestHttpServer origin([&elsewhere](const QByteArray &) {
            return TestHttpServer::redirect(elsewhere.url(QStringLiteral("/api/v1/account")));
        });
        QVERIFY(origin.listen());
        ApiJob *job = runAccount(origin.url());
        QVERIFY(job->isFinished());
        QCOMPARE(job->error().kind, Kind::InsecureUrl);
        QVERIFY2(job->error().message.contains(QStringLiteral("redirected")),
                 qPrintable(job->error().message));
        QCOMPARE(job->retries(), 0);
        QCOMPARE(origin.heads().size(), 1);
        QVERIFY(origin.heads().first().contains("Authorization: " + basic()));
        // Not even a connection to the other origin.
        QCOMPARE(elsewhere.connections(), 0);
    }

    void redirectWithinTheOriginKeepsTheKey() {
        TestHttpServer *self = nullptr;
        TestHttpServer origin([&self](const QByteArray &head) {
            if (head.startsWith("GET /api/v1/account "))
                return TestHttpServer::redirect(self->url(QStringLiteral("/api/v1/account2")));
            return account();
        });
        self = &origin;
        QVERIFY(origin.listen());
        ApiJob *job = runAccount(origin.url());
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        QCOMPARE(origin.heads().size(), 2);
        QVERIFY(origin.heads().at(1).startsWith("GET /api/v1/account2 "));
        QVERIFY(origin.heads().at(1).contains("Authorization: " + basic()));
    }
};

QTEST_GUILESS_MAIN(TestApiJob)
#include "tst_apijob.moc"
