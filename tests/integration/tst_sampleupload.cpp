// One sample through the real engine (ApiClient, jobs, SampleUpload) against a real sandbox:
// what arrives on the server when all goes well, and the checks made while the bytes stream.
// The faults injected by the sandbox are in tst_sampleuploadfaults.
#include "sampleuploadtest.h"
#include "sandboxprocess.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace SeqDrop;

class TestSampleUpload : public SampleUploadTest {
    Q_OBJECT

private Q_SLOTS:
    void singleFile();
    void gzipFile();
    void pairGoesToBothUrls();
    void descriptionRoundTrip();
    void lanesSentAsOneSample();
    void validatedWhileUploading_data();
    void validatedWhileUploading();
    void pairCheckedWhileUploading_data();
    void pairCheckedWhileUploading();
    void sigV4Forms();

private:
    QJsonArray getArray(const QString &path);
};

QJsonArray TestSampleUpload::getArray(const QString &path) {
    QNetworkRequest request(m_net.sandbox->baseUrl().resolved(QUrl(path)));
    request.setRawHeader("X-API-Key", m_net.sandbox->apiKey().toLatin1());
    QNetworkReply *reply = m_net.nam->get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).array();
}

void TestSampleUpload::singleFile() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("single.fastq"), 500);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QVERIFY(!upload->sampleId().isEmpty());
    QCOMPARE(upload->bytesSent(), QFileInfo(spec.file).size());

    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("status").toString(), QStringLiteral("available"));
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("single.fastq"));
    const QByteArray md5 = md5OfFile(spec.file);
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(), md5);
    QCOMPARE(upload->md5s(), QStringList{QString::fromLatin1(md5)});
    // The stored bytes on disk are the file's bytes.
    const QString key = sample.value("r1").toObject().value("key").toString();
    QCOMPARE(md5OfFile(m_net.sandbox->objectPath(key)), md5);
}

void TestSampleUpload::gzipFile() {
    SampleSpec spec;
    spec.file =
        writeGzip(m_dir.filePath(QStringLiteral("reads.fastq.gz")), TestFiles::fastqText(2000));
    QVERIFY(!spec.file.isEmpty());
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("reads.fastq.gz"));
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(),
             md5OfFile(spec.file));
}

void TestSampleUpload::pairGoesToBothUrls() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("p_R1_001.fastq"), 300, 100, 7);
    spec.pairedFile = writeFastq(m_dir.path(), QStringLiteral("p_R2_001.fastq"), 300, 100, 8);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("paired_end_filename").toString(), QStringLiteral("p_R2_001.fastq"));
    QCOMPARE(sample.value("r1").toObject().value("md5").toString().toLatin1(),
             md5OfFile(spec.file));
    QCOMPARE(sample.value("r2").toObject().value("md5").toString().toLatin1(),
             md5OfFile(spec.pairedFile));
    QVERIFY(sample.value("r2").toObject().value("key").toString().contains(QLatin1String("/r2/")));
    QCOMPARE(sample.value("size").toInteger(),
             QFileInfo(spec.file).size() + QFileInfo(spec.pairedFile).size());
}

