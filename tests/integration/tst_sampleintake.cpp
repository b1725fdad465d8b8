// SampleIntake over real files in a folder laid out like a sequencer's run folder: the window's
// scan (pairs, skipped files, duplicates refused) and the command line's checks (a folder or a
// missing file refused in LocalFile's words, a file given twice, an explicit pair, interleaved
// files, lanes), with the description applied to every planned sample.
#include "intake/sampleintake.h"
#include "net/apiclient.h"
#include "samples/localfile.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;

namespace {

const QString R1 = QStringLiteral("Plate7-001_S1_L001_R1_001.fastq.gz");
const QString R2 = QStringLiteral("Plate7-001_S1_L001_R2_001.fastq.gz");
const QString Undetermined = QStringLiteral("Undetermined_S0_L001_R1_001.fastq.gz");
const QString Sheet = QStringLiteral("SampleSheet.csv");

IntakeOptions commandLine() {
    IntakeOptions options;
    options.paths = IntakeOptions::Paths::Files;
    options.lanes = IntakeOptions::Lanes::Name;
    options.validateWhileUploading = false;
    return options;
}

} // namespace

class TestSampleIntake : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void windowScansTheRunFolder();
    void windowRefusesWhatIsQueued();
    void windowAddsNothingWhenThereAreProblems();
    void commandLinePairsFilesAsGiven();
    void commandLineRefusesAFolder();
    void commandLineNamesAMissingFile();
    void commandLineRefusesAFileGivenTwice();
    void explicitPairComesFirst();
    void interleavedFilesStaySingle();
    void lanesNamedThenMergedOnRequest();
    void lanesWithAGapCannotMerge();
    void descriptionAppliedToEverySample();

private:
    QString write(const QString &name, quint32 seed = 1);

    QTemporaryDir m_tmp;
    QString m_run; // e.g. /tmp/x/260301_M00123_0042_000000000-ABCDE
};

void TestSampleIntake::initTestCase() {
    QVERIFY(m_tmp.isValid());
    m_run = m_tmp.filePath(QStringLiteral("260301_M00123_0042_000000000-ABCDE"));
    QVERIFY(QDir().mkpath(m_run));
    QVERIFY(!write(R1, 1).isEmpty());
    QVERIFY(!write(R2, 2).isEmpty());
    QVERIFY(!write(Undetermined, 3).isEmpty());
    QFile sheet(QDir(m_run).filePath(Sheet));
    QVERIFY(sheet.open(QIODevice::WriteOnly));
    sheet.write(
        "[Header]\nIEMFileVersion,5\n[Data]\nSample_ID,Sample_Name\nPlate7-001,Plate7-001\n");
}

QString TestSampleIntake::write(const QString &name, quint32 seed) {
    return writeGzip(QDir(m_run).filePath(name), TestFiles::fastqText(20, 100, seed));
}

void TestSampleIntake::windowScansTheRunFolder() {
    QNetworkAccessManager nam;
    ApiClient api(&nam);
    UploadQueue queue(&api);
    const SampleIntake::Report report = SampleIntake(&queue).add({m_run}, IntakeOptions());
    QVERIFY(report.problems.isEmpty());
    QVERIFY(report.duplicates.isEmpty());
    // The sample sheet is listed as left out, not silently dropped.
    QCOMPARE(report.skipped.size(), 1);
    QCOMPARE(report.skipped.first().path, QDir(m_run).filePath(Sheet));
    QCOMPARE(report.added.size(), 2);
    QCOMPARE(queue.samples().size(), 2);
    const SampleSpec pair = report.added.at(0)->spec();
    QCOMPARE(pair.file, QDir(m_run).filePath(R1));
    QCOMPARE(pair.pairedFile, QDir(m_run).filePath(R2));
    QVERIFY(pair.validateWhileUploading);
    QVERIFY(!pair.interleaved);
    const SampleSpec single = report.added.at(1)->spec();
    QCOMPARE(single.file, QDir(m_run).filePath(Undetermined));
    QVERIFY(!single.isPair());
    QVERIFY(single.tags.isEmpty());
    QVERIFY(single.metadata.isEmpty());
}

void TestSampleIntake::windowRefusesWhatIsQueued() {
    QNetworkAccessManager nam;
    ApiClient api(&nam);
    UploadQueue queue(&api);
    SampleIntake intake(&queue);
    QCOMPARE(intake.add({QDir(m_run).filePath(R1)}, IntakeOptions()).added.size(), 1);
    // The same file twice in one drop, and once more inside the folder: each refused once.
    const SampleIntake::Report again =
        intake.add({QDir(m_run).filePath(Undetermined), QDir(m_run).filePath(Undetermined), m_run},
                   IntakeOptions());
    QCOMPARE(again.duplicates,
             (QStringList{QDir(m_run).filePath(Undetermined), QDir(m_run).filePath(R1),
                          QDir(m_run).filePath(Undetermined)}));
    QCOMPARE(again.added.size(), 2); // R2 alone (its R1 is queued already), Undetermined
    QCOMPARE(again.added.at(0)->spec().file, QDir(m_run).filePath(Undetermined));
    QCOMPARE(again.added.at(1)->spec().file, QDir(m_run).filePath(R2));
    // The plan of the same paths now adds nothing.
    QVERIFY(intake.plan({m_run}, IntakeOptions()).samples.isEmpty());
}

