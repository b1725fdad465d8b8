#pragma once

#include <QObject>

#include <functional>

namespace SeqDrop {

// Whoever keeps a sample's transitions (the journal's recorder): a transition that leads to a
// request (init, upload, confirm) must be on disk before the request goes, so that a run
// killed right after it knows what may exist on the server. SampleUpload asks before each.
class RecordGate {
public:
    virtual ~RecordGate() = default;
    // Calls `step` (on the sample's thread) once every transition `sample` has made so far is
    // recorded; never if `sample` is gone by then.
    virtual void afterRecorded(QObject *sample, std::function<void()> step) = 0;
};

} // namespace SeqDrop
