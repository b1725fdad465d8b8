#pragma once

#include <QStringList>

namespace SeqDrop {

// Groups files into samples by their R1/R2 names, with the official One Codex client's
// patterns: `[._][Rr]?1[_.]` and `[._][Rr]?2[_.]` (x_R1_001.fastq.gz, x_1.fq, x.R1.fq.gz).
// A file pairs only with a partner that is among the given files; the rest stay single.
class FilePairer {
public:
    struct Group {
        QString first;  // R1, or the single file
        QString second; // R2, or empty
    };

    static QList<Group> group(const QStringList &files);
    // The R2 name an R1 file would have, or an empty string if the name is not an R1 name.
    static QString mateName(const QString &fileName);
    // The name of the other read of a pair (R1 -> R2, R2 -> R1), or empty for other names.
    static QString partnerName(const QString &fileName);
    static bool isReadOne(const QString &fileName);
    static bool isReadTwo(const QString &fileName);
};

} // namespace SeqDrop
