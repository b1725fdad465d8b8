// UploadTicket: the init_upload answer. The presigned form must be sent in the server's order
// (S3 ignores fields after the file, and the order is the server's to choose), values as the
// text the server meant, and the policy's expiration read so a stale ticket is not used.
#include "net/uploadticket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using SeqDrop::FormField;
using SeqDrop::UploadTarget;
using SeqDrop::UploadTicket;

namespace {

QStringList names(const QList<FormField> &fields) {
    QStringList result;
    for (const FormField &f : fields)
        result.append(f.name);
    return result;
}

QString valueOf(const QList<FormField> &fields, const QString &name) {
    for (const FormField &f : fields)
        if (f.name == name)
            return f.value;
    return QStringLiteral("<missing>");
}

QByteArray policyBase64(const QByteArray &expiration) {
    return QByteArray(
               R"({"expiration": ")" + expiration +
               R"(", "conditions": [{"bucket": "onecodex-uploads"}, ["starts-with", "$key", "user_1/"]]})")
        .toBase64();
}

} // namespace

class TestUploadTicket : public QObject {
    Q_OBJECT

private slots:
    void parsesSigV2Ticket();
    void keepsTextOrder_data();
    void keepsTextOrder();
    void valuesAsText_data();
    void valuesAsText();
    void escapedKeys();
    void nestedSameNameNotConfused();
    void pairedEnd();
    void pairedEndAbsent();
    void policyExpiration_data();
    void policyExpiration();
    void policyUnreadable();
    void rejects_data();
    void rejects();
    void memberOrderOfNonObject();
    void formValue_data();
    void formValue();
};

void TestUploadTicket::parsesSigV2Ticket() {
    const QByteArray policy = policyBase64("2099-01-01T00:00:00.000Z");
    const QByteArray raw = R"({
        "sample_id": "0ee172af60e84f61",
        "upload_url": "https://onecodex-uploads.s3.amazonaws.com/",
        "additional_fields": {
            "AWSAccessKeyId": "AKIAEXAMPLE",
            "acl": "private",
            "key": "user_x/file_y/${filename}",
            "policy": ")" + policy +
                           R"(",
            "signature": "c2lnbmF0dXJl",
            "success_action_status": "201",
            "x-amz-server-side-encryption": "AES256"
        },
        "fallback_options": {"mode": "contact support"}
    })";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(ticket.sampleId, QStringLiteral("0ee172af60e84f61"));
    QCOMPARE(ticket.primary.url,
             QUrl(QStringLiteral("https://onecodex-uploads.s3.amazonaws.com/")));
    QVERIFY(ticket.primary.isValid());
    QCOMPARE(names(ticket.primary.fields),
             (QStringList{"AWSAccessKeyId", "acl", "key", "policy", "signature",
                          "success_action_status", "x-amz-server-side-encryption"}));
    QCOMPARE(valueOf(ticket.primary.fields, "key"), QStringLiteral("user_x/file_y/${filename}"));
    QCOMPARE(valueOf(ticket.primary.fields, "policy"), QString::fromLatin1(policy));
    QVERIFY(ticket.primary.policyExpiration.isValid());
    QVERIFY(!ticket.primary.hasExpired());
    QVERIFY(!ticket.pairedEnd.isValid());
    QVERIFY(ticket.pairedEnd.fields.isEmpty());
    // fallback_options is kept opaque.
    QVERIFY(ticket.fallbackOptions.isObject());
    QCOMPARE(ticket.fallbackOptions.toObject().value("mode").toString(),
             QStringLiteral("contact support"));
}

void TestUploadTicket::keepsTextOrder_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QStringList>("order");
    QTest::newRow("z before a") << QByteArray(
                                       R"({"sample_id":"s","upload_url":"https://h/",)"
                                       R"("additional_fields":{"z_first":"1","a_second":"2"}})")
                                << QStringList{"z_first", "a_second"};
    QTest::newRow("SigV4 order")
        << QByteArray(R"({"additional_fields": {"key": "k", "x-amz-algorithm": "AWS4-HMAC-SHA256",)"
                      R"( "x-amz-credential": "c", "x-amz-date": "20260101T000000Z",)"
                      R"( "policy": "p", "x-amz-signature": "s", "acl": "private"},)"
                      R"( "sample_id": "s", "upload_url": "https://h/"})")
        << QStringList{"key",        "x-amz-algorithm", "x-amz-credential",
                       "x-amz-date", "policy",          "x-amz-signature",
                       "acl"};
    QTest::newRow("pretty printed, values with braces and colons")
        << QByteArray("{\n  \"sample_id\" : \"s\",\n  \"upload_url\" : \"https://h/\",\n"
                      "  \"additional_fields\" :\n  {\n    \"m\" : \"{not: an object}\",\n"
                      "    \"b\"\t:\t\"]\",\n    \"a\" : \"x\"\n  }\n}\n")
        << QStringList{"m", "b", "a"};
    QTest::newRow("non-string values")
        << QByteArray(R"({"sample_id":"s","upload_url":"https://h/",)"
                      R"("additional_fields":{"y":201,"x":true,"w":null,"v":1.5}})")
        << QStringList{"y", "x", "w", "v"};
}

