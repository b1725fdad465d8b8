#include "checktext.h"

#include "upload/sampleupload.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace SeqDrop {

using Content = QueueChecks::Row::Content;

namespace {

QString number(qint64 n) {
    return ValidationReport::number(n); // the grouping of the messages' language
}

} // namespace

QString CheckText::bases(qint64 count) {
    if (count < 10000)
        return tr("%1 bp").arg(number(count));
    static const char *const units[] = {"kbp", "Mbp", "Gbp", "Tbp"};
    double value = double(count) / 1000.0;
    int unit = 0;
    while (value >= 1000.0 && unit < 3) {
        value /= 1000.0;
        ++unit;
    }
    return tr("%1 %2").arg(ValidationReport::decimal(value), QLatin1String(units[unit]));
}

QString CheckText::cell(const QueueChecks::Row &row, const SampleUpload *sample) {
    switch (row.content) {
    case Content::Checking:
        return row.percent > 0 ? tr("Checking… %1%").arg(row.percent) : tr("Waiting to be checked");
    case Content::Failed:
        return tr("Problem: %1").arg(row.problem.location());
    case Content::WhileUploading:
        return sample->state() == SampleUpload::State::Confirmed ? tr("Valid (checked as sent)")
                                                                 : tr("Checked while uploading");
    case Content::NotChecked:
        return row.sizeProblem.isEmpty() ? tr("Not checked") : tr("Too large for one upload");
    case Content::Passed:
        break;
    }
    QStringList formats;
    int compressed = 0;
    qint64 records = 0, allRecords = 0, allBases = 0;
    const bool pair = sample->spec().isPair();
    for (int i = 0; i < row.files.size(); ++i) {
        const ValidationReport &r = row.files.at(i);
        if (!formats.contains(r.format))
            formats << r.format;
        compressed += r.compressed ? 1 : 0;
        allRecords += r.records;
        allBases += r.bases;
        if (!pair || i % 2 == 0) // a pair's files come R1, R2 per lane: count R1's
            records += r.records;
    }
    // "FASTQ.gz" reads at a glance; plain files have no suffix (the tooltip says "plain text").
    QString format = formats.join(QLatin1Char('/'));
    if (compressed == row.files.size())
        format += QStringLiteral(".gz");
    else if (compressed > 0)
        format += tr(" (some .gz)");
    const bool fasta = formats == QStringList{QStringLiteral("FASTA")};
    const QString what = pair    ? tr("%1 pairs").arg(number(records))
                         : fasta ? tr("%1 sequences").arg(number(records))
                                 : tr("%1 reads").arg(number(records));
    const double mean = allRecords > 0 ? double(allBases) / double(allRecords) : 0.0;
    // Most telling first: an elided cell still shows the format and the reads.
    return tr("%1 · %2 · %3 · mean %4 bp")
        .arg(format, what, bases(allBases), ValidationReport::decimal(mean));
}

QString CheckText::tooltip(const QueueChecks::Row &row, const SampleUpload *sample) {
    QStringList lines;
    for (const ValidationReport &r : row.files) {
        if (!r.ok && !r.cancelled) {
            lines << tr("%1: %2").arg(r.location(), r.problem);
            continue;
        }
        lines << tr("%1: %2, %3, %4 records, %5 bases, mean length %6")
                     .arg(r.file, r.format, r.compressed ? tr("gzip-compressed") : tr("plain text"),
                          number(r.records), number(r.bases),
                          ValidationReport::decimal(r.meanLength));
    }
    if (row.content == Content::Failed && row.files.isEmpty())
        lines << tr("%1: %2").arg(row.problem.location(), row.problem.problem);
    if (row.content == Content::WhileUploading)
        lines << tr("The upload started before the check finished, so the files are checked as "
                    "they are sent; a problem stops the upload and cancels the sample.");
    if (!row.sizeProblem.isEmpty())
        lines << row.sizeProblem;
    for (const QString &note : row.notes)
        lines << tr("Note: %1").arg(note);
    const SampleSpec &spec = sample->spec();
    if (spec.effectiveUploadName() != QFileInfo(spec.file).fileName())
        lines << tr("Uploaded as %1 (the file keeps its name).").arg(spec.effectiveUploadName());
    if (spec.isPair() && spec.effectivePairedUploadName() != QFileInfo(spec.pairedFile).fileName())
        lines << tr("R2 uploaded as %1 (the file keeps its name).")
                     .arg(spec.effectivePairedUploadName());
    const QString mate = mateWarning(row);
    if (!mate.isEmpty())
        lines << mate;
    return lines.join(QLatin1Char('\n'));
}

QString CheckText::mateWarning(const QueueChecks::Row &row) {
    if (row.missingMate.isEmpty())
        return {};
    if (row.mateOnDisk)
        return tr("Its mate %1 is in the same folder but was not added: add it to upload the "
                  "pair as one sample.")
            .arg(row.missingMate);
    return tr("No mate (%1) was added: it uploads as a single-end sample. Pair it by hand "
              "(Ctrl+J) or mark it interleaved (Ctrl+I) if that is wrong.")
        .arg(row.missingMate);
}

QVariant CheckText::data(const QueueChecks *checks, const SampleUpload *sample, int role) {
    if (!checks)
        return {};
    const QueueChecks::Row row = checks->row(sample);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return cell(row, sample);
    case Qt::ToolTipRole:
        return tooltip(row, sample);
    case Qt::DecorationRole: {
        const bool bad = row.content == Content::Failed || !row.sizeProblem.isEmpty();
        if (bad || !row.missingMate.isEmpty())
            return QApplication::style()->standardIcon(bad ? QStyle::SP_MessageBoxCritical
                                                           : QStyle::SP_MessageBoxWarning);
        return {};
    }
    default:
        return {};
    }
}

} // namespace SeqDrop
