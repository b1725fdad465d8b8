#pragma once

#include "cliarguments.h"
#include "samples/samplespec.h"

// The FILE arguments of `upload` and `validate`: checked for existence before anything else,
// then grouped into samples (explicit --forward/--reverse pair, R1/R2 names paired).
namespace SampleInputs {

// One message per missing, unreadable, empty, folder or repeated file; empty when all is well.
QStringList problems(const CliArguments &args);
// The samples, each starting from `base` (tags, project, metadata).
QList<SeqDrop::SampleSpec> samples(const CliArguments &args, const SeqDrop::SampleSpec &base = {});

} // namespace SampleInputs