void TestSampleIntake::windowAddsNothingWhenThereAreProblems() {
    QNetworkAccessManager nam;
    ApiClient api(&nam);
    UploadQueue queue(&api);
    IntakeOptions options;
    options.forward = QDir(m_run).filePath(QStringLiteral("gone_R1.fq"));
    options.reverse = QDir(m_run).filePath(R2);
    const SampleIntake::Report report =
        SampleIntake(&queue).add({QDir(m_run).filePath(Undetermined)}, options);
    QCOMPARE(report.problems, QStringList{LocalFile::problem(options.forward)});
    QVERIFY(report.added.isEmpty());
    QVERIFY(queue.samples().isEmpty());
}

// The CLI reports files back as they were named, so relative paths stay relative.
void TestSampleIntake::commandLinePairsFilesAsGiven() {
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_run));
    const SampleIntake::Plan plan = SampleIntake().plan({R2, Undetermined, R1}, commandLine());
    QVERIFY(QDir::setCurrent(cwd));
    QVERIFY2(plan.problems.isEmpty(), qPrintable(plan.problems.join(QLatin1Char('\n'))));
    QCOMPARE(plan.samples.size(), 2);
    QCOMPARE(plan.samples.at(0).file, R1);
    QCOMPARE(plan.samples.at(0).pairedFile, R2);
    QCOMPARE(plan.samples.at(1).file, Undetermined);
    QVERIFY(!plan.samples.at(1).isPair());
    QVERIFY(!plan.samples.at(0).validateWhileUploading);
    QVERIFY(plan.laneSets.isEmpty());
    QVERIFY(plan.skipped.isEmpty());
}

void TestSampleIntake::commandLineRefusesAFolder() {
    const SampleIntake::Plan plan =
        SampleIntake().plan({m_run, QDir(m_run).filePath(R1)}, commandLine());
    QCOMPARE(plan.problems, QStringList{LocalFile::problem(m_run)});
    QCOMPARE(plan.problems.first(),
             LocalFile::describe(LocalFile::Problem::Folder, m_run)); // not scanned
    QVERIFY(plan.samples.isEmpty());
}

void TestSampleIntake::commandLineNamesAMissingFile() {
    const QString missing =
        QDir(m_run).filePath(QStringLiteral("Plate7-002_S2_L001_R1_001.fastq.gz"));
    const QString empty = QDir(m_run).filePath(QStringLiteral("empty_R1.fastq"));
    QFile f(empty);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const SampleIntake::Plan plan =
        SampleIntake().plan({QDir(m_run).filePath(R1), missing, empty}, commandLine());
    QCOMPARE(plan.problems, (QStringList{LocalFile::describe(LocalFile::Problem::Missing, missing),
                                         LocalFile::describe(LocalFile::Problem::Empty, empty)}));
    QVERIFY(plan.problems.first().startsWith(missing));
    QVERIFY(plan.samples.isEmpty());
    QVERIFY(QFile::remove(empty));
}

void TestSampleIntake::commandLineRefusesAFileGivenTwice() {
    const QString r1 = QDir(m_run).filePath(R1);
    // Once absolute, once relative: the same file all the same.
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_run));
    const SampleIntake::Plan plan =
        SampleIntake().plan({r1, QDir(m_run).filePath(R2), R1}, commandLine());
    QVERIFY(QDir::setCurrent(cwd));
    QCOMPARE(plan.problems, QStringList{QStringLiteral("%1 is given twice.").arg(R1)});
    QVERIFY(plan.samples.isEmpty());

    // A missing file named twice reads as missing twice, not as given twice.
    const QString gone = QDir(m_run).filePath(QStringLiteral("gone.fq"));
    QCOMPARE(SampleIntake().plan({gone, gone}, commandLine()).problems,
             (QStringList{LocalFile::problem(gone), LocalFile::problem(gone)}));
}

void TestSampleIntake::explicitPairComesFirst() {
    const QString forward = write(QStringLiteral("forward.fq.gz"), 4);
    const QString reverse = write(QStringLiteral("reverse.fq.gz"), 5);
    IntakeOptions options = commandLine();
    options.forward = forward;
    options.reverse = reverse;
    const SampleIntake::Plan plan =
        SampleIntake().plan({QDir(m_run).filePath(Undetermined)}, options);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.samples.size(), 2);
    QCOMPARE(plan.samples.at(0).file, forward);
    QCOMPARE(plan.samples.at(0).pairedFile, reverse);
    QCOMPARE(plan.samples.at(1).file, QDir(m_run).filePath(Undetermined));

    // The pair's files count among the given ones.
    QCOMPARE(SampleIntake().plan({forward}, options).problems,
             QStringList{QStringLiteral("%1 is given twice.").arg(forward)});
    QVERIFY(QFile::remove(forward) && QFile::remove(reverse));
}

