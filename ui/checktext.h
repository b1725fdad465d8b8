#pragma once

#include "upload/queuechecks.h"

#include <QCoreApplication>
#include <QVariant>

namespace SeqDrop {

class SampleUpload;

// How a row's file checks read in the table: the Content column (format, compression, reads,
// bases, mean length; or the problem), its tooltip with every file's exact figures, and its
// icon. Kept out of SampleTableModel so the model only routes the column here.
class CheckText {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::CheckText)
public:
    // The Content column's data for a role (display, tooltip, decoration, accessible text).
    static QVariant data(const QueueChecks *checks, const SampleUpload *sample, int role);
    // "FASTQ.gz · 2,000 reads · 200.0 kbp · mean 100.0 bp", or what the check is doing.
    static QString cell(const QueueChecks::Row &row, const SampleUpload *sample);
    static QString tooltip(const QueueChecks::Row &row, const SampleUpload *sample);
    // The missing mate, said plainly; empty when the sample is a pair or needs none.
    static QString mateWarning(const QueueChecks::Row &row);
    // 950 bp, 12.3 kbp, 4.5 Mbp, 1.2 Gbp.
    static QString bases(qint64 count);
};

} // namespace SeqDrop
