#include "validation/pairstreamcheck.h"

#include "validation/pairvalidator.h"

#include <QFileInfo>

namespace SeqDrop {

PairStreamCheck::PairStreamCheck(const QString &r1Name, const QString &r2Name)
    : m_r1(QFileInfo(r1Name).fileName())
    , m_r2(QFileInfo(r2Name).fileName()) {}

uint64_t PairStreamCheck::mix(uint64_t hash, const char *data, size_t size) {
    // FNV-1a over the name and a separator, so "ab"+"c" and "a"+"bc" differ.
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ uint8_t(data[i])) * 0x100000001b3ULL;
    return (hash ^ 0xffU) * 0x100000001b3ULL;
}

void PairStreamCheck::reset(int side) {
    m_side[side] = Side();
    if (side == 0) {
        m_r1Blocks.clear();
        m_r1Tail = 0;
        m_r1Report = ValidationReport();
        m_r1Done = false;
    }
    m_problem.clear();
}

void PairStreamCheck::begin(int side) {
    std::lock_guard<std::mutex> lock(m_mutex);
    reset(side);
    if (side == 0)
        reset(1); // R2's comparison is against this new pass of R1
}

bool PairStreamCheck::addName(int side, const char *name, size_t size, int64_t line) {
    // The running hash is the side's own (one thread at a time); the lock is taken once per
    // block, where the two sides meet.
    Side &s = m_side[side];
    if (s.records % BlockRecords == 0)
        s.blockStartLine = line;
    s.hash = mix(s.hash, name, size);
    if (++s.records % BlockRecords != 0)
        return true;
    std::lock_guard<std::mutex> lock(m_mutex);
    const size_t block = size_t(s.records / BlockRecords - 1);
    if (side == 0) {
        m_r1Blocks.push_back(s.hash);
    } else if (m_problem.isEmpty() && block < m_r1Blocks.size() && m_r1Blocks[block] != s.hash) {
        m_problem = blockMismatch(block);
    }
    s.hash = Side().hash;
    return m_problem.isEmpty();
}

QString PairStreamCheck::finish(int side, const ValidationReport &report) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (side == 0) {
        m_r1Tail = m_side[0].hash; // the last, partial block (if any)
        m_r1Report = report;
        m_r1Done = true;
        return {};
    }
    if (!m_problem.isEmpty())
        return m_problem;
    const Side &s = m_side[1];
    // The partial last blocks compare only when the counts agree; otherwise the counts speak.
    if (m_r1Done && s.records % BlockRecords != 0 && m_side[0].records == s.records &&
        m_r1Tail != s.hash) {
        m_problem = blockMismatch(size_t(s.records / BlockRecords));
        return m_problem;
    }
    if (!m_r1Done)
        return {}; // R2 alone (cannot happen in an upload): nothing to compare with
    // Formats and counts, worded as the background check words them.
    ValidationReport r1 = m_r1Report;
    ValidationReport r2 = report;
    r1.ok = r2.ok = true; // each file's own problem was reported by its upload already
    const ValidationReport verdict = PairValidator(m_r1, m_r2).combine(r1, r2);
    return verdict.ok ? QString() : verdict.location() + QStringLiteral(": ") + verdict.problem;
}

QString PairStreamCheck::blockMismatch(size_t block) const {
    const Side &s = m_side[1];
    return tr("%1, records %2-%3 (from line %4): the read names differ from those "
              "of the same records in %5. The two files must list the same reads in "
              "the same order: check that they are mates of one sample, and "
              "re-export both from the sequencer.")
        .arg(m_r2, ValidationReport::number(int64_t(block) * BlockRecords + 1),
             ValidationReport::number(s.records), ValidationReport::number(s.blockStartLine), m_r1);
}

QString PairStreamCheck::problem() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_problem;
}

} // namespace SeqDrop
