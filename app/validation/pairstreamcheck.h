#pragma once

#include "validation/validationreport.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <mutex>
#include <vector>

namespace SeqDrop {

// The R1/R2 agreement of a pair checked while the pair is uploaded, with the upload's single
// read of the disk. R1 is sent whole before R2, so the names of R1 cannot wait in memory for
// their mates (PairValidator's lockstep would hold every name of R1). Instead R1 leaves one
// 64-bit hash per block of BlockRecords read names (about 3 MB for 100 million reads), and R2
// compares its blocks against them: a difference is located to a block of records, not to the
// exact record (the background check, which reads both files together, names the record).
// Record counts and formats are compared when R2 ends, with PairValidator's messages.
//
// Each side is fed from its upload's read-ahead thread; the two sides never run at the same
// time (R2 starts after R1 finished), and begin() restarts a side for a new attempt.
class PairStreamCheck {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::PairStreamCheck)
public:
    static constexpr int64_t BlockRecords = 256;

    PairStreamCheck(const QString &r1Name, const QString &r2Name);

    // A new attempt at sending this side: forget what an earlier attempt saw of it (and, for R1,
    // of R2, whose blocks are compared with R1's).
    void begin(int side);
    // One read name (already without "/1" "/2" and comment). Returns false once R2 differs.
    bool addName(int side, const char *name, size_t size, int64_t line);
    // The side's file ended with this report (its own verdict). Returns the pair's problem as
    // one sentence naming the file and records, or an empty string.
    QString finish(int side, const ValidationReport &report);
    // The names problem, once addName() returned false.
    QString problem() const;

private:
    struct Side {
        uint64_t hash = 0xcbf29ce484222325ULL; // FNV-1a offset basis
        int64_t records = 0;
        int64_t blockStartLine = 0;
    };
    void reset(int side);
    QString blockMismatch(size_t block) const;
    static uint64_t mix(uint64_t hash, const char *data, size_t size);

    const QString m_r1;
    const QString m_r2;
    mutable std::mutex m_mutex; // guards everything below across the two upload threads
    Side m_side[2];
    std::vector<uint64_t> m_r1Blocks; // full blocks only
    uint64_t m_r1Tail = 0;
    ValidationReport m_r1Report;
    bool m_r1Done = false;
    QString m_problem;
};

} // namespace SeqDrop
