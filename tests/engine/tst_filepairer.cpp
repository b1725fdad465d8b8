// FilePairer: R1/R2 pairing with the official One Codex client's patterns
// `.*[._][Rr]?1[_.].*` / `.*[._][Rr]?2[_.].*`. A file pairs only with its partner among the
// given files, in the same directory; everything else stays single.
#include "samples/filepairer.h"

#include <QTest>

using SeqDrop::FilePairer;
using Group = FilePairer::Group;

namespace {

// "first|second" per group, "first" for a single, so whole results compare in one QCOMPARE.
QStringList flatten(const QList<Group> &groups) {
    QStringList result;
    for (const Group &g : groups)
        result.append(g.second.isEmpty() ? g.first : g.first + QLatin1Char('|') + g.second);
    return result;
}

} // namespace

class TestFilePairer : public QObject {
    Q_OBJECT

private slots:
    void group_data();
    void group();
    void groupKeepsPaths();
    void mateName_data();
    void mateName();
    void partnerName_data();
    void partnerName();
    void readOneTwo_data();
    void readOneTwo();
};

void TestFilePairer::group_data() {
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("groups");

    const QString d = QStringLiteral("/data/run/");
    QTest::newRow("illumina _R1_001")
        << QStringList{d + "x_R1_001.fastq.gz", d + "x_R2_001.fastq.gz"}
        << QStringList{d + "x_R1_001.fastq.gz|" + d + "x_R2_001.fastq.gz"};
    QTest::newRow("_1 / _2") << QStringList{d + "x_1.fq", d + "x_2.fq"}
                             << QStringList{d + "x_1.fq|" + d + "x_2.fq"};
    QTest::newRow(".R1. / .R2.") << QStringList{d + "x.R1.fq.gz", d + "x.R2.fq.gz"}
                                 << QStringList{d + "x.R1.fq.gz|" + d + "x.R2.fq.gz"};
    QTest::newRow("lower-case r") << QStringList{d + "x_r1.fq", d + "x_r2.fq"}
                                  << QStringList{d + "x_r1.fq|" + d + "x_r2.fq"};
    QTest::newRow("last marker decides: s_1_R1_001")
        << QStringList{d + "s_1_R1_001.fq", d + "s_1_R2_001.fq"}
        << QStringList{d + "s_1_R1_001.fq|" + d + "s_1_R2_001.fq"};
    QTest::newRow("illumina lane sample")
        << QStringList{d + "S1_S1_L001_R1_001.fastq.gz", d + "S1_S1_L001_R2_001.fastq.gz"}
        << QStringList{d + "S1_S1_L001_R1_001.fastq.gz|" + d + "S1_S1_L001_R2_001.fastq.gz"};
    QTest::newRow("R2 given first")
        << QStringList{d + "x_R2_001.fastq.gz", d + "x_R1_001.fastq.gz"}
        << QStringList{d + "x_R1_001.fastq.gz|" + d + "x_R2_001.fastq.gz"};
    QTest::newRow("order of first file decides group order")
        << QStringList{d + "b_R2.fq", d + "single.fastq", d + "a_R1.fq", d + "b_R1.fq",
                       d + "a_R2.fq"}
        << QStringList{d + "b_R1.fq|" + d + "b_R2.fq", d + "single.fastq",
                       d + "a_R1.fq|" + d + "a_R2.fq"};
    QTest::newRow("R1 without R2 stays single")
        << QStringList{d + "x_R1_001.fastq.gz", d + "y_R2_001.fastq.gz"}
        << QStringList{d + "x_R1_001.fastq.gz", d + "y_R2_001.fastq.gz"};
    QTest::newRow("lone R1") << QStringList{d + "x_R1.fq"} << QStringList{d + "x_R1.fq"};
    QTest::newRow("different directories do not pair")
        << QStringList{"/data/a/x_R1_001.fastq.gz", "/data/b/x_R2_001.fastq.gz"}
        << QStringList{"/data/a/x_R1_001.fastq.gz", "/data/b/x_R2_001.fastq.gz"};
    QTest::newRow("two samples, two directories")
        << QStringList{"/a/x_R1.fq", "/b/x_R1.fq", "/b/x_R2.fq", "/a/x_R2.fq"}
        << QStringList{"/a/x_R1.fq|/a/x_R2.fq", "/b/x_R1.fq|/b/x_R2.fq"};
    QTest::newRow("no marker") << QStringList{d + "sample.fastq", d + "other.fa"}
                               << QStringList{d + "sample.fastq", d + "other.fa"};
    QTest::newRow("marker not delimited (R10, _12_)")
        << QStringList{d + "x_R10.fq", d + "x_R20.fq", d + "y_12_.fq", d + "y_22_.fq"}
        << QStringList{d + "x_R10.fq", d + "x_R20.fq", d + "y_12_.fq", d + "y_22_.fq"};
    QTest::newRow("same file twice does not pair with itself")
        << QStringList{d + "x_R1.fq", d + "x_R1.fq"} << QStringList{d + "x_R1.fq", d + "x_R1.fq"};
    QTest::newRow("several samples of one run")
        << QStringList{d + "s_1_R1_001.fq", d + "s_1_R2_001.fq", d + "s_2_R1_001.fq",
                       d + "s_2_R2_001.fq"}
        << QStringList{d + "s_1_R1_001.fq|" + d + "s_1_R2_001.fq",
                       d + "s_2_R1_001.fq|" + d + "s_2_R2_001.fq"};
    QTest::newRow("sample 1's R2 and sample 2's R2 are not a pair")
        << QStringList{d + "s_1_R2_001.fq", d + "s_2_R2_001.fq"}
        << QStringList{d + "s_1_R2_001.fq", d + "s_2_R2_001.fq"};
    QTest::newRow("empty") << QStringList{} << QStringList{};
}

