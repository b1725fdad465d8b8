// seqdrop-sandbox's multipart route end to end: init_multipart_upload's answer and its
// temporary keys, an upload through them, the import_file_from_s3 callback, the per-sample
// ledger (audited with SandboxLedger like the form route's samples), and every multipart fault.
// The S3 rules themselves are in tst_sandboxs3.
#include "s3testclient.h"
#include "sandboxledger.h"

#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace SandboxTestSupport;
using namespace S3TestSupport;

namespace {

constexpr int MinPart = 1024; // the sandbox runs with --min-part-size 1024

struct Ticket {
    Reply reply;
    QString sampleId, fileId, pairedFileId;
    QByteArray accessKey, secret;
    Upload upload(const QString &key) const {
        Upload u;
        u.bucket = QStringLiteral("seqdrop-multipart");
        u.key = key;
        u.accessKey = accessKey;
        u.secret = secret;
        return u;
    }
};

} // namespace

class TestSandboxMultipart : public SandboxTest {
    Q_OBJECT

protected:
    QStringList sandboxArgs() const override {
        return {"--min-part-size", QString::number(MinPart)};
    }

    Ticket initMultipart(const QJsonObject &body, SandboxProcess *sandbox = nullptr) {
        Ticket t;
        t.reply = api("POST", "/api/v1/samples/init_multipart_upload", body, Auth::Basic, sandbox);
        const QJsonObject j = t.reply.json();
        t.sampleId = j.value("sample_id").toString();
        t.fileId = j.value("file_id").toString();
        t.pairedFileId = j.value("paired_end_file_id").toString();
        t.accessKey = j.value("upload_aws_access_key_id").toString().toLatin1();
        t.secret = j.value("upload_aws_secret_access_key").toString().toLatin1();
        return t;
    }
    S3Reply s3(const S3Request &r, SandboxProcess *sandbox = nullptr) {
        return send(m_nam, (sandbox ? sandbox : m_sandbox.get())->port(), r);
    }
    // Sends `data` as a multipart upload of parts of `partSize`; returns the Complete answer.
    S3Reply uploadFile(Upload &u, const QByteArray &data, int partSize,
                       SandboxProcess *sandbox = nullptr) {
        S3Request create = request(u, "POST", {{"uploads", ""}});
        create.headers << qMakePair(QByteArray("x-amz-server-side-encryption"),
                                    QByteArray("AES256"));
        u.uploadId = s3(create, sandbox).element("UploadId");
        QList<QPair<int, QByteArray>> parts;
        for (int n = 1; (n - 1) * partSize < data.size(); ++n) {
            const QByteArray piece = data.mid((n - 1) * partSize, partSize);
            const S3Reply r =
                s3(request(u, "PUT", {{"partNumber", QString::number(n)}, {"uploadId", u.uploadId}},
                           piece),
                   sandbox);
            if (r.status != 200)
                return r;
            parts.append({n, md5Hex(piece)});
        }
        return s3(request(u, "POST", {{"uploadId", u.uploadId}}, completeXml(parts)), sandbox);
    }
    Reply callback(const QString &fileId, const QString &filename,
                   SandboxProcess *sandbox = nullptr) {
        return api("POST", "/api/import_file_from_s3",
                   {{"s3_path", "s3://seqdrop-multipart/" + fileId}, {"filename", filename}},
                   Auth::Basic, sandbox);
    }
    QByteArray fileBytes(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QJsonObject upload(const QString &uploadId) {
        for (const QJsonValue &v : m_sandbox->state().value("multipart").toArray())
            if (v.toObject().value("upload_id").toString() == uploadId)
                return v.toObject();
        return {};
    }

private slots:
    void initAnswer() {
        const Ticket t = initMultipart({{"filename", "big_R1.fastq.gz"},
                                        {"project", SandboxProcess::SandboxProjectId},
                                        {"tags", QJsonArray{"run7", QJsonObject{{"name", "x"}}}}});
        QCOMPARE(t.reply.status, 200);
        const QJsonObject j = t.reply.json();
        QCOMPARE(j.value("callback_url").toString(), QString("/api/import_file_from_s3"));
        QCOMPARE(j.value("s3_bucket").toString(), QString("seqdrop-multipart"));
        QVERIFY(j.value("paired_end_file_id").isNull());
        QVERIFY(t.fileId.endsWith("/big_R1.fastq.gz"));
        QVERIFY(t.fileId.contains(t.sampleId));
        QCOMPARE(t.accessKey.size(), 20);
        QCOMPARE(t.secret.size(), 40);
        const QJsonObject sample = m_sandbox->sample(t.sampleId);
        QCOMPARE(sample.value("status").toString(), QString("awaiting_data"));
        QCOMPARE(sample.value("route").toString(), QString("multipart"));
        QCOMPARE(sample.value("project_id").toString(), QString(SandboxProcess::SandboxProjectId));
        QCOMPARE(sample.value("tag_ids").toArray().size(), 2);
        QCOMPARE(m_sandbox->counts().value("init_multipart_upload").toInt(), 1);

        const Ticket pair =
            initMultipart({{"filename", "p_R1.fastq"}, {"paired_end_filename", "p_R2.fastq"}});
        QVERIFY(pair.pairedFileId.endsWith("/r2/p_R2.fastq"));

        QCOMPARE(initMultipart({{"filename", "bad name"}}).reply.status, 400);
        QCOMPARE(initMultipart({{"filename", "a.fastq"}, {"project", "nope"}}).reply.status, 400);
        QCOMPARE(initMultipart({{"filename", "a.fastq"}, {"sample_id", "0123"}}).reply.status, 400);
        QCOMPARE(api("POST", "/api/v1/samples/init_multipart_upload", {{"filename", "a.fastq"}},
                     Auth::None)
                     .status,
                 401);
    }

    void keysReachOnlyTheirSample() {
        const Ticket mine = initMultipart({{"filename", "mine.fastq"}});
        const Ticket other = initMultipart({{"filename", "other.fastq"}});
        S3Request r = request(mine.upload(other.fileId), "PUT", {}, "data");
        S3Reply reply = s3(r);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QString("AccessDenied"));
        r.bucket = "seqdrop-test";
        r.key = "x.bin";
        QCOMPARE(s3(r).code(), QString("AccessDenied"));
        // The fixed keys may not invent keys in the multipart bucket either.
        Upload fixed;
        fixed.bucket = "seqdrop-multipart";
        fixed.key = "user_5eed5a9db0c5e001/file_0000000000000000/x.fastq";
        QCOMPARE(s3(request(fixed, "POST", {{"uploads", ""}})).code(), QString("AccessDenied"));
        Upload u = mine.upload(mine.fileId);
        QCOMPARE(uploadFile(u, "@r\nACGT\n+\nIIII\n", MinPart).status, 200);
    }

