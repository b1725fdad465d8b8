#pragma once

#include "samples/projectlist.h"
#include "samples/sampledescription.h"

#include <QList>
#include <QString>

#include <optional>

namespace SeqDrop {

// What differs between the callers of SampleIntake. The defaults are the window's: what was
// dropped or picked is scanned, described later in the editor panel, checked as it is sent.
struct IntakeOptions {
    enum class Paths {
        // Folders are searched; files that are not FASTA/FASTQ are skipped and listed; a file
        // already queued or found twice is refused as a duplicate. Paths become absolute.
        Scan,
        // Each path must be a file that can be sent (LocalFile) and be given once: a problem
        // for each that is not. Paths stay as given, since they are reported back (the CLI).
        Files,
    };

    Paths paths = Paths::Scan;
    // Applied to every sample as it is; whoever builds it validates it, since only they can say
    // which option or sheet row a problem came from.
    SampleDescription description;
    // An explicit pair, sent as R1 and R2 whatever their names: the first sample. Checked as
    // Paths::Files are, and with them for repeats.
    QString forward;
    QString reverse;
    bool interleaved = false; // a file that pairs with no other holds both reads
    // What to do with lanes L001..L00n of one sample.
    enum class Lanes {
        // Nothing here: each lane is its own sample (the window finds lane sets among its
        // queued rows itself, QueueLanes, and offers to merge them).
        Leave,
        // Each lane stays its own sample, and SampleIntake::Plan::laneSets names the sets.
        Name,
        // Each set becomes one sample, its lanes sent one after the other; a set that cannot
        // merge (a gap, an R2 of another lane) is a problem. laneSets names the sets.
        Merge,
    };
    Lanes lanes = Lanes::Leave;
    // A sample sheet that describes the samples (SheetIntake): this one (the CLI's
    // --sample-sheet, File > Apply Sample Sheet...), or with findSheet one found among the
    // paths (SampleSheet.csv or *SampleSheet*.csv given or in a given folder; Paths::Scan).
    // What the description above sets wins over the sheet: it was typed for these samples.
    QString sampleSheet;
    bool findSheet = false;
    // Undetermined_S0_* files (reads no index matched) are left out when a sheet is applied,
    // and listed, unless kept.
    bool keepUndetermined = false;
    // The account's projects, when the caller has them: a sheet's project names are found here
    // during the intake (off the window's thread); the others are left in Plan::sheet.projects.
    std::optional<QList<Project>> projects;
    // The content is checked with the upload's own read of the disk, and a bad file fails on
    // its row with the record and line, its sample cancelled before confirm.
    bool validateWhileUploading = true;
};

} // namespace SeqDrop
