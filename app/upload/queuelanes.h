#pragma once

#include "samples/samplespec.h"

#include <QList>
#include <QString>

namespace SeqDrop {

class SampleUpload;
class UploadQueue;

// The lanes of one Illumina sample found among the queue's samples (LaneMerger's rules: from
// L001, no gap, R1 and R2 with the same lanes), to be offered as one sample each. Only samples
// that have not started and are still a single lane take part.
class QueueLanes {
public:
    struct Set {
        QList<SampleUpload *> members; // in lane order; the first one becomes the merged sample
        SampleSpec merged;
        QString label; // "S1_R1_001.fastq.gz + S1_R2_001.fastq.gz: lanes L001-L004"
    };

    static QList<Set> find(const UploadQueue *queue);
    // Gives the first member the merged spec (with the first lane's description); the other
    // members are then the caller's to remove. False when a member started meanwhile.
    static bool merge(const Set &set);
};

} // namespace SeqDrop
