#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QWaitCondition>

#include <functional>
#include <memory>

class QThread;

namespace SeqDrop {

class Journal;

// The journal's disk syncs, off the caller's thread. synchronous=FULL waits for the disk at
// every commit, from under a millisecond to tens of them on a busy or networked disk; on the
// window's thread that wait froze the window while eight uploads ran. Writes are queued and
// run in order, each its own transaction, on a thread of their own with its own connection to
// the journal (Journal::database()); whoever must not act before a write is on disk (a sample
// about to send a request) waits for it with whenWritten(), without blocking.
class JournalWriter : public QObject {
    Q_OBJECT
public:
    // A write runs on the writer's thread and calls the journal's methods itself; it returns
    // false (and says why) when it failed, which is logged.
    using Write = std::function<bool(QString *why)>;

    explicit JournalWriter(Journal *journal, QObject *parent = nullptr);
    // Writes everything queued, then stops the thread.
    ~JournalWriter() override;

    // Queues a write; returns its number (counting from 1).
    quint64 post(Write write);
    quint64 lastPosted() const;
    // Calls `then` on this object's thread once write `number` and all before it are done (at
    // once if they are), unless `context` is gone by then.
    void whenWritten(quint64 number, QObject *context, std::function<void()> then);
    // Blocks until every write queued so far is done: Save Diagnostics, shutdown, tests.
    void drain();

private:
    struct Waiter {
        quint64 number;
        QPointer<QObject> context;
        std::function<void()> then;
    };
    void run();
    void release(quint64 upTo);

    Journal *m_journal;
    QThread *m_thread = nullptr;
    mutable QMutex m_lock; // guards the queue and the counters below
    QWaitCondition m_queued;
    QWaitCondition m_done;
    QList<std::pair<quint64, Write>> m_queue;
    quint64 m_posted = 0;
    quint64 m_written = 0;
    bool m_stopping = false;
    QList<Waiter> m_waiters; // added and released on this object's thread, under m_lock
};

} // namespace SeqDrop
