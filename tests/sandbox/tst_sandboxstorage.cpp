// seqdrop-sandbox's storage host as S3 answers presigned POST uploads: forms that do not match
// their policy, bodies too large or cut, SigV4 forms, and what a refused upload leaves on the
// connection. Its API is tested in tst_sandboxapi.
#include "sandboxtest.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace SandboxTestSupport;

namespace {

// The sandbox reads a refused body of up to 16 MiB to its end (docs/sandbox.md).
constexpr qint64 StorageBodyDrainLimit = 16 * 1024 * 1024;

void setField(Form &form, const QString &name, const QString &value) {
    for (auto &f : form)
        if (f.first == name)
            f.second = value;
}

} // namespace

class TestSandboxStorage : public SandboxTest {
    Q_OBJECT

private slots:
    void tamperedSignature() {
        const QString path = fastq("tamper.fastq", 10);
        Init i = init({{"filename", "tamper.fastq"}, {"size", sizeOf(path)}});
        setField(i.form, "signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        const Reply r = upload(i.url, i.form, path);
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("<Code>SignatureDoesNotMatch</Code>"));
        QCOMPARE(m_sandbox->sample(i.sampleId).value("objects").toArray().size(), 0);
    }

    void modifiedAcl() {
        const QString path = fastq("acl.fastq", 10);
        Init i = init({{"filename", "acl.fastq"}, {"size", sizeOf(path)}});
        setField(i.form, "acl", "public-read");
        const Reply r = upload(i.url, i.form, path);
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("<Code>AccessDenied</Code>"));
        QVERIFY2(r.body.contains("Policy Condition failed: [\"eq\", \"$acl\", \"private\"]"),
                 r.body);
    }

    void extraField() {
        const QString path = fastq("extra.fastq", 10);
        Init i = init({{"filename", "extra.fastq"}, {"size", sizeOf(path)}});
        i.form.append(qMakePair(QString("Content-Type"), QString("text/plain")));
        const Reply r = upload(i.url, i.form, path);
        QCOMPARE(r.status, 403);
        QVERIFY2(r.body.contains("Extra input fields: Content-Type"), r.body);
    }

    void oversizedFile() {
        const QString path = fastq("big.fastq", 20);
        const Init i = init({{"filename", "big.fastq"}, {"size", sizeOf(path) - 1}});
        const Reply r = upload(i.url, i.form, path);
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("<Code>EntityTooLarge</Code>"));
        QCOMPARE(m_sandbox->sample(i.sampleId).value("objects").toArray().size(), 0);
        QVERIFY(QDir(m_sandbox->dataDir() + "/tmp").isEmpty());
    }

    void expiredPolicy() {
        QVERIFY(m_sandbox->setFaults({{"expired_policies", 1}}));
        const QString path = fastq("expired.fastq", 10);
        const Init i = init({{"filename", "expired.fastq"}, {"size", sizeOf(path)}});
        const Reply r = upload(i.url, i.form, path);
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("Invalid according to Policy: Policy expired."));
        // Only one: the next policy is fine.
        const Init again = init({{"filename", "expired.fastq"}, {"size", sizeOf(path)}});
        QCOMPARE(upload(again.url, again.form, path).status, 201);
    }

    // A refused upload is answered and its connection closed, as S3 does, so no unread body
    // is left on a keep-alive connection to be read as the next request. API calls that follow
    // on the same QNetworkAccessManager each get their own answer, and reach the server once.
    void rejectedUploadThenApiCalls_data() {
        QTest::addColumn<qint64>("fileSize");
        QTest::newRow("body read to its end") << qint64(64 * 1024);
        QTest::newRow("answered before the body") << StorageBodyDrainLimit + (1 << 20);
    }

    void rejectedUploadThenApiCalls() {
        QFETCH(qint64, fileSize);
        const QString path =
            TestFiles::writeBytes(m_files.filePath(QStringLiteral("early.bin")), fileSize, 'E');
        QVERIFY(m_sandbox->setFaults({{"expired_policies", 1}}));
        const Init i = init({{"filename", "early.bin"}, {"size", fileSize}});
        QCOMPARE(i.reply.status, 200);
        const Reply refused = upload(i.url, i.form, path);
        if (fileSize <= StorageBodyDrainLimit) {
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.connection, QByteArray("close"));
            QVERIFY(refused.body.contains("Policy expired"));
        } else { // the answer, or a close while still sending (S3 does the same)
            QVERIFY2(refused.status == 403 ||
                         (refused.status == 0 && refused.error != QNetworkReply::NoError),
                     qPrintable(QStringLiteral("HTTP %1, error %2")
                                    .arg(refused.status)
                                    .arg(int(refused.error))));
        }
        const double before = m_sandbox->counts().value("api_calls").toDouble();
        const Reply cancel =
            api("POST", "/api/v1/samples/cancel_upload", {{"sample_id", i.sampleId}});
        QCOMPARE(cancel.status, 200);
        QCOMPARE(cancel.message(), QString("Upload cancelled"));
        for (int n = 0; n < 3; ++n)
            QCOMPARE(api("GET", "/api/v1/account").status, 200);
        QCOMPARE(m_sandbox->counts().value("api_calls").toDouble(), before + 4);
    }

    void cutUpload() {
        const QString path = TestFiles::writeBytes(m_files.filePath("cut.bin"), 8 << 20, 'C');
        const Init i = init({{"filename", "cut.bin"}, {"size", sizeOf(path)}});
        // Qt silently re-sends a request whose connection closed before any
        // answer (up to its reconnect attempts), so cut more than once.
        QVERIFY(m_sandbox->setFaults({{"cut_uploads", 5}, {"cut_at", 0.5}}));
        const double postsBefore = m_sandbox->counts().value("storage_posts").toDouble();
        const Reply r = upload(i.url, i.form, path);
        const double attempts = m_sandbox->counts().value("storage_posts").toDouble() - postsBefore;
        qInfo("cut upload: Qt made %g attempt(s), error %d", attempts, int(r.error));
        QVERIFY(m_sandbox->setFaults({{"cut_uploads", 0}}));
        QVERIFY2(r.status == 0, qPrintable(QString::number(r.status)));
        QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError ||
                     r.error == QNetworkReply::ConnectionRefusedError ||
                     r.error == QNetworkReply::UnknownNetworkError,
                 qPrintable(QString::number(r.error)));
        const QString key = QString(i.form[2].second).replace("${filename}", "cut.bin");
        QVERIFY(!QFile::exists(m_sandbox->objectPath(key)));
        QCOMPARE(m_sandbox->sample(i.sampleId).value("objects").toArray().size(), 0);
        // The retry from byte 0 goes through.
        const Reply retry = upload(i.url, i.form, path);
        QCOMPARE(retry.status, 201);
        QCOMPARE(TestFiles::md5OfFile(m_sandbox->objectPath(key)), TestFiles::md5OfFile(path));
    }

    void authorizationHeaderToStorage() {
        const QString path = fastq("auth.fastq", 10);
        const Init i = init({{"filename", "auth.fastq"}, {"size", sizeOf(path)}});
        const Reply r = upload(i.url, i.form, path, "X-API-Key");
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("Authorization header is not allowed"));
    }

    void gzipHelperWritesRealGzip() {
        const QByteArray text = TestFiles::fastqText(20);
        const QString gz = TestFiles::writeGzip(m_files.filePath("x.fastq.gz"), text);
        QVERIFY(!gz.isEmpty());
        QProcess gunzip;
        gunzip.start("gzip", {"-dc", gz});
        QVERIFY(gunzip.waitForFinished(10000));
        QCOMPARE(gunzip.exitCode(), 0);
        QCOMPARE(gunzip.readAllStandardOutput(), text);
    }

    void sigv4Upload() {
        SandboxProcess v4({"--sigv4"});
        QVERIFY(v4.start());
        const QString path = fastq("v4.fastq", 30);
        Init i = init({{"filename", "v4.fastq"}, {"size", sizeOf(path)}}, &v4);
        QCOMPARE(i.reply.status, 200);
        QStringList names;
        for (const auto &f : i.form)
            names << f.first;
        QVERIFY(names.contains("x-amz-signature") && !names.contains("signature"));
        QCOMPARE(names.first(), QString("x-amz-algorithm"));
        const Reply ok = upload(i.url, i.form, path);
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.etag, '"' + TestFiles::md5OfFile(path) + '"');
        const Init j = init({{"filename", "v4.fastq"}, {"size", sizeOf(path)}}, &v4);
        Form bad = j.form;
        setField(bad, "x-amz-signature", QString(64, '0'));
        const Reply r = upload(j.url, bad, path);
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("SignatureDoesNotMatch"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxStorage)
#include "tst_sandboxstorage.moc"
