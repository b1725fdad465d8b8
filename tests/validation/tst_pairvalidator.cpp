// PairValidator: R1/R2 mates must be valid FASTQ with equal record counts and equal read names
// (ignoring "/1" "/2" and the Illumina comment), checked in lockstep over the two files.
#include "validation/pairvalidator.h"
#include "validationfixtures.h"

#include <QTemporaryDir>
#include <QTest>

using SeqDrop::PairValidator;
using SeqDrop::ValidationReport;

class TestPairValidator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void illuminaCommentsIgnored();
    void slashSuffixIgnored();
    void namesDiffer();
    void unequalCounts_data();
    void unequalCounts();
    void fileProblemReportedAgainstItsFile();
    void fastaIsNotAPair();
    void bigGzipPairMismatchFarIn();
    void cancelled();

private:
    QString write(const QString &name, const QByteArray &bytes) {
        return Fixtures::write(m_dir.path(), name, bytes);
    }
    QTemporaryDir m_dir;
};

void TestPairValidator::illuminaCommentsIgnored() {
    const QString r1 =
        write("s_R1_001.fastq", Fixtures::fastq(5, 10, "M1:7:FC:1:1101:", "", "1:N:0:ACGTACGT"));
    const QString r2 =
        write("s_R2_001.fastq", Fixtures::fastq(5, 12, "M1:7:FC:1:1101:", "", "2:N:0:ACGTACGT"));
    ValidationReport one, two;
    const ValidationReport r = PairValidator::validatePair(r1, r2, nullptr, {}, &one, &two);
    QVERIFY2(r.ok, qPrintable(r.toText()));
    QCOMPARE(r.records, 5);
    QCOMPARE(r.bases, 110);
    QCOMPARE(r.meanLength, 11.0);
    QCOMPARE(r.file, QStringLiteral("s_R1_001.fastq + s_R2_001.fastq"));
    QVERIFY(one.ok && two.ok);
    QCOMPARE(two.bases, 60);
}

void TestPairValidator::slashSuffixIgnored() {
    const QString r1 = write("x_1.fq", Fixtures::fastq(3, 4, "read", "/1"));
    const QString r2 = write("x_2.fq", Fixtures::fastq(3, 4, "read", "/2"));
    QVERIFY(PairValidator::validatePair(r1, r2).ok);
}

void TestPairValidator::namesDiffer() {
    const QString r1 =
        write("d_R1.fastq", Fixtures::fastq(2) + Fixtures::fastq(3, 4, "r", "", "", 3));
    const QString r2 =
        write("d_R2.fastq", Fixtures::fastq(2) + Fixtures::fastq(3, 4, "r", "", "", 4));
    const ValidationReport r = PairValidator::validatePair(r1, r2);
    QVERIFY(!r.ok);
    QCOMPARE(r.file, QStringLiteral("d_R2.fastq"));
    QCOMPARE(r.record, 3);
    QCOMPARE(r.line, 9);
    QCOMPARE(r.problem,
             QStringLiteral("the read name \"r4\" differs from \"r3\" in the same record of "
                            "d_R1.fastq (line 9). The two files must list the same reads in "
                            "the same order: check that they are mates of one sample, and "
                            "re-export both from the sequencer."));
}

void TestPairValidator::unequalCounts_data() {
    QTest::addColumn<int>("n1");
    QTest::addColumn<int>("n2");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("problem");
    QTest::newRow("R2 shorter")
        << 5 << 4 << "u_R2.fastq"
        << "u_R2.fastq has 4 records but its mate u_R1.fastq has 5, so record 5 has no mate. "
           "Paired files must hold the same reads; one of them may be truncated or filtered on "
           "its own. Re-export both.";
    QTest::newRow("R1 shorter")
        << 1000 << 1002 << "u_R1.fastq"
        << "u_R1.fastq has 1,000 records but its mate u_R2.fastq has 1,002, so record 1,001 "
           "has no mate. Paired files must hold the same reads; one of them may be truncated "
           "or filtered on its own. Re-export both.";
}

void TestPairValidator::unequalCounts() {
    QFETCH(int, n1);
    QFETCH(int, n2);
    QFETCH(QString, file);
    QFETCH(QString, problem);
    const ValidationReport r = PairValidator::validatePair(
        write("u_R1.fastq", Fixtures::fastq(n1)), write("u_R2.fastq", Fixtures::fastq(n2)));
    QVERIFY(!r.ok);
    QCOMPARE(r.file, file);
    QCOMPARE(r.record, qint64(qMin(n1, n2) + 1));
    QCOMPARE(r.problem, problem);
}

void TestPairValidator::fileProblemReportedAgainstItsFile() {
    const ValidationReport r =
        PairValidator::validatePair(write("f_R1.fastq", Fixtures::fastq(3) + "@r4\nACGT\n+\nIII\n"),
                                    write("f_R2.fastq", Fixtures::fastq(4)));
    QVERIFY(!r.ok);
    QCOMPARE(r.file, QStringLiteral("f_R1.fastq"));
    QCOMPARE(r.record, 4);
    QCOMPARE(r.line, 16);
    QVERIFY(r.problem.startsWith("the quality line has 3 characters"));
}

void TestPairValidator::fastaIsNotAPair() {
    const ValidationReport r = PairValidator::validatePair(write("a_R1.fasta", ">r1\nACGT\n"),
                                                           write("a_R2.fasta", ">r1\nACGT\n"));
    QVERIFY(!r.ok);
    QCOMPARE(r.problem,
             QStringLiteral("paired-end files must both be FASTQ, but a_R1.fasta is FASTA."));
}

void TestPairValidator::bigGzipPairMismatchFarIn() {
    // Several 4 MiB blocks per file, different read lengths (so the two files' blocks end at
    // different records), a mismatch near the end.
    const QByteArray a = Fixtures::fastq(60000, 150, "M:1:", "", "1:N:0:1");
    const QByteArray b = Fixtures::fastq(59999, 100, "M:1:", "", "2:N:0:1") +
                         Fixtures::fastq(1, 100, "X:1:", "", "", 60000);
    ValidationReport r = PairValidator::validatePair(write("g_R1.fq.gz", Fixtures::gzip(a, 1)),
                                                     write("g_R2.fq.gz", Fixtures::gzip(b, 1)));
    QVERIFY(!r.ok);
    QCOMPARE(r.record, 60000);
    QCOMPARE(r.line, 4LL * 59999 + 1);

    r = PairValidator::validatePair(
        write("h_R1.fq.gz", Fixtures::gzip(a, 1)),
        write("h_R2.fq.gz", Fixtures::gzip(Fixtures::fastq(60000, 100, "M:1:", "", "2:N:0:1"), 1)));
    QVERIFY2(r.ok, qPrintable(r.toText()));
    QCOMPARE(r.records, 60000);
}

void TestPairValidator::cancelled() {
    std::atomic<bool> cancel{true};
    const ValidationReport r = PairValidator::validatePair(
        write("c_R1.fastq", Fixtures::fastq(3)), write("c_R2.fastq", Fixtures::fastq(3)), &cancel);
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok);
}

QTEST_GUILESS_MAIN(TestPairValidator)
#include "tst_pairvalidator.moc"