    void roundTripAudited() {
        // A sandbox of its own, so the ledger audit sees only this sample.
        SandboxProcess sandbox({"--min-part-size", QString::number(MinPart)});
        QVERIFY(sandbox.start());
        const QString r1 = fastq("audit_R1.fastq", 60, 3), r2 = fastq("audit_R2.fastq", 50, 4);
        const Ticket t = initMultipart(
            {{"filename", "audit_R1.fastq"}, {"paired_end_filename", "audit_R2.fastq"}}, &sandbox);
        QCOMPARE(t.reply.status, 200);
        Upload u2 = t.upload(t.pairedFileId), u1 = t.upload(t.fileId);
        QCOMPARE(uploadFile(u2, fileBytes(r2), 4096, &sandbox).status, 200);
        // R1 is not there yet: the callback refuses, and the sample still awaits data.
        Reply cb = callback(t.fileId, "audit_R1.fastq", &sandbox);
        QCOMPARE(cb.status, 404);
        QVERIFY2(cb.message().contains("has not been uploaded"), qPrintable(cb.message()));
        const S3Reply done = uploadFile(u1, fileBytes(r1), 4096, &sandbox);
        QCOMPARE(done.status, 200);
        QVERIFY(
            done.element("ETag").endsWith(QStringLiteral("-%1\"").arg((sizeOf(r1) + 4095) / 4096)));
        cb = callback(t.fileId, "audit_R1.fastq", &sandbox);
        QCOMPARE(cb.status, 200);
        QCOMPARE(cb.json().value("sample_id").toString(), t.sampleId);

        SandboxLedger ledger;
        SandboxLedger::Sample local;
        local.file = r1;
        local.pairedFile = r2;
        local.status = "confirmed";
        local.sampleId = t.sampleId;
        ledger.add(local);
        const QJsonObject state = sandbox.state();
        const QStringList problems = ledger.check(state);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const QJsonObject sample = sandbox.sample(t.sampleId);
        QCOMPARE(sample.value("status").toString(), QString("available"));
        QCOMPARE(sample.value("size").toInteger(), sizeOf(r1) + sizeOf(r2));
        QCOMPARE(sample.value("callbacks").toInt(), 1);
        QCOMPARE(sample.value("parts_bytes").toInteger(), sizeOf(r1) + sizeOf(r2));
        QCOMPARE(sample.value("parts_received").toInt(),
                 int((sizeOf(r1) + 4095) / 4096 + (sizeOf(r2) + 4095) / 4096));
        QCOMPARE(fileBytes(sandbox.objectPath(t.fileId)), fileBytes(r1));
        QCOMPARE(state.value("counts").toObject().value("open_multipart_uploads").toInt(), 0);
        for (const QJsonValue &v : state.value("multipart").toArray()) {
            QCOMPARE(v.toObject().value("state").toString(), QString("completed"));
            QCOMPARE(v.toObject().value("sse").toString(), QString("AES256"));
            QCOMPARE(v.toObject().value("sample_id").toString(), t.sampleId);
        }

        // Again: the same answer, and a second callback counted.
        cb = callback(t.fileId, "audit_R1.fastq", &sandbox);
        QCOMPARE(cb.status, 200);
        QCOMPARE(cb.json().value("sample_id").toString(), t.sampleId);
        QCOMPARE(sandbox.sample(t.sampleId).value("callbacks").toInt(), 2);
        QCOMPARE(sandbox.counts().value("import_file_from_s3").toInt(), 3);
        m_nam.clearConnectionCache(); // or the sandbox waits for them to stop
    }

