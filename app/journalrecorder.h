#pragma once

#include <QHash>
#include <QObject>

namespace SeqDrop {

class Journal;
class SampleUpload;
class UploadQueue;

// Writes a queue's samples and their state transitions into the journal. Connected directly,
// so each transition is on disk before the engine goes on to act on it (the state changes
// before the request that follows it is sent).
class JournalRecorder : public QObject {
    Q_OBJECT
public:
    JournalRecorder(Journal *journal, UploadQueue *queue, const QString &origin,
                    const QString &apiUrl, QObject *parent = nullptr);

    // Records a sample the queue already holds (samples added later are recorded by themselves).
    void track(SampleUpload *sample, qint64 existingEntry = 0);
    qint64 entryOf(const SampleUpload *sample) const { return m_entries.value(sample); }

private:
    void record(SampleUpload *sample);

    Journal *m_journal;
    QString m_origin;
    QString m_apiUrl;
    QHash<const SampleUpload *, qint64> m_entries;
};

} // namespace SeqDrop
