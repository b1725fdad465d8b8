// MultipartTicket: the answer of init_multipart_upload, its S3 paths, and the secret it
// carries kept out of every log line.
#include "net/multipartticket.h"
#include "util/redactor.h"

#include <QJsonDocument>
#include <QTest>

using SeqDrop::MultipartTicket;
using SeqDrop::Redactor;

namespace {

QJsonObject answer() {
    return QJsonDocument::fromJson(R"({
        "callback_url": "/api/import_file_from_s3",
        "file_id": "user_sandbox/mp_0123456789abcdef_r1.fastq.gz",
        "paired_end_file_id": "user_sandbox/mp_0123456789abcdef_r2.fastq.gz",
        "s3_bucket": "seqdrop-multipart",
        "sample_id": "0123456789abcdef",
        "upload_aws_access_key_id": "ASIATEMPORARYKEY0001",
        "upload_aws_secret_access_key": "tEmPoRaRy/SeCrEt+KeY0000000000000000000000"
    })")
        .object();
}

} // namespace

class TestMultipartTicket : public QObject {
    Q_OBJECT

private slots:
    void init() { Redactor::clearSecrets(); }
    void parsesAPair();
    void parsesASingleFile();
    void s3Path();
    void secretIsRedacted();
    void missingMembers_data();
    void missingMembers();
    void numericSampleId();
};

void TestMultipartTicket::parsesAPair() {
    QString error = QStringLiteral("stale");
    const MultipartTicket t = MultipartTicket::parse(answer(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(t.isValid());
    QCOMPARE(t.callbackUrl, QStringLiteral("/api/import_file_from_s3"));
    QCOMPARE(t.fileId, QStringLiteral("user_sandbox/mp_0123456789abcdef_r1.fastq.gz"));
    QCOMPARE(t.pairedEndFileId, QStringLiteral("user_sandbox/mp_0123456789abcdef_r2.fastq.gz"));
    QCOMPARE(t.s3Bucket, QStringLiteral("seqdrop-multipart"));
    QCOMPARE(t.sampleId, QStringLiteral("0123456789abcdef"));
    QCOMPARE(t.credentials.accessKeyId, QStringLiteral("ASIATEMPORARYKEY0001"));
    QCOMPARE(t.credentials.secretAccessKey,
             QStringLiteral("tEmPoRaRy/SeCrEt+KeY0000000000000000000000"));
}

void TestMultipartTicket::parsesASingleFile() {
    QJsonObject single = answer();
    single.insert(QStringLiteral("paired_end_file_id"), QJsonValue::Null);
    QString error;
    const MultipartTicket t = MultipartTicket::parse(single, &error);
    QVERIFY(t.isValid());
    QVERIFY(t.pairedEndFileId.isEmpty());
}

void TestMultipartTicket::s3Path() {
    const MultipartTicket t = MultipartTicket::parse(answer(), nullptr);
    QCOMPARE(t.s3Path(t.fileId),
             QStringLiteral("s3://seqdrop-multipart/user_sandbox/mp_0123456789abcdef_r1.fastq.gz"));
}

void TestMultipartTicket::secretIsRedacted() {
    MultipartTicket::parse(answer(), nullptr);
    const QString line =
        Redactor::redact(QStringLiteral("answer: {\"upload_aws_secret_access_key\": "
                                        "\"tEmPoRaRy/SeCrEt+KeY0000000000000000000000\"}"));
    QVERIFY2(!line.contains(QLatin1String("tEmPoRaRy/SeCrEt")), qPrintable(line));
    QVERIFY(line.contains(QLatin1String(Redactor::Mask)));
}

void TestMultipartTicket::missingMembers_data() {
    QTest::addColumn<QString>("member");
    for (const char *m : {"callback_url", "file_id", "s3_bucket", "sample_id",
                          "upload_aws_access_key_id", "upload_aws_secret_access_key"})
        QTest::newRow(m) << QString::fromLatin1(m);
}

void TestMultipartTicket::missingMembers() {
    QFETCH(QString, member);
    QJsonObject broken = answer();
    broken.remove(member);
    QString error;
    const MultipartTicket t = MultipartTicket::parse(broken, &error);
    QVERIFY(!t.isValid());
    QVERIFY2(error.contains(member), qPrintable(error));
}

void TestMultipartTicket::numericSampleId() {
    QJsonObject numeric = answer();
    numeric.insert(QStringLiteral("sample_id"), 42);
    QCOMPARE(MultipartTicket::parse(numeric, nullptr).sampleId, QStringLiteral("42"));
}

QTEST_APPLESS_MAIN(TestMultipartTicket)
#include "tst_multipartticket.moc"
