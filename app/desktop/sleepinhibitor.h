#pragma once

#include <QObject>
#include <QString>

namespace SeqDrop {

// Keeps the computer from going to sleep while held; the screen may still turn off. Linux:
// logind's Inhibit("sleep", "SeqDrop", why, "block") over D-Bus, held as the file descriptor
// it returns and released by closing it (asked without blocking: the answer comes from the
// event loop). macOS: IOPMAssertionCreateWithName(PreventUserIdleSystemSleep). Windows:
// SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED). SEQDROP_LOGIND_BUS=session asks
// on the session bus instead of the system bus (the test's private bus).
class SleepInhibitor : public QObject {
    Q_OBJECT
public:
    explicit SleepInhibitor(QObject *parent = nullptr);
    ~SleepInhibitor() override;

    void acquire(const QString &why);
    void release();
    // Held, or asked for and the answer not in yet.
    bool isWanted() const { return m_wanted; }
    bool isHeld() const { return m_held; }
    // Why the last acquire() failed (no logind, refused), for diagnostics.
    const QString &lastError() const { return m_error; }

Q_SIGNALS:
    void heldChanged(bool held);

private:
    void setHeld(bool held);
    void drop();

    bool m_wanted = false;
    bool m_held = false;
    QString m_error;
    int m_fd = -1;            // Linux: logind's lock
    unsigned m_assertion = 0; // macOS: the power assertion
    quint64 m_request = 0;    // Linux: the answer that counts (a later acquire/release wins)
};

} // namespace SeqDrop
