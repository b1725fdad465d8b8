// seqdrop-sandbox's S3 REST side as S3 answers it, driven by a hand SigV4 signer: every
// authentication refusal and every multipart rule with S3's error code and status, objects,
// paging, aborts and aws-chunked bodies. The multipart API route and the faults are in
// tst_sandboxmultipart; awscli and s3cmd in tst_sandboxs3clients.
#include "s3testclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace SandboxTestSupport;
using namespace S3TestSupport;

namespace {

constexpr int MinPart = 1024; // the sandbox runs with --min-part-size 1024

QByteArray bytes(int size, char seed) {
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char(seed + i * 7 + i / 251);
    return out;
}

// The multipart ETag S3 gives a completed upload: MD5 of the parts' binary MD5s, then -N.
QByteArray multipartEtag(const QList<QByteArray> &parts) {
    QByteArray digests;
    for (const QByteArray &p : parts)
        digests += QCryptographicHash::hash(p, QCryptographicHash::Md5);
    return '"' + md5Hex(digests) + '-' + QByteArray::number(parts.size()) + '"';
}

} // namespace

class TestSandboxS3 : public SandboxTest {
    Q_OBJECT

protected:
    QStringList sandboxArgs() const override {
        return {"--min-part-size", QString::number(MinPart)};
    }

    S3Reply s3(const S3Request &r) { return send(m_nam, m_sandbox->port(), r); }

