// ErrorMapper: HTTP statuses, One Codex JSON errors, S3 XML errors and proxy HTML pages turned
// into UploadError kinds, per the "Errors, as seen by the official client" section of the
// One Codex API reference.
#include "net/errormapper.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using SeqDrop::ErrorMapper;
using SeqDrop::UploadError;
using Kind = UploadError::Kind;
using Service = ErrorMapper::Service;

Q_DECLARE_METATYPE(UploadError::Kind)
Q_DECLARE_METATYPE(ErrorMapper::Service)

namespace {

QByteArray s3Error(const QByteArray &code, const QByteArray &message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" +
           message +
           "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>";
}

const QByteArray HtmlPage =
    "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
    "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
    "</body></html>";

// An RFC 7231 IMF-fixdate (what Retry-After carries), always in English and GMT.
QByteArray httpDate(const QDateTime &utc) {
    return QLocale::c()
               .toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1() +
           " GMT";
}

} // namespace

class TestErrorMapper : public QObject {
    Q_OBJECT

private slots:
    void success_data();
    void success();
    void kinds_data();
    void kinds();
    void badRequestCarriesServerMessage_data();
    void badRequestCarriesServerMessage();
    void htmlErrorPage();
    void htmlNotEchoedAsMessage();
    void rateLimitedIsRetryable();
    void storagePolicyExpiredNeedsFreshTicket();
    void entityTooLargeNamesTheLimitItHit();
    void serverMessage_data();
    void serverMessage();
    void looksLikeHtml_data();
    void looksLikeHtml();
    void parseS3Error_data();
    void parseS3Error();
    void parseRetryAfterSeconds_data();
    void parseRetryAfterSeconds();
    void parseRetryAfterFutureDate();
    void parseRetryAfterPastDate();
    void parseRetryAfterNeverExceedsCap_data();
    void parseRetryAfterNeverExceedsCap();
    void toStringCombinesMessageAndDetail();
};

void TestErrorMapper::success_data() {
    QTest::addColumn<int>("status");
    QTest::newRow("200") << 200;
    QTest::newRow("201 (S3 success_action_status)") << 201;
    QTest::newRow("204") << 204;
}

void TestErrorMapper::success() {
    QFETCH(int, status);
    for (Service service : {Service::Api, Service::Storage}) {
        const UploadError e =
            ErrorMapper::fromHttpStatus(status, "{}", "application/json", service);
        QCOMPARE(e.kind, Kind::None);
        QVERIFY(!e.isError());
    }
}

