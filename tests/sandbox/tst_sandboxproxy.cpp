// seqdrop-sandbox's form route as the older One Codex answered it: S3's 5 GiB single-request
// limit (--max-post-size, EntityTooLarge judged from Content-Length), and the validating proxy
// (--proxy-mode status|callback) that stores the POST, checks the file, and either answers
// status_url polls or confirms the sample itself.
#include "sandboxtest.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace SandboxTestSupport;

namespace {

constexpr qint64 MaxPost = 4 * 1024 * 1024;

QString xmlValue(const QByteArray &xml, const QString &element) {
    const QRegularExpression re(QStringLiteral("<%1>([^<]*)</%1>").arg(element));
    return re.match(QString::fromUtf8(xml)).captured(1);
}

QJsonObject formHas(const Form &form, const QString &name) {
    for (const auto &f : form)
        if (f.first == name)
            return QJsonObject{{"value", f.second}};
    return {};
}

} // namespace

class TestSandboxProxy : public SandboxTest {
    Q_OBJECT

    // This test's own sandbox, stopped in cleanup().
    std::unique_ptr<SandboxProcess> m_own;
    SandboxProcess *startSandbox(const QStringList &args) {
        m_own = std::make_unique<SandboxProcess>(args);
        return m_own->start() ? m_own.get() : nullptr;
    }
    Reply poll(SandboxProcess &sandbox, const QString &statusUrl, const QString &sampleId) {
        QNetworkRequest req{QUrl(statusUrl)};
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        Q_UNUSED(sandbox);
        return wait(m_nam.post(
            req,
            QJsonDocument(QJsonObject{{"sample_id", sampleId}}).toJson(QJsonDocument::Compact)));
    }
    Reply confirm(SandboxProcess &sandbox, const QString &sampleId) {
        return api("POST", "/api/v1/samples/confirm_upload", {{"sample_id", sampleId}},
                   Auth::Header, &sandbox);
    }

private slots:
    void cleanup() {
        // Kept-alive connections would hold the sandbox's threads and delay its clean stop.
        m_nam.clearConnectionCache();
        m_own.reset();
    }

    void entityTooLargeJudgedFromContentLength() {
        SandboxProcess *sandbox = startSandbox({"--max-post-size", QString::number(MaxPost)});
        QVERIFY(sandbox);
        const QString path = fastq("big.fastq", 27000, 7); // about 6 MiB
        QVERIFY(sizeOf(path) > MaxPost);
        const Init i = init({{"filename", "big.fastq"}, {"size", sizeOf(path)}}, sandbox);
        QCOMPARE(i.reply.status, 200);
        const Reply r = upload(i.url, i.form, path);
        QCOMPARE(r.status, 400);
        QCOMPARE(xmlValue(r.body, "Code"), QStringLiteral("EntityTooLarge"));
        QCOMPARE(xmlValue(r.body, "Message"),
                 QStringLiteral("Your proposed upload exceeds the maximum allowed size"));
        QVERIFY2(xmlValue(r.body, "ProposedSize").toLongLong() > sizeOf(path), r.body);
        QCOMPARE(xmlValue(r.body, "MaxSizeAllowed").toLongLong(), MaxPost);
        QVERIFY(!xmlValue(r.body, "RequestId").isEmpty());
        const QJsonObject counts = sandbox->counts();
        QCOMPARE(counts.value("entity_too_large").toInt(), 1);
        QCOMPARE(counts.value("storage_ok").toInt(), 0);
        QCOMPARE(sandbox->sample(i.sampleId).value("objects").toArray().size(), 0);

        // Under the limit the same sandbox stores as before.
        const QString small = fastq("small.fastq", 100, 8);
        const Init j = init({{"filename", "small.fastq"}, {"size", sizeOf(small)}}, sandbox);
        QCOMPARE(upload(j.url, j.form, small).status, 201);
    }