    Upload create(const QString &key) {
        Upload u;
        u.key = key;
        S3Request r = request(u, "POST", {{"uploads", ""}});
        r.headers << qMakePair(QByteArray("x-amz-server-side-encryption"), QByteArray("AES256"));
        const S3Reply reply = s3(r);
        u.uploadId = reply.element("UploadId");
        return u;
    }
    S3Reply part(const Upload &u, const QString &number, const QByteArray &data,
                 const QByteArray &md5 = "auto") {
        S3Request r = request(u, "PUT", {{"partNumber", number}, {"uploadId", u.uploadId}}, data);
        if (!md5.isEmpty())
            r.headers << qMakePair(
                QByteArray("content-md5"),
                md5 == "auto" ? QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64()
                              : md5);
        return s3(r);
    }
    S3Reply complete(const Upload &u, const QList<QPair<int, QByteArray>> &parts) {
        return s3(request(u, "POST", {{"uploadId", u.uploadId}}, completeXml(parts)));
    }
    QJsonObject ledger(const QString &uploadId) {
        for (const QJsonValue &v : m_sandbox->state().value("multipart").toArray())
            if (v.toObject().value("upload_id").toString() == uploadId)
                return v.toObject();
        return {};
    }

private slots:
    void unknownBucket() {
        S3Request r;
        r.bucket = "another-bucket";
        r.key = "x";
        const S3Reply reply = s3(r);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.code(), QString("NoSuchBucket"));
        QCOMPARE(reply.element("BucketName"), QString("another-bucket"));
    }

    void objects() {
        const QByteArray data = bytes(3000, 'a');
        S3Request put;
        put.method = "PUT";
        put.key = "objects/one.bin";
        put.body = data;
        const S3Reply stored = s3(put);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.header("ETag"), '"' + md5Hex(data) + '"');
        QVERIFY(!stored.header("Date").isEmpty());

        S3Request get;
        get.key = "objects/one.bin";
        S3Reply got = s3(get);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, data);
        get.method = "HEAD";
        got = s3(get);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.header("Content-Length"), QByteArray("3000"));

        get.method = "GET";
        get.key = "objects/none.bin";
        got = s3(get);
        QCOMPARE(got.status, 404);
        QCOMPARE(got.code(), QString("NoSuchKey"));

        // Keys are files on the sandbox's disk: none may climb out of its bucket. (QUrl removes
        // dot segments; curl --path-as-is sends them.)
        QProcess curl;
        curl.start("/usr/bin/curl",
                   {"-s", "--path-as-is", "--aws-sigv4", "aws:amz:us-east-1:s3", "--user",
                    QStringLiteral("%1:%2").arg(QLatin1String(TestKey), QLatin1String(TestSecret)),
                    "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", "-X", "PUT", "--data-binary",
                    "x",
                    QStringLiteral("http://127.0.0.1:%1/seqdrop-test/objects/../../escape.bin")
                        .arg(m_sandbox->port())});
        QVERIFY(curl.waitForFinished(10000));
        const QByteArray refused = curl.readAllStandardOutput();
        QVERIFY2(refused.contains("<Code>InvalidArgument</Code>"), refused.constData());
        QVERIFY(!QFile::exists(m_sandbox->dataDir() + "/escape.bin"));

        S3Request list;
        list.query = {{"list-type", "2"}, {"prefix", "objects/"}};
        const S3Reply listed = s3(list);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.element("Key"), QString("objects/one.bin"));
        QCOMPARE(listed.element("KeyCount"), QString("1"));
    }

    void refusedSignatures() {
        S3Request r;
        r.method = "PUT";
        r.key = "refused/a.bin";
        r.body = "hello";
        r.secret = "not-the-secret";
        S3Reply reply = s3(r);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QString("SignatureDoesNotMatch"));
        QVERIFY(!reply.element("CanonicalRequest").isEmpty());

        r.secret = TestSecret;
        r.accessKey = "AKIANOSUCHKEY0000000";
        reply = s3(r);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QString("InvalidAccessKeyId"));

        r.accessKey = TestKey;
        r.region = "eu-west-1";
        reply = s3(r);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QString("AuthorizationHeaderMalformed"));
        QCOMPARE(reply.element("Region"), QString("us-east-1"));
        QCOMPARE(reply.header("x-amz-bucket-region"), QByteArray("us-east-1"));

        r.region = "us-east-1";
        r.time = QDateTime::currentDateTimeUtc().addSecs(-16 * 60);
        reply = s3(r);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QString("RequestTimeTooSkewed"));
        QCOMPARE(reply.element("MaxAllowedSkewMilliseconds"), QString("900000"));
        QVERIFY(!reply.header("Date").isEmpty());

        r.time = QDateTime::currentDateTimeUtc().addSecs(-14 * 60); // within 15 minutes: fine
        reply = s3(r);
        QCOMPARE(reply.status, 200);

        r.time = QDateTime();
        r.payloadHash = sha256Hex("something else");
        reply = s3(r);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), QString("XAmzContentSHA256Mismatch"));
        QCOMPARE(reply.element("S3ComputedContentSHA256"), QString(sha256Hex("hello")));

        r.payloadHash = "UNSIGNED-PAYLOAD";
        r.key = "refused/unsigned.bin";
        QCOMPARE(s3(r).status, 200);

        // No Authorization at all.
        QNetworkRequest anonymous(
            QUrl(QStringLiteral("http://127.0.0.1:%1/seqdrop-test/refused/a.bin")
                     .arg(m_sandbox->port())));
        reply = perform(m_nam, anonymous, "GET", {});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QString("AccessDenied"));
        QCOMPARE(m_sandbox->counts().value("s3_auth_failures").toInt(), 5);
    }

    void multipartRules() {
        Upload u = create("rules/object.bin");
        QVERIFY(!u.uploadId.isEmpty());
        const QByteArray p1 = bytes(MinPart, '1'), p2 = bytes(MinPart + 5, '2'),
                         p3 = bytes(10, '3');

        S3Reply r = part(u, "0", p1);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("InvalidArgument"));
        QCOMPARE(part(u, "10001", p1).code(), QString("InvalidArgument"));
        r = part(u, "1", p1, QCryptographicHash::hash("other", QCryptographicHash::Md5).toBase64());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("BadDigest"));
        QCOMPARE(part(u, "1", p1, "bm90IGFuIG1kNQ==").code(), QString("InvalidDigest"));
        Upload bogus = u;
        bogus.uploadId = "0123456789abcdef0123456789abcdef";
        r = part(bogus, "1", p1);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QString("NoSuchUpload"));

        r = part(u, "1", p1);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"), '"' + md5Hex(p1) + '"');
        QCOMPARE(r.header("x-amz-server-side-encryption"), QByteArray("AES256"));
        QCOMPARE(part(u, "2", p3).status, 200); // too small unless it is the last
        QCOMPARE(part(u, "3", p3).status, 200);

        r = complete(u, {{2, md5Hex(p3)}, {1, md5Hex(p1)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("InvalidPartOrder"));
        r = complete(u, {{1, md5Hex(p1)}, {2, md5Hex(p2)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("InvalidPart"));
        QCOMPARE(complete(u, {{1, md5Hex(p1)}, {4, md5Hex(p3)}}).code(), QString("InvalidPart"));
        r = complete(u, {{1, md5Hex(p1)}, {2, md5Hex(p3)}, {3, md5Hex(p3)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("EntityTooSmall"));
        QCOMPARE(r.element("PartNumber"), QString("2"));
        r = s3(request(u, "POST", {{"uploadId", u.uploadId}}, QByteArray(3 << 20, ' ')));
        QCOMPARE(r.status, 400); // a Complete body has no business being this large
        QCOMPARE(r.code(), QString("EntityTooLarge"));
        r = s3(request(u, "POST", {{"uploadId", u.uploadId}}, "<CompleteMultipartUpload><Part>"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("MalformedXML"));
        QCOMPARE(complete(bogus, {{1, md5Hex(p1)}}).code(), QString("NoSuchUpload"));

        QCOMPARE(part(u, "2", p2).status, 200); // a resend replaces the part
        r = complete(u, {{1, md5Hex(p1)}, {2, md5Hex(p2)}, {3, md5Hex(p3)}});
        QCOMPARE(r.status, 200);
        const QByteArray etag = multipartEtag({p1, p2, p3});
        QCOMPARE(r.element("ETag").toLatin1(), etag);
        QCOMPARE(r.element("Key"), QString("rules/object.bin"));

        // A retried Complete (its answer lost) gets the same answer; other calls see no upload.
        r = complete(u, {{1, md5Hex(p1)}, {2, md5Hex(p2)}, {3, md5Hex(p3)}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.element("ETag").toLatin1(), etag);
        QCOMPARE(part(u, "4", p3).code(), QString("NoSuchUpload"));
        QCOMPARE(s3(request(u, "GET", {{"uploadId", u.uploadId}})).code(), QString("NoSuchUpload"));

        S3Request get;
        get.key = u.key;
        const S3Reply got = s3(get);
        QCOMPARE(got.body, p1 + p2 + p3);
        QCOMPARE(got.header("ETag"), etag);

        const QJsonObject entry = ledger(u.uploadId);
        QCOMPARE(entry.value("state").toString(), QString("completed"));
        QCOMPARE(entry.value("sse").toString(), QString("AES256"));
        const QJsonArray parts = entry.value("parts").toArray();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[1].toObject().value("times_received").toInt(), 2);
        QCOMPARE(parts[1].toObject().value("size").toInt(), p2.size());
        QCOMPARE(parts[0].toObject().value("md5").toString(), QString(md5Hex(p1)));
    }

    void largeCompleteStreams() {
        // Above 64 MiB the sandbox answers a Complete as S3 does: 200 at once, spaces while the
        // object is assembled, then the result document.
        Upload u = create("large/object.bin");
        const QByteArray p1 = bytes(40 << 20, 'L'), p2 = bytes(30 << 20, 'M');
        for (const auto &[number, data] : {qMakePair(1, p1), qMakePair(2, p2)}) {
            S3Request r =
                request(u, "PUT",
                        {{"partNumber", QString::number(number)}, {"uploadId", u.uploadId}}, data);
            r.payloadHash = "UNSIGNED-PAYLOAD"; // Qt's SHA-256 would take longer than the test
            QCOMPARE(s3(r).status, 200);
        }
        const S3Reply r = complete(u, {{1, md5Hex(p1)}, {2, md5Hex(p2)}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n "),
                 r.body.left(80).constData());
        QCOMPARE(r.element("ETag").toLatin1(), multipartEtag({p1, p2}));
        QCOMPARE(ledger(u.uploadId).value("state").toString(), QString("completed"));
        S3Request head;
        head.method = "HEAD";
        head.key = u.key;
        QCOMPARE(s3(head).header("Content-Length"), QByteArray::number(p1.size() + p2.size()));
        QCOMPARE(TestFiles::md5OfFile(m_sandbox->dataDir() + "/buckets/seqdrop-test/" + u.key),
                 md5Hex(p1 + p2));
    }

    void listPartsPages() {
        const int listsBefore = m_sandbox->counts().value("list_parts").toInt();
        Upload u = create("pages/object.bin");
        for (int n = 1; n <= 5; ++n)
            QCOMPARE(part(u, QString::number(n), bytes(MinPart, char('a' + n))).status, 200);
        S3Reply r = s3(request(u, "GET", {{"uploadId", u.uploadId}, {"max-parts", "2"}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.element("IsTruncated"), QString("true"));
        QCOMPARE(r.element("NextPartNumberMarker"), QString("2"));
        QCOMPARE(r.body.count("<Part>"), 2);
        r = s3(request(
            u, "GET", {{"uploadId", u.uploadId}, {"max-parts", "2"}, {"part-number-marker", "4"}}));
        QCOMPARE(r.element("IsTruncated"), QString("false"));
        QCOMPARE(r.element("PartNumber"), QString("5"));
        QCOMPARE(r.element("Size"), QString::number(MinPart));
        QCOMPARE(r.element("ETag").toLatin1(), '"' + md5Hex(bytes(MinPart, 'f')) + '"');
        r = s3(request(u, "GET", {{"uploadId", u.uploadId}}));
        QCOMPARE(r.body.count("<Part>"), 5);
        QCOMPARE(m_sandbox->counts().value("list_parts").toInt(), listsBefore + 3);
    }

    void abortRules() {
        const int openBefore = m_sandbox->counts().value("open_multipart_uploads").toInt();
        Upload u = create("abort/object.bin");
        QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), openBefore + 1);
        QCOMPARE(part(u, "1", bytes(MinPart, 'x')).status, 200);
        S3Reply r = s3(request(u, "DELETE", {{"uploadId", u.uploadId}}));
        QCOMPARE(r.status, 204);
        QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), openBefore);
        QCOMPARE(ledger(u.uploadId).value("state").toString(), QString("aborted"));
        QCOMPARE(part(u, "2", bytes(MinPart, 'y')).code(), QString("NoSuchUpload"));
        r = s3(request(u, "DELETE", {{"uploadId", u.uploadId}}));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QString("NoSuchUpload"));
        QCOMPARE(complete(u, {{1, md5Hex(bytes(MinPart, 'x'))}}).code(), QString("NoSuchUpload"));
    }

    void listUploads() {
        const Upload a = create("listed/a.bin"), b = create("listed/b.bin");
        create("elsewhere/c.bin");
        S3Request r;
        r.query = {{"uploads", ""}, {"prefix", "listed/"}};
        S3Reply reply = s3(r);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.count("<Upload>"), 2);
        QCOMPARE(reply.element("UploadId"), a.uploadId);
        r.query = {{"uploads", ""}, {"prefix", "listed/"}, {"max-uploads", "1"}};
        reply = s3(r);
        QCOMPARE(reply.element("IsTruncated"), QString("true"));
        QCOMPARE(reply.element("NextKeyMarker"), QString("listed/a.bin"));
        r.query = {{"uploads", ""}, {"prefix", "listed/"}, {"key-marker", "listed/a.bin"}};
        QCOMPARE(s3(r).element("UploadId"), b.uploadId);
        QCOMPARE(s3(request(a, "DELETE", {{"uploadId", a.uploadId}})).status, 204);
        r.query = {{"uploads", ""}, {"prefix", "listed/"}};
        QCOMPARE(s3(r).body.count("<Upload>"), 1);
    }

    void awsChunkedBody() {
        // STREAMING-AWS4-HMAC-SHA256-PAYLOAD: each chunk signed, chaining from the seed.
        const QByteArray data = bytes(70000, 'c');
        for (const int round : {0, 1, 2}) {
            const bool tamper = round == 1, wrongLength = round == 2;
            S3Request r;
            r.method = "PUT";
            r.key = round == 0 ? "chunked/good.bin" : "chunked/bad.bin";
            r.payloadHash = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
            r.headers = {{"content-encoding", "aws-chunked"},
                         {"x-amz-decoded-content-length",
                          QByteArray::number(data.size() + (wrongLength ? 1 : 0))}};
            const Signed s = sign(m_sandbox->port(), r);
            QByteArray body, previous = s.signature;
            for (qsizetype at = 0;; at += 65536) {
                const QByteArray chunk = data.mid(at, 65536);
                const QByteArray toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + s.amzDate + '\n' +
                                          s.scope + '\n' + previous + '\n' + EmptyHash + '\n' +
                                          sha256Hex(chunk);
                previous = hmac(s.signingKey, toSign).toHex();
                if (tamper && chunk.isEmpty())
                    previous[0] = previous[0] == 'a' ? 'b' : 'a';
                body += QByteArray::number(chunk.size(), 16) + ";chunk-signature=" + previous +
                        "\r\n" + chunk + "\r\n";
                if (chunk.isEmpty())
                    break;
            }
            const S3Reply reply = perform(m_nam, s.request, "PUT", body);
            if (tamper) {
                QCOMPARE(reply.status, 403);
                QCOMPARE(reply.code(), QString("SignatureDoesNotMatch"));
                continue;
            }
            if (wrongLength) {
                QCOMPARE(reply.status, 400);
                QCOMPARE(reply.code(), QString("IncompleteBody"));
                continue;
            }
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("ETag"), '"' + md5Hex(data) + '"');
        }
        S3Request get;
        get.key = "chunked/good.bin";
        QCOMPARE(s3(get).body, data);
        get.key = "chunked/bad.bin";
        QCOMPARE(s3(get).status, 404);
    }
};

QTEST_MAIN(TestSandboxS3)
#include "tst_sandboxs3.moc"
