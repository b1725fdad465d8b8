#pragma once

#include "journal/journalwriter.h"
#include "journal/resumestore.h"
#include "upload/recordgate.h"
#include "upload/sampleupload.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace SeqDrop {

class ApiClient;
class Journal;
class SampleUpload;
class UploadQueue;

// Writes a queue's samples and their state transitions into the journal. New samples are
// added at once (their entries' ids are needed); everything after goes through a
// JournalWriter, off the caller's thread, and each sample waits before a request until the
// transition that leads to it is on disk (it is this recorder's RecordGate). A sample's end
// (confirmed, failed, cancelled) leads to no request: it is written with the next transition that
// must be on disk, or within FlushDelayMs, so a sample ending and the next one starting cost one
// disk sync, not two. A journal that lost an end still says "confirming" or "uploading", which the
// next run settles by asking the server (ResumeCleanup). New descriptions are batched the same way
// (and written before the sample's next transition); a sample the user removes from the queue
// is removed from the journal. A multipart sample's resume point follows each stored part
// (ResumeStore).
class JournalRecorder : public QObject, public RecordGate {
    Q_OBJECT
public:
    JournalRecorder(Journal *journal, UploadQueue *queue, const QString &origin,
                    const QString &apiUrl, QObject *parent = nullptr);
    ~JournalRecorder() override;

    // Descriptions and ends are written at most this long after they change.
    static constexpr int FlushDelayMs = 200;

    // Records a sample the queue already holds (samples added later are recorded by themselves).
    void track(SampleUpload *sample, qint64 existingEntry = 0);
    // Records samples the queue just took: new ones as new entries in one transaction,
    // restored ones under their own entries (SampleUpload::journalEntry()), none that wait.
    void trackNew(const QList<SampleUpload *> &samples);
    qint64 entryOf(const SampleUpload *sample) const { return m_entries.value(sample); }
    // The window changes servers (sign-in, sandbox): each sample records the server it is
    // initialised on, read from `api` at that moment.
    void followApiUrl(const ApiClient *api) { m_api = api; }

    // Writes the descriptions and ends not yet written, in one transaction, and returns once
    // everything recorded so far is on disk.
    void flush();

    void afterRecorded(QObject *sample, std::function<void()> step) override;

private:
    // What a transaction writes, copied from the samples on their thread.
    struct Pending {
        struct Spec {
            qint64 id;
            SampleSpec spec;
            QString fingerprint;
        };
        struct State {
            qint64 id;
            SampleUpload::State state;
            QString sampleId;
            QString error;
            QString apiUrl;
        };
        QList<Spec> specs;
        QList<State> states;

        bool isEmpty() const { return specs.isEmpty() && states.isEmpty(); }
    };

    void record(SampleUpload *sample);
    // The state the journal keeps for the sample now (see record()).
    static SampleUpload::State recordedState(const SampleUpload *sample);
    // The descriptions and ends held, as values for the writer.
    Pending takePending();
    // Queues `pending` as one transaction.
    void write(Pending pending);
    // The sample's state as the journal keeps it, the server included when it initialises.
    Pending::State stateOf(const SampleUpload *sample, qint64 id) const;
    void writeHeld();
    void later();
    // Drops what is held for the sample; returns its entry (0 if none).
    qint64 forget(SampleUpload *sample);
    void recordResumePoint(SampleUpload *sample);
    void recordServerStatus(SampleUpload *sample);

    Journal *m_journal;
    ResumeStore m_resumes;
    const ApiClient *m_api = nullptr;
    QString m_origin;
    QString m_apiUrl;
    QHash<const SampleUpload *, qint64> m_entries;
    QSet<SampleUpload *> m_pendingSpecs;
    QSet<SampleUpload *> m_pendingEnds;
    QTimer m_flushTimer;
    JournalWriter m_writer; // last: stopped first, while what its writes use is still there
};

} // namespace SeqDrop