void TestSampleUpload::descriptionRoundTrip() {
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("described.fq"), 50);
    spec.tags = {QStringLiteral("soil"), QStringLiteral("run-42")};
    spec.projectId = QString::fromLatin1(SandboxProcess::SoilSurveyProjectId);
    spec.metadata = QJsonObject{{"location_lat", 47.37},
                                {"starred", true},
                                {"library_type", "WGS"},
                                {"date_collected", "2026-11-02T00:00:00Z"},
                                {"custom", QJsonObject{{"well", "A1"}, {"plate", "007"}}}};
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    const QJsonObject sample = sandboxSample(upload->sampleId());
    // Samples carry tag references, as One Codex does; names come from /api/v1/tags.
    QHash<QString, QString> tagNames;
    for (const QJsonValue &t : getArray(QStringLiteral("/api/v1/tags")))
        tagNames.insert(t.toObject().value("$uri").toString(),
                        t.toObject().value("name").toString());
    QStringList tags;
    for (const QJsonValue &t : sample.value("tags").toArray())
        tags << tagNames.value(t.toObject().value("$ref").toString());
    tags.sort();
    QCOMPARE(tags, (QStringList{QStringLiteral("run-42"), QStringLiteral("soil")}));
    QCOMPARE(sample.value("project_id").toString(),
             QString::fromLatin1(SandboxProcess::SoilSurveyProjectId));
    const QJsonObject metadata = sample.value("metadata").toObject();
    QCOMPARE(metadata.value("location_lat").toDouble(), 47.37);
    QCOMPARE(metadata.value("starred").toBool(), true);
    QCOMPARE(metadata.value("custom").toObject().value("plate").toString(), QStringLiteral("007"));
}

// Lanes L001..L003 of one sample travel as one object per read, concatenated as they stream
// (gzip members back to back are one valid gzip file).
void TestSampleUpload::lanesSentAsOneSample() {
    SampleSpec spec;
    QByteArray r1All, r2All;
    for (int lane = 1; lane <= 3; ++lane) {
        const QByteArray r1 = TestFiles::fastqText(300, 100, quint32(lane));
        const QByteArray r2 = TestFiles::fastqText(300, 100, quint32(lane + 10));
        const QString p1 =
            writeGzip(m_dir.filePath(QStringLiteral("S1_L00%1_R1_001.fastq.gz").arg(lane)), r1);
        const QString p2 =
            writeGzip(m_dir.filePath(QStringLiteral("S1_L00%1_R2_001.fastq.gz").arg(lane)), r2);
        QFile f1(p1), f2(p2);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        r1All += f1.readAll();
        r2All += f2.readAll();
        if (lane == 1) {
            spec.file = p1;
            spec.pairedFile = p2;
        } else {
            spec.moreLanes << p1;
            spec.morePairedLanes << p2;
        }
    }
    spec.uploadName = QStringLiteral("S1_R1_001.fastq.gz");
    spec.pairedUploadName = QStringLiteral("S1_R2_001.fastq.gz");
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(upload->totalBytes(), qint64(r1All.size() + r2All.size()));
    const QJsonObject sample = sandboxSample(upload->sampleId());
    QCOMPARE(sample.value("filename").toString(), QStringLiteral("S1_R1_001.fastq.gz"));
    const QJsonObject r1 = sample.value("r1").toObject();
    QCOMPARE(r1.value("md5").toString().toLatin1(),
             QCryptographicHash::hash(r1All, QCryptographicHash::Md5).toHex());
    QCOMPARE(r1.value("size").toInteger(), qint64(r1All.size()));
    QCOMPARE(sample.value("r2").toObject().value("md5").toString().toLatin1(),
             QCryptographicHash::hash(r2All, QCryptographicHash::Md5).toHex());
}

void TestSampleUpload::validatedWhileUploading_data() {
    QTest::addColumn<bool>("broken");
    QTest::newRow("valid file") << false;
    QTest::newRow("bad base in the last record") << true;
}