void TestSampleIntake::interleavedFilesStaySingle() {
    IntakeOptions options = commandLine();
    options.interleaved = true;
    const SampleIntake::Plan plan = SampleIntake().plan(
        {QDir(m_run).filePath(Undetermined), QDir(m_run).filePath(R1), QDir(m_run).filePath(R2)},
        options);
    QCOMPARE(plan.samples.size(), 2);
    const SampleSpec &undetermined = plan.samples.at(0);
    const SampleSpec &pair = plan.samples.at(1);
    QCOMPARE(undetermined.file, QDir(m_run).filePath(Undetermined));
    QVERIFY(undetermined.interleaved);
    QVERIFY(pair.isPair());
    QVERIFY(!pair.interleaved); // a real pair is never interleaved
    QVERIFY(undetermined.initUploadBody(1).value(QLatin1String("interleaved")).toBool());
}

void TestSampleIntake::lanesNamedThenMergedOnRequest() {
    const QString r1b = write(QStringLiteral("Plate7-001_S1_L002_R1_001.fastq.gz"), 6);
    const QString r2b = write(QStringLiteral("Plate7-001_S1_L002_R2_001.fastq.gz"), 7);
    const QStringList files{QDir(m_run).filePath(R1), QDir(m_run).filePath(R2), r1b, r2b,
                            QDir(m_run).filePath(Undetermined)};
    IntakeOptions options = commandLine();
    const SampleIntake::Plan separate = SampleIntake().plan(files, options);
    QVERIFY(separate.problems.isEmpty());
    QCOMPARE(separate.samples.size(), 3);
    QCOMPARE(separate.laneSets.size(), 1);
    QVERIFY2(separate.laneSets.first().contains(QLatin1String("lanes L001-L002")),
             qPrintable(separate.laneSets.first()));

    options.lanes = IntakeOptions::Lanes::Merge;
    const SampleIntake::Plan merged = SampleIntake().plan(files, options);
    QVERIFY(merged.problems.isEmpty());
    QCOMPARE(merged.laneSets, separate.laneSets);
    QCOMPARE(merged.samples.size(), 2);
    const SampleSpec &sample = merged.samples.first();
    QCOMPARE(sample.file, QDir(m_run).filePath(R1));
    QCOMPARE(sample.moreLanes, QStringList{r1b});
    QCOMPARE(sample.morePairedLanes, QStringList{r2b});
    QCOMPARE(sample.effectiveUploadName(), QStringLiteral("Plate7-001_S1_R1_001.fastq.gz"));
    QCOMPARE(merged.samples.at(1).file, QDir(m_run).filePath(Undetermined));
    QVERIFY(QFile::remove(r1b) && QFile::remove(r2b));
}

void TestSampleIntake::lanesWithAGapCannotMerge() {
    const QString r1c = write(QStringLiteral("Plate7-001_S1_L003_R1_001.fastq.gz"), 8);
    IntakeOptions options = commandLine();
    options.lanes = IntakeOptions::Lanes::Merge;
    const SampleIntake::Plan plan = SampleIntake().plan({QDir(m_run).filePath(R1), r1c}, options);
    QCOMPARE(plan.problems.size(), 1);
    QVERIFY2(plan.problems.first().contains(QLatin1String("lane L002 is missing")),
             qPrintable(plan.problems.first()));
    // Without the request the same files are two samples, and nothing is wrong.
    options.lanes = IntakeOptions::Lanes::Name;
    const SampleIntake::Plan separate =
        SampleIntake().plan({QDir(m_run).filePath(R1), r1c}, options);
    QVERIFY(separate.problems.isEmpty());
    QCOMPARE(separate.samples.size(), 2);
    QVERIFY(QFile::remove(r1c));
}

void TestSampleIntake::descriptionAppliedToEverySample() {
    IntakeOptions options = commandLine();
    QVERIFY(options.description.setTags({QStringLiteral("plate-7")}).isEmpty());
    QVERIFY(options.description.setField(QStringLiteral("location_lat"), QStringLiteral("47.37"))
                .isEmpty());
    QVERIFY(options.description.setField(QStringLiteral("well"), QStringLiteral("B07")).isEmpty());
    options.lanes = IntakeOptions::Lanes::Merge;
    const SampleIntake::Plan plan = SampleIntake().plan(
        {QDir(m_run).filePath(R1), QDir(m_run).filePath(R2), QDir(m_run).filePath(Undetermined)},
        options);
    QCOMPARE(plan.samples.size(), 2);
    for (const SampleSpec &spec : plan.samples) {
        QCOMPARE(spec.tags, QStringList{QStringLiteral("plate-7")});
        QCOMPARE(spec.metadata.value(QLatin1String("location_lat")).toDouble(), 47.37);
        QCOMPARE(spec.metadata.value(QLatin1String("custom"))
                     .toObject()
                     .value(QLatin1String("well"))
                     .toString(),
                 QStringLiteral("B07"));
    }
}

QTEST_GUILESS_MAIN(TestSampleIntake)
#include "tst_sampleintake.moc"
