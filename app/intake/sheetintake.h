#pragma once

#include "intake/intakeoptions.h"
#include "intake/sampleintake.h"
#include "sheets/samplesheet.h"

#include <QCoreApplication>

namespace SeqDrop {

class SampleUpload;

// The sample sheet step of an intake: finds the sheet (the one given, or SampleSheet.csv /
// *SampleSheet*.csv among what was dropped), reads it (SampleSheet), matches the planned samples
// to its rows (SheetMatcher), and gives each matched sample its row's description
// (SheetDescriber) under the intake's own description, which was typed and wins. A sheet that
// cannot be read applies nothing and says why; Undetermined files are set aside. What did not
// match is listed in Plan::sheet; whether that stops the intake is the caller's to say (the CLI
// refuses unmatched files, the window shows them).
class SheetIntake {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::SheetIntake)
public:
    static void apply(SampleIntake::Plan &plan, const IntakeOptions &options);
    // File > Apply Sample Sheet...: the sheet over samples already queued (those not started
    // yet): it replaces their descriptions, except the fields the user typed in the panel. The
    // report as an intake's, its indexes those of `added` (the samples described). `projects`: the
    // account's, when known; the sheet's project names are found there at once, the others left
    // pending (SheetProjects finds them later).
    static SampleIntake::Report applyTo(const QString &sheetPath,
                                        const QList<SampleUpload *> &samples,
                                        const std::optional<QList<Project>> &projects);

private:
    // A sheet among the files the scan left out (it is used, so no longer "skipped").
    static QString findSheet(SampleIntake::Plan &plan);
    // Row `row`'s description over `spec`, except the fields the user typed (counted into
    // `keptTyped`), each marked as the sheet's; its project found in `projects` when given,
    // else left in SampleSpec::pendingProject. Returns the row's problems.
    static QStringList describe(const SampleSheet &sheet, int row,
                                const std::optional<QList<Project>> &projects, SampleSpec &spec,
                                int *keptTyped);
    // The sheet at `path`, and what `use` says of it before matching (path, name, error, run).
    static SampleSheet read(const QString &path, SampleIntake::Plan::Sheet &use);
};

} // namespace SeqDrop
