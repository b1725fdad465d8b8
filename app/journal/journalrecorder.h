#pragma once

#include "journal/resumestore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace SeqDrop {

class ApiClient;
class Journal;
class SampleUpload;
class UploadQueue;

// Writes a queue's samples and their state transitions into the journal. Connected directly,
// so each transition is on disk before the engine goes on to act on it (the state changes
// before the request that follows it is sent). A new description is recorded too (batched,
// within SpecDelayMs, and before the sample's next transition), and a
// sample the user removes from the queue is removed from the journal. A multipart sample's
// resume point follows each stored part (ResumeStore).
class JournalRecorder : public QObject {
    Q_OBJECT
public:
    JournalRecorder(Journal *journal, UploadQueue *queue, const QString &origin,
                    const QString &apiUrl, QObject *parent = nullptr);
    ~JournalRecorder() override;

    // Descriptions are written at most this long after they change (state transitions at once).
    static constexpr int SpecDelayMs = 200;

    // Records a sample the queue already holds (samples added later are recorded by themselves).
    void track(SampleUpload *sample, qint64 existingEntry = 0);
    // Records samples the queue just took: new ones as new entries in one transaction,
    // restored ones under their own entries (SampleUpload::journalEntry()), none that wait.
    void trackNew(const QList<SampleUpload *> &samples);
    qint64 entryOf(const SampleUpload *sample) const { return m_entries.value(sample); }
    // The window changes servers (sign-in, sandbox): each sample records the server it is
    // initialised on, read from `api` at that moment.
    void followApiUrl(const ApiClient *api) { m_api = api; }

    // Writes the descriptions changed since the last write, in one transaction.
    void flushSpecs();

private:
    void record(SampleUpload *sample);
    void recordResumePoint(SampleUpload *sample);

    Journal *m_journal;
    ResumeStore m_resumes;
    const ApiClient *m_api = nullptr;
    QString m_origin;
    QString m_apiUrl;
    QHash<const SampleUpload *, qint64> m_entries;
    QSet<SampleUpload *> m_pendingSpecs;
    QTimer m_specTimer;
};

} // namespace SeqDrop
