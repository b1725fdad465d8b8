#pragma once

#include "intake/sampleintake.h"

#include <QCoreApplication>

namespace SeqDrop {

// What adding files did, told in one notice line (files checked again, duplicates refused,
// non-sequence files skipped) with the full list behind "Show list".
class IntakeSummary {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::IntakeSummary)
public:
    // Empty when there is nothing worth a notice. `rechecked`: samples whose files were added
    // again after a refusal and are checked afresh.
    static QString text(const SampleIntake::Report &report, int rechecked);
    static QString details(const SampleIntake::Report &report, int rechecked);
};

} // namespace SeqDrop
