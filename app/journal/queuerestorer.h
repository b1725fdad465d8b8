#pragma once

#include "journal/crashresume.h"
#include "upload/sampleupload.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace SeqDrop {

class ApiClient;
class SampleUpload;
class UploadQueue;

// The window's front end of crash resume (CrashResume, origin "gui"): gives the window back the
// queue it had when it last stopped, with each sample's files, tags, project, metadata and
// upload names:
// - confirmed samples show as done with their sample ids, until the user removes them;
// - failed and cancelled ones come back as they were, queued ones wait again;
// - samples a crash or kill left half-way are held (queued, not started) until the session can
//   reach the server, then settled there (cancelled, or found confirmed after all) and queued
//   again, so each is uploaded exactly once;
// - a file changed or missing since it was queued comes back flagged on its row and is never
//   uploaded: the user removes the row and adds the file again.
// From then on the queue is recorded, removals included. seqdrop-cli's runs are the CLI's to
// resume.
class QueueRestorer : public QObject {
    Q_OBJECT
public:
    QueueRestorer(UploadQueue *queue, CrashResume *resume, QObject *parent = nullptr);

    // Opens the journal and puts its samples back in the queue, UploadQueue::BatchSize per
    // event-loop turn (restored() once all are in); returns how many there will be.
    int restore(const QString &journalPath = Journal::defaultPath());
    bool isRestoring() const { return m_restoring; }
    // Settles the held samples on the server the session talks to now. Call once the session
    // can upload; runs again by itself when the network comes back. Does nothing when no
    // sample waits or a tidy-up runs already.
    void tidyUp();
    int heldCount() const { return int(m_held.size()); }
    Journal *journal() { return m_resume->journal(); }

Q_SIGNALS:
    // Something the user should read (restored rows, a damaged journal, a failed tidy-up).
    void message(const QString &text);
    void tidiedUp();
    void restored();

private:
    SampleUpload::Restored decide(const Journal::Entry &entry);
    void restoreNextBatch();
    void onSettled(const CrashResume::Settled &result);
    void settle(qint64 entryId, const Journal::Entry *confirmed);
    // Records a held row under its entry from now on.
    void adopt(qint64 entryId, SampleUpload *row);

    UploadQueue *m_queue;
    CrashResume *m_resume;
    ApiClient *m_api;
    // Interrupted entries not settled yet, and their rows (gone if the user removed them).
    QHash<qint64, Journal::Entry> m_held;
    QHash<qint64, QPointer<SampleUpload>> m_heldRows;
    // While restoring: the entries, those with a resume point, the next to add.
    QList<Journal::Entry> m_entries;
    QSet<qint64> m_withResume;
    qsizetype m_next = 0;
    bool m_restoring = false;
};

} // namespace SeqDrop
