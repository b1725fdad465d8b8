#include "validation/validationjob.h"

#include "validation/pairvalidator.h"
#include "validation/sequencevalidator.h"

#include <QRunnable>
#include <QThread>
#include <QThreadPool>

namespace SeqDrop {

ValidationJob::ValidationJob(const QString &path, QObject *parent)
    : QObject(parent)
    , m_r1(path) {
    qRegisterMetaType<SeqDrop::ValidationReport>();
}

ValidationJob::ValidationJob(const QString &r1Path, const QString &r2Path, QObject *parent)
    : QObject(parent)
    , m_r1(r1Path)
    , m_r2(r2Path) {
    qRegisterMetaType<SeqDrop::ValidationReport>();
}

ValidationJob::~ValidationJob() {
    m_cancel = true;
    if (m_runnable) {
        if (!pool()->tryTake(m_runnable)) { // already running (or done): wait for the worker
            QMutexLocker lock(&m_doneMutex);
            while (!m_workerDone)
                m_doneCondition.wait(&m_doneMutex);
        }
        delete m_runnable;
    }
    // Signals the worker queued but that were not delivered die with this object (Qt drops
    // the posted events of a deleted receiver).
}

QThreadPool *ValidationJob::pool() {
    static QThreadPool *p = [] {
        auto *tp = new QThreadPool; // never deleted: jobs may outlive static destruction order
        tp->setMaxThreadCount(qBound(1, QThread::idealThreadCount(), 2));
        return tp;
    }();
    return p;
}

void ValidationJob::start() {
    if (m_running || m_runnable)
        return; // one run per job
    m_running = true;
    m_runnable = QRunnable::create([this] {
        run();
        QMutexLocker lock(&m_doneMutex);
        m_workerDone = true;
        m_doneCondition.wakeAll();
    });
    m_runnable->setAutoDelete(false);
    pool()->start(m_runnable);
}

void ValidationJob::cancel() {
    m_cancel = true;
}

void ValidationJob::run() {
    // Progress is posted at most once at a time: a slow receiver sees fewer, fresher updates
    // instead of a backlog of thousands of events.
    auto onProgress = [this](qint64 done, qint64 total) {
        if (m_progressQueued.exchange(true))
            return;
        QMetaObject::invokeMethod(
            this,
            [this, done, total] {
                m_progressQueued = false;
                emit progress(done, total);
            },
            Qt::QueuedConnection);
    };
    ValidationReport report, r1, r2;
    if (m_r2.isEmpty()) {
        report = SequenceValidator::validateFile(m_r1, &m_cancel, onProgress);
    } else {
        report = PairValidator::validatePair(m_r1, m_r2, &m_cancel, onProgress, &r1, &r2);
    }
    QMetaObject::invokeMethod(
        this, [this, report, r1, r2] { deliver(report, r1, r2); }, Qt::QueuedConnection);
}

void ValidationJob::deliver(const ValidationReport &report, const ValidationReport &r1,
                            const ValidationReport &r2) {
    m_running = false;
    m_report = report;
    m_r1Report = r1;
    m_r2Report = r2;
    emit finished(report);
}

} // namespace SeqDrop
