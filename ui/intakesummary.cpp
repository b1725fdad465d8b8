#include "intakesummary.h"

#include <QFileInfo>

namespace SeqDrop {

QString IntakeSummary::text(const SampleIntake::Report &report, int rechecked) {
    QStringList lines;
    if (rechecked > 0)
        lines << tr("%n sample(s) added again are checked again.", nullptr, rechecked);
    else if (!report.duplicates.isEmpty())
        lines << tr("%n file(s) already in the list were not added again.", nullptr,
                    int(report.duplicates.size()));
    if (!report.skipped.isEmpty()) {
        QStringList names;
        for (const FileScanner::Skipped &s : report.skipped)
            names << QFileInfo(s.path).fileName();
        lines << tr("Skipped %n file(s) that are not FASTA/FASTQ: %1", nullptr,
                    int(report.skipped.size()))
                     .arg(names.mid(0, 5).join(QStringLiteral(", ")) +
                          (names.size() > 5 ? tr(" and %n more", nullptr, int(names.size() - 5))
                                            : QString()));
    }
    return lines.join(QLatin1Char(' '));
}

QString IntakeSummary::details(const SampleIntake::Report &report, int rechecked) {
    QStringList details;
    if (rechecked == 0)
        for (const QString &f : report.duplicates)
            details << tr("%1: already in the list").arg(f);
    for (const FileScanner::Skipped &s : report.skipped)
        details << tr("%1: %2").arg(s.path, s.reason);
    return details.join(QLatin1Char('\n'));
}

} // namespace SeqDrop
