// Secrets never reach a log line: the key, Basic credentials, policies and signatures.
#include "util/redactor.h"

#include <QTest>

using namespace SeqDrop;

class TestRedactor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Redactor::clearSecrets(); }
    void redacts_data();
    void redacts();
    void shortSecretsIgnored();
    void messageHandlerRedacts();
};

void TestRedactor::redacts_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mustNotContain");
    QTest::addColumn<QString>("mustContain");
    const QString key = QStringLiteral("0123456789abcdef0123456789abcdef");
    QTest::newRow("key as is") << QStringLiteral("request with key %1 failed").arg(key) << key
                               << QStringLiteral("request with key");
    QTest::newRow("basic auth header")
        << QStringLiteral("Authorization: Basic %1")
               .arg(QString::fromLatin1((key + QLatin1Char(':')).toUtf8().toBase64()))
        << QStringLiteral("MDEy") << QStringLiteral("Authorization: Basic");
    QTest::newRow("json policy")
        << QStringLiteral("{\"policy\": \"eyJleHBpcmF0aW9uIjoi\", \"acl\": \"private\"}")
        << QStringLiteral("eyJleHBpcmF0aW9uIjoi") << QStringLiteral("\"acl\": \"private\"");
    QTest::newRow("form signature")
        << QStringLiteral("signature=c2lnbmF0dXJl&key=user_1/file")
        << QStringLiteral("c2lnbmF0dXJl") << QStringLiteral("key=user_1/file");
    QTest::newRow("sigv4") << QStringLiteral("\"x-amz-signature\":\"abcdef0123456789\"")
                           << QStringLiteral("abcdef0123456789")
                           << QStringLiteral("x-amz-signature");
    QTest::newRow("multipart answer secret")
        << QStringLiteral(
               "{\"upload_aws_access_key_id\":\"ASIAX\",\"upload_aws_secret_access_key\":"
               "\"wJalr/K7MDENG+bPxRfiCY\"}")
        << QStringLiteral("wJalr") << QStringLiteral("upload_aws_secret_access_key");
    QTest::newRow("sigv4 authorization header")
        << QStringLiteral("Authorization: AWS4-HMAC-SHA256 Credential=ASIAX/20261203/us-east-1/s3/"
                          "aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3b")
        << QStringLiteral("fe5f80f77d5fa3b") << QStringLiteral("SignedHeaders=host;x-amz-date");
    QTest::newRow("api key header")
        << QStringLiteral("X-API-Key: topsecretvalue") << QStringLiteral("topsecretvalue")
        << QStringLiteral("X-API-Key");
}

void TestRedactor::redacts() {
    QFETCH(QString, text);
    QFETCH(QString, mustNotContain);
    QFETCH(QString, mustContain);
    Redactor::addSecret(QStringLiteral("0123456789abcdef0123456789abcdef"));
    const QString out = Redactor::redact(text);
    QVERIFY2(!out.contains(mustNotContain), qPrintable(out));
    QVERIFY2(out.contains(mustContain), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String(Redactor::Mask)), qPrintable(out));
}

void TestRedactor::shortSecretsIgnored() {
    Redactor::addSecret(QStringLiteral("a"));
    QCOMPARE(Redactor::redact(QStringLiteral("a banana")), QStringLiteral("a banana"));
}

namespace {
QStringList g_seen;
void capture(QtMsgType, const QMessageLogContext &, const QString &message) {
    g_seen << message;
}
} // namespace

void TestRedactor::messageHandlerRedacts() {
    qInstallMessageHandler(capture);
    Redactor::installMessageHandler();
    Redactor::addSecret(QStringLiteral("sandboxsecretkey0000000000000000"));
    qWarning() << "upload failed for key sandboxsecretkey0000000000000000";
    QCOMPARE(g_seen.size(), 1);
    QVERIFY(!g_seen.first().contains(QLatin1String("sandboxsecretkey")));
    QVERIFY(g_seen.first().contains(QLatin1String("upload failed")));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
