#pragma once

#include "samples/samplespec.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace SeqDrop {

// Illumina writes one sample over several lanes (S1_L001_R1_001.fastq.gz ... _L004_...).
// One Codex wants one sample, so lanes are sent as one upload, concatenated as they stream
// (never merged on disk). The official client's rules apply: lanes start at L001 with no gap,
// and for a pair R1 and R2 have the same lanes.
class LaneMerger {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::LaneMerger)
public:
    // The lane number in a file name ("_L002_" -> 2), or 0 when there is none.
    static int laneOf(const QString &fileName);
    // The name without its lane ("S1_L001_R1_001.fastq.gz" -> "S1_R1_001.fastq.gz").
    static QString withoutLane(const QString &fileName);

    struct Result {
        QList<SampleSpec> samples; // merged lane sets plus every other sample, in input order
        QStringList merged;        // "S1_R1_001.fastq.gz: lanes L001-L004" per merged set
        QStringList problems;      // lane sets that cannot be merged, and why
    };
    static Result merge(const QList<SampleSpec> &samples);
};

} // namespace SeqDrop