// One read of the disk: the validator sees the bytes as they are sent, and a problem found
// late in the file stops the upload and cancels the sample before confirm_upload.
void TestSampleUpload::validatedWhileUploading() {
    QFETCH(bool, broken);
    QByteArray text = TestFiles::fastqText(30000, 150);
    if (broken) {
        const qsizetype lastRecord = text.lastIndexOf("\n@", text.size() - 2) + 1;
        const qsizetype sequence = text.indexOf('\n', lastRecord) + 1;
        text[sequence + 10] = 'Z';
    }
    QFile f(m_dir.filePath(broken ? QStringLiteral("late_bad.fastq")
                                  : QStringLiteral("late_good.fastq")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    SampleSpec spec;
    spec.file = f.fileName();
    spec.validateWhileUploading = true;
    SampleUpload *upload = run(spec);
    if (!broken) {
        QCOMPARE(upload->state(), State::Confirmed);
        return;
    }
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::LocalFile);
    QVERIFY2(upload->error().message.contains(QLatin1String("record 30,000")),
             qPrintable(upload->error().message));
    QCOMPARE(upload->retries(), 0); // a bad file is not sent again
    QCOMPARE(sandboxSample(upload->sampleId()).value("status").toString(),
             QStringLiteral("deleted"));
    QCOMPARE(m_net.sandbox->counts().value("confirm_upload").toInt(), 0);
}

void TestSampleUpload::pairCheckedWhileUploading_data() {
    QTest::addColumn<QByteArray>("r2");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mates agree") << TestFiles::fastqText(2000, 80, 2) << QString();
    // Record 1,000 renamed in R2: located to its block of 256 records (769-1,024).
    QByteArray renamed = TestFiles::fastqText(2000, 80, 2);
    renamed.replace("@read_1000\n", "@read_x1000\n");
    QTest::newRow("a read name differs")
        << renamed
        << QStringLiteral(
               "pc_R2.fastq, records 769-1,024 (from line 3,073): the read names differ");
    QTest::newRow("R2 is short") << TestFiles::fastqText(1990, 80, 2)
                                 << QStringLiteral("pc_R2.fastq, record 1,991: pc_R2.fastq has "
                                                   "1,990 records but its mate pc_R1.fastq has "
                                                   "2,000");
}

// R1 is sent whole before R2, yet the pair's names and counts are checked on the way; a
// disagreement stops R2's upload and the sample is cancelled before confirm_upload.
void TestSampleUpload::pairCheckedWhileUploading() {
    QFETCH(QByteArray, r2);
    QFETCH(QString, expected);
    SampleSpec spec;
    spec.file = m_dir.filePath(QStringLiteral("pc_R1.fastq"));
    spec.pairedFile = m_dir.filePath(QStringLiteral("pc_R2.fastq"));
    for (const auto &[path, bytes] : {std::pair{spec.file, TestFiles::fastqText(2000, 80, 1)},
                                      std::pair{spec.pairedFile, r2}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    spec.validateWhileUploading = true;
    SampleUpload *upload = run(spec);
    if (expected.isEmpty()) {
        QCOMPARE(upload->state(), State::Confirmed);
        return;
    }
    QCOMPARE(upload->state(), State::Failed);
    QCOMPARE(upload->error().kind, Kind::LocalFile);
    QVERIFY2(upload->error().message.startsWith(expected), qPrintable(upload->error().message));
    QCOMPARE(sandboxSample(upload->sampleId()).value("status").toString(),
             QStringLiteral("deleted"));
    QCOMPARE(m_net.sandbox->counts().value("confirm_upload").toInt(), 0);
}

// The client treats the form as opaque: a SigV4 form (x-amz-* fields) works the same way.
void TestSampleUpload::sigV4Forms() {
    SandboxProcess v4({QStringLiteral("--sigv4")});
    QVERIFY(v4.start());
    m_net.api->setBaseUrl(v4.baseUrl());
    SampleSpec spec;
    spec.file = writeFastq(m_dir.path(), QStringLiteral("v4_R1.fq"), 200, 100, 11);
    spec.pairedFile = writeFastq(m_dir.path(), QStringLiteral("v4_R2.fq"), 200, 100, 12);
    SampleUpload *upload = run(spec);
    QCOMPARE(upload->state(), State::Confirmed);
    QCOMPARE(upload->fileBytesSent(1), QFileInfo(spec.pairedFile).size());
    QCOMPARE(
        v4.sample(upload->sampleId()).value("r2").toObject().value("md5").toString().toLatin1(),
        md5OfFile(spec.pairedFile));
}

QTEST_GUILESS_MAIN(TestSampleUpload)
#include "tst_sampleupload.moc"