void TestErrorMapper::kinds_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<Service>("service");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("retryable");

    const QByteArray json = "application/json";
    const QByteArray xml = "application/xml";
    QTest::newRow("401 bad key") << 401 << QByteArray(R"({"message":"Unauthorized","status":401})")
                                 << json << Service::Api << Kind::Auth << false;
    QTest::newRow("401 empty body")
        << 401 << QByteArray() << QByteArray() << Service::Api << Kind::Auth << false;
    QTest::newRow("403 not permitted")
        << 403 << QByteArray(R"({"message":"Forbidden","status":403})") << json << Service::Api
        << Kind::Auth << false;
    QTest::newRow("402 payment") << 402
                                 << QByteArray(R"({"message":"Upload limit reached","status":402})")
                                 << json << Service::Api << Kind::Payment << false;
    QTest::newRow("400 bad request")
        << 400 << QByteArray(R"({"message":"Bad filename","status":400})") << json << Service::Api
        << Kind::BadRequest << false;
    QTest::newRow("404") << 404 << QByteArray(R"({"message":"Not found","status":404})") << json
                         << Service::Api << Kind::NotFound << false;
    QTest::newRow("407 proxy wants credentials")
        << 407 << QByteArray() << QByteArray() << Service::Api << Kind::Network << true;
    QTest::newRow("407 proxy, storage")
        << 407 << QByteArray() << QByteArray() << Service::Storage << Kind::Network << true;
    QTest::newRow("429 api") << 429 << QByteArray(R"({"message":"Too many requests"})") << json
                             << Service::Api << Kind::RateLimited << true;
    QTest::newRow("429 storage") << 429 << QByteArray() << QByteArray() << Service::Storage
                                 << Kind::RateLimited << true;
    QTest::newRow("502 api") << 502 << QByteArray() << QByteArray() << Service::Api
                             << Kind::ServerUnavailable << true;
    QTest::newRow("503 api json") << 503 << QByteArray(R"({"message":"Maintenance"})") << json
                                  << Service::Api << Kind::ServerUnavailable << true;
    QTest::newRow("504 api") << 504 << QByteArray() << QByteArray() << Service::Api
                             << Kind::ServerUnavailable << true;
    QTest::newRow("502 html") << 502 << HtmlPage << QByteArray("text/html") << Service::Api
                              << Kind::ServerUnavailable << true;
    QTest::newRow("503 storage") << 503 << QByteArray() << QByteArray() << Service::Storage
                                 << Kind::ServerUnavailable << true;
    QTest::newRow("500 api") << 500 << QByteArray(R"({"message":"boom"})") << json << Service::Api
                             << Kind::ServerError << false;

    QTest::newRow("S3 policy expired")
        << 403 << s3Error("AccessDenied", "Invalid according to Policy: Policy expired.") << xml
        << Service::Storage << Kind::PolicyExpired << false;
    QTest::newRow("S3 policy condition failed")
        << 403
        << s3Error(
               "AccessDenied",
               "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"x\"]")
        << xml << Service::Storage << Kind::StorageRejected << false;
    QTest::newRow("S3 SignatureDoesNotMatch")
        << 403
        << s3Error("SignatureDoesNotMatch",
                   "The request signature we calculated does not match the signature you provided.")
        << xml << Service::Storage << Kind::StorageRejected << false;
    QTest::newRow("S3 EntityTooLarge")
        << 400 << s3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
        << xml << Service::Storage << Kind::StorageRejected << false;
    QTest::newRow("S3 EntityTooSmall")
        << 400
        << s3Error("EntityTooSmall",
                   "Your proposed upload is smaller than the minimum allowed size")
        << xml << Service::Storage << Kind::StorageRejected << false;
    QTest::newRow("S3 SlowDown 503")
        << 503 << s3Error("SlowDown", "Please reduce your request rate.") << xml << Service::Storage
        << Kind::ServerUnavailable << true;
    QTest::newRow("S3 InternalError 500")
        << 500 << s3Error("InternalError", "We encountered an internal error. Please try again.")
        << xml << Service::Storage << Kind::ServerUnavailable << true;
    QTest::newRow("S3 RequestTimeout 400")
        << 400
        << s3Error("RequestTimeout", "Your socket connection to the server was not read from or "
                                     "written to within the timeout period.")
        << xml << Service::Storage << Kind::Timeout << true;
    QTest::newRow("storage 403 no body") << 403 << QByteArray() << QByteArray() << Service::Storage
                                         << Kind::StorageRejected << false;
}

void TestErrorMapper::kinds() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(Service, service);
    QFETCH(Kind, kind);
    QFETCH(bool, retryable);

    const UploadError e = ErrorMapper::fromHttpStatus(status, body, contentType, service);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.isRetryable(), retryable);
    QVERIFY(e.isError());
    QVERIFY2(!e.message.isEmpty(), "every error needs a message for the user");
    // Support needs the status in the detail.
    QVERIFY2(e.detail.contains(QString::number(status)), qPrintable(e.detail));
}

void TestErrorMapper::badRequestCarriesServerMessage_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("message")
        << QByteArray(R"({"message": "Filename has invalid characters", "status": 400})")
        << QStringLiteral("Filename has invalid characters");
    QTest::newRow("older msg")
        << QByteArray(R"({"msg": "No sample matches external_sample_id", "status": 400})")
        << QStringLiteral("No sample matches external_sample_id");
    QTest::newRow("message wins over msg")
        << QByteArray(R"({"msg": "old", "message": "new"})") << QStringLiteral("new");
    QTest::newRow("cancel of finished upload")
        << QByteArray(R"({"message":"Upload already successful"})")
        << QStringLiteral("Upload already successful");
}

