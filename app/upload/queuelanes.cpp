#include "upload/queuelanes.h"

#include "samples/lanemerger.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QFileInfo>
#include <QHash>

namespace SeqDrop {

QList<QueueLanes::Set> QueueLanes::find(const UploadQueue *queue) {
    QList<SampleSpec> specs;
    QList<SampleUpload *> owners;
    for (SampleUpload *s : queue->samples()) {
        if (s->state() != SampleUpload::State::Queued || !s->spec().moreLanes.isEmpty() ||
            LaneMerger::laneOf(QFileInfo(s->spec().file).fileName()) == 0)
            continue;
        specs << s->spec();
        owners << s;
    }
    const LaneMerger::Result lanes = LaneMerger::merge(specs);
    // Each lane's sample by its first file: a run folder holds thousands of lanes.
    QHash<QString, SampleUpload *> ownerOf;
    ownerOf.reserve(specs.size());
    for (int i = 0; i < specs.size(); ++i)
        ownerOf.insert(specs.at(i).file, owners.at(i));
    QList<Set> sets;
    for (const SampleSpec &merged : lanes.samples) {
        if (merged.moreLanes.isEmpty())
            continue;
        Set set;
        set.merged = merged;
        set.label = lanes.merged.value(sets.size()); // one label per merged set, in order
        for (const QString &lane : QStringList{merged.file} + merged.moreLanes)
            if (SampleUpload *owner = ownerOf.value(lane))
                set.members << owner;
        sets << set;
    }
    return sets;
}

bool QueueLanes::merge(const Set &set) {
    for (const SampleUpload *s : set.members)
        if (s->state() != SampleUpload::State::Queued)
            return false;
    if (set.members.isEmpty())
        return false;
    // The first lane's description as it is now (it may have been edited since find()).
    SampleSpec spec = set.members.first()->spec();
    spec.moreLanes = set.merged.moreLanes;
    spec.morePairedLanes = set.merged.morePairedLanes;
    spec.uploadName = set.merged.uploadName;
    spec.pairedUploadName = set.merged.pairedUploadName;
    return set.members.first()->setSpec(spec);
}

} // namespace SeqDrop
