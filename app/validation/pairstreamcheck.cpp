#include "validation/pairstreamcheck.h"

#include "validation/pairvalidator.h"

#include <QFileInfo>

namespace SeqDrop {

PairStreamCheck::PairStreamCheck(const QString &r1Name, const QString &r2Name, int firstSide)
    : m_names{QFileInfo(r1Name).fileName(), QFileInfo(r2Name).fileName()}
    , m_first(firstSide & 1) {}

uint64_t PairStreamCheck::mix(uint64_t hash, const char *data, size_t size) {
    // FNV-1a over the name and a separator, so "ab"+"c" and "a"+"bc" differ.
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ uint8_t(data[i])) * 0x100000001b3ULL;
    return (hash ^ 0xffU) * 0x100000001b3ULL;
}

void PairStreamCheck::reset(int side) {
    m_side[side] = Side();
    if (side == m_first) {
        m_firstBlocks.clear();
        m_firstTail = 0;
        m_firstReport = ValidationReport();
        m_firstDone = false;
    }
    m_problem.clear();
}

void PairStreamCheck::begin(int side) {
    std::lock_guard<std::mutex> lock(m_mutex);
    reset(side);
    if (side == m_first)
        reset(1 - side); // the second side's comparison is against this new pass
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
    if (side == m_first) {
        m_firstBlocks.push_back(s.hash);
    } else if (m_problem.isEmpty() && block < m_firstBlocks.size() &&
               m_firstBlocks[block] != s.hash) {
        m_problem = blockMismatch(block);
    }
    s.hash = Side().hash;
    return m_problem.isEmpty();
}

QString PairStreamCheck::finish(int side, const ValidationReport &report) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (side == m_first) {
        m_firstTail = m_side[side].hash; // the last, partial block (if any)
        m_firstReport = report;
        m_firstDone = true;
        return {};
    }
    if (!m_problem.isEmpty())
        return m_problem;
    const Side &s = m_side[side];
    // The partial last blocks compare only when the counts agree; otherwise the counts speak.
    if (m_firstDone && s.records % BlockRecords != 0 && m_side[m_first].records == s.records &&
        m_firstTail != s.hash) {
        m_problem = blockMismatch(size_t(s.records / BlockRecords));
        return m_problem;
    }
    if (!m_firstDone)
        return {}; // the second side alone (cannot happen in an upload): nothing to compare
    // Formats and counts, worded as the background check words them.
    ValidationReport reports[2];
    reports[m_first] = m_firstReport;
    reports[side] = report;
    reports[0].ok = reports[1].ok = true; // each file's own problem was reported already
    const ValidationReport verdict =
        PairValidator(m_names[0], m_names[1]).combine(reports[0], reports[1]);
    return verdict.ok ? QString() : verdict.location() + QStringLiteral(": ") + verdict.problem;
}

QString PairStreamCheck::blockMismatch(size_t block) const {
    const int second = 1 - m_first;
    const Side &s = m_side[second];
    return tr("%1, records %2-%3 (from line %4): the read names differ from those "
              "of the same records in %5. The two files must list the same reads in "
              "the same order: check that they are mates of one sample, and "
              "re-export both from the sequencer.")
        .arg(m_names[second], ValidationReport::number(int64_t(block) * BlockRecords + 1),
             ValidationReport::number(s.records), ValidationReport::number(s.blockStartLine),
             m_names[m_first]);
}

QString PairStreamCheck::problem() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_problem;
}

} // namespace SeqDrop
