#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace SeqDrop {

// The outcome of checking one sequencing file (or one R1/R2 pair): either ok, or the FIRST
// problem found, located by record and line so a lab technician can look at it, plus the
// statistics shown in the UI. Plain value type: copied across threads in queued signals.
struct ValidationReport {
    QString file; // file name shown to the user (no directory)
    bool ok = false;
    bool cancelled = false;
    QString problem;   // sentence(s) without the location prefix; empty when ok
    qint64 record = 0; // 1-based record of the problem; 0: not tied to a record
    qint64 line = 0;   // 1-based line (of the decompressed text); 0: not tied to a line
    QStringList notes; // harmless remarks (Windows line endings, trailing padding, ...)

    QString format; // "FASTQ", "FASTA", or empty when it could not be told
    bool compressed = false;
    qint64 records = 0; // complete records read (up to the problem, when there is one)
    qint64 bases = 0;
    double meanLength = 0;
    qint64 bytesRead = 0;  // bytes of the file itself (compressed size for .gz)
    qint64 plainBytes = 0; // bytes after decompression

    // "reads_R1.fastq.gz, record 1,204 (line 4,813): the quality line has ..." or the
    // one-line summary of a valid file.
    QString location() const;
    QString toText() const;
    QJsonObject toJson() const;

    // Numbers as the messages print them, in the messages' language rather than the system
    // locale: 1,204 and 100.0 in English (seqdrop-cli), 1.204 and 100,0 in German.
    static QString number(qint64 n);
    static QString decimal(double value); // one decimal
};

} // namespace SeqDrop

Q_DECLARE_METATYPE(SeqDrop::ValidationReport)