void TestErrorMapper::badRequestCarriesServerMessage() {
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const UploadError e = ErrorMapper::fromHttpStatus(400, body, "application/json", Service::Api);
    QCOMPARE(e.kind, Kind::BadRequest);
    QVERIFY2(e.message.contains(expected), qPrintable(e.message));
    QVERIFY(!e.isRetryable());
}

void TestErrorMapper::htmlErrorPage() {
    // With and without the Content-Type header: a proxy page is recognised by its text too.
    for (const QByteArray &type : {QByteArray("text/html; charset=utf-8"), QByteArray()}) {
        const UploadError e = ErrorMapper::fromHttpStatus(502, HtmlPage, type, Service::Api);
        QCOMPARE(e.kind, Kind::ServerUnavailable);
        QVERIFY(e.isRetryable());
        QVERIFY2(e.message.contains(QLatin1String("error page"), Qt::CaseInsensitive),
                 qPrintable(e.message));
    }
    // Without HTML the message must not claim an error page.
    const UploadError plain = ErrorMapper::fromHttpStatus(503, "", "", Service::Api);
    QVERIFY2(!plain.message.contains(QLatin1String("error page"), Qt::CaseInsensitive),
             qPrintable(plain.message));
}

void TestErrorMapper::htmlNotEchoedAsMessage() {
    // A 400 answered by a proxy with HTML is not "BadRequest with the server's message": the
    // markup must not reach the user.
    const UploadError e = ErrorMapper::fromHttpStatus(
        400, "<html><body><h1>Request blocked</h1></body></html>", "text/html", Service::Api);
    QVERIFY(e.kind != Kind::None);
    QVERIFY2(!e.message.contains(QLatin1Char('<')), qPrintable(e.message));
    QVERIFY2(!e.detail.contains(QLatin1String("<h1>")), qPrintable(e.detail));
    QVERIFY2(e.detail.contains(QLatin1String("Request blocked")), qPrintable(e.detail));
}

void TestErrorMapper::rateLimitedIsRetryable() {
    const UploadError e = ErrorMapper::fromHttpStatus(429, "", "", Service::Api);
    QCOMPARE(e.kind, Kind::RateLimited);
    QVERIFY(e.isRetryable());
}

void TestErrorMapper::storagePolicyExpiredNeedsFreshTicket() {
    // The reference: an expired policy answers 403 AccessDenied "Policy expired".
    const UploadError e = ErrorMapper::fromHttpStatus(
        403, s3Error("AccessDenied", "Invalid according to Policy: Policy expired."),
        "application/xml", Service::Storage);
    QCOMPARE(e.kind, Kind::PolicyExpired);
    QVERIFY(e.detail.contains(QLatin1String("AccessDenied")));
    // The same body from the API side is not an S3 answer: never PolicyExpired there.
    const UploadError api = ErrorMapper::fromHttpStatus(
        403, s3Error("AccessDenied", "Invalid according to Policy: Policy expired."),
        "application/xml", Service::Api);
    QCOMPARE(api.kind, Kind::Auth);
}

void TestErrorMapper::serverMessage_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("message") << QByteArray(R"({"message":"x","status":400})")
                             << QStringLiteral("x");
    QTest::newRow("msg") << QByteArray(R"({"msg":"y"})") << QStringLiteral("y");
    QTest::newRow("both") << QByteArray(R"({"msg":"y","message":"x"})") << QStringLiteral("x");
    QTest::newRow("unicode") << QByteArray(R"({"message":"\u00e9chantillon"})")
                             << QString::fromUtf8("\xc3\xa9"
                                                  "chantillon");
    QTest::newRow("no message") << QByteArray(R"({"status":400})") << QString();
    QTest::newRow("array") << QByteArray(R"(["message"])") << QString();
    QTest::newRow("html") << HtmlPage << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("truncated json") << QByteArray(R"({"message":"x")") << QString();
}

