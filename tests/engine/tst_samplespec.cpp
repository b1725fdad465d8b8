// SampleSpec::initUploadBody: the POST /api/v1/samples/init_upload body per the reference:
// filename, size, paired_end_filename, interleaved, tags [{"name"}], project {"$ref"},
// metadata, upload_type "standard".
#include "samples/localfile.h"
#include "samples/samplespec.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using SeqDrop::SampleSpec;

class TestSampleSpec : public QObject {
    Q_OBJECT

private slots:
    void minimalBody();
    void fullBody();
    void pairBody();
    void interleavedOnlyWhenTrue();
    void tagsAsNameObjects();
    void uploadNames();
    void displayName();
    void bigSizeStaysExact();
    void fingerprintReadsWhatQtReads();
};

void TestSampleSpec::minimalBody() {
    SampleSpec spec;
    spec.file = QStringLiteral("/data/run/sample.fastq.gz");
    const QJsonObject body = spec.initUploadBody(1234);
    QCOMPARE(body.value("filename"), QJsonValue("sample.fastq.gz")); // the name, never the path
    QCOMPARE(body.value("size").toInteger(), qint64(1234));
    QCOMPARE(body.value("upload_type"), QJsonValue("standard"));
    // Optional members are absent rather than empty.
    for (const char *key : {"paired_end_filename", "interleaved", "tags", "project", "metadata"})
        QVERIFY2(!body.contains(QLatin1String(key)), key);
    QVERIFY(!spec.isPair());
}

void TestSampleSpec::fullBody() {
    SampleSpec spec;
    spec.file = QStringLiteral("/data/x.fq");
    spec.tags = {QStringLiteral("run-12"), QStringLiteral("stool")};
    spec.projectId = QStringLiteral("0123456789abcdef");
    spec.metadata =
        QJsonObject{{"name", "S1"}, {"location_lat", 45.5}, {"custom", QJsonObject{{"ward", "3"}}}};
    const QJsonObject body = spec.initUploadBody(99);

    QCOMPARE(body.value("tags").toArray(),
             (QJsonArray{QJsonObject{{"name", "run-12"}}, QJsonObject{{"name", "stool"}}}));
    QCOMPARE(body.value("project").toObject(),
             (QJsonObject{{"$ref", "/api/v1/projects/0123456789abcdef"}}));
    QCOMPARE(body.value("metadata").toObject(), spec.metadata);
    QCOMPARE(body.value("size").toInteger(), qint64(99));
    QCOMPARE(body.value("upload_type"), QJsonValue("standard"));
    QCOMPARE(body.value("filename"), QJsonValue("x.fq"));

    // And it survives serialisation as the server will see it.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(body).toJson()).object();
    QCOMPARE(reread.value("project").toObject().value("$ref").toString(),
             QStringLiteral("/api/v1/projects/0123456789abcdef"));
}

void TestSampleSpec::pairBody() {
    SampleSpec spec;
    spec.file = QStringLiteral("/data/x_R1_001.fastq.gz");
    spec.pairedFile = QStringLiteral("/data/x_R2_001.fastq.gz");
    QVERIFY(spec.isPair());
    const QJsonObject body = spec.initUploadBody(3000);
    QCOMPARE(body.value("filename"), QJsonValue("x_R1_001.fastq.gz"));
    QCOMPARE(body.value("paired_end_filename"), QJsonValue("x_R2_001.fastq.gz"));
    QCOMPARE(body.value("size").toInteger(), qint64(3000));
    QVERIFY(!body.contains("interleaved")); // a pair is two files, not an interleaved one
}

void TestSampleSpec::interleavedOnlyWhenTrue() {
    SampleSpec spec;
    spec.file = QStringLiteral("/data/interleaved.fq");
    QVERIFY(!spec.initUploadBody(10).contains("interleaved"));
    spec.interleaved = true;
    QCOMPARE(spec.initUploadBody(10).value("interleaved"), QJsonValue(true));
}

