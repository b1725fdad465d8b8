#pragma once

#include "intake/intakeoptions.h"
#include "intake/sampleintake.h"
#include "upload/sampleupload.h"

#include <QFutureWatcher>
#include <QObject>

namespace SeqDrop {

class UploadQueue;

// SampleIntake for a front end with an event loop to keep answering (the window): a run folder
// of thousands of files is scanned, paired and grouped on a worker thread, then its samples go
// into the queue in batches of UploadQueue::BatchSize, one batch per turn of the event loop, so the
// window keeps repainting and answering the desktop while they go in. finished() once the last
// batch is in (or the plan had problems, and nothing went in).
class IntakeJob : public QObject {
    Q_OBJECT
public:
    IntakeJob(UploadQueue *queue, const QStringList &paths, const IntakeOptions &options,
              QObject *parent = nullptr);

    void start();
    const SampleIntake::Report &report() const { return m_report; }

Q_SIGNALS:
    // Samples just added (the batch), for a front end that shows them as they come.
    void batchAdded(const QList<SeqDrop::SampleUpload *> &samples);
    void finished();

private:
    void onPlanned();
    void addNextBatch();

    UploadQueue *m_queue;
    QStringList m_paths;
    IntakeOptions m_options;
    QFutureWatcher<SampleIntake::Plan> m_watcher;
    SampleIntake::Plan m_plan;
    qsizetype m_next = 0;
    SampleIntake::Report m_report;
};

} // namespace SeqDrop
