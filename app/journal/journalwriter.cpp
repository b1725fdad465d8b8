#include "journal/journalwriter.h"

#include "journal/journal.h"
#include "util/logging.h"

#include <QThread>

namespace SeqDrop {

JournalWriter::JournalWriter(Journal *journal, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_thread(QThread::create([this] { run(); })) {
    m_thread->setObjectName(QStringLiteral("journal-writer"));
    m_thread->start();
}

JournalWriter::~JournalWriter() {
    {
        QMutexLocker lock(&m_lock);
        m_stopping = true;
        m_queued.wakeAll();
    }
    m_thread->wait(); // it empties its queue first
    delete m_thread;
}

quint64 JournalWriter::post(Write write) {
    QMutexLocker lock(&m_lock);
    m_queue.append({++m_posted, std::move(write)});
    m_queued.wakeOne();
    return m_posted;
}

quint64 JournalWriter::lastPosted() const {
    QMutexLocker lock(&m_lock);
    return m_posted;
}

void JournalWriter::whenWritten(quint64 number, QObject *context, std::function<void()> then) {
    {
        QMutexLocker lock(&m_lock);
        if (number > m_written) {
            m_waiters.append({number, context, std::move(then)});
            return;
        }
    }
    then();
}

void JournalWriter::drain() {
    QMutexLocker lock(&m_lock);
    while (m_written < m_posted)
        m_done.wait(&m_lock);
}

void JournalWriter::run() {
    for (;;) {
        QList<std::pair<quint64, Write>> batch;
        {
            QMutexLocker lock(&m_lock);
            while (m_queue.isEmpty() && !m_stopping)
                m_queued.wait(&m_lock);
            if (m_queue.isEmpty())
                break;
            batch.swap(m_queue);
        }
        for (auto &[number, write] : batch) {
            QString why;
            if (!write(&why))
                qCWarning(lcUpload) << "journal:" << why;
            QMutexLocker lock(&m_lock);
            m_written = number;
            m_done.wakeAll();
        }
        const quint64 upTo = batch.last().first;
        QMetaObject::invokeMethod(
            this, [this, upTo] { release(upTo); }, Qt::QueuedConnection);
    }
    m_journal->closeThreadConnection();
}

void JournalWriter::release(quint64 upTo) {
    // Taken out first: a step may post the next write and wait for it.
    QList<Waiter> due;
    {
        QMutexLocker lock(&m_lock);
        for (qsizetype i = 0; i < m_waiters.size();) {
            if (m_waiters.at(i).number <= upTo)
                due.append(m_waiters.takeAt(i));
            else
                ++i;
        }
    }
    for (const Waiter &w : due)
        if (w.context)
            w.then();
}

} // namespace SeqDrop