    void curlFormOverTheLimitGetsS3sAnswer() {
        SandboxProcess *sandbox = startSandbox({"--max-post-size", QString::number(MaxPost)});
        QVERIFY(sandbox);
        const QString path = fastq("curl.fastq", 27000, 9);
        const Init i = init({{"filename", "curl.fastq"}, {"size", sizeOf(path)}}, sandbox);
        QStringList args{"-s", "-S", "-w", "\n%{http_code}"};
        for (const auto &f : i.form)
            args << "--form-string" << f.first + '=' + f.second;
        args << "-F"
             << "file=@" + path + ";filename=curl.fastq" << i.url;
        QProcess curl;
        curl.start("/usr/bin/curl", args);
        QVERIFY(curl.waitForFinished(30000));
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.endsWith("\n400"), out + curl.readAllStandardError());
        QCOMPARE(xmlValue(out, "Code"), QStringLiteral("EntityTooLarge"));
        QCOMPARE(xmlValue(out, "MaxSizeAllowed").toLongLong(), MaxPost);
        QVERIFY(xmlValue(out, "ProposedSize").toLongLong() > MaxPost);
    }

    void defaultLimitIsFiveGiB() {
        // A Content-Length over 5 GiB is refused before a byte of the body is read.
        const Init i = init({{"filename", "huge.fastq"}, {"size", 6LL << 30}});
        QProcess curl; // Qt cannot announce a body it does not send; curl with a header can.
        curl.start("/usr/bin/curl", {"-s", "-H", "Content-Type: multipart/form-data; boundary=xyz",
                                     "-H", "Content-Length: 6442450944", "-H",
                                     "Expect:", "--data-binary", "--x", "--max-time", "10", i.url});
        QVERIFY(curl.waitForFinished(20000));
        const QByteArray out = curl.readAllStandardOutput();
        QCOMPARE(xmlValue(out, "Code"), QStringLiteral("EntityTooLarge"));
        QCOMPARE(xmlValue(out, "MaxSizeAllowed").toLongLong(), 5368709120LL);
        QCOMPARE(xmlValue(out, "ProposedSize").toLongLong(), 6442450944LL);
    }

    void statusModePollsThenPasses() {
        SandboxProcess *sandbox =
            startSandbox({"--proxy-mode", "status", "--proxy-check-seconds", "0.5"});
        QVERIFY(sandbox);
        const QString path = fastq("proxied.fastq", 100, 11);
        const Init i = init({{"filename", "proxied.fastq"}, {"size", sizeOf(path)}}, sandbox);
        QVERIFY2(i.url.endsWith("/proxy/seqdrop-sandbox"), qPrintable(i.url));
        const QString statusUrl =
            i.reply.json().value("additional_fields").toObject().value("status_url").toString();
        QVERIFY(statusUrl.startsWith(sandbox->baseUrl().toString()));
        QVERIFY(formHas(i.form, "callback_url").isEmpty());
        // Nothing stored yet: the proxy knows no such upload.
        QCOMPARE(poll(*sandbox, statusUrl, i.sampleId).status, 404);

        QCOMPARE(upload(i.url, i.form, path).status, 201); // status_url rides in the form
        Reply r = poll(*sandbox, statusUrl, i.sampleId);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), (QJsonObject{{"complete", false}}));
        // One Codex does not take the sample before its proxy passed the file.
        Reply c = confirm(*sandbox, i.sampleId);
        QCOMPARE(c.status, 400);
        QVERIFY2(c.message().contains("not finished checking"), c.body);

        QTest::qWait(600);
        r = poll(*sandbox, statusUrl, i.sampleId);
        QCOMPARE(r.json(), (QJsonObject{{"complete", true}, {"code", 200}}));
        QCOMPARE(confirm(*sandbox, i.sampleId).status, 200);
        QCOMPARE(sandbox->sample(i.sampleId).value("status").toString(),
                 QStringLiteral("available"));
        const QJsonObject state = sandbox->state();
        QCOMPARE(state.value("counts").toObject().value("proxy_status_polls").toInt(), 3);
        QCOMPARE(state.value("counts").toObject().value("proxy_posts").toInt(), 1);
        const QJsonObject check =
            state.value("proxy").toObject().value("checks").toObject().value(i.sampleId).toObject();
        QCOMPARE(check.value("polls").toInt(), 2);
        QCOMPARE(check.value("code").toInt(), 200);
    }

    void statusModeFaults() {
        SandboxProcess *sandbox =
            startSandbox({"--proxy-mode", "status", "--proxy-check-seconds", "0"});
        QVERIFY(sandbox);
        QVERIFY(sandbox->setFaults({{"proxy_fails", 1}, {"proxy_rejects", 1}}));
        const QString path = fastq("faulty.fastq", 100, 12);
        const Init i = init({{"filename", "faulty.fastq"}, {"size", sizeOf(path)}}, sandbox);
        const QString statusUrl =
            i.reply.json().value("additional_fields").toObject().value("status_url").toString();
        QCOMPARE(upload(i.url, i.form, path).status, 201);
        Reply r = poll(*sandbox, statusUrl, i.sampleId);
        QCOMPARE(r.json().value("complete").toBool(), true);
        QCOMPARE(r.json().value("code").toInt(), 500);
        QVERIFY(!r.json().value("msg").toString().isEmpty());
        // The verdict stands until the file is sent again; then the next fault answers.
        QCOMPARE(poll(*sandbox, statusUrl, i.sampleId).json().value("code").toInt(), 500);
        QCOMPARE(upload(i.url, i.form, path).status, 201);
        r = poll(*sandbox, statusUrl, i.sampleId);
        QCOMPARE(r.json().value("code").toInt(), 422);
        QVERIFY2(r.json().value("msg").toString().contains("not a valid"), r.body);
        const Reply c = confirm(*sandbox, i.sampleId);
        QCOMPARE(c.status, 400);
        QVERIFY2(c.message().contains("refused"), c.body);
        QCOMPARE(sandbox->state().value("faults").toObject().value("proxy_rejects").toInt(), 0);
    }

    void callbackModeConfirmsItself() {
        SandboxProcess *sandbox = startSandbox({"--proxy-mode", "callback"});
        QVERIFY(sandbox);
        const QString r1 = fastq("cb_R1.fastq", 100, 13);
        const QString r2 = fastq("cb_R2.fastq", 100, 14);
        const Init i = init({{"filename", "cb_R1.fastq"},
                             {"paired_end_filename", "cb_R2.fastq"},
                             {"size", sizeOf(r1) + sizeOf(r2)}},
                            sandbox);
        QCOMPARE(i.reply.status, 200);
        QVERIFY(!formHas(i.form, "callback_url").isEmpty());
        QVERIFY(!formHas(i.pairForm, "callback_url").isEmpty());
        QVERIFY(formHas(i.form, "status_url").isEmpty());
        QCOMPARE(upload(i.url, i.form, r1).status, 201);
        // Half a pair: the proxy waits for the other file.
        QCOMPARE(sandbox->sample(i.sampleId).value("status").toString(),
                 QStringLiteral("awaiting_data"));
        const QString pairUrl = i.reply.json().value("paired_end_upload_url").toString();
        QCOMPARE(upload(pairUrl, i.pairForm, r2).status, 201);
        QCOMPARE(sandbox->sample(i.sampleId).value("status").toString(),
                 QStringLiteral("available"));
        QCOMPARE(sandbox->counts().value("proxy_confirms").toInt(), 1);
        // A client that confirms anyway hears what a second confirm hears.
        const Reply c = confirm(*sandbox, i.sampleId);
        QCOMPARE(c.status, 400);
        QCOMPARE(c.message(), QStringLiteral("Upload already confirmed"));
    }
};

QTEST_MAIN(TestSandboxProxy)
#include "tst_sandboxproxy.moc"
