// SigV4Signer against AWS's published examples ("Signature Calculations for the Authorization
// Header: Transferring Payload in a Single Chunk", Amazon S3 API reference): GET object with a
// range, PUT object, GET bucket lifecycle, GET bucket (list objects). Then what SeqDrop's own
// requests need: keys and upload ids with reserved characters, ports, re-signing.
#include "net/s3client.h"
#include "net/sigv4signer.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTest>
#include <QUrlQuery>

using SeqDrop::S3Client;
using SeqDrop::S3Credentials;
using SeqDrop::SigV4Signer;

namespace {

const QDateTime ExampleTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);
const QByteArray EmptyHash = SigV4Signer::EmptyPayloadHash;

SigV4Signer exampleSigner() {
    return SigV4Signer(S3Credentials(QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                                     QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")),
                       QStringLiteral("us-east-1"));
}

QByteArray credentialPrefix() {
    return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
           "SignedHeaders=";
}

} // namespace

class TestSigV4Signer : public QObject {
    Q_OBJECT

private slots:
    void signingKey();
    void getObjectWithRange();
    void putObject();
    void getBucketLifecycle();
    void getBucketListObjects();
    void uriEncode_data();
    void uriEncode();
    void canonicalQueryDecodesAndSorts();
    void hostHeaderKeepsExplicitPort();
    void resigningReplacesTheSignature();
    void objectUrlPathStyle();
    void objectUrlVirtualHost();
    void uploadIdSurvivesTheUrl();
};

void TestSigV4Signer::signingKey() {
    QCOMPARE(exampleSigner().signingKey(ExampleTime).toHex(),
             QByteArray("dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378"));
    QCOMPARE(exampleSigner().scope(ExampleTime), QByteArray("20130524/us-east-1/s3/aws4_request"));
}

