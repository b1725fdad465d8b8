// Integration tests of seqdrop-sandbox: a real process, real HTTP through
// QNetworkAccessManager, real multipart uploads through QHttpMultiPart.
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QEventLoop>
#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>

namespace {

struct Reply {
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    QByteArray etag;
    QByteArray connection;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString message() const { return json().value("message").toString(); }
};

Reply wait(QNetworkReply *reply) {
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    r.retryAfter = reply->rawHeader("Retry-After");
    r.etag = reply->rawHeader("ETag");
    r.connection = reply->rawHeader("Connection");
    reply->deleteLater();
    return r;
}

// The sandbox reads a refused body of up to 16 MiB to its end (docs/sandbox.md).
constexpr qint64 StorageBodyDrainLimit = 16 * 1024 * 1024;

enum class Auth { None, Basic, Header };

// A presigned POST form: fields in the order of the init_upload answer.
using Form = QList<QPair<QString, QString>>;

Form formFrom(const QByteArray &initText, const QString &member) {
    // QJsonObject sorts keys; recover the server's order from the raw text.
    const QJsonObject fields = QJsonDocument::fromJson(initText).object().value(member).toObject();
    const qsizetype start = initText.indexOf('"' + member.toUtf8() + "\":{");
    QList<QPair<qsizetype, QString>> positions;
    for (const QString &k : fields.keys())
        positions.append({initText.indexOf('"' + k.toUtf8() + "\":", start), k});
    std::sort(positions.begin(), positions.end());
    Form form;
    for (const auto &p : positions) {
        const QJsonValue v = fields.value(p.second);
        form.append({p.second, v.isDouble() ? QString::number(v.toInteger()) : v.toString()});
    }
    return form;
}

void setField(Form &form, const QString &name, const QString &value) {
    for (auto &f : form)
        if (f.first == name)
            f.second = value;
}

} // namespace

class TestSandbox : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_files;
    QNetworkAccessManager m_nam;

    Reply api(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
              Auth auth = Auth::Header, SandboxProcess *sandbox = nullptr) {
        SandboxProcess &sb = sandbox ? *sandbox : *m_sandbox;
        QNetworkRequest req(sb.baseUrl().resolved(QUrl(path)));
        if (auth == Auth::Header)
            req.setRawHeader("X-API-Key", sb.apiKey().toUtf8());
        else if (auth == Auth::Basic)
            req.setRawHeader("Authorization", "Basic " + (sb.apiKey() + ':').toUtf8().toBase64());
        QByteArray data;
        if (verb == "POST") {
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            data = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return wait(m_nam.sendCustomRequest(req, verb, data));
    }

    // POSTs the form, then the file part last, as S3 requires.
    Reply upload(const QString &url, const Form &form, const QString &path,
                 const QByteArray &extraHeader = {}) {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const auto &f : form) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(f.first));
            part.setBody(f.second.toUtf8());
            multi->append(part);
        }
        QHttpPart filePart;
        filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"file\"; filename=\"%1\"")
                               .arg(QFileInfo(path).fileName()));
        auto *file = new QFile(path, multi);
        file->open(QIODevice::ReadOnly);
        filePart.setBodyDevice(file);
        multi->append(filePart);
        QNetworkRequest req{QUrl(url)};
        if (!extraHeader.isEmpty())
            req.setRawHeader(extraHeader, m_sandbox->apiKey().toUtf8());
        QNetworkReply *reply = m_nam.post(req, multi);
        multi->setParent(reply);
        return wait(reply);
    }

    struct Init {
        Reply reply;
        QString sampleId, url;
        Form form, pairForm;
    };
    Init init(const QJsonObject &body, SandboxProcess *sandbox = nullptr) {
        Init i;
        i.reply = api("POST", "/api/v1/samples/init_upload", body, Auth::Header, sandbox);
        i.sampleId = i.reply.json().value("sample_id").toString();
        i.url = i.reply.json().value("upload_url").toString();
        i.form = formFrom(i.reply.body, "additional_fields");
        i.pairForm = formFrom(i.reply.body, "paired_end_additional_fields");
        return i;
    }
    QString fastq(const QString &name, int records = 200, quint32 seed = 1) {
        return TestFiles::writeFastq(m_files.path(), name, records, 100, seed);
    }
    static qint64 sizeOf(const QString &path) { return QFileInfo(path).size(); }

