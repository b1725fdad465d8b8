#include "intake/intakejob.h"

#include "upload/uploadqueue.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace SeqDrop {

IntakeJob::IntakeJob(UploadQueue *queue, const QStringList &paths, const IntakeOptions &options,
                     QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_paths(paths)
    , m_options(options) {
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &IntakeJob::onPlanned);
}

void IntakeJob::start() {
    // The files the queue holds now, read here (the queue lives on this thread); what the
    // worker then reads is the disk.
    const QSet<QString> queued = SampleIntake::queuedPaths(m_queue);
    m_watcher.setFuture(QtConcurrent::run([paths = m_paths, options = m_options, queued] {
        return SampleIntake::planAgainst(paths, options, queued);
    }));
}

void IntakeJob::onPlanned() {
    m_plan = m_watcher.result();
    m_report.duplicates = m_plan.duplicates;
    m_report.skipped = m_plan.skipped;
    m_report.problems = m_plan.problems;
    m_report.sheet = m_plan.sheet;
    if (!m_report.problems.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    addNextBatch();
}

void IntakeJob::addNextBatch() {
    const QList<SampleSpec> batch = m_plan.samples.mid(m_next, UploadQueue::BatchSize);
    m_next += batch.size();
    if (!batch.isEmpty()) {
        const QList<SampleUpload *> added = m_queue->add(batch);
        m_report.added += added;
        Q_EMIT batchAdded(added);
    }
    if (m_next >= m_plan.samples.size()) {
        Q_EMIT finished();
        return;
    }
    // The next batch after whatever the event loop has waiting (input, paints, timers).
    QTimer::singleShot(0, this, &IntakeJob::addNextBatch);
}

} // namespace SeqDrop
