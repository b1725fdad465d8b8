// Proof that the sandbox speaks real S3, not only what SeqDrop sends: Debian's own S3 clients
// against it. awscli (`aws s3 cp`, multipart by its own config) and s3cmd (`put`, multipart by
// chunk size) store files byte-identical and read them back; awscli writes into a multipart
// sample with init_multipart_upload's temporary keys; and a wrong signature, a wrong payload
// hash and a stale date are refused with S3's codes (awscli, s3cmd and curl's --aws-sigv4).
// The sandbox keeps S3's real 5 MiB part minimum here.
#include "s3testclient.h"
#include "sandboxledger.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace SandboxTestSupport;
using namespace S3TestSupport;

namespace {

// Debian's clients, never whatever is first in PATH (a pip awscli may shadow it).
constexpr const char *Aws = "/usr/bin/aws";
constexpr const char *S3cmd = "/usr/bin/s3cmd";
constexpr const char *Curl = "/usr/bin/curl";
constexpr qint64 BigSize = 17 * 1000 * 1000; // four 5 MiB parts, the last one short

struct Run {
    int exitCode = -1;
    QString output; // stdout and stderr
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.output = QStringLiteral("%1 did not run: %2").arg(program, p.errorString());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

QString writeRandom(const QString &path, qint64 size, quint32 seed) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    QRandomGenerator random(seed);
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0; left -= block.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        f.write(block.constData(), qMin<qint64>(left, block.size()));
    }
    return path;
}

} // namespace

class TestSandboxS3Clients : public SandboxTest {
    Q_OBJECT

    QString m_big;

    QString endpoint() const {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox->port());
    }

    // awscli with nothing of the machine's own configuration: a config file of its own that makes
    // `aws s3 cp` go multipart above 5 MB in 5 MiB parts, keys from the environment.
    QProcessEnvironment awsEnv(const QString &key, const QString &secret) const {
        QProcessEnvironment env;
        env.insert("PATH", "/usr/bin:/bin");
        env.insert("HOME", m_files.path());
        env.insert("AWS_CONFIG_FILE", m_files.filePath("aws-config"));
        env.insert("AWS_SHARED_CREDENTIALS_FILE", m_files.filePath("no-credentials"));
        env.insert("AWS_ACCESS_KEY_ID", key);
        env.insert("AWS_SECRET_ACCESS_KEY", secret);
        env.insert("AWS_EC2_METADATA_DISABLED", "true");
        env.insert("AWS_PAGER", "");
        return env;
    }
    Run aws(const QStringList &args, const QString &key = TestKey,
            const QString &secret = TestSecret) {
        return run(Aws, QStringList{"--endpoint-url", endpoint()} + args, awsEnv(key, secret));
    }
    Run s3cmd(const QStringList &args, const QString &secret = TestSecret) {
        const QString config = m_files.filePath("s3cfg");
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        const QString host = QStringLiteral("127.0.0.1:%1").arg(m_sandbox->port());
        f.write(QStringLiteral("[default]\naccess_key = %1\nsecret_key = %2\nhost_base = %3\n"
                               "host_bucket = %3\nuse_https = False\nsignature_v2 = False\n"
                               "bucket_location = us-east-1\nmultipart_chunk_size_mb = 5\n")
                    .arg(QLatin1String(TestKey), secret, host)
                    .toUtf8());
        f.close();
        QProcessEnvironment env;
        env.insert("PATH", "/usr/bin:/bin");
        env.insert("HOME", m_files.path());
        return run(S3cmd, QStringList{"-c", config} + args, env);
    }
    QJsonObject completedUpload(const QString &key) {
        for (const QJsonValue &v : m_sandbox->state().value("multipart").toArray())
            if (v.toObject().value("key").toString() == key &&
                v.toObject().value("state").toString() == QLatin1String("completed"))
                return v.toObject();
        return {};
    }

public:
    // Before the base's initTestCase (which starts the sandbox): the files every test uses.
    TestSandboxS3Clients() {
        QFile config(m_files.filePath("aws-config"));
        if (config.open(QIODevice::WriteOnly))
            config.write("[default]\nregion = us-east-1\ns3 =\n    multipart_threshold = 5MB\n"
                         "    multipart_chunksize = 5MB\n    max_concurrent_requests = 4\n");
        m_big = writeRandom(m_files.filePath("big.bin"), BigSize, 13);
    }

