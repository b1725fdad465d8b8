// PairStreamCheck: the R1/R2 agreement followed while a pair uploads (R1 whole, then R2), fed
// by the same SequenceValidator name sink the upload uses: names located to a block of
// records, counts and formats with PairValidator's words, a new attempt starting clean.
#include "validation/pairstreamcheck.h"
#include "validation/sequencevalidator.h"
#include "validationfixtures.h"

#include <QTest>

using SeqDrop::PairStreamCheck;
using SeqDrop::SequenceValidator;

class TestPairStreamCheck : public QObject {
    Q_OBJECT

private slots:
    void matchingPairPasses();
    void namesDifferInAFullBlock();
    void namesDifferInTheLastPartialBlock();
    void unequalCounts_data();
    void unequalCounts();
    void fastaIsNotAPair();
    void newAttemptStartsClean();
    void secondFileFirst();
    void secondFileFirstCountsInPairOrder();

private:
    // Sends one side as an upload would: 1000-byte pieces, stopping at the first problem.
    static QString send(PairStreamCheck &check, int side, const QString &name,
                        const QByteArray &bytes) {
        check.begin(side);
        SequenceValidator validator(name);
        validator.setNameSink([&check, side](const char *n, size_t size, int64_t line) {
            check.addName(side, n, size, line);
        });
        for (qsizetype at = 0; at < bytes.size(); at += 1000) {
            const bool fed = validator.feed(bytes.constData() + at,
                                            size_t(qMin<qsizetype>(1000, bytes.size() - at)));
            if (fed && !check.problem().isEmpty())
                return check.problem();
            if (!fed)
                break;
        }
        const SeqDrop::ValidationReport report = validator.finish();
        if (!report.ok)
            return report.location() + QStringLiteral(": ") + report.problem;
        return check.finish(side, report);
    }
};

void TestPairStreamCheck::matchingPairPasses() {
    PairStreamCheck check("m_R1.fastq", "m_R2.fastq");
    // Mates differ only in "/1" "/2" and the Illumina comment.
    QCOMPARE(send(check, 0, "m_R1.fastq", Fixtures::fastq(1000, 8, "M1:", "/1", "1:N:0:ACGT")),
             QString());
    QCOMPARE(send(check, 1, "m_R2.fastq", Fixtures::fastq(1000, 9, "M1:", "/2", "2:N:0:ACGT")),
             QString());
}

void TestPairStreamCheck::namesDifferInAFullBlock() {
    PairStreamCheck check("d_R1.fastq", "d_R2.fastq");
    QCOMPARE(send(check, 0, "d_R1.fastq", Fixtures::fastq(1000)), QString());
    // Record 600 is named r9999 in R2: block 3 holds records 513-768, from line 2,049.
    const QByteArray r2 = Fixtures::fastq(599) + Fixtures::fastq(1, 4, "r", "", "", 9999) +
                          Fixtures::fastq(400, 4, "r", "", "", 601);
    QCOMPARE(send(check, 1, "d_R2.fastq", r2),
             QStringLiteral("d_R2.fastq, records 513-768 (from line 2,049): the read names differ "
                            "from those of the same records in d_R1.fastq. The two files must "
                            "list the same reads in the same order: check that they are mates of "
                            "one sample, and re-export both from the sequencer."));
}

void TestPairStreamCheck::namesDifferInTheLastPartialBlock() {
    PairStreamCheck check("t_R1.fastq", "t_R2.fastq");
    QCOMPARE(send(check, 0, "t_R1.fastq", Fixtures::fastq(300)), QString());
    const QByteArray r2 = Fixtures::fastq(289) + Fixtures::fastq(11, 4, "x", "", "", 290);
    const QString problem = send(check, 1, "t_R2.fastq", r2);
    QVERIFY2(problem.startsWith(QStringLiteral("t_R2.fastq, records 257-300 (from line 1,025): "
                                               "the read names differ")),
             qPrintable(problem));
}

