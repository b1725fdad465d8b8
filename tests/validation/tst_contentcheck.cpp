// ContentCheck: one sample's files checked on worker threads, lane by lane (with its R2 for a
// pair), statistics per file, and a cache that spares a second read of unchanged files.
#include "validation/contentcheck.h"
#include "validationfixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using SeqDrop::ContentCheck;
using SeqDrop::SampleSpec;

class TestContentCheck : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void lanesCheckedOneByOne();
    void pairStoppedByNamesNamesBothFiles();
    void cacheSparesUnchangedFiles();

private:
    QString write(const QString &name, const QByteArray &bytes) {
        return Fixtures::write(m_dir.path(), name, bytes);
    }
    static void run(ContentCheck &check) {
        QSignalSpy done(&check, &ContentCheck::finished);
        check.start();
        QVERIFY(done.count() == 1 || done.wait(20000));
    }
    QTemporaryDir m_dir;
};

void TestContentCheck::lanesCheckedOneByOne() {
    SampleSpec spec;
    spec.file = write("S1_L001_R1_001.fastq", Fixtures::fastq(10, 6));
    // Lane 2's last record is cut short: reported against lane 2 itself, not the joined stream.
    QByteArray lane2 = Fixtures::fastq(7, 6);
    lane2.chop(3);
    spec.moreLanes << write("S1_L002_R1_001.fastq", lane2);
    ContentCheck check(spec);
    run(check);
    QVERIFY(!check.ok());
    QCOMPARE(check.verdicts().size(), 2);
    QVERIFY(check.verdicts().at(0).ok);
    QCOMPARE(check.fileReports().size(), 2);
    QCOMPARE(check.fileReports().at(0).records, 10);
    QCOMPARE(check.firstProblem().file, QStringLiteral("S1_L002_R1_001.fastq"));
    QCOMPARE(check.problems().size(), 1);
    QVERIFY2(check.problems().first().startsWith(QStringLiteral("S1_L002_R1_001.fastq, record 7")),
             qPrintable(check.problems().first()));
}

void TestContentCheck::pairStoppedByNamesNamesBothFiles() {
    SampleSpec spec;
    spec.file = write("n_R1.fastq", Fixtures::fastq(5));
    spec.pairedFile =
        write("n_R2.fastq", Fixtures::fastq(2) + Fixtures::fastq(3, 4, "q", "", "", 3));
    ContentCheck check(spec);
    run(check);
    QVERIFY(!check.ok());
    const QList<SeqDrop::ValidationReport> files = check.fileReports();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).file, QStringLiteral("n_R1.fastq"));
    QVERIFY(files.at(0).problem.contains(QStringLiteral("n_R2.fastq, record 3 (line 9)")));
    QCOMPARE(files.at(1).file, QStringLiteral("n_R2.fastq"));
    QCOMPARE(files.at(1).record, 3);
    QVERIFY(files.at(1).problem.startsWith(QStringLiteral("the read name \"q3\" differs")));
}

void TestContentCheck::cacheSparesUnchangedFiles() {
    SampleSpec pair;
    pair.file = write("c_R1.fastq", Fixtures::fastq(40));
    pair.pairedFile = write("c_R2.fastq", Fixtures::fastq(40));
    ContentCheck::Cache cache;
    ContentCheck first(pair);
    first.setCache(&cache);
    run(first);
    QVERIFY(first.ok());
    QCOMPARE(first.fileReports().size(), 2);

    // The pair split in two: each file's verdict is known, no worker is needed (finished at
    // once, the signal still from the event loop).
    SampleSpec single;
    single.file = pair.pairedFile;
    ContentCheck again(single);
    again.setCache(&cache);
    QSignalSpy done(&again, &ContentCheck::finished);
    again.start();
    QVERIFY(again.isFinished());
    QCOMPARE(done.count(), 0);
    QVERIFY(done.wait(5000));
    QVERIFY(again.ok());
    QCOMPARE(again.fileReports().first().records, 40);

    // A changed file is read again.
    QTest::qWait(20); // modification times have millisecond resolution
    QFile f(single.file);
    QVERIFY(f.open(QIODevice::Append));
    f.write(Fixtures::fastq(2, 4, "r", "", "", 41));
    f.close();
    ContentCheck changed(single);
    changed.setCache(&cache);
    changed.start();
    QVERIFY(!changed.isFinished());
    QSignalSpy changedDone(&changed, &ContentCheck::finished);
    QVERIFY(changedDone.wait(20000));
    QCOMPARE(changed.fileReports().first().records, 42);
}

QTEST_MAIN(TestContentCheck)
#include "tst_contentcheck.moc"
