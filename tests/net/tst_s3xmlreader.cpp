// S3XmlReader and the pieces of S3Part: what S3 answers, read; the multipart ETag and the
// CompleteMultipartUpload body, written.
#include "net/completemultipartuploadjob.h"
#include "net/s3part.h"
#include "net/s3xmlreader.h"

#include <QCryptographicHash>
#include <QTest>

using SeqDrop::CompleteMultipartUploadJob;
using SeqDrop::S3Part;
using SeqDrop::S3XmlReader;

class TestS3XmlReader : public QObject {
    Q_OBJECT

private slots:
    void error();
    void errorInside200();
    void notAnError();
    void uploadId();
    void partsPage();
    void complete();
    void multipartEtag();
    void normalizedEtag();
    void completeBody();
};

void TestS3XmlReader::error() {
    S3XmlReader::Error e;
    QVERIFY(S3XmlReader::readError(
        "<?xml version=\"1.0\" "
        "encoding=\"UTF-8\"?>\n<Error><Code>AuthorizationHeaderMalformed</Code>"
        "<Message>the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message>"
        "<Region>eu-west-1</Region><RequestId>X</RequestId></Error>",
        &e));
    QCOMPARE(e.code, QStringLiteral("AuthorizationHeaderMalformed"));
    QCOMPARE(e.region, QStringLiteral("eu-west-1"));
    QVERIFY(e.message.contains(QLatin1String("expecting")));
    QVERIFY(S3XmlReader::readError("<Error><Code>RequestTimeTooSkewed</Code><ServerTime>"
                                   "2026-12-03T08:00:00Z</ServerTime></Error>",
                                   &e));
    QCOMPARE(e.serverTime, QStringLiteral("2026-12-03T08:00:00Z"));
}

void TestS3XmlReader::errorInside200() {
    // CompleteMultipartUpload's documented trap: status 200, the body an error.
    S3XmlReader::Error e;
    QVERIFY(S3XmlReader::readError("<?xml version=\"1.0\"?>\n\n<Error><Code>InternalError</Code>"
                                   "<Message>We encountered an internal error.</Message></Error>",
                                   &e));
    QCOMPARE(e.code, QStringLiteral("InternalError"));
}

void TestS3XmlReader::notAnError() {
    S3XmlReader::Error e;
    QVERIFY(!S3XmlReader::readError("<CompleteMultipartUploadResult><ETag>\"x-2\"</ETag>"
                                    "</CompleteMultipartUploadResult>",
                                    &e));
    QVERIFY(!S3XmlReader::readError("", &e));
    QVERIFY(!S3XmlReader::readError("<html><body>Error</body></html>", &e));
}

void TestS3XmlReader::uploadId() {
    QString id, why;
    QVERIFY(S3XmlReader::readUploadId(
        "<?xml version=\"1.0\"?><InitiateMultipartUploadResult "
        "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>b</Bucket><Key>k</Key>"
        "<UploadId>VXBsb2FkIElE+/=</UploadId></InitiateMultipartUploadResult>",
        &id, &why));
    QCOMPARE(id, QStringLiteral("VXBsb2FkIElE+/="));
    QVERIFY(!S3XmlReader::readUploadId("<InitiateMultipartUploadResult/>", &id, &why));
    QVERIFY(!why.isEmpty());
}

void TestS3XmlReader::partsPage() {
    S3XmlReader::PartsPage page;
    QString why;
    QVERIFY(S3XmlReader::readPartsPage(
        "<ListPartsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        "<Bucket>b</Bucket><Key>k</Key><UploadId>u</UploadId>"
        "<PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>2</NextPartNumberMarker>"
        "<MaxParts>2</MaxParts><IsTruncated>true</IsTruncated>"
        "<Part><PartNumber>1</PartNumber><LastModified>2026-12-03T08:00:00.000Z</LastModified>"
        "<ETag>&quot;0CC175B9C0F1B6A831C399E269772661&quot;</ETag><Size>5242880</Size></Part>"
        "<Part><PartNumber>2</PartNumber><ETag>\"92eb5ffee6ae2fec3ad71c777531578f\"</ETag>"
        "<Size>17</Size></Part></ListPartsResult>",
        &page, &why));
    QVERIFY(page.isTruncated);
    QCOMPARE(page.nextPartNumberMarker, 2);
    QCOMPARE(page.parts.size(), 2);
    QCOMPARE(page.parts[0].number, 1);
    QCOMPARE(page.parts[0].size, 5242880);
    QCOMPARE(page.parts[0].etag, QStringLiteral("0cc175b9c0f1b6a831c399e269772661"));
    QCOMPARE(page.parts[0].md5Hex, page.parts[0].etag);
    QCOMPARE(page.parts[1].size, 17);
    QVERIFY(!S3XmlReader::readPartsPage("<Error><Code>NoSuchUpload</Code></Error>", &page, &why));
}

void TestS3XmlReader::complete() {
    S3XmlReader::CompleteResult r;
    QString why;
    QVERIFY(S3XmlReader::readComplete(
        "<?xml version=\"1.0\"?>\n<CompleteMultipartUploadResult><Location>http://x/b/k</Location>"
        "<Bucket>b</Bucket><Key>k</Key><ETag>\"3858F62230AC3C915F300C664312C11F-9\"</ETag>"
        "</CompleteMultipartUploadResult>",
        &r, &why));
    QCOMPARE(r.etag, QStringLiteral("3858f62230ac3c915f300c664312c11f-9"));
    QCOMPARE(r.key, QStringLiteral("k"));
}

void TestS3XmlReader::multipartEtag() {
    const QByteArray a(5 << 20, 'a');
    const QByteArray b("tail");
    const QByteArray ma = QCryptographicHash::hash(a, QCryptographicHash::Md5);
    const QByteArray mb = QCryptographicHash::hash(b, QCryptographicHash::Md5);
    const QList<S3Part> parts{{1, a.size(), QString::fromLatin1(ma.toHex()), {}},
                              {2, b.size(), QString::fromLatin1(mb.toHex()), {}}};
    QCOMPARE(
        S3Part::multipartEtag(parts),
        QString::fromLatin1(QCryptographicHash::hash(ma + mb, QCryptographicHash::Md5).toHex()) +
            QStringLiteral("-2"));
    QCOMPARE(S3Part::multipartEtag({{1, 1, QStringLiteral("nothex"), {}}}), QString());
}

void TestS3XmlReader::normalizedEtag() {
    QCOMPARE(S3Part::normalizedEtag(QStringLiteral(" \"ABC-2\" ")), QStringLiteral("abc-2"));
    QCOMPARE(S3Part::normalizedEtag(QStringLiteral("&quot;abc&quot;")), QStringLiteral("abc"));
}

void TestS3XmlReader::completeBody() {
    const QByteArray xml = CompleteMultipartUploadJob::requestBody(
        {{1, 10, QStringLiteral("aa"), QStringLiteral("aa")}, {2, 5, QStringLiteral("bb"), {}}});
    QVERIFY(xml.contains(
        "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"));
    QVERIFY(xml.contains("<Part><PartNumber>1</PartNumber><ETag>\"aa\"</ETag></Part>"));
    QVERIFY(xml.contains("<Part><PartNumber>2</PartNumber><ETag>\"bb\"</ETag></Part>"));
}

QTEST_APPLESS_MAIN(TestS3XmlReader)
#include "tst_s3xmlreader.moc"
