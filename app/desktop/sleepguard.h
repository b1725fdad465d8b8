#pragma once

#include <QObject>
#include <QTimer>

namespace SeqDrop {

class SleepInhibitor;
class UploadQueue;

// Keeps the computer awake while any upload of the queue runs (SleepInhibitor) and lets it
// sleep again once the queue is idle or paused: an overnight run on a laptop must not stop at
// the first idle timeout. Looked at once a second and whenever a sample ends; a setting turns
// it off.
class SleepGuard : public QObject {
    Q_OBJECT
public:
    explicit SleepGuard(UploadQueue *queue, QObject *parent = nullptr);

    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    SleepInhibitor *inhibitor() const { return m_inhibitor; }

private:
    void check();

    UploadQueue *m_queue;
    SleepInhibitor *m_inhibitor;
    QTimer m_tick;
    bool m_enabled = true;
};

} // namespace SeqDrop