void TestUploadTicket::keepsTextOrder() {
    QFETCH(QByteArray, raw);
    QFETCH(QStringList, order);
    QCOMPARE(UploadTicket::memberOrder(raw, QStringLiteral("additional_fields")), order);
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(names(ticket.primary.fields), order);
}

void TestUploadTicket::valuesAsText_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::newRow("integer") << QByteArray("201") << QStringLiteral("201");
    QTest::newRow("zero") << QByteArray("0") << QStringLiteral("0");
    QTest::newRow("negative") << QByteArray("-3") << QStringLiteral("-3");
    QTest::newRow("large integer") << QByteArray("5368709120") << QStringLiteral("5368709120");
    QTest::newRow("1.5") << QByteArray("1.5") << QStringLiteral("1.5");
    QTest::newRow("0.1") << QByteArray("0.1") << QStringLiteral("0.1");
    QTest::newRow("true") << QByteArray("true") << QStringLiteral("true");
    QTest::newRow("false") << QByteArray("false") << QStringLiteral("false");
    QTest::newRow("string") << QByteArray("\"private\"") << QStringLiteral("private");
    QTest::newRow("string escapes")
        << QByteArray(R"("a\"b\\c\u00e9")") << QString::fromUtf8("a\"b\\c\xc3\xa9");
    QTest::newRow("empty string") << QByteArray("\"\"") << QString();
}

void TestUploadTicket::valuesAsText() {
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    const QByteArray raw =
        R"({"sample_id":"s","upload_url":"https://h/","additional_fields":{"f":)" + json + "}}";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(ticket.primary.fields.size(), 1);
    QCOMPARE(ticket.primary.fields.at(0).name, QStringLiteral("f"));
    QCOMPARE(ticket.primary.fields.at(0).value, text);
}

void TestUploadTicket::escapedKeys() {
    const QByteArray raw = R"({"sample_id":"s","upload_url":"https://h/","additional_fields":)"
                           R"({"we\"ird":"1","back\\slash":"2","\u0041nicode":"3","plain":"4"}})";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(names(ticket.primary.fields),
             (QStringList{"we\"ird", "back\\slash", "Anicode", "plain"}));
    QCOMPARE(valueOf(ticket.primary.fields, "we\"ird"), QStringLiteral("1"));
    QCOMPARE(valueOf(ticket.primary.fields, "back\\slash"), QStringLiteral("2"));
    QCOMPARE(valueOf(ticket.primary.fields, "Anicode"), QStringLiteral("3"));
}

void TestUploadTicket::nestedSameNameNotConfused() {
    // A fallback_options object BEFORE the real member, holding its own additional_fields, and
    // a string value that spells "additional_fields": only the top-level member counts.
    const QByteArray raw = R"({
        "fallback_options": {"additional_fields": {"zz_fallback": "no", "aa_fallback": "no"},
                             "note": "additional_fields"},
        "sample_id": "s",
        "upload_url": "https://h/",
        "additional_fields": {"zeta": "1", "alpha": "2", "nested": {"inner_b": 1, "inner_a": 2}, "mid": "3"}
    })";
    const QStringList expected{"zeta", "alpha", "nested", "mid"};
    QCOMPARE(UploadTicket::memberOrder(raw, QStringLiteral("additional_fields")), expected);
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(names(ticket.primary.fields), expected);
    QVERIFY(ticket.fallbackOptions.isObject());
}

void TestUploadTicket::pairedEnd() {
    const QByteArray raw =
        R"({"sample_id":"abc","upload_url":"https://h/r1",)"
        R"("additional_fields":{"key":"u/r1","policy":"p1"},)"
        R"("paired_end_upload_url":"https://h/r2",)"
        R"("paired_end_additional_fields":{"signature":"s2","key":"u/r2","acl":"private"}})";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(ticket.primary.url, QUrl("https://h/r1"));
    QCOMPARE(names(ticket.primary.fields), (QStringList{"key", "policy"}));
    QVERIFY(ticket.pairedEnd.isValid());
    QCOMPARE(ticket.pairedEnd.url, QUrl("https://h/r2"));
    // "additional_fields" inside "paired_end_additional_fields" must not leak into primary, and
    // the paired fields keep their own order.
    QCOMPARE(names(ticket.pairedEnd.fields), (QStringList{"signature", "key", "acl"}));
    QCOMPARE(valueOf(ticket.pairedEnd.fields, "key"), QStringLiteral("u/r2"));
    QCOMPARE(valueOf(ticket.primary.fields, "key"), QStringLiteral("u/r1"));
}

