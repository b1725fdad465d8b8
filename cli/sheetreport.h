#pragma once

#include "intake/sampleintake.h"

#include <QStringList>

// What a sample sheet did to a command line's samples, said the same way by `upload` and
// `validate`: notes (what it described, what it left out) and the problems that stop the command.
// A sheet that cannot be read, a file no row describes and a value One Codex would refuse stop
// both; rows without files stop `validate` (a check of the sheet) but only show in `upload`, which
// may be sending part of a run on purpose.
namespace SheetReport {
QStringList notes(const SeqDrop::SampleIntake::Plan &plan, bool rowsWithoutFilesStop);
QStringList problems(const SeqDrop::SampleIntake::Plan &plan, bool rowsWithoutFilesStop);
} // namespace SheetReport
