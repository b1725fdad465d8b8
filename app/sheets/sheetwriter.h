#pragma once

#include "samples/samplespec.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SeqDrop {

// The queue as SeqDrop's own sample sheet (docs/sample-sheets.md): one row per sample with
// its file, paired file, name, id, project, tags, One Codex's metadata fields and the custom
// ones as columns, so a lab can fill it in a spreadsheet and read it back (SampleSheet,
// SheetMatcher, SheetDescriber take exactly these columns). Files under the sheet's folder are
// written relative to it; UTF-8, CRLF, quoted where a spreadsheet needs it.
class SheetWriter {
public:
    static QByteArray write(const QList<SampleSpec> &samples, const QString &sheetDir);
};

} // namespace SeqDrop
