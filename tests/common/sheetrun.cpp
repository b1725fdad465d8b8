#include "sheetrun.h"

#include "testfiles.h"

#include <QDir>
#include <QFile>

namespace SheetRun {

QString sampleId(int s) {
    return QStringLiteral("P7-%1").arg(s, 3, 10, QLatin1Char('0'));
}

QString sampleName(int s) {
    return QStringLiteral("Plate7-%1").arg(s, 3, 10, QLatin1Char('0'));
}

QString write(const QString &root, const QString &project, const QString &extraRows) {
    const QString run = root + QStringLiteral("/231204_M00123_0042_000000000-KX7P2");
    const QString data = run + QStringLiteral("/Soil-Survey");
    QDir().mkpath(data);
    QString sheet = QStringLiteral(
        "[Header],,,,,,,\r\nIEMFileVersion,4,,,,,,\r\nExperiment Name,Plate7_Soil,,,,,,\r\n"
        "Date,12/4/2023,,,,,,\r\nInstrument Type,MiSeq,,,,,,\r\n,,,,,,,\r\n[Reads],,,,,,,\r\n"
        "151,,,,,,,\r\n151,,,,,,,\r\n,,,,,,,\r\n[Data],,,,,,,\r\n"
        "Lane,Sample_ID,Sample_Name,Sample_Plate,Sample_Well,index,Sample_Project,Description\r\n");
    for (int lane = 1; lane <= Lanes; ++lane)
        for (int s = 1; s <= Samples; ++s) {
            sheet += QStringLiteral("%1,%2,%3,Plate7,A%4,ACGTAC%5,%6,core %4\r\n")
                         .arg(lane)
                         .arg(sampleId(s), sampleName(s))
                         .arg(s, 2, 10, QLatin1Char('0'))
                         .arg(s)
                         .arg(project);
            for (int read = 1; read <= 2; ++read)
                TestFiles::writeFastq(data,
                                      QStringLiteral("%1_S%2_L00%3_R%4_001.fastq")
                                          .arg(sampleName(s))
                                          .arg(s)
                                          .arg(lane)
                                          .arg(read),
                                      20, 100, quint32(s * 10 + lane));
        }
    sheet += extraRows;
    for (int read = 1; read <= 2; ++read)
        TestFiles::writeFastq(run, QStringLiteral("Undetermined_S0_L001_R%1_001.fastq").arg(read),
                              20, 100, 99);
    QFile f(run + QStringLiteral("/SampleSheet.csv"));
    if (f.open(QIODevice::WriteOnly))
        f.write(sheet.toUtf8());
    return run;
}

} // namespace SheetRun
