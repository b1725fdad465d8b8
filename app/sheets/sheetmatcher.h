#pragma once

#include "samples/samplespec.h"
#include "sheets/samplesheet.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace SeqDrop {

// Which queued samples a sheet describes, by the names demultiplexers give their files:
// `<Sample_Name or Sample_ID>_S<n>[_L00<lane>]_R<1|2>_001.fastq[.gz]`, S<n> being the sample's
// position in the sheet (files under <Sample_Project>/[<Sample_ID>/] are found by name all the
// same), and for a SeqDrop sheet by its `file` column (relative to the sheet, absolute, or a
// bare name that only one queued file has). Nothing is guessed: a file whose S<n> and name
// disagree with the sheet is listed as unmatched, not given to the nearest row, and every sheet
// row left without files is listed too. Undetermined_S0 files are set apart.
class SheetMatcher {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::SheetMatcher)
public:
    struct Result {
        QHash<int, int> sampleOf;    // spec index -> sheet sample index
        QList<int> unmatched;        // spec indexes no row describes
        QList<int> undetermined;     // Undetermined_S0_* specs
        QList<int> rowsWithoutFiles; // sheet sample indexes
        // One sentence per file left unmatched (naming it and why) and per row without files.
        QStringList fileProblems;
        QStringList rowProblems;

        bool isComplete() const { return unmatched.isEmpty() && rowsWithoutFiles.isEmpty(); }
        QStringList problems() const { return fileProblems + rowProblems; }
    };

    static Result match(const SampleSheet &sheet, const QList<SampleSpec> &specs);
    // bcl2fastq's file-name form of a sample name: characters other than letters, digits, '-'
    // and '_' become '-'.
    static QString fileNameForm(const QString &sampleName);

private:
    static void matchIllumina(const SampleSheet &sheet, const QList<SampleSpec> &specs,
                              Result *result);
    static void matchSeqDrop(const SampleSheet &sheet, const QList<SampleSpec> &specs,
                             Result *result);
};

} // namespace SeqDrop