private slots:
    void initTestCase() {
        QVERIFY(m_files.isValid());
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(m_sandbox->start());
        QVERIFY(m_sandbox->port() != 0);
    }

    void authentication() {
        const Reply none = api("GET", "/api/v1/account", {}, Auth::None);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value("status").toInt(), 401);
        QVERIFY(none.message().contains("API key"));
        const Reply basic = api("GET", "/api/v1/account", {}, Auth::Basic);
        QCOMPARE(basic.status, 200);
        QCOMPARE(basic.json().value("email").toString(), QString("sandbox@localhost"));
        QCOMPARE(api("GET", "/api/v1/account", {}, Auth::Header).status, 200);
        QCOMPARE(api("GET", "/_sandbox/state", {}, Auth::None).status, 401);
    }

    void projectsAreSeeded() {
        const Reply r = api("GET", "/api/v1/projects");
        QCOMPARE(r.status, 200);
        const QJsonArray projects = QJsonDocument::fromJson(r.body).array();
        QCOMPARE(projects.size(), 2);
        QCOMPARE(projects[0].toObject().value("$uri").toString(),
                 QString("/api/v1/projects/0123456789abcdef"));
        QCOMPARE(projects[1].toObject().value("project_name").toString(),
                 QString("soil-survey-2026"));
    }

    void initValidation_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad filename")
            << QJsonObject{{"filename", "bad/name.fq"}, {"size", 10}} << "Invalid filename";
        QTest::newRow("non-ascii")
            << QJsonObject{{"filename", "prøve.fq"}, {"size", 10}} << "Invalid filename";
        QTest::newRow("size 0") << QJsonObject{{"filename", "a.fq"}, {"size", 0}}
                                << "size must be at least 1";
        QTest::newRow("size text")
            << QJsonObject{{"filename", "a.fq"}, {"size", "10"}} << "size must be an integer";
        QTest::newRow("long tag") << QJsonObject{{"filename", "a.fq"},
                                                 {"size", 10},
                                                 {"tags", QJsonArray{QJsonObject{
                                                              {"name", QString(31, 'x')}}}}}
                                  << "tags[0].name must be 1 to 30";
        QTest::newRow("unknown project")
            << QJsonObject{{"filename", "a.fq"},
                           {"size", 10},
                           {"project", QJsonObject{{"$ref", "/api/v1/projects/aaaaaaaaaaaaaaaa"}}}}
            << "Unknown project";
        QTest::newRow("metadata type")
            << QJsonObject{{"filename", "a.fq"},
                           {"size", 10},
                           {"metadata", QJsonObject{{"location_lat", "north"}}}}
            << "metadata.location_lat must be a number";
        QTest::newRow("metadata unknown")
            << QJsonObject{{"filename", "a.fq"}, {"size", 10}, {"metadata", QJsonObject{{"x", 1}}}}
            << "Unknown metadata field 'x'";
        QTest::newRow("upload type")
            << QJsonObject{{"filename", "a.fq"}, {"size", 10}, {"upload_type", "multipart"}}
            << "upload_type";
    }
    void initValidation() {
        QFETCH(QJsonObject, body);
        QFETCH(QString, message);
        const Reply r = api("POST", "/api/v1/samples/init_upload", body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("status").toInt(), 400);
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
    }

    void initAnswerShape() {
        const Init i = init({{"filename", "shape.fq"}, {"size", 5}});
        QCOMPARE(i.reply.status, 200);
        QStringList names;
        for (const auto &f : i.form)
            names << f.first;
        QCOMPARE(names, QStringList({"AWSAccessKeyId", "acl", "key", "policy", "signature",
                                     "success_action_status", "x-amz-server-side-encryption"}));
        // A JSON number on purpose; clients must send the text "201".
        QVERIFY(i.reply.body.contains("\"success_action_status\":201"));
        QVERIFY(!i.reply.json().contains("paired_end_upload_url"));
        const QString policyB64 =
            i.reply.json().value("additional_fields").toObject().value("policy").toString();
        const QJsonObject policy =
            QJsonDocument::fromJson(QByteArray::fromBase64(policyB64.toLatin1())).object();
        QVERIFY(policy.value("expiration").toString().endsWith('Z'));
        QVERIFY(QJsonDocument(policy).toJson().contains("content-length-range"));
    }

    void fullSingleUpload() {
        const QString path = fastq("single_R1.fastq");
        const Init i =
            init({{"filename", "single_R1.fastq"},
                  {"size", sizeOf(path)},
                  {"tags", QJsonArray{QJsonObject{{"name", "soil"}}}},
                  {"project", QJsonObject{{"$ref", "/api/v1/projects/0123456789abcdef"}}}});
        QCOMPARE(i.reply.status, 200);

        // Confirm before the data is there: refused.
        Reply early = api("POST", "/api/v1/samples/confirm_upload",
                          {{"sample_id", i.sampleId}, {"upload_type", "standard"}});
        QCOMPARE(early.status, 400);
        QVERIFY(early.message().contains("No file was uploaded"));

        const Reply up = upload(i.url, i.form, path);
        QCOMPARE(up.status, 201);
        QCOMPARE(up.etag, '"' + TestFiles::md5OfFile(path) + '"');
        QVERIFY(up.body.contains("<ETag>\"" + TestFiles::md5OfFile(path) + "\"</ETag>"));
        const QString key = QString(i.form[2].second).replace("${filename}", "single_R1.fastq");
        QVERIFY(up.body.contains("<Key>" + key.toUtf8() + "</Key>"));
        QCOMPARE(TestFiles::md5OfFile(m_sandbox->objectPath(key)), TestFiles::md5OfFile(path));

        const Reply ok = api("POST", "/api/v1/samples/confirm_upload",
                             {{"sample_id", i.sampleId}, {"upload_type", "standard"}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value("success").toBool(), true);
        const Reply sample = api("GET", "/api/v1/samples/" + i.sampleId);
        QCOMPARE(sample.json().value("status").toString(), QString("available"));
        QCOMPARE(sample.json().value("upload_count").toInt(), 1);
        QCOMPARE(
            api("POST", "/api/v1/samples/confirm_upload", {{"sample_id", i.sampleId}}).message(),
            QString("Upload already confirmed"));
        QCOMPARE(
            api("POST", "/api/v1/samples/cancel_upload", {{"sample_id", i.sampleId}}).message(),
            QString("Upload already successful"));
        const Reply tags = api("GET", "/api/v1/tags");
        QVERIFY(tags.body.contains("\"name\":\"soil\""));
        const Reply list = api("GET", "/api/v1/samples?per_page=1");
        QCOMPARE(QJsonDocument::fromJson(list.body).array().size(), 1);
    }

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

    void apiFaults() {
        const double before = m_sandbox->counts().value("api_calls").toDouble();
        QVERIFY(m_sandbox->setFaults({{"fail_api", 2}}));
        for (int n = 0; n < 2; ++n) {
            const Reply r =
                api("GET", "/api/v1/account", {}, Auth::None); // faults come before auth
            QCOMPARE(r.status, 503);
            QVERIFY(r.contentType.startsWith("text/html"));
            QVERIFY(r.body.contains("<h1>503 Service Unavailable</h1>"));
        }
        QCOMPARE(api("GET", "/api/v1/account").status, 200);

        QVERIFY(m_sandbox->setFaults({{"throttle_api", 1}, {"retry_after", 3}}));
        const Reply t = api("GET", "/api/v1/projects");
        QCOMPARE(t.status, 429);
        QCOMPARE(t.retryAfter, QByteArray("3"));
        QCOMPARE(t.message(), QString("Too many requests"));
        QCOMPARE(api("GET", "/api/v1/projects").status, 200);
        QCOMPARE(m_sandbox->counts().value("api_calls").toDouble(), before + 5);
        QCOMPARE(m_sandbox->state().value("faults").toObject().value("throttle_api").toInt(), 0);
    }

    // A storm is a time window opened by the next matching call; the route filter spares the
    // rest; html_api answers 200 with a web page.
    void stormRouteAndHtmlFaults() {
        QVERIFY(m_sandbox->setFaults({{"storm_ms", 400},
                                      {"storm_status", 429},
                                      {"retry_after", 1},
                                      {"api_fault_route", "samples"}}));
        QCOMPARE(api("GET", "/api/v1/account").status, 200); // not a matching route
        QElapsedTimer clock;
        clock.start();
        const Reply first = api("GET", "/api/v1/samples");
        QCOMPARE(first.status, 429);
        QCOMPARE(first.retryAfter, QByteArray("1"));
        QCOMPARE(api("GET", "/api/v1/samples").status, 429); // still inside the window
        QTest::qWait(int(qMax<qint64>(0, 450 - clock.elapsed())));
        QCOMPARE(api("GET", "/api/v1/samples").status, 200);
        QCOMPARE(m_sandbox->state().value("faults").toObject().value("storm_ms").toInt(), 0);

        QVERIFY(m_sandbox->setFaults({{"html_api", 1}, {"api_fault_route", ""}}));
        const Reply html = api("GET", "/api/v1/account");
        QCOMPARE(html.status, 200);
        QVERIFY(html.contentType.startsWith("text/html"));
        QVERIFY(html.body.startsWith("<!DOCTYPE html>"));
        QCOMPARE(api("GET", "/api/v1/account").status, 200);
        QVERIFY(!m_sandbox->setFaults({{"storm_status", 500}}));
        QVERIFY(!m_sandbox->setFaults({{"random_faults", 1.5}}));
    }

    // Random faults at a seeded rate: roughly that share of calls faulted, the same seed
    // giving the same decisions.
    void randomFaults() {
        auto statuses = [this](int seed) {
            m_sandbox->setFaults({{"random_faults", 0.3}, {"seed", seed}, {"api_fault_route", ""}});
            QList<int> out;
            for (int n = 0; n < 60; ++n)
                out << api("GET", "/api/v1/projects").status;
            m_sandbox->setFaults({{"random_faults", 0}});
            return out;
        };
        const int injectedBefore = m_sandbox->counts().value("faults_injected").toInt();
        const QList<int> first = statuses(7);
        const int faulted = int(first.count(503) + first.count(429));
        QCOMPARE(m_sandbox->counts().value("faults_injected").toInt() - injectedBefore, faulted);
        QVERIFY2(faulted >= 6 && faulted <= 34, qPrintable(QString::number(faulted)));
        QVERIFY(first.contains(503) && first.contains(429));
        QCOMPARE(first.count(200) + faulted, 60);
        QCOMPARE(statuses(7), first);
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

    void cancelUpload() {
        const QString path = fastq("cancel.fastq", 10);
        const Init i = init({{"filename", "cancel.fastq"}, {"size", sizeOf(path)}});
        QCOMPARE(upload(i.url, i.form, path).status, 201);
        const QString key = QString(i.form[2].second).replace("${filename}", "cancel.fastq");
        QVERIFY(QFile::exists(m_sandbox->objectPath(key)));
        const Reply c = api("POST", "/api/v1/samples/cancel_upload", {{"sample_id", i.sampleId}});
        QCOMPARE(c.status, 200);
        QCOMPARE(c.message(), QString("Upload cancelled"));
        QVERIFY(!QFile::exists(m_sandbox->objectPath(key)));
        QCOMPARE(api("GET", "/api/v1/samples/" + i.sampleId).json().value("status").toString(),
                 QString("deleted"));
        QCOMPARE(api("POST", "/api/v1/samples/cancel_upload", {{"sample_id", "0000000000000000"}})
                     .status,
                 404);
        // A cancelled sample takes no more data.
        QCOMPARE(upload(i.url, i.form, path).status, 403);
    }

    void pairUpload() {
        const QString r1 = fastq("pair_R1.fastq", 50, 7);
        const QString r2 = fastq("pair_R2.fastq", 50, 8);
        const Init i = init({{"filename", "pair_R1.fastq"},
                             {"paired_end_filename", "pair_R2.fastq"},
                             {"size", sizeOf(r1) + sizeOf(r2)}}); // pair size = total
        QCOMPARE(i.reply.status, 200);
        QVERIFY(i.reply.json().contains("paired_end_upload_url"));
        QVERIFY(i.pairForm.size() == i.form.size());
        QCOMPARE(upload(i.url, i.form, r1).status, 201);
        Reply half = api("POST", "/api/v1/samples/confirm_upload", {{"sample_id", i.sampleId}});
        QCOMPARE(half.status, 400);
        QVERIFY(half.message().contains("paired-end"));
        const Reply up2 =
            upload(i.reply.json().value("paired_end_upload_url").toString(), i.pairForm, r2);
        QCOMPARE(up2.status, 201);
        QVERIFY(up2.body.contains("/r2/pair_R2.fastq</Key>"));
        QCOMPARE(api("POST", "/api/v1/samples/confirm_upload", {{"sample_id", i.sampleId}}).status,
                 200);
        const QJsonObject s = m_sandbox->sample(i.sampleId);
        QCOMPARE(s.value("status").toString(), QString("available"));
        QCOMPARE(s.value("r2").toObject().value("md5").toString().toLatin1(),
                 TestFiles::md5OfFile(r2));
    }

    void sizeMismatch() {
        const QString path = fastq("mismatch.fastq", 10);
        const Init i = init({{"filename", "mismatch.fastq"}, {"size", sizeOf(path) + 100}});
        QCOMPARE(upload(i.url, i.form, path).status, 201);
        const Reply c = api("POST", "/api/v1/samples/confirm_upload", {{"sample_id", i.sampleId}});
        QCOMPARE(c.status, 400);
        QVERIFY(c.message().contains("Size mismatch"));
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

    void cleanupTestCase() { m_sandbox.reset(); }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
