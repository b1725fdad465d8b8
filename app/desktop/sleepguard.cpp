#include "desktop/sleepguard.h"

#include "desktop/sleepinhibitor.h"
#include "upload/uploadqueue.h"

namespace SeqDrop {

SleepGuard::SleepGuard(UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_inhibitor(new SleepInhibitor(this)) {
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SleepGuard::check);
    connect(queue, &UploadQueue::sampleFinished, this, &SleepGuard::check);
    connect(queue, &UploadQueue::idle, this, &SleepGuard::check);
    m_tick.start();
}

void SleepGuard::setEnabled(bool on) {
    m_enabled = on;
    check();
}

void SleepGuard::check() {
    if (m_enabled && m_queue->runningCount() > 0)
        m_inhibitor->acquire(tr("Uploading sequencing samples to One Codex"));
    else
        m_inhibitor->release();
}

} // namespace SeqDrop
