#pragma once

#include "validation/sequencevalidator.h"
#include "validation/validationreport.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <string>
#include <vector>

namespace SeqDrop {

// Checks that two FASTQ files are the R1 and R2 of one paired-end run: both valid FASTQ,
// the same number of records, and the same read name in every record, ignoring a trailing
// "/1" or "/2" and the comment after the first space (Illumina's "1:N:0:ACGT" differs
// between mates on purpose). Reports the first record where the names differ.
//
// validatePair() reads both files in lockstep, a block of one then a block of the other, so
// only the names of about one block are held: memory stays constant whatever the file size.
// The incremental part (addName/namesProblem) can also take names from two validators fed
// by an upload, as long as the two files progress together; names are queued until their
// mate arrives, so R1 fully before R2 would hold every name of R1.
class PairValidator {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::PairValidator)
public:
    PairValidator(const QString &r1Name, const QString &r2Name);

    // side 0: R1, side 1: R2. Returns false once names differ.
    bool addName(int side, const char *name, size_t size, qint64 line);
    bool failed() const { return m_failed; }
    // The name mismatch, reported against R2; meaningful when failed().
    ValidationReport namesProblem() const { return m_problem; }
    // Once both files are read to their end: the combined verdict (a file's own problem
    // first, then the name mismatch, then unequal counts), with pair statistics
    // (records = pairs, bases and mean length over both files).
    ValidationReport combine(const ValidationReport &r1, const ValidationReport &r2) const;

    static ValidationReport validatePair(const QString &r1Path, const QString &r2Path,
                                         const std::atomic<bool> *cancel = nullptr,
                                         SequenceValidator::Progress progress = {},
                                         ValidationReport *r1Report = nullptr,
                                         ValidationReport *r2Report = nullptr);

private:
    // Names waiting for their mate, in one growing string (no allocation per record).
    struct Queue {
        std::string text;
        std::vector<size_t> ends;
        std::vector<qint64> lines;
        size_t head = 0;
        size_t pending() const { return ends.size() - head; }
        void compact();
    };
    void compare();

    QString m_r1;
    QString m_r2;
    Queue m_queue[2];
    qint64 m_compared = 0;
    bool m_failed = false;
    ValidationReport m_problem;
};

} // namespace SeqDrop