    void callbackRefusals() {
        QCOMPARE(callback("", "a.fastq").status, 400);
        Reply r = api("POST", "/api/import_file_from_s3",
                      {{"s3_path", "s3://other-bucket/key"}, {"filename", "a.fastq"}}, Auth::Basic);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("status").toInt(), 400);
        QCOMPARE(callback("user_5eed5a9db0c5e001/file_0000000000000000/a.fastq", "a.fastq").status,
                 404);
        const Ticket t = initMultipart({{"filename", "cancelled.fastq"}});
        Upload u = t.upload(t.fileId);
        QCOMPARE(uploadFile(u, "@r\nACGT\n+\nIIII\n", MinPart).status, 200);
        QCOMPARE(api("POST", "/api/v1/samples/cancel_upload", {{"sample_id", t.sampleId}}).status,
                 200);
        r = callback(t.fileId, "cancelled.fastq");
        QCOMPARE(r.status, 400);
        QVERIFY(r.message().contains("cancelled"));
    }

    void expiredKeys() {
        SandboxProcess sandbox({"--credential-ttl", "-60"});
        QVERIFY(sandbox.start());
        const Ticket t = initMultipart({{"filename", "late.fastq"}}, &sandbox);
        const S3Reply r = s3(request(t.upload(t.fileId), "POST", {{"uploads", ""}}), &sandbox);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QString("ExpiredToken"));
        m_nam.clearConnectionCache(); // or the sandbox waits for them to stop
    }

    void partFaults() {
        const Ticket t = initMultipart({{"filename", "faults.fastq"}});
        Upload u = t.upload(t.fileId);
        S3Request create = request(u, "POST", {{"uploads", ""}});
        u.uploadId = s3(create).element("UploadId");
        const QByteArray data(MinPart, 'p');
        const S3Request put =
            request(u, "PUT", {{"partNumber", "1"}, {"uploadId", u.uploadId}}, data);

        QVERIFY(m_sandbox->setFaults({{"fail_parts", 1}}));
        S3Reply r = s3(put);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.code(), QString("SlowDown"));
        QVERIFY(m_sandbox->setFaults({{"fail_parts", 1}, {"fail_parts_status", 500}}));
        r = s3(put);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.code(), QString("InternalError"));
        QVERIFY(upload(u.uploadId).value("parts").toArray().isEmpty());

        // QNAM sends a request again when its connection ends before any answer byte: enough
        // cuts leave it without an answer.
        const int faultsBefore = m_sandbox->counts().value("faults_injected").toInt();
        QVERIFY(m_sandbox->setFaults({{"cut_parts", 3}}));
        r = s3(request(u, "PUT", {{"partNumber", "1"}, {"uploadId", u.uploadId}},
                       QByteArray(256 * 1024, 'c')));
        QCOMPARE(r.status, 0); // no HTTP answer: the connection was cut
        QVERIFY(r.error != QNetworkReply::NoError);
        QVERIFY(m_sandbox->counts().value("faults_injected").toInt() > faultsBefore);
        QVERIFY(m_sandbox->setFaults({{"cut_parts", 0}}));
        QVERIFY(upload(u.uploadId).value("parts").toArray().isEmpty());

        // The soak's random faults reach parts too: refused or cut, never stored.
        QVERIFY(m_sandbox->setFaults({{"random_faults", 1.0}}));
        r = s3(put);
        QVERIFY2(r.status == 503 || r.status == 0, qPrintable(QString::number(r.status)));
        QVERIFY(m_sandbox->setFaults({{"random_faults", 0}}));
        QVERIFY(upload(u.uploadId).value("parts").toArray().isEmpty());

        QCOMPARE(s3(put).status, 200);
        const QJsonArray parts = upload(u.uploadId).value("parts").toArray();
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts[0].toObject().value("times_received").toInt(), 1);
        QCOMPARE(m_sandbox->sample(t.sampleId).value("parts_received").toInt(), 1);
    }

    void completeFaults() {
        const Ticket t = initMultipart({{"filename", "complete.fastq"}});
        Upload u = t.upload(t.fileId);
        u.uploadId = s3(request(u, "POST", {{"uploads", ""}})).element("UploadId");
        const QByteArray data(MinPart + 10, 'q');
        QCOMPARE(
            s3(request(u, "PUT", {{"partNumber", "1"}, {"uploadId", u.uploadId}}, data)).status,
            200);
        const S3Request complete =
            request(u, "POST", {{"uploadId", u.uploadId}}, completeXml({{1, md5Hex(data)}}));

        QVERIFY(m_sandbox->setFaults({{"complete_errors", 1}}));
        S3Reply r = s3(complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), QString("InternalError"));
        QCOMPARE(upload(u.uploadId).value("state").toString(), QString("open"));

        const int faultsBefore = m_sandbox->counts().value("faults_injected").toInt();
        QVERIFY(m_sandbox->setFaults({{"lose_completes", 1}}));
        r = s3(complete);
        // Completed, then the connection dropped; QNAM sends the request again by itself when a
        // connection ends before any answer byte, and that retry finds the upload completed.
        QVERIFY2(r.status == 0 || r.status == 200, qPrintable(QString::number(r.status)));
        QCOMPARE(m_sandbox->counts().value("faults_injected").toInt(), faultsBefore + 1);
        QCOMPARE(upload(u.uploadId).value("state").toString(), QString("completed"));
        r = s3(complete); // a retry learns what the lost answer said
        QCOMPARE(r.status, 200);
        QCOMPARE(r.element("ETag").toLatin1(),
                 '"' + md5Hex(QCryptographicHash::hash(data, QCryptographicHash::Md5)) + "-1\"");

        QVERIFY(m_sandbox->setFaults({{"fail_callbacks", 1}}));
        Reply cb = callback(t.fileId, "complete.fastq");
        QCOMPARE(cb.status, 500);
        QCOMPARE(cb.json().value("status").toInt(), 500);
        QCOMPARE(m_sandbox->sample(t.sampleId).value("status").toString(),
                 QString("awaiting_data"));
        cb = callback(t.fileId, "complete.fastq");
        QCOMPARE(cb.status, 200);
        QCOMPARE(m_sandbox->sample(t.sampleId).value("callbacks").toInt(), 1);
    }

    void helpNamesKeysAndFlags() {
        QProcess help;
        help.start(QStringLiteral(SEQDROP_SANDBOX_BIN), {"--help"});
        QVERIFY(help.waitForFinished(10000));
        const QString text = QString::fromLocal8Bit(help.readAllStandardOutput());
        for (const char *expected :
             {"SANDBOXACCESSKEY0000", TestSecret, "seqdrop-multipart", "--min-part-size",
              "--region", "--credential-ttl", "--fail-parts", "--fail-parts-status", "--cut-parts",
              "--lose-completes", "--complete-errors", "--clock-skew", "--fail-callbacks"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
    }

    void otherRegion() {
        SandboxProcess sandbox({"--region", "eu-central-1"});
        QVERIFY(sandbox.start());
        S3Request r;
        r.key = "x";
        S3Reply reply = s3(r, &sandbox);
        QCOMPARE(reply.code(), QString("AuthorizationHeaderMalformed"));
        QCOMPARE(reply.element("Region"), QString("eu-central-1"));
        r.region = "eu-central-1";
        QCOMPARE(s3(r, &sandbox).code(), QString("NoSuchKey"));
        r.key.clear();
        r.query = {{"location", ""}};
        QCOMPARE(s3(r, &sandbox).element("LocationConstraint"), QString("eu-central-1"));
        m_nam.clearConnectionCache(); // or the sandbox waits for them to stop
    }

    void skewedClock() {
        QVERIFY(m_sandbox->setFaults({{"clock_skew_s", 3600}}));
        S3Request r;
        r.key = "nothing";
        S3Reply reply = s3(r);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code(), QString("RequestTimeTooSkewed"));
        // The server's Date says where its clock is: a client corrects from it.
        const QDateTime server = QLocale::c().toDateTime(QString::fromLatin1(reply.header("Date")),
                                                         "ddd, dd MMM yyyy HH:mm:ss 'GMT'");
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(
                         QDateTime(server.date(), server.time(), QTimeZone::utc())) -
                     3600) < 60);
        r.time = QDateTime::currentDateTimeUtc().addSecs(3600);
        QCOMPARE(s3(r).code(), QString("NoSuchKey"));
        QVERIFY(m_sandbox->setFaults({{"clock_skew_s", -30}}));
        r.time = QDateTime();
        QCOMPARE(s3(r).code(), QString("NoSuchKey"));
        QVERIFY(!m_sandbox->setFaults({{"fail_parts_status", 404}}));
        QVERIFY(m_sandbox->setFaults({{"clock_skew_s", 0}}));
    }
};

QTEST_MAIN(TestSandboxMultipart)
#include "tst_sandboxmultipart.moc"