void TestFilePairer::group() {
    QFETCH(QStringList, files);
    QFETCH(QStringList, groups);
    QCOMPARE(flatten(FilePairer::group(files)), groups);
}

void TestFilePairer::groupKeepsPaths() {
    // The paths come back as given (relative stays relative), not rewritten.
    const QList<Group> groups = FilePairer::group({"reads/x_R1.fq", "reads/x_R2.fq"});
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0).first, QStringLiteral("reads/x_R1.fq"));
    QCOMPARE(groups.at(0).second, QStringLiteral("reads/x_R2.fq"));
}

void TestFilePairer::mateName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mate");
    QTest::newRow("_R1_001") << "x_R1_001.fastq.gz"
                             << "x_R2_001.fastq.gz";
    QTest::newRow("_1.") << "x_1.fq"
                         << "x_2.fq";
    QTest::newRow(".R1.") << "x.R1.fq.gz"
                          << "x.R2.fq.gz";
    QTest::newRow("_r1.") << "x_r1.fastq"
                          << "x_r2.fastq";
    QTest::newRow("last marker") << "s_1_R1_001.fq"
                                 << "s_1_R2_001.fq";
    QTest::newRow("lane") << "S1_S1_L001_R1_001.fastq.gz"
                          << "S1_S1_L001_R2_001.fastq.gz";
    QTest::newRow("R2 has no R1 mate") << "x_R2_001.fastq.gz"
                                       << "";
    QTest::newRow("R2 of sample 1") << "s_1_R2_001.fq"
                                    << "";
    QTest::newRow("no marker") << "sample.fastq"
                               << "";
    QTest::newRow("R10") << "x_R10.fq"
                         << "";
}

void TestFilePairer::mateName() {
    QFETCH(QString, name);
    QFETCH(QString, mate);
    QCOMPARE(FilePairer::mateName(name), mate);
}

// Either read's partner, as the window names a missing mate.
void TestFilePairer::partnerName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("partner");
    QTest::newRow("R1") << "x_R1_001.fastq.gz"
                        << "x_R2_001.fastq.gz";
    QTest::newRow("R2") << "x_R2_001.fastq.gz"
                        << "x_R1_001.fastq.gz";
    QTest::newRow("R2 of sample 1") << "s_1_R2_001.fq"
                                    << "s_1_R1_001.fq";
    QTest::newRow("_2.") << "x_2.fq"
                         << "x_1.fq";
    QTest::newRow("no marker") << "sample.fastq"
                               << "";
}

void TestFilePairer::partnerName() {
    QFETCH(QString, name);
    QFETCH(QString, partner);
    QCOMPARE(FilePairer::partnerName(name), partner);
}

void TestFilePairer::readOneTwo_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("one");
    QTest::addColumn<bool>("two");
    QTest::newRow("R1") << "x_R1_001.fastq.gz" << true << false;
    QTest::newRow("R2") << "x_R2_001.fastq.gz" << false << true;
    QTest::newRow("_1") << "x_1.fq" << true << false;
    QTest::newRow(".R2.") << "x.R2.fq.gz" << false << true;
    QTest::newRow("s_1_R1") << "s_1_R1_001.fq" << true << false;
    QTest::newRow("s_1_R2 (last marker is R2)") << "s_1_R2_001.fq" << false << true;
    QTest::newRow("s_2_R1 (last marker is R1)") << "s_2_R1_001.fq" << true << false;
    QTest::newRow("neither") << "sample.fastq" << false << false;
}

void TestFilePairer::readOneTwo() {
    QFETCH(QString, name);
    QFETCH(bool, one);
    QFETCH(bool, two);
    QCOMPARE(FilePairer::isReadOne(name), one);
    QCOMPARE(FilePairer::isReadTwo(name), two);
}

QTEST_APPLESS_MAIN(TestFilePairer)
#include "tst_filepairer.moc"