void TestErrorMapper::serverMessage() {
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(ErrorMapper::serverMessage(body), expected);
}

void TestErrorMapper::looksLikeHtml_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("html");
    QTest::newRow("content type") << QByteArray("whatever")
                                  << QByteArray("text/html; charset=UTF-8") << true;
    QTest::newRow("doctype") << HtmlPage << QByteArray() << true;
    QTest::newRow("doctype upper, leading ws")
        << QByteArray("\r\n  <!DOCTYPE HTML><p>x") << QByteArray() << true;
    QTest::newRow("html tag") << QByteArray("<html><body>503</body></html>") << QByteArray()
                              << true;
    QTest::newRow("json") << QByteArray(R"({"message":"<html>"})") << QByteArray("application/json")
                          << false;
    QTest::newRow("s3 xml") << s3Error("AccessDenied", "x") << QByteArray("application/xml")
                            << false;
    QTest::newRow("empty") << QByteArray() << QByteArray() << false;
}

void TestErrorMapper::looksLikeHtml() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, html);
    QCOMPARE(ErrorMapper::looksLikeHtml(body, contentType), html);
}

void TestErrorMapper::parseS3Error_data() {
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("access denied")
        << s3Error("AccessDenied", "Invalid according to Policy: Policy expired.")
        << QStringLiteral("AccessDenied")
        << QStringLiteral("Invalid according to Policy: Policy expired.");
    QTest::newRow("entity escaped")
        << s3Error("SignatureDoesNotMatch", "a &amp; b &lt;c&gt;")
        << QStringLiteral("SignatureDoesNotMatch") << QStringLiteral("a & b <c>");
    QTest::newRow("message before code")
        << QByteArray("<Error><Message>Reduce your rate</Message><Code>SlowDown</Code></Error>")
        << QStringLiteral("SlowDown") << QStringLiteral("Reduce your rate");
    QTest::newRow("success document")
        << QByteArray("<PostResponse><Location>https://b/k</Location><Bucket>b"
                      "</Bucket><Key>k</Key><ETag>\"abc\"</ETag></PostResponse>")
        << QString() << QString();
    QTest::newRow("Code outside Error")
        << QByteArray("<Other><Code>NotAnError</Code></Other>") << QString() << QString();
    QTest::newRow("json") << QByteArray(R"({"message":"x"})") << QString() << QString();
    QTest::newRow("empty") << QByteArray() << QString() << QString();
}

void TestErrorMapper::parseS3Error() {
    QFETCH(QByteArray, xml);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QString gotCode = QStringLiteral("stale");
    QString gotMessage = QStringLiteral("stale");
    ErrorMapper::parseS3Error(xml, &gotCode, &gotMessage);
    QCOMPARE(gotCode, code);
    QCOMPARE(gotMessage, message);
}

void TestErrorMapper::parseRetryAfterSeconds_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("ms");
    QTest::newRow("3") << QByteArray("3") << 3000;
    QTest::newRow("0") << QByteArray("0") << 0;
    QTest::newRow("with spaces") << QByteArray(" 120 ") << 120000;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("not a date") << QByteArray("Wed, 99 Foo 2015 07:28:00 GMT") << -1;
}

void TestErrorMapper::parseRetryAfterSeconds() {
    QFETCH(QByteArray, header);
    QFETCH(int, ms);
    QCOMPARE(ErrorMapper::parseRetryAfterMs(header), ms);
}

void TestErrorMapper::parseRetryAfterFutureDate() {
    // RFC 7231: Retry-After: <HTTP-date>, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(120);
    const QByteArray header = httpDate(when);
    const int ms = ErrorMapper::parseRetryAfterMs(header);
    QVERIFY2(ms >= 110 * 1000 && ms <= 121 * 1000,
             qPrintable(QStringLiteral("%1 -> %2 ms").arg(QString::fromLatin1(header)).arg(ms)));
}