void TestUploadTicket::pairedEndAbsent() {
    const QByteArray raw =
        R"({"sample_id":"abc","upload_url":"https://h/r1","paired_end_upload_url":null,)"
        R"("paired_end_additional_fields":null})";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QVERIFY(!ticket.pairedEnd.isValid());
    QVERIFY(ticket.primary.fields.isEmpty());
}

void TestUploadTicket::policyExpiration_data() {
    QTest::addColumn<QByteArray>("expiration");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<bool>("expired");
    QTest::newRow("past, with ms") << QByteArray("2013-08-16T19:50:00.000Z")
                                   << QDateTime(QDate(2013, 8, 16), QTime(19, 50), Qt::UTC) << true;
    QTest::newRow("past, no ms") << QByteArray("2020-01-02T03:04:05Z")
                                 << QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC) << true;
    QTest::newRow("future") << QByteArray("2099-12-31T23:59:59.000Z")
                            << QDateTime(QDate(2099, 12, 31), QTime(23, 59, 59), Qt::UTC) << false;
}

void TestUploadTicket::policyExpiration() {
    QFETCH(QByteArray, expiration);
    QFETCH(QDateTime, expected);
    QFETCH(bool, expired);
    const QByteArray raw =
        R"({"sample_id":"s","upload_url":"https://h/","additional_fields":{"key":"k","policy":")" +
        policyBase64(expiration) + R"("}})";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QCOMPARE(ticket.primary.policyExpiration.toUTC(), expected);
    QCOMPARE(ticket.primary.hasExpired(), expired);
    // hasExpired() against an explicit clock: one second before/after.
    QVERIFY(!ticket.primary.hasExpired(expected.addSecs(-1)));
    QVERIFY(ticket.primary.hasExpired(expected.addSecs(1)));
}

void TestUploadTicket::policyUnreadable() {
    // A policy that is not base64 JSON: no expiration known, so never considered expired.
    const QByteArray raw =
        R"({"sample_id":"s","upload_url":"https://h/","additional_fields":{"policy":"!!notbase64"}})";
    UploadTicket ticket;
    QString error;
    QVERIFY2(UploadTicket::parse(raw, &ticket, &error), qPrintable(error));
    QVERIFY(!ticket.primary.policyExpiration.isValid());
    QVERIFY(!ticket.primary.hasExpired());
    QCOMPARE(valueOf(ticket.primary.fields, "policy"), QStringLiteral("!!notbase64"));
}

void TestUploadTicket::rejects_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("missing sample_id")
        << QByteArray(R"({"upload_url":"https://h/","additional_fields":{}})");
    QTest::newRow("empty sample_id") << QByteArray(R"({"sample_id":"","upload_url":"https://h/"})");
    QTest::newRow("missing upload_url")
        << QByteArray(R"({"sample_id":"s","additional_fields":{}})");
    QTest::newRow("not json") << QByteArray("<html>502</html>");
    QTest::newRow("array") << QByteArray(R"([{"sample_id":"s","upload_url":"https://h/"}])");
    QTest::newRow("truncated") << QByteArray(R"({"sample_id":"s","upload_url":"https://h/")");
    QTest::newRow("empty") << QByteArray();
}

void TestUploadTicket::rejects() {
    QFETCH(QByteArray, raw);
    UploadTicket ticket;
    QString error;
    QVERIFY(!UploadTicket::parse(raw, &ticket, &error));
    QVERIFY2(!error.isEmpty(), "a failed parse must say why");
}

void TestUploadTicket::memberOrderOfNonObject() {
    QVERIFY(UploadTicket::memberOrder(R"({"additional_fields": null, "x": {"a": 1}})",
                                      "additional_fields")
                .isEmpty());
    QVERIFY(UploadTicket::memberOrder(R"({"additional_fields": "s", "x": {"a": 1}})",
                                      "additional_fields")
                .isEmpty());
    QVERIFY(UploadTicket::memberOrder(R"({"other": {"a": 1}})", "additional_fields").isEmpty());
}

void TestUploadTicket::formValue_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("int") << QJsonValue(201) << QStringLiteral("201");
    QTest::newRow("double") << QJsonValue(1.5) << QStringLiteral("1.5");
    QTest::newRow("bool") << QJsonValue(true) << QStringLiteral("true");
    QTest::newRow("string") << QJsonValue(QStringLiteral("AES256")) << QStringLiteral("AES256");
    QTest::newRow("null") << QJsonValue() << QString();
}

void TestUploadTicket::formValue() {
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(UploadTicket::formValue(value), text);
}

QTEST_APPLESS_MAIN(TestUploadTicket)
#include "tst_uploadticket.moc"
