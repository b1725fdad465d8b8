// ErrorMapper for the S3 API (Service::S3): each error code of a multipart upload in words a
// lab technician can act on, and which of them are worth another attempt.
#include "net/errormapper.h"

#include <QTest>

using SeqDrop::ErrorMapper;
using SeqDrop::UploadError;
using Kind = UploadError::Kind;

namespace {

QByteArray errorXml(const QString &code) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code.toUtf8() +
           "</Code><Message>server words</Message><RequestId>R</RequestId></Error>";
}

} // namespace

class TestS3Errors : public QObject {
    Q_OBJECT

private slots:
    void codes_data();
    void codes();
    void errorInside200();
    void unknownCodeNamesIt();
    void bare500IsRetried();
    void htmlIsNotReadAsS3();
};

void TestS3Errors::codes_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("says");
    const auto row = [](int status, const char *code, Kind kind, bool retryable, const char *says) {
        QTest::newRow(code) << status << QString::fromLatin1(code) << int(kind) << retryable
                            << QString::fromLatin1(says);
    };
    row(403, "SignatureDoesNotMatch", Kind::StorageRejected, false, "signature");
    row(403, "InvalidAccessKeyId", Kind::StorageRejected, false, "upload key");
    row(403, "AccessDenied", Kind::StorageRejected, false, "denied access");
    row(404, "NoSuchUpload", Kind::StorageRejected, false, "no longer has this upload");
    row(400, "EntityTooSmall", Kind::StorageRejected, false, "EntityTooSmall");
    row(400, "EntityTooLarge", Kind::StorageRejected, false, "EntityTooLarge");
    row(400, "InvalidPart", Kind::StorageRejected, false, "InvalidPart");
    row(400, "InvalidPartOrder", Kind::StorageRejected, false, "InvalidPartOrder");
    row(400, "BadDigest", Kind::IntegrityMismatch, false, "damaged");
    row(403, "RequestTimeTooSkewed", Kind::StorageRejected, false, "clock");
    row(503, "SlowDown", Kind::ServerUnavailable, true, "temporarily unavailable");
    row(500, "InternalError", Kind::ServerUnavailable, true, "busy");
}

void TestS3Errors::codes() {
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, kind);
    QFETCH(bool, retryable);
    QFETCH(QString, says);
    const UploadError e = ErrorMapper::fromHttpStatus(status, errorXml(code), "application/xml",
                                                      ErrorMapper::Service::S3);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.isRetryable(), retryable);
    QVERIFY2(e.message.contains(says), qPrintable(e.message));
    QVERIFY2(e.detail.contains(QString::number(status)), qPrintable(e.detail));
    // S3's own words go to the detail, for support, not to the message.
    QVERIFY(!e.message.contains(QLatin1String("server words")));
}

void TestS3Errors::errorInside200() {
    const UploadError e = ErrorMapper::fromS3Error(200, "InternalError", "try again");
    QCOMPARE(e.kind, Kind::ServerUnavailable);
    QVERIFY(e.isRetryable());
    QVERIFY(e.detail.contains(QLatin1String("HTTP 200, S3 InternalError")));
}

void TestS3Errors::unknownCodeNamesIt() {
    const UploadError e = ErrorMapper::fromS3Error(400, "InvalidStorageClass", "no");
    QCOMPARE(e.kind, Kind::StorageRejected);
    QVERIFY(e.message.contains(QLatin1String("InvalidStorageClass")));
}

void TestS3Errors::bare500IsRetried() {
    // S3 asks clients to retry 500s; without a body there is no code to read.
    const UploadError e =
        ErrorMapper::fromHttpStatus(500, QByteArray(), QByteArray(), ErrorMapper::Service::S3);
    QVERIFY(e.isRetryable());
}

void TestS3Errors::htmlIsNotReadAsS3() {
    const UploadError e = ErrorMapper::fromHttpStatus(
        403, "<html><body><Error><Code>AccessDenied</Code></Error></body></html>", "text/html",
        ErrorMapper::Service::S3);
    QCOMPARE(e.kind, Kind::BadResponse);
    QVERIFY(e.message.contains(QLatin1String("error page")));
}

QTEST_APPLESS_MAIN(TestS3Errors)
#include "tst_s3errors.moc"
