#include "sheets/sheetmatcher.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace SeqDrop {

QString SheetMatcher::fileNameForm(const QString &sampleName) {
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9_-]"));
    return QString(sampleName).replace(other, QStringLiteral("-"));
}

SheetMatcher::Result SheetMatcher::match(const SampleSheet &sheet, const QList<SampleSpec> &specs) {
    Result result;
    if (sheet.kind() == SampleSheet::Kind::SeqDrop)
        matchSeqDrop(sheet, specs, &result);
    else
        matchIllumina(sheet, specs, &result);
    QSet<int> described;
    for (const int sample : std::as_const(result.sampleOf))
        described.insert(sample);
    for (int i = 0; i < sheet.samples().size(); ++i) {
        if (described.contains(i))
            continue;
        result.rowsWithoutFiles.append(i);
        const SheetSample &row = sheet.samples().at(i);
        const QString id = sheet.kind() == SampleSheet::Kind::SeqDrop
                               ? row.value(QStringLiteral("file"))
                               : row.value(QStringLiteral("Sample_ID"));
        result.rowProblems << tr("%1 (%2 line %3) has no file among those added.")
                                  .arg(id, sheet.name())
                                  .arg(row.line);
    }
    return result;
}

void SheetMatcher::matchIllumina(const SampleSheet &sheet, const QList<SampleSpec> &specs,
                                 Result *result) {
    static const QRegularExpression demuxName(
        QStringLiteral("^(.+)_S(\\d+)(?:_L(\\d{3}))?_R([12])_001\\.(?:fastq|fq)(?:\\.gz)?$"),
        QRegularExpression::CaseInsensitiveOption);
    for (int i = 0; i < specs.size(); ++i) {
        const QString fileName = QFileInfo(specs.at(i).file).fileName();
        const QRegularExpressionMatch m = demuxName.match(fileName);
        if (!m.hasMatch()) {
            result->unmatched.append(i);
            result->fileProblems << tr("%1 is not named as a demultiplexer names its files "
                                       "(<sample>_S<n>_L001_R1_001.fastq.gz), so %2 cannot say "
                                       "which sample it is.")
                                        .arg(fileName, sheet.name());
            continue;
        }
        const QString name = m.captured(1);
        const int position = m.captured(2).toInt();
        if (position == 0 ||
            name.compare(QLatin1String("Undetermined"), Qt::CaseInsensitive) == 0) {
            result->undetermined.append(i);
            continue;
        }
        const SheetSample *row =
            position <= sheet.samples().size() ? &sheet.samples().at(position - 1) : nullptr;
        const bool sameName =
            row && (name == fileNameForm(row->value(QStringLiteral("Sample_Name"))) ||
                    name == fileNameForm(row->value(QStringLiteral("Sample_ID"))));
        if (!sameName) {
            result->unmatched.append(i);
            result->fileProblems
                << (row ? tr("%1 says it is sample %2 (S%3), but sample %3 of %4 is %5 (line "
                             "%6): the files and the sheet are not from the same run?")
                              .arg(fileName, name)
                              .arg(position)
                              .arg(sheet.name(), row->value(QStringLiteral("Sample_ID")))
                              .arg(row->line)
                        : tr("%1 says it is sample %2 (S%3), but %4 lists %5 sample(s).")
                              .arg(fileName, name)
                              .arg(position)
                              .arg(sheet.name())
                              .arg(sheet.samples().size()));
            continue;
        }
        result->sampleOf.insert(i, position - 1);
    }
}

void SheetMatcher::matchSeqDrop(const SampleSheet &sheet, const QList<SampleSpec> &specs,
                                Result *result) {
    // Every queued file by absolute path, and by bare name when only one file has that name.
    QHash<QString, int> byPath;
    QHash<QString, int> byName;
    QSet<QString> sharedNames;
    for (int i = 0; i < specs.size(); ++i)
        for (const QString &file : specs.at(i).allFiles()) {
            const QFileInfo info(file);
            byPath.insert(QDir::cleanPath(info.absoluteFilePath()), i);
            if (byName.contains(info.fileName()) && byName.value(info.fileName()) != i)
                sharedNames.insert(info.fileName());
            byName.insert(info.fileName(), i);
        }
    const QDir sheetDir = QFileInfo(sheet.path()).absoluteDir();
    const auto specOf = [&](const QString &file) {
        if (file.isEmpty())
            return -1;
        const QString path = QDir::cleanPath(sheetDir.absoluteFilePath(file));
        if (byPath.contains(path))
            return byPath.value(path);
        if (!file.contains(QLatin1Char('/')) && !sharedNames.contains(file))
            return byName.value(file, -1);
        return -1;
    };
    for (int s = 0; s < sheet.samples().size(); ++s) {
        const SheetSample &row = sheet.samples().at(s);
        const int spec = specOf(row.value(QStringLiteral("file")));
        if (spec < 0)
            continue; // listed as a row without files
        const QString mate = row.value(QStringLiteral("paired_file"));
        if (!mate.isEmpty() && specOf(mate) != spec) {
            result->fileProblems << tr("%1 line %2: %3 and %4 are not one pair in the list (pair "
                                       "them first, or give each its own row).")
                                        .arg(sheet.name())
                                        .arg(row.line)
                                        .arg(row.value(QStringLiteral("file")), mate);
            continue;
        }
        result->sampleOf.insert(spec, s);
    }
    for (int i = 0; i < specs.size(); ++i)
        if (!result->sampleOf.contains(i)) {
            result->unmatched.append(i);
            result->fileProblems << tr("%1 has no row in %2.")
                                        .arg(QFileInfo(specs.at(i).file).fileName(), sheet.name());
        }
}

} // namespace SeqDrop
