#include "validation/pairvalidator.h"

#include <QFile>
#include <QFileInfo>

#include <memory>

namespace SeqDrop {

PairValidator::PairValidator(const QString &r1Name, const QString &r2Name)
    : m_r1(QFileInfo(r1Name).fileName())
    , m_r2(QFileInfo(r2Name).fileName()) {}

void PairValidator::Queue::compact() {
    if (head == 0 || head * 2 < ends.size())
        return;
    const size_t from = ends[head - 1];
    text.erase(0, from);
    ends.erase(ends.begin(), ends.begin() + qsizetype(head));
    lines.erase(lines.begin(), lines.begin() + qsizetype(head));
    for (size_t &e : ends)
        e -= from;
    head = 0;
}

bool PairValidator::addName(int side, const char *name, size_t size, qint64 line) {
    if (m_failed)
        return false;
    Queue &q = m_queue[side];
    q.text.append(name, size);
    q.ends.push_back(q.text.size());
    q.lines.push_back(line);
    compare();
    return !m_failed;
}

void PairValidator::compare() {
    Queue &a = m_queue[0];
    Queue &b = m_queue[1];
    while (a.pending() > 0 && b.pending() > 0) {
        const size_t aFrom = a.head ? a.ends[a.head - 1] : 0;
        const size_t bFrom = b.head ? b.ends[b.head - 1] : 0;
        const size_t aLen = a.ends[a.head] - aFrom;
        const size_t bLen = b.ends[b.head] - bFrom;
        ++m_compared;
        if (aLen != bLen || a.text.compare(aFrom, aLen, b.text, bFrom, bLen) != 0) {
            m_failed = true;
            m_problem = ValidationReport();
            m_problem.file = m_r2;
            m_problem.record = m_compared;
            m_problem.line = b.lines[b.head];
            m_problem.problem =
                tr("the read name \"%1\" differs from \"%2\" in the same record of "
                   "%3 (line %4). The two files must list the same reads in the "
                   "same order: check that they are mates of one sample, and "
                   "re-export both from the sequencer.")
                    .arg(QString::fromLatin1(b.text.data() + bFrom, qsizetype(bLen)),
                         QString::fromLatin1(a.text.data() + aFrom, qsizetype(aLen)), m_r1,
                         ValidationReport::number(a.lines[a.head]));
            return;
        }
        ++a.head;
        ++b.head;
    }
    a.compact();
    b.compact();
}

ValidationReport PairValidator::combine(const ValidationReport &r1,
                                        const ValidationReport &r2) const {
    if (r1.cancelled || !r1.ok)
        return r1;
    if (r2.cancelled || !r2.ok)
        return r2;
    if (m_failed)
        return m_problem;
    ValidationReport r;
    r.file = m_r1 + QStringLiteral(" + ") + m_r2;
    r.format = r1.format == r2.format ? r1.format : QString();
    r.compressed = r1.compressed && r2.compressed;
    r.records = r1.records;
    r.bases = r1.bases + r2.bases;
    r.meanLength =
        r1.records + r2.records > 0 ? double(r.bases) / double(r1.records + r2.records) : 0.0;
    r.bytesRead = r1.bytesRead + r2.bytesRead;
    r.plainBytes = r1.plainBytes + r2.plainBytes;
    for (const QString &n : r1.notes)
        r.notes << m_r1 + QStringLiteral(": ") + n;
    for (const QString &n : r2.notes)
        r.notes << m_r2 + QStringLiteral(": ") + n;
    if (r1.format != QLatin1String("FASTQ") || r2.format != QLatin1String("FASTQ")) {
        r.file = r1.format != QLatin1String("FASTQ") ? m_r1 : m_r2;
        r.problem = tr("paired-end files must both be FASTQ, but %1 is %2.")
                        .arg(r.file, r1.format != QLatin1String("FASTQ") ? r1.format : r2.format);
        return r;
    }
    if (r1.records != r2.records) {
        const bool r2Short = r2.records < r1.records;
        r.file = r2Short ? m_r2 : m_r1;
        r.record = qMin(r1.records, r2.records) + 1;
        r.problem = tr("%1 has %2 records but its mate %3 has %4, so record %5 has "
                       "no mate. Paired files must hold the same reads; one of them "
                       "may be truncated or filtered on its own. Re-export both.")
                        .arg(r2Short ? m_r2 : m_r1,
                             ValidationReport::number(r2Short ? r2.records : r1.records),
                             r2Short ? m_r1 : m_r2,
                             ValidationReport::number(r2Short ? r1.records : r2.records),
                             ValidationReport::number(r.record));
        return r;
    }
    r.ok = true;
    return r;
}

ValidationReport PairValidator::validatePair(const QString &r1Path, const QString &r2Path,
                                             const std::atomic<bool> *cancel,
                                             SequenceValidator::Progress progress,
                                             ValidationReport *r1Report,
                                             ValidationReport *r2Report) {
    PairValidator pair(r1Path, r2Path);
    SequenceValidator v[2] = {SequenceValidator(r1Path), SequenceValidator(r2Path)};
    QFile file[2] = {QFile(r1Path), QFile(r2Path)};
    for (int side = 0; side < 2; ++side)
        v[side].setNameSink([&pair, side](const char *name, size_t size, int64_t line) {
            pair.addName(side, name, size, line);
        });
    for (int side = 0; side < 2; ++side) {
        if (!file[side].open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            ValidationReport r;
            r.file = QFileInfo(file[side].fileName()).fileName();
            r.problem = tr("the file cannot be read: %1.").arg(file[side].errorString());
            return r;
        }
    }
    const qint64 total = file[0].size() + file[1].size();
    // Not zeroed: a run folder's thousands of small files each paid a 4 MiB memset.
    const std::unique_ptr<char[]> block(new char[size_t(SequenceValidator::ReadBlock)]);
    bool atEnd[2] = {false, false};
    qint64 done = 0;
    while (!(atEnd[0] && atEnd[1]) && !pair.failed() && !v[0].hasProblem() && !v[1].hasProblem()) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            ValidationReport r;
            r.file = QFileInfo(r1Path).fileName();
            r.cancelled = true;
            r.problem = tr("validation was cancelled.");
            return r;
        }
        // Feed the side that is behind in names, so the queue holds about one block.
        int side = pair.m_queue[0].pending() <= pair.m_queue[1].pending() ? 0 : 1;
        if (atEnd[side])
            side = 1 - side;
        const qint64 n = file[side].read(block.get(), SequenceValidator::ReadBlock);
        if (n < 0) {
            ValidationReport r;
            r.file = QFileInfo(file[side].fileName()).fileName();
            r.problem = tr("reading the file failed: %1.").arg(file[side].errorString());
            return r;
        }
        if (n == 0) {
            atEnd[side] = true;
            continue;
        }
        done += n;
        v[side].feed(block.get(), size_t(n));
        if (progress)
            progress(done, total);
    }
    if (pair.failed() && !v[0].hasProblem() && !v[1].hasProblem())
        return pair.namesProblem(); // the files stopped mid-way: their own reports mean little
    const ValidationReport r1 = v[0].finish();
    const ValidationReport r2 = v[1].finish();
    if (r1Report)
        *r1Report = r1;
    if (r2Report)
        *r2Report = r2;
    return pair.combine(r1, r2);
}

} // namespace SeqDrop
