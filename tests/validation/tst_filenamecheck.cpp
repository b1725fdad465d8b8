// FileNameCheck: One Codex's server pattern, the ASCII rule, the proposed safe name, and the
// 20 GB limit of the standard upload.
#include "validation/filenamecheck.h"

#include <QTest>

using SeqDrop::FileNameCheck;

class TestFileNameCheck : public QObject {
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void safeName_data();
    void safeName();
    void size();
};

void TestFileNameCheck::accepted_data() {
    QTest::addColumn<QString>("name");
    for (const char *n : {"reads_R1_001.fastq.gz", "x.fq", "S1_L001_R2_001.fastq.gzip",
                          "run 7 (copy).fastq", "a-b.c[1]{2}.fa", "/data/run/x_1.fq"})
        QTest::newRow(n) << QString::fromUtf8(n);
}

void TestFileNameCheck::accepted() {
    QFETCH(QString, name);
    QCOMPARE(FileNameCheck::problem(name), QString());
}

void TestFileNameCheck::refused_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("accent")
        << QStringLiteral("échantillon_R1.fastq.gz")
        << QStringLiteral("the name \"échantillon_R1.fastq.gz\" has the character 'é', but One "
                          "Codex accepts only plain ASCII names (letters A-Z, digits, '-', '_', "
                          "'.'). Upload it as \"echantillon_R1.fastq.gz\".");
    QTest::newRow("hash")
        << QStringLiteral("reads#1.fastq")
        << QStringLiteral("the name \"reads#1.fastq\" is not accepted by One Codex (because of "
                          "'#'); names may use letters, digits, '-', '_' and '.'. Upload it as "
                          "\"reads_1.fastq\".");
    QTest::newRow("leading dash")
        << QStringLiteral("-reads.fq")
        << QStringLiteral("the name \"-reads.fq\" is not accepted by One Codex (because of "
                          "'-'); names may use letters, digits, '-', '_' and '.'. Upload it as "
                          "\"reads.fq\".");
    QTest::newRow("no extension")
        << QStringLiteral("reads")
        << QStringLiteral("the name \"reads\" has no extension; One Codex needs one such as "
                          ".fastq.gz or .fasta.");
}

void TestFileNameCheck::refused() {
    QFETCH(QString, name);
    QFETCH(QString, problem);
    QCOMPARE(FileNameCheck::problem(name), problem);
}

void TestFileNameCheck::safeName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::newRow("already safe") << "reads_R1_001.fastq.gz"
                                  << "reads_R1_001.fastq.gz";
    QTest::newRow("spaces and brackets") << "run 7 (copy).fastq"
                                         << "run_7_copy.fastq";
    QTest::newRow("accents") << QStringLiteral("Müller_Probe_ñ.fq") << "Muller_Probe_n.fq";
    QTest::newRow("sharp s and greek") << QStringLiteral("Straße_α.fq") << "Strasse.fq";
    QTest::newRow("ligature") << QStringLiteral("Œuvre_ﬁle.fa") << "OEuvre_file.fa";
    QTest::newRow("CJK") << QStringLiteral("样本1.fastq.gz") << "_1.fastq.gz";
    QTest::newRow("path") << "/tmp/dir with space/a b.fq"
                          << "a_b.fq";
}

void TestFileNameCheck::safeName() {
    QFETCH(QString, name);
    QFETCH(QString, safe);
    const QString proposed = FileNameCheck::safeName(name);
    QCOMPARE(proposed, safe);
    QCOMPARE(FileNameCheck::problem(proposed), QString());
    QVERIFY(FileNameCheck::isAscii(proposed));
}

void TestFileNameCheck::size() {
    QCOMPARE(FileNameCheck::MaxStandardUploadBytes, 20'000'000'000LL);
    QCOMPARE(FileNameCheck::sizeProblem(20'000'000'000LL), QString());
    QCOMPARE(FileNameCheck::sizeProblem(21'474'836'480LL), // 20 GiB: over 20 GB
             QStringLiteral("the file is 21.5 GB (21,474,836,480 bytes); One Codex accepts at "
                            "most 20 GB (20,000,000,000 bytes) per file in a standard upload. "
                            "Split it into smaller files (for example per lane), or compress it "
                            "with gzip."));
}

QTEST_GUILESS_MAIN(TestFileNameCheck)
#include "tst_filenamecheck.moc"
