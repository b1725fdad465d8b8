// Lanes of one Illumina sample become one sample, by the official client's rules.
#include "samples/lanemerger.h"

#include <QDir>
#include <QTest>

using namespace SeqDrop;

class TestLaneMerger : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void laneNumbers_data();
    void laneNumbers();
    void mergesPairedLanesInOrder();
    void gapIsAProblem();
    void singleLaneUntouched();

private:
    static SampleSpec pair(int lane, const QString &sample = QStringLiteral("S1"));
};

SampleSpec TestLaneMerger::pair(int lane, const QString &sample) {
    SampleSpec spec;
    spec.file = QStringLiteral("/run/%1_L%2_R1_001.fastq.gz")
                    .arg(sample)
                    .arg(lane, 3, 10, QLatin1Char('0'));
    spec.pairedFile = QStringLiteral("/run/%1_L%2_R2_001.fastq.gz")
                          .arg(sample)
                          .arg(lane, 3, 10, QLatin1Char('0'));
    spec.tags = {QStringLiteral("run-7")};
    return spec;
}

void TestLaneMerger::laneNumbers_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("lane");
    QTest::addColumn<QString>("without");
    QTest::newRow("illumina") << "S1_L002_R1_001.fastq.gz" << 2 << "S1_R1_001.fastq.gz";
    QTest::newRow("lane before dot") << "S1_L004.fq" << 4 << "S1.fq";
    QTest::newRow("no lane") << "S1_R1_001.fastq.gz" << 0 << "S1_R1_001.fastq.gz";
    QTest::newRow("L in a word") << "SL001X_R1.fq" << 0 << "SL001X_R1.fq";
}

void TestLaneMerger::laneNumbers() {
    QFETCH(QString, name);
    QFETCH(int, lane);
    QFETCH(QString, without);
    QCOMPARE(LaneMerger::laneOf(name), lane);
    QCOMPARE(LaneMerger::withoutLane(name), without);
}

void TestLaneMerger::mergesPairedLanesInOrder() {
    SampleSpec other;
    other.file = QStringLiteral("/run/control.fastq");
    // Given out of order, with another sample in between.
    const LaneMerger::Result r =
        LaneMerger::merge({pair(3), other, pair(1), pair(2), pair(1, QStringLiteral("S2"))});
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.samples.size(), 3); // S1 merged, control, S2 (one lane: untouched)
    const SampleSpec &s1 = r.samples.at(0);
    QCOMPARE(s1.file, pair(1).file);
    QCOMPARE(s1.moreLanes, (QStringList{pair(2).file, pair(3).file}));
    QCOMPARE(s1.morePairedLanes, (QStringList{pair(2).pairedFile, pair(3).pairedFile}));
    QCOMPARE(s1.effectiveUploadName(), QStringLiteral("S1_R1_001.fastq.gz"));
    QCOMPARE(s1.effectivePairedUploadName(), QStringLiteral("S1_R2_001.fastq.gz"));
    QCOMPARE(s1.tags, QStringList{QStringLiteral("run-7")});
    QCOMPARE(r.samples.at(1).file, other.file);
    QVERIFY(r.samples.at(2).moreLanes.isEmpty());
    QCOMPARE(r.merged.size(), 1);
    QVERIFY(r.merged.first().contains(QLatin1String("L001-L003")));
}

void TestLaneMerger::gapIsAProblem() {
    const LaneMerger::Result r = LaneMerger::merge({pair(1), pair(3)});
    QCOMPARE(r.problems.size(), 1);
    QVERIFY2(r.problems.first().contains(QLatin1String("L002 is missing")),
             qPrintable(r.problems.first()));
    QCOMPARE(r.samples.size(), 2); // left as they were
    QVERIFY(r.merged.isEmpty());
}

void TestLaneMerger::singleLaneUntouched() {
    const LaneMerger::Result r = LaneMerger::merge({pair(1)});
    QCOMPARE(r.samples.size(), 1);
    QVERIFY(r.samples.first().uploadName.isEmpty());
    QVERIFY(r.merged.isEmpty());
}

QTEST_GUILESS_MAIN(TestLaneMerger)
#include "tst_lanemerger.moc"