void TestErrorMapper::parseRetryAfterPastDate() {
    const QByteArray header = httpDate(QDateTime::currentDateTimeUtc().addSecs(-3600));
    QCOMPARE(ErrorMapper::parseRetryAfterMs(header), 0);
}

void TestErrorMapper::parseRetryAfterNeverExceedsCap_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("one day") << QByteArray("86400");
    QTest::newRow("ten billion seconds") << QByteArray("10000000000");
    QTest::newRow("beyond int64") << QByteArray("99999999999999999999999");
    QTest::newRow("far future date") << httpDate(QDateTime::currentDateTimeUtc().addDays(30));
}

void TestErrorMapper::parseRetryAfterNeverExceedsCap() {
    // A hostile or buggy header must not park an upload for hours: at most one hour.
    QFETCH(QByteArray, header);
    const int ms = ErrorMapper::parseRetryAfterMs(header);
    QVERIFY2(ms <= 3600 * 1000, qPrintable(QString::number(ms)));
    QVERIFY2(ms == -1 || ms > 0, qPrintable(QString::number(ms)));
}

void TestErrorMapper::entityTooLargeNamesTheLimitItHit() {
    const QByteArray xml = "application/xml";
    auto tooLarge = [](qint64 proposed, qint64 max) {
        return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>EntityTooLarge"
                          "</Code><Message>Your proposed upload exceeds the maximum allowed size"
                          "</Message><ProposedSize>") +
               QByteArray::number(proposed) + "</ProposedSize><MaxSizeAllowed>" +
               QByteArray::number(max) + "</MaxSizeAllowed><RequestId>1</RequestId></Error>";
    };
    // S3's own 5 GiB limit: not a changed file, a file for the multipart route.
    const UploadError s3 = ErrorMapper::fromHttpStatus(400, tooLarge(5905580032LL, 5368709120LL),
                                                       xml, Service::Storage);
    QCOMPARE(s3.serverCode, QStringLiteral("EntityTooLarge"));
    QVERIFY2(s3.message.contains("larger than one upload request may be"), qPrintable(s3.message));
    QVERIFY(!s3.message.contains("changed"));
    QVERIFY2(s3.detail.contains("MaxSizeAllowed 5368709120"), qPrintable(s3.detail));
    // The form's content-length-range: the file is larger than announced.
    const UploadError form =
        ErrorMapper::fromHttpStatus(400, tooLarge(2000, 1000), xml, Service::Storage);
    QCOMPARE(form.serverCode, QStringLiteral("EntityTooLarge"));
    QVERIFY2(form.message.contains("larger than announced"), qPrintable(form.message));
    // The route, which knows the file was sent as announced, rewords it with the limit.
    const UploadError reworded = ErrorMapper::tooLargeForOneRequest(form);
    QVERIFY2(reworded.message.contains("larger than one upload request may be"),
             qPrintable(reworded.message));
    QCOMPARE(reworded.detail, form.detail);
    QCOMPARE(reworded.kind, Kind::StorageRejected);
    // Every other S3 error carries its code too.
    QCOMPARE(
        ErrorMapper::fromHttpStatus(400, s3Error("InvalidArgument", "x"), xml, Service::Storage)
            .serverCode,
        QStringLiteral("InvalidArgument"));
}

void TestErrorMapper::toStringCombinesMessageAndDetail() {
    const UploadError e = UploadError::make(Kind::Network, QStringLiteral("Could not reach x."),
                                            QStringLiteral("code 3"));
    QVERIFY(e.toString().contains(QLatin1String("Could not reach x.")));
    QVERIFY(e.toString().contains(QLatin1String("code 3")));
    QCOMPARE(UploadError::make(Kind::Network, QStringLiteral("m")).toString(), QStringLiteral("m"));
}

QTEST_APPLESS_MAIN(TestErrorMapper)
#include "tst_errormapper.moc"
