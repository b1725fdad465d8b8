#pragma once

#include "validation/validationreport.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <mutex>
#include <vector>

namespace SeqDrop {

// The R1/R2 agreement of a pair checked while the pair is uploaded, with the upload's single
// read of the disk. One file is sent whole before the other, so its names cannot wait in memory
// for their mates (PairValidator's lockstep would hold every name). Instead the first file
// leaves one 64-bit hash per block of BlockRecords read names (about 3 MB for 100 million
// reads), and the second compares its blocks against them: a difference is located to a block
// of records, not to the exact record (the background check, which reads both files together,
// names the record). Record counts and formats are compared when the second ends, with
// PairValidator's messages.
//
// Each side is fed from its upload's read-ahead thread; the two sides never run at the same
// time (the second starts after the first finished), and begin() restarts a side for a new
// attempt.
class PairStreamCheck {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::PairStreamCheck)
public:
    static constexpr int64_t BlockRecords = 256;

    // firstSide: the side sent whole first (0 = R1 on the form route; the multipart route sends
    // R2 first, as One Codex's callback expects R1 last). Its names are kept per block, the
    // other side is compared against them.
    PairStreamCheck(const QString &r1Name, const QString &r2Name, int firstSide = 0);

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

    const QString m_names[2];   // file names of R1 and R2
    const int m_first;          // the side whose blocks are kept
    mutable std::mutex m_mutex; // guards everything below across the two upload threads
    Side m_side[2];
    std::vector<uint64_t> m_firstBlocks; // full blocks only
    uint64_t m_firstTail = 0;
    ValidationReport m_firstReport;
    bool m_firstDone = false;
    QString m_problem;
};

} // namespace SeqDrop