private slots:
    void clientsInstalled() {
        QVERIFY2(QFile::exists(Aws) && QFile::exists(S3cmd), "run scripts/install-deps.sh");
        QVERIFY(!m_big.isEmpty());
    }

    void awsCpMultipart() {
        Run r = aws({"s3", "cp", "--only-show-errors", m_big, "s3://seqdrop-test/aws/big.bin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        const QJsonObject upload = completedUpload("aws/big.bin");
        const QJsonArray parts = upload.value("parts").toArray();
        QCOMPARE(parts.size(), 4);
        for (const QJsonValue &p : parts)
            QCOMPARE(p.toObject().value("times_received").toInt(), 1);
        const QString stored = m_sandbox->dataDir() + "/buckets/seqdrop-test/aws/big.bin";
        QCOMPARE(TestFiles::md5OfFile(stored), TestFiles::md5OfFile(m_big));

        const QString back = m_files.filePath("aws-back.bin");
        r = aws({"s3", "cp", "--only-show-errors", "s3://seqdrop-test/aws/big.bin", back});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(TestFiles::md5OfFile(back), TestFiles::md5OfFile(m_big));
        r = aws({"s3", "ls", "s3://seqdrop-test/aws/"});
        QVERIFY2(r.exitCode == 0 && r.output.contains(QString::number(BigSize) + " big.bin"),
                 qPrintable(r.output));
        // awscli over plain http signs every body with its SHA-256: never aws-chunked, never
        // unsigned (the sandbox would take both).
        const QJsonObject counts = m_sandbox->counts();
        QVERIFY(counts.value("s3_payload_sha256").toInt() >= 7);
        QCOMPARE(counts.value("s3_payload_streaming").toInt(), 0);
        QCOMPARE(counts.value("s3_payload_unsigned").toInt(), 0);
    }

    void awsCpIntoMultipartSample() {
        // The multipart route as another client would take it: temporary keys, then the callback.
        const Reply init = api("POST", "/api/v1/samples/init_multipart_upload",
                               {{"filename", "big.fastq.gz"}}, Auth::Basic);
        QCOMPARE(init.status, 200);
        const QJsonObject t = init.json();
        const QString fileId = t.value("file_id").toString();
        const Run r = aws({"s3", "cp", "--only-show-errors", "--sse", "AES256", m_big,
                           "s3://seqdrop-multipart/" + fileId},
                          t.value("upload_aws_access_key_id").toString(),
                          t.value("upload_aws_secret_access_key").toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(completedUpload(fileId).value("sse").toString(), QString("AES256"));
        const Reply cb =
            api("POST", "/api/import_file_from_s3",
                {{"s3_path", "s3://seqdrop-multipart/" + fileId}, {"filename", "big.fastq.gz"}},
                Auth::Basic);
        QCOMPARE(cb.status, 200);

        SandboxLedger ledger;
        SandboxLedger::Sample local;
        local.file = m_files.filePath("big.fastq.gz");
        QVERIFY(QFile::copy(m_big, local.file));
        local.status = "confirmed";
        local.sampleId = t.value("sample_id").toString();
        ledger.add(local);
        const QStringList problems = ledger.check(m_sandbox->state());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        QCOMPARE(m_sandbox->sample(local.sampleId).value("parts_received").toInt(), 4);
    }

    void s3cmdPut() {
        Run r = s3cmd({"put", m_big, "s3://seqdrop-test/s3cmd/big.bin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(completedUpload("s3cmd/big.bin").value("parts").toArray().size(), 4);
        const QString stored = m_sandbox->dataDir() + "/buckets/seqdrop-test/s3cmd/big.bin";
        QCOMPARE(TestFiles::md5OfFile(stored), TestFiles::md5OfFile(m_big));
        const QString back = m_files.filePath("s3cmd-back.bin");
        r = s3cmd({"get", "s3://seqdrop-test/s3cmd/big.bin", back});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(TestFiles::md5OfFile(back), TestFiles::md5OfFile(m_big));
        QCOMPARE(m_sandbox->counts().value("s3_payload_streaming").toInt(), 0);
        QCOMPARE(m_sandbox->counts().value("s3_payload_unsigned").toInt(), 0);
    }

    void s3cmdContinuePut() {
        // A resume as s3cmd does it: ListMultipartUploads finds the upload, ListParts its parts,
        // and a part whose size and MD5 match is not sent again.
        QFile big(m_big);
        QVERIFY(big.open(QIODevice::ReadOnly));
        const QByteArray first = big.read(5 * 1024 * 1024);
        Upload u;
        u.key = "resume/big.bin";
        u.uploadId = send(m_nam, m_sandbox->port(), request(u, "POST", {{"uploads", ""}}))
                         .element("UploadId");
        QCOMPARE(send(m_nam, m_sandbox->port(),
                      request(u, "PUT", {{"partNumber", "1"}, {"uploadId", u.uploadId}}, first))
                     .status,
                 200);
        const Run r = s3cmd({"put", "--continue-put", m_big, "s3://seqdrop-test/resume/big.bin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QVERIFY2(r.output.contains("part 1, skipping"), qPrintable(r.output));
        const QJsonObject upload = completedUpload("resume/big.bin");
        QCOMPARE(upload.value("upload_id").toString(), u.uploadId);
        const QJsonArray parts = upload.value("parts").toArray();
        QCOMPARE(parts.size(), 4);
        for (const QJsonValue &p : parts)
            QCOMPARE(p.toObject().value("times_received").toInt(), 1);
        const QString stored = m_sandbox->dataDir() + "/buckets/seqdrop-test/resume/big.bin";
        QCOMPARE(TestFiles::md5OfFile(stored), TestFiles::md5OfFile(m_big));
        QVERIFY(m_sandbox->counts().value("list_multipart_uploads").toInt() >= 1);
    }

    void wrongSignatureRefused() {
        const QString small = fastq("small.fastq", 20);
        Run r =
            aws({"s3", "cp", small, "s3://seqdrop-test/refused/a.fastq"}, TestKey, "wrong-secret");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains("SignatureDoesNotMatch"), qPrintable(r.output));
        r = s3cmd({"put", small, "s3://seqdrop-test/refused/b.fastq"}, "wrong-secret");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains("SignatureDoesNotMatch"), qPrintable(r.output));
        r = run(Curl,
                {"-s", "--aws-sigv4", "aws:amz:us-east-1:s3", "--user",
                 QStringLiteral("%1:wrong-secret").arg(QLatin1String(TestKey)), "-H",
                 QStringLiteral("x-amz-content-sha256: %1").arg(QLatin1String(EmptyHash)),
                 endpoint() + "/seqdrop-test/aws/big.bin"},
                QProcessEnvironment::systemEnvironment());
        QVERIFY2(r.output.contains("<Code>SignatureDoesNotMatch</Code>"), qPrintable(r.output));
    }

    void wrongPayloadHashRefused() {
        // curl signs whatever x-amz-content-sha256 it is given: a valid signature over a
        // claimed hash the body does not have.
        const QString small = fastq("hash.fastq", 20);
        const Run r = run(
            Curl,
            {"-s", "--aws-sigv4", "aws:amz:us-east-1:s3", "--user",
             QStringLiteral("%1:%2").arg(QLatin1String(TestKey), QLatin1String(TestSecret)), "-H",
             QStringLiteral("x-amz-content-sha256: %1")
                 .arg(QString::fromLatin1(sha256Hex("not the body"))),
             "-w", "\nstatus %{http_code}", "-T", small,
             endpoint() + "/seqdrop-test/refused/hash.fastq"},
            QProcessEnvironment::systemEnvironment());
        QVERIFY2(r.output.contains("<Code>XAmzContentSHA256Mismatch</Code>"), qPrintable(r.output));
        QVERIFY2(r.output.endsWith("status 400"), qPrintable(r.output));
        S3Request head;
        head.method = "HEAD";
        head.key = "refused/hash.fastq";
        QCOMPARE(send(m_nam, m_sandbox->port(), head).status, 404);
    }

    void staleDateRefused() {
        // awscli signs with the machine's clock; a server clock an hour ahead makes every
        // request an hour stale. awscli neither retries nor corrects it.
        QVERIFY(m_sandbox->setFaults({{"clock_skew_s", 3600}}));
        const QString small = fastq("stale.fastq", 20);
        Run r = aws({"s3", "cp", small, "s3://seqdrop-test/refused/stale.fastq"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains("RequestTimeTooSkewed"), qPrintable(r.output));
        r = aws({"s3", "cp", m_big, "s3://seqdrop-test/refused/stale.bin"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains("RequestTimeTooSkewed"), qPrintable(r.output));
        r = s3cmd({"put", small, "s3://seqdrop-test/refused/stale.fastq"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains("RequestTimeTooSkewed"), qPrintable(r.output));
        QVERIFY(m_sandbox->setFaults({{"clock_skew_s", 0}}));
        QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), 0);
    }
};

QTEST_MAIN(TestSandboxS3Clients)
#include "tst_sandboxs3clients.moc"
