#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace SeqDrop {

// Finds the FASTA/FASTQ files in what a user dropped or picked: files as given, folders
// searched recursively. Everything else is reported, not silently ignored, so a technician
// sees that "notes.xlsx" was left out on purpose.
class FileScanner {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::FileScanner)
public:
    struct Skipped {
        QString path;
        QString reason;
    };
    struct Result {
        QStringList
            files; // absolute paths; per folder in name order, so a run's order is predictable
        QList<Skipped> skipped;
    };

    static Result scan(const QStringList &paths);
    // .fastq .fq .fasta .fa .fna .fas, each optionally followed by .gz or .gzip.
    static bool isSequenceFileName(const QString &fileName);
};

} // namespace SeqDrop