void TestSigV4Signer::getObjectWithRange() {
    QNetworkRequest request(
        QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt")));
    request.setRawHeader("Range", "bytes=0-9");
    const SigV4Signer signer = exampleSigner();
    signer.sign(&request, "GET", EmptyHash, ExampleTime);

    QByteArray signedHeaders;
    const QByteArray canonical = signer.canonicalRequest(request, "GET", EmptyHash, &signedHeaders);
    QCOMPARE(canonical, QByteArray("GET\n"
                                   "/test.txt\n"
                                   "\n"
                                   "host:examplebucket.s3.amazonaws.com\n"
                                   "range:bytes=0-9\n"
                                   "x-amz-content-sha256:" +
                                   EmptyHash +
                                   "\n"
                                   "x-amz-date:20130524T000000Z\n"
                                   "\n"
                                   "host;range;x-amz-content-sha256;x-amz-date\n" +
                                   EmptyHash));
    QCOMPARE(signer.stringToSign(canonical, ExampleTime),
             QByteArray("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
    QCOMPARE(request.rawHeader("Authorization"),
             credentialPrefix() +
                 "host;range;x-amz-content-sha256;x-amz-date, Signature="
                 "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    QCOMPARE(request.rawHeader("x-amz-date"), QByteArray("20130524T000000Z"));
    QCOMPARE(request.rawHeader("x-amz-content-sha256"), EmptyHash);
    QCOMPARE(request.rawHeader("Host"), QByteArray("examplebucket.s3.amazonaws.com"));
}

void TestSigV4Signer::putObject() {
    // The key is "test$file.text": '$' is sent as Qt leaves it and signed as %24.
    QNetworkRequest request(
        QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/test$file.text")));
    request.setRawHeader("Date", "Fri, 24 May 2013 00:00:00 GMT");
    request.setRawHeader("x-amz-storage-class", "REDUCED_REDUNDANCY");
    const QByteArray payloadHash = SigV4Signer::sha256Hex("Welcome to Amazon S3.");
    QCOMPARE(payloadHash,
             QByteArray("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
    const SigV4Signer signer = exampleSigner();
    signer.sign(&request, "PUT", payloadHash, ExampleTime);

    const QByteArray canonical = signer.canonicalRequest(request, "PUT", payloadHash, nullptr);
    QVERIFY(canonical.startsWith("PUT\n/test%24file.text\n\n"));
    QCOMPARE(signer.stringToSign(canonical, ExampleTime).right(64),
             QByteArray("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"));
    QCOMPARE(request.rawHeader("Authorization"),
             credentialPrefix() +
                 "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature="
                 "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

void TestSigV4Signer::getBucketLifecycle() {
    QNetworkRequest request(
        QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/?lifecycle")));
    const SigV4Signer signer = exampleSigner();
    signer.sign(&request, "GET", EmptyHash, ExampleTime);
    const QByteArray canonical = signer.canonicalRequest(request, "GET", EmptyHash, nullptr);
    QVERIFY(canonical.startsWith("GET\n/\nlifecycle=\n"));
    QCOMPARE(SigV4Signer::sha256Hex(canonical),
             QByteArray("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca"));
    QCOMPARE(request.rawHeader("Authorization"),
             credentialPrefix() +
                 "host;x-amz-content-sha256;x-amz-date, Signature="
                 "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

void TestSigV4Signer::getBucketListObjects() {
    // Sent in the other order: the canonical query sorts.
    QNetworkRequest request(
        QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2")));
    const SigV4Signer signer = exampleSigner();
    signer.sign(&request, "GET", EmptyHash, ExampleTime);
    const QByteArray canonical = signer.canonicalRequest(request, "GET", EmptyHash, nullptr);
    QVERIFY(canonical.startsWith("GET\n/\nmax-keys=2&prefix=J\n"));
    QCOMPARE(SigV4Signer::sha256Hex(canonical),
             QByteArray("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"));
    QCOMPARE(request.rawHeader("Authorization"),
             credentialPrefix() +
                 "host;x-amz-content-sha256;x-amz-date, Signature="
                 "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

void TestSigV4Signer::uriEncode_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("keepSlash");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("unreserved") << "A-z_0.9~" << false << QByteArray("A-z_0.9~");
    QTest::newRow("space") << "a b" << false << QByteArray("a%20b");
    QTest::newRow("plus") << "a+b" << false << QByteArray("a%2Bb");
    QTest::newRow("slash kept") << "a/b" << true << QByteArray("a/b");
    QTest::newRow("slash encoded") << "a/b" << false << QByteArray("a%2Fb");
    QTest::newRow("equals") << "a=" << false << QByteArray("a%3D");
    QTest::newRow("utf8") << QStringLiteral("é") << true << QByteArray("%C3%A9");
    QTest::newRow("sub-delims") << "!'()*$" << true << QByteArray("%21%27%28%29%2A%24");
}

void TestSigV4Signer::uriEncode() {
    QFETCH(QString, text);
    QFETCH(bool, keepSlash);
    QFETCH(QByteArray, encoded);
    QCOMPARE(SigV4Signer::uriEncode(text.toUtf8(), keepSlash), encoded);
}

void TestSigV4Signer::canonicalQueryDecodesAndSorts() {
    QUrl url(QStringLiteral("https://h/k"));
    url.setQuery(QStringLiteral("uploadId=a%2Bb%2Fc%3D%3D&partNumber=10"), QUrl::TolerantMode);
    QCOMPARE(SigV4Signer::canonicalQuery(url),
             QByteArray("partNumber=10&uploadId=a%2Bb%2Fc%3D%3D"));
    QCOMPARE(SigV4Signer::canonicalQuery(QUrl(QStringLiteral("https://h/k?uploads"))),
             QByteArray("uploads="));
    QCOMPARE(SigV4Signer::canonicalQuery(QUrl(QStringLiteral("https://h/k"))), QByteArray());
}

void TestSigV4Signer::hostHeaderKeepsExplicitPort() {
    QCOMPARE(SigV4Signer::hostHeader(QUrl(QStringLiteral("http://127.0.0.1:8123/b/k"))),
             QByteArray("127.0.0.1:8123"));
    QCOMPARE(SigV4Signer::hostHeader(QUrl(QStringLiteral("https://S3.AmazonAWS.com/b"))),
             QByteArray("s3.amazonaws.com"));
    QCOMPARE(SigV4Signer::hostHeader(QUrl(QStringLiteral("http://[::1]:9000/"))),
             QByteArray("[::1]:9000"));
}

void TestSigV4Signer::resigningReplacesTheSignature() {
    QNetworkRequest request(
        QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt")));
    request.setRawHeader("Range", "bytes=0-9");
    const SigV4Signer signer = exampleSigner();
    signer.sign(&request, "GET", EmptyHash, ExampleTime.addDays(1));
    // The first signature's headers must not end up signed by the second.
    signer.sign(&request, "GET", EmptyHash, ExampleTime);
    QVERIFY(request.rawHeader("Authorization")
                .endsWith("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
}

void TestSigV4Signer::objectUrlPathStyle() {
    QNetworkAccessManager nam;
    S3Client client(&nam, S3Credentials(QStringLiteral("AK"), QStringLiteral("secretsecret")));
    client.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:8123")));
    const QUrl url = client.objectUrl(QStringLiteral("seqdrop-multipart"),
                                      QStringLiteral("user_sandbox/a b+c$d é.fastq.gz"));
    QCOMPARE(url.toEncoded(), QByteArray("http://127.0.0.1:8123/seqdrop-multipart/user_sandbox/"
                                         "a%20b%2Bc%24d%20%C3%A9.fastq.gz"));
    // What the server decodes is the key.
    QCOMPARE(url.path(QUrl::FullyDecoded),
             QStringLiteral("/seqdrop-multipart/user_sandbox/a b+c$d é.fastq.gz"));
}

void TestSigV4Signer::objectUrlVirtualHost() {
    QNetworkAccessManager nam;
    S3Client client(&nam, S3Credentials(QStringLiteral("AK"), QStringLiteral("secretsecret")));
    client.setEndpoint(S3Client::awsEndpoint());
    client.setRegion(QStringLiteral("us-east-1"));
    QCOMPARE(client.objectUrl(QStringLiteral("onecodex-multipart"), QStringLiteral("u/x.fq")),
             QUrl(QStringLiteral("https://onecodex-multipart.s3.amazonaws.com/u/x.fq")));
    client.setRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(client.objectUrl(QStringLiteral("onecodex-multipart"), QStringLiteral("u/x.fq")),
             QUrl(QStringLiteral("https://onecodex-multipart.s3.eu-west-1.amazonaws.com/u/x.fq")));
    // A dotted name would not match the wildcard certificate: path style.
    QCOMPARE(client.objectUrl(QStringLiteral("my.bucket"), QStringLiteral("x")),
             QUrl(QStringLiteral("https://s3.amazonaws.com/my.bucket/x")));
}

void TestSigV4Signer::uploadIdSurvivesTheUrl() {
    // Upload ids are opaque and may hold '+', '/' and '=': sent encoded, decoded by S3 to the
    // same text, and signed the same way on both sides.
    QUrl url(QStringLiteral("http://127.0.0.1:8123/b/k"));
    url.setQuery(QStringLiteral("uploadId=") +
                     QString::fromLatin1(SigV4Signer::uriEncode("x+y/z==", false)),
                 QUrl::TolerantMode);
    QCOMPARE(url.toEncoded(), QByteArray("http://127.0.0.1:8123/b/k?uploadId=x%2By%2Fz%3D%3D"));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("uploadId"), QUrl::FullyDecoded),
             QStringLiteral("x+y/z=="));
}

QTEST_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