void TestPairStreamCheck::unequalCounts_data() {
    QTest::addColumn<int>("n1");
    QTest::addColumn<int>("n2");
    QTest::addColumn<QString>("expected");
    QTest::newRow("R2 short") << 300 << 290
                              << QStringLiteral(
                                     "c_R2.fastq, record 291: c_R2.fastq has 290 records but its "
                                     "mate c_R1.fastq has 300, so record 291 has no mate.");
    // R2's extra records fill a block R1 only half filled: the counts, not the names, speak.
    QTest::newRow("R2 long") << 300 << 600
                             << QStringLiteral(
                                    "c_R1.fastq, record 301: c_R1.fastq has 300 records but its "
                                    "mate c_R2.fastq has 600, so record 301 has no mate.");
}

void TestPairStreamCheck::unequalCounts() {
    QFETCH(int, n1);
    QFETCH(int, n2);
    QFETCH(QString, expected);
    PairStreamCheck check("c_R1.fastq", "c_R2.fastq");
    QCOMPARE(send(check, 0, "c_R1.fastq", Fixtures::fastq(n1)), QString());
    const QString problem = send(check, 1, "c_R2.fastq", Fixtures::fastq(n2));
    QVERIFY2(problem.startsWith(expected), qPrintable(problem));
}

void TestPairStreamCheck::fastaIsNotAPair() {
    PairStreamCheck check("f_R1.fa", "f_R2.fastq");
    QByteArray fasta;
    for (int i = 1; i <= 50; ++i)
        fasta += ">r" + QByteArray::number(i) + "\nACGTACGT\n";
    QCOMPARE(send(check, 0, "f_R1.fa", fasta), QString());
    const QString problem = send(check, 1, "f_R2.fastq", Fixtures::fastq(2));
    QVERIFY2(problem.contains(QStringLiteral("paired-end files must both be FASTQ, but f_R1.fa "
                                             "is FASTA")),
             qPrintable(problem));
}

void TestPairStreamCheck::newAttemptStartsClean() {
    PairStreamCheck check("a_R1.fastq", "a_R2.fastq");
    // A first attempt at R1 sent other names and was cut; the resend is what counts.
    check.begin(0);
    SequenceValidator cut("a_R1.fastq");
    cut.setNameSink(
        [&check](const char *n, size_t size, int64_t line) { check.addName(0, n, size, line); });
    const QByteArray other = Fixtures::fastq(700, 4, "other");
    cut.feed(other.constData(), size_t(other.size() / 2));
    QCOMPARE(send(check, 0, "a_R1.fastq", Fixtures::fastq(700)), QString());
    QCOMPARE(send(check, 1, "a_R2.fastq", Fixtures::fastq(700)), QString());
}

void TestPairStreamCheck::secondFileFirst() {
    // The multipart route sends R2 whole first: R1 is then the one compared and named.
    PairStreamCheck check("s_R1.fastq", "s_R2.fastq", 1);
    QCOMPARE(send(check, 1, "s_R2.fastq", Fixtures::fastq(1000)), QString());
    const QByteArray r1 = Fixtures::fastq(599) + Fixtures::fastq(1, 4, "r", "", "", 9999) +
                          Fixtures::fastq(400, 4, "r", "", "", 601);
    const QString problem = send(check, 0, "s_R1.fastq", r1);
    QVERIFY2(problem.startsWith(QStringLiteral("s_R1.fastq, records 513-768 (from line 2,049): "
                                               "the read names differ from those of the same "
                                               "records in s_R2.fastq.")),
             qPrintable(problem));
}

void TestPairStreamCheck::secondFileFirstCountsInPairOrder() {
    PairStreamCheck check("o_R1.fastq", "o_R2.fastq", 1);
    QCOMPARE(send(check, 1, "o_R2.fastq", Fixtures::fastq(290)), QString());
    const QString problem = send(check, 0, "o_R1.fastq", Fixtures::fastq(300));
    // Worded as for R1 first: R2 (the shorter) lacks the mate of record 291.
    QVERIFY2(problem.startsWith(QStringLiteral("o_R2.fastq, record 291: o_R2.fastq has 290 "
                                               "records but its mate o_R1.fastq has 300")),
             qPrintable(problem));
}

QTEST_APPLESS_MAIN(TestPairStreamCheck)
#include "tst_pairstreamcheck.moc"
