#pragma once

#include "validation/validationreport.h"

#include <QObject>
#include <QString>

#include <QMutex>
#include <QWaitCondition>

#include <atomic>

class QRunnable;
class QThreadPool;

namespace SeqDrop {

// Validates one file, or one R1/R2 pair, on a worker thread so the GUI and the upload never
// wait for it. Results come back as queued signals in the thread that owns the job.
// Jobs share one pool of at most 2 threads (pool()): checking 200 files at once reads two at a
// time instead of thrashing the disk; the others wait their turn (progress() starts later).
// cancel() stops the worker at its next block (4 MiB) and finished() then carries a report
// with cancelled = true. Destroying a job takes it off the queue, or cancels it and waits
// for its worker (a few milliseconds), so no signal can reach a deleted object.
class ValidationJob : public QObject {
    Q_OBJECT
public:
    explicit ValidationJob(const QString &path, QObject *parent = nullptr);
    ValidationJob(const QString &r1Path, const QString &r2Path, QObject *parent = nullptr);
    ~ValidationJob() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isPair() const { return !m_r2.isEmpty(); }
    static QThreadPool *pool();
    // After finished(): the report, and for a pair each file's own report.
    ValidationReport report() const { return m_report; }
    ValidationReport r1Report() const { return m_r1Report; }
    ValidationReport r2Report() const { return m_r2Report; }

signals:
    void progress(qint64 done, qint64 total);
    void finished(const SeqDrop::ValidationReport &report);

private:
    void run();
    void deliver(const ValidationReport &report, const ValidationReport &r1,
                 const ValidationReport &r2);

    QString m_r1;
    QString m_r2;
    QRunnable *m_runnable = nullptr; // owned here (not auto-deleted by the pool)
    QMutex m_doneMutex;
    QWaitCondition m_doneCondition;
    bool m_workerDone = false;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_progressQueued{false};
    bool m_running = false;
    ValidationReport m_report;
    ValidationReport m_r1Report;
    ValidationReport m_r2Report;
};

} // namespace SeqDrop