void TestSampleSpec::tagsAsNameObjects() {
    SampleSpec spec;
    spec.file = QStringLiteral("a.fq");
    spec.tags = {QStringLiteral("one")};
    const QJsonArray tags = spec.initUploadBody(1).value("tags").toArray();
    QCOMPARE(tags.size(), 1);
    QVERIFY(tags.at(0).isObject()); // [{"name": "one"}], not ["one"]
    QCOMPARE(tags.at(0).toObject().keys(), QStringList{"name"});
    QCOMPARE(tags.at(0).toObject().value("name"), QJsonValue("one"));
}

void TestSampleSpec::uploadNames() {
    SampleSpec spec;
    spec.file = QStringLiteral("/data/Probe \u00e4.fq");
    spec.pairedFile = QStringLiteral("/data/r2.fq");
    spec.uploadName = QStringLiteral("Probe_a.fq");
    spec.pairedUploadName = QStringLiteral("Probe_a_R2.fq");
    const QJsonObject body = spec.initUploadBody(5);
    QCOMPARE(body.value("filename"), QJsonValue("Probe_a.fq"));
    QCOMPARE(body.value("paired_end_filename"), QJsonValue("Probe_a_R2.fq"));
    QCOMPARE(spec.effectiveUploadName(), QStringLiteral("Probe_a.fq"));
    QCOMPARE(spec.effectivePairedUploadName(), QStringLiteral("Probe_a_R2.fq"));
}

void TestSampleSpec::displayName() {
    SampleSpec single;
    single.file = QStringLiteral("/d/x.fastq");
    QCOMPARE(single.displayName(), QStringLiteral("x.fastq"));
    SampleSpec pair;
    pair.file = QStringLiteral("/d/x_R1.fq.gz");
    pair.pairedFile = QStringLiteral("/d/x_R2.fq.gz");
    QCOMPARE(pair.displayName(), QStringLiteral("x_R1.fq.gz + x_R2.fq.gz"));
}

void TestSampleSpec::bigSizeStaysExact() {
    // 20 GB is the documented limit; sizes are integers and must not lose bytes.
    SampleSpec spec;
    spec.file = QStringLiteral("big.fq.gz");
    const qint64 size = 20LL * 1000 * 1000 * 1000 + 7;
    const QJsonObject body = spec.initUploadBody(size);
    QCOMPARE(body.value("size").toInteger(), size);
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QVERIFY2(json.contains("\"size\":20000000007"), json.constData());
}

QTEST_APPLESS_MAIN(TestSampleSpec)
#include "tst_samplespec.moc"

// The fingerprint's modification time comes from stat() on Linux (two time-zone conversions per
// file cheaper): it must be the very number QFileInfo gives, or every journal written before
// would read as "the file changed" and its resumable uploads be discarded.
void TestSampleSpec::fingerprintReadsWhatQtReads() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("@r1\nACGT\n+\nFFFF\n");
    f.close();
    // Times with milliseconds, in summer and winter (other offsets from UTC), and before 1970.
    for (const qint64 ms : {1700000000123LL, 1690000000999LL, 1000LL, -86400000LL * 400}) {
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY2(f.setFileTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC),
                               QFileDevice::FileModificationTime),
                 qPrintable(QString::number(ms) + f.errorString()));
        f.close();
        const QFileInfo info(path);
        const SeqDrop::LocalFile::Stamp stamp = SeqDrop::LocalFile::stamp(path);
        QCOMPARE(stamp.modified, info.lastModified().toMSecsSinceEpoch());
        QCOMPARE(stamp.modified, ms);
        QCOMPARE(stamp.size, info.size());
        SampleSpec spec;
        spec.file = path;
        QCOMPARE(spec.fingerprint(), QStringLiteral("%1|%2|%3")
                                         .arg(info.absoluteFilePath())
                                         .arg(info.size())
                                         .arg(info.lastModified().toMSecsSinceEpoch()));
    }
    // A file that is not there: the same as Qt says too.
    SampleSpec missing;
    missing.file = dir.filePath(QStringLiteral("gone.fastq"));
    const QFileInfo gone(missing.file);
    QCOMPARE(missing.fingerprint(), QStringLiteral("%1|0|%2")
                                        .arg(gone.absoluteFilePath())
                                        .arg(gone.lastModified().toMSecsSinceEpoch()));
}
