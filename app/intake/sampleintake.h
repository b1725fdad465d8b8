#pragma once

#include "intake/intakeoptions.h"
#include "samples/filescanner.h"
#include "samples/samplespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace SeqDrop {

class SampleUpload;
class UploadQueue;

// Turns dropped, picked or named paths into samples: scans folders (or checks each file),
// refuses files already queued or given twice, pairs R1/R2, merges lanes on request, describes
// each sample. The one path for drops, the file dialogs, "Open with" and the command line, so
// they all behave alike; IntakeOptions holds what differs between them.
class SampleIntake {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::SampleIntake)
public:
    // The samples the paths make, before any goes into a queue: the command line checks them
    // all, proves the key and consults the journal first.
    struct Plan {
        QList<SampleSpec> samples; // the explicit pair first, then the groups in path order
        // A sentence per path that cannot be taken or, when all can, per set of lanes that
        // cannot merge. When there are any, queue nothing.
        QStringList problems;
        // "S1_R1_001.fastq.gz: lanes L001-L004" per set of lanes (Lanes::Name and Merge only)
        QStringList laneSets;
        QStringList duplicates;              // already queued or found twice, refused
        QList<FileScanner::Skipped> skipped; // Paths::Scan: left out, and why
        // What a sample sheet did (IntakeOptions::sampleSheet / findSheet); path empty when
        // there was none.
        struct Sheet {
            QString path;
            QString name;
            QString runName;
            // The sheet could not be read (line, column, what to fix): none of it applied.
            QString error;
            int described = 0;
            // Files no row describes, rows without files, values One Codex would refuse: each
            // naming the file or the row and line.
            QStringList unmatched;
            QStringList rowsWithoutFiles;
            QStringList problems;
            // Values the user had typed where the sheet has one, kept (Apply Sample Sheet).
            int keptTyped = 0;
            // Left out of samples (unless keepUndetermined): offered, not sent.
            QList<SampleSpec> undetermined;
            // Each described sample as it was before the sheet, by sample index (the window's
            // Undo).
            QHash<int, SampleSpec> before;
        } sheet;
    };
    struct Report {
        QList<SampleUpload *> added;
        QStringList duplicates; // already queued (or given twice), refused
        QList<FileScanner::Skipped> skipped;
        QStringList problems;            // nothing was added when there are any
        SampleIntake::Plan::Sheet sheet; // its indexes are those of `added`
    };

    // `queue` takes the samples and holds the files that count as already there; a plan needs
    // none.
    explicit SampleIntake(UploadQueue *queue = nullptr);

    Plan plan(const QStringList &paths, const IntakeOptions &options = {}) const;
    // The same against files already queued (absolute paths, from queuedPaths()): touches no
    // queue, so a worker thread may run it (IntakeJob).
    static Plan planAgainst(const QStringList &paths, const IntakeOptions &options,
                            const QSet<QString> &queued);
    static QSet<QString> queuedPaths(const UploadQueue *queue);
    // The planned samples into the queue, unless the plan has problems.
    Report add(const QStringList &paths, const IntakeOptions &options = {});
    static QStringList queuedFiles(const UploadQueue *queue);

private:
    UploadQueue *m_queue;
};

} // namespace SeqDrop
