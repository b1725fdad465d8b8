// The sandbox's SigV4Verifier and AwsChunkedDecoder against AWS's own published examples
// (Amazon S3 API Reference, "Signature Calculations for the Authorization Header" and
// "Signature Calculations ... Transferring Payload in Multiple Chunks"), so the sandbox's idea
// of a correct signature is AWS's and not only that of the clients it is tested with.
#include "awschunkeddecoder.h"
#include "sigv4verifier.h"

#include <QTimeZone>
#include <QtTest>

namespace {

const QByteArray kAccessKey = "AKIAIOSFODNN7EXAMPLE";
const QByteArray kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
using Pairs = QList<QPair<QByteArray, QByteArray>>;

const QDateTime kTime(QDate(2013, 5, 24), QTime(0, 0), QTimeZone::utc());

SigV4Verifier::SecretLookup lookup() {
    return [](const QString &id) -> std::optional<SigV4Verifier::Secret> {
        if (id.toLatin1() != kAccessKey)
            return std::nullopt;
        return SigV4Verifier::Secret{kSecret, QDateTime(), QString()};
    };
}

QByteArray authorization(const QByteArray &signedHeaders, const QByteArray &signature) {
    return "AWS4-HMAC-SHA256 Credential=" + kAccessKey +
           "/20130524/us-east-1/s3/aws4_request,SignedHeaders=" + signedHeaders +
           ",Signature=" + signature;
}

} // namespace

class TestSigV4Verifier : public QObject {
    Q_OBJECT

private slots:
    void awsExamples_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<Pairs>("query");
        QTest::addColumn<Pairs>("headers");
        QTest::addColumn<QByteArray>("signedHeaders");
        QTest::addColumn<QByteArray>("signature");
        const QByteArray empty = SigV4Verifier::sha256Hex(QByteArray());
        QTest::newRow("GET Object")
            << QByteArray("GET") << QByteArray("/test.txt") << Pairs()
            << Pairs{{"Host", "examplebucket.s3.amazonaws.com"},
                     {"Range", "bytes=0-9"},
                     {"x-amz-content-sha256", empty},
                     {"x-amz-date", "20130524T000000Z"}}
            << QByteArray("host;range;x-amz-content-sha256;x-amz-date")
            << QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        QTest::newRow("GET Bucket lifecycle")
            << QByteArray("GET") << QByteArray("/") << Pairs{{"lifecycle", ""}}
            << Pairs{{"Host", "examplebucket.s3.amazonaws.com"},
                     {"x-amz-content-sha256", empty},
                     {"x-amz-date", "20130524T000000Z"}}
            << QByteArray("host;x-amz-content-sha256;x-amz-date")
            << QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        QTest::newRow("GET Bucket (list objects)")
            << QByteArray("GET") << QByteArray("/") << Pairs{{"max-keys", "2"}, {"prefix", "J"}}
            << Pairs{{"Host", "examplebucket.s3.amazonaws.com"},
                     {"x-amz-content-sha256", empty},
                     {"x-amz-date", "20130524T000000Z"}}
            << QByteArray("host;x-amz-content-sha256;x-amz-date")
            << QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        QTest::newRow("PUT Object")
            << QByteArray("PUT") << QByteArray("/test$file.text") << Pairs()
            << Pairs{{"Host", "examplebucket.s3.amazonaws.com"},
                     {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                     {"x-amz-date", "20130524T000000Z"},
                     {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
                     {"x-amz-content-sha256", SigV4Verifier::sha256Hex("Welcome to Amazon S3.")}}
            << QByteArray("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class")
            << QByteArray("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    void awsExamples() {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(Pairs, query);
        QFETCH(Pairs, headers);
        QFETCH(QByteArray, signedHeaders);
        QFETCH(QByteArray, signature);
        SigV4Verifier verifier(QStringLiteral("us-east-1"));
        SigV4Verifier::Request request{method, path, query, headers};
        request.headers.append({"Authorization", authorization(signedHeaders, signature)});
        SigV4Verifier::Result r = verifier.verify(request, kTime, lookup());
        QVERIFY2(r.ok, qPrintable(r.code + ": " + r.message + "\n" +
                                  (r.details.size() > 3 ? r.details[3].second : QString())));
        QCOMPARE(r.signature, signature);

        // One character off, and it is refused as S3 refuses it.
        QByteArray wrong = signature;
        wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
        request.headers.last().second = authorization(signedHeaders, wrong);
        r = verifier.verify(request, kTime, lookup());
        QCOMPARE(r.code, QString("SignatureDoesNotMatch"));
        QCOMPARE(r.status, 403);
    }

    void awsChunkedExample() {
        // PUT /examplebucket/chunkObject.txt: 66560 bytes of 'a' in chunks of 64 KiB and 1 KiB.
        const Pairs headers{
            {"Host", "s3.amazonaws.com"},
            {"x-amz-date", "20130524T000000Z"},
            {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
            {"Content-Encoding", "aws-chunked"},
            {"x-amz-decoded-content-length", "66560"},
            {"Content-Length", "66824"},
            {"x-amz-content-sha256", SigV4Verifier::StreamingPayload},
            {"Authorization",
             authorization("content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                           "x-amz-decoded-content-length;x-amz-storage-class",
                           "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")}};
        SigV4Verifier verifier(QStringLiteral("us-east-1"));
        const SigV4Verifier::Result seed = verifier.verify(
            {"PUT", "/examplebucket/chunkObject.txt", {}, headers}, kTime, lookup());
        QVERIFY2(seed.ok, qPrintable(seed.code + ": " + seed.message));

        const QByteArray body =
            "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"
            "\r\n" +
            QByteArray(65536, 'a') +
            "\r\n400;chunk-signature="
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n" +
            QByteArray(1024, 'a') +
            "\r\n0;chunk-signature="
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n";
        QCOMPARE(body.size(), 66824);
        for (const int piece : {1, 7, 4096, 66824}) { // however the network splits it
            AwsChunkedDecoder decoder(seed.signature, seed.signingKey, seed.amzDate, seed.scope);
            QByteArray out;
            bool ok = true;
            for (qsizetype at = 0; at < body.size() && ok; at += piece)
                ok = decoder.feed(body.constData() + at,
                                  size_t(qMin<qsizetype>(piece, body.size() - at)),
                                  [&](const char *d, size_t n) { out.append(d, qsizetype(n)); });
            QVERIFY2(ok, qPrintable(decoder.error()));
            QVERIFY(decoder.finished());
            QCOMPARE(out, QByteArray(66560, 'a'));
        }
    }
};

QTEST_APPLESS_MAIN(TestSigV4Verifier)
#include "tst_sigv4verifier.moc"
