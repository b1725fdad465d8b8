// seqdrop-sandbox's API as a client sees it: keys, seeded projects, init_upload's checks and
// answer, the life of a sample from init to confirm or cancel, and the faults the API injects.
// Its storage host is tested in tst_sandboxstorage.
#include "sandboxtest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

using namespace SandboxTestSupport;

class TestSandboxApi : public SandboxTest {
    Q_OBJECT

private slots:
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
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
