#pragma once

#include <QList>
#include <QString>

namespace SeqDrop {

class SampleUpload;

// Writes the lab's record of which file became which sample: one CSV row per sample with
// file(s), sample id, status and error (RFC 4180 quoting, UTF-8, opens in any spreadsheet).
class ResultsExporter {
public:
    static QString csv(const QList<SampleUpload *> &samples);
    // Returns an empty string on success, else what went wrong.
    static QString write(const QString &path, const QList<SampleUpload *> &samples);
};

} // namespace SeqDrop
