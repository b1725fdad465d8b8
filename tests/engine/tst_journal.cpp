// The upload journal: transitions written and read back, damaged files set aside, location.
#include "journal/journal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;

class TestJournal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultPathHonoursXdgDataHome();
    void recordsTransitionsDurably();
    void latestIsPerFilesAndServer();
    void changedFileHasNewFingerprint();
    void damagedFileIsSetAside_data();
    void damagedFileIsSetAside();

private:
    SampleSpec specIn(const QTemporaryDir &dir, const QString &name);
};

SampleSpec TestJournal::specIn(const QTemporaryDir &dir, const QString &name) {
    QFile f(dir.filePath(name));
    if (f.open(QIODevice::WriteOnly))
        f.write("@r1\nACGT\n+\nIIII\n");
    SampleSpec spec;
    spec.file = f.fileName();
    spec.tags = {QStringLiteral("soil")};
    spec.metadata = QJsonObject{{"location_lat", 12.5}};
    return spec;
}

void TestJournal::defaultPathHonoursXdgDataHome() {
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    QCOMPARE(Journal::defaultPath(), home.filePath(QStringLiteral("SeqDrop/journal.sqlite")));
}

void TestJournal::recordsTransitionsDurably() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    const SampleSpec spec = specIn(dir, QStringLiteral("a.fastq"));
    qint64 id = 0;
    {
        Journal journal;
        QVERIFY(journal.open(path));
        id = journal.add(QStringLiteral("cli"), QStringLiteral("http://127.0.0.1:1"), spec);
        QVERIFY(id > 0);
        QVERIFY(
            journal.update(id, SampleUpload::State::Uploading, QStringLiteral("00112233aabbccdd")));
    }
    // A second process (here: a second Journal) sees what the first wrote.
    Journal reopened;
    QVERIFY(reopened.open(path));
    QVERIFY(reopened.notice().isEmpty());
    const QList<Journal::Entry> entries = reopened.entries(QStringLiteral("cli"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().id, id);
    QCOMPARE(entries.first().state, SampleUpload::State::Uploading);
    QCOMPARE(entries.first().sampleId, QStringLiteral("00112233aabbccdd"));
    QVERIFY(!entries.first().isFinal());
    QCOMPARE(entries.first().spec.tags, QStringList{QStringLiteral("soil")});
    QCOMPARE(entries.first().spec.metadata.value("location_lat").toDouble(), 12.5);
    QVERIFY(entries.first().updatedAt.isValid());
}

void TestJournal::latestIsPerFilesAndServer() {
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))));
    const SampleSpec a = specIn(dir, QStringLiteral("a.fastq"));
    const SampleSpec b = specIn(dir, QStringLiteral("b.fastq"));
    const QString server = QStringLiteral("https://app.onecodex.com");
    const qint64 first = journal.add(QStringLiteral("cli"), server, a);
    journal.update(first, SampleUpload::State::Failed, QString(), QStringLiteral("boom"));
    const qint64 second = journal.add(QStringLiteral("cli"), server, a);
    journal.update(second, SampleUpload::State::Confirmed, QStringLiteral("id2"));
    journal.add(QStringLiteral("cli"), server, b);

    const auto latest = journal.latest(QStringLiteral("cli"), server, a.fingerprint());
    QVERIFY(latest.has_value());
    QCOMPARE(latest->id, second);
    QCOMPARE(latest->state, SampleUpload::State::Confirmed);
    QVERIFY(!journal.latest(QStringLiteral("gui"), server, a.fingerprint()).has_value());
    QVERIFY(
        !journal
             .latest(QStringLiteral("cli"), QStringLiteral("http://127.0.0.1:9"), a.fingerprint())
             .has_value());
}

void TestJournal::changedFileHasNewFingerprint() {
    QTemporaryDir dir;
    const SampleSpec spec = specIn(dir, QStringLiteral("c.fastq"));
    const QString before = spec.fingerprint();
    QFile f(spec.file);
    QVERIFY(f.open(QIODevice::Append));
    f.write("@r2\nACGT\n+\nIIII\n");
    f.close();
    QVERIFY(spec.fingerprint() != before);
}

void TestJournal::damagedFileIsSetAside_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not a database") << QByteArray(4096, 'Z');
    // A real SQLite header followed by garbage: a torn write.
    QTest::newRow("torn") << QByteArray("SQLite format 3\0", 16) + QByteArray(8000, '\xff');
}

void TestJournal::damagedFileIsSetAside() {
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();

    Journal journal;
    QVERIFY(journal.open(path));
    QVERIFY2(journal.notice().contains(QLatin1String("set aside")), qPrintable(journal.notice()));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("j.sqlite.damaged-*")}, QDir::Files).size(),
             1);
    QVERIFY(journal.add(QStringLiteral("cli"), QStringLiteral("x"),
                        specIn(dir, QStringLiteral("d.fastq"))) > 0);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
