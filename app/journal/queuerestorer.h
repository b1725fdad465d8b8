#pragma once

#include "journal/journal.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace SeqDrop {

class ApiClient;
class JournalRecorder;
class SampleUpload;
class UploadQueue;

// Gives the window back the queue it had when it last stopped, from the journal, with each
// sample's files, tags, project, metadata and upload names:
// - confirmed samples show as done with their sample ids, until the user removes them;
// - failed and cancelled ones come back as they were, queued ones wait again;
// - samples a crash or kill left half-way are held (queued, not started) until the session can
//   reach the server, then tidied up there (ResumeCleanup: cancelled, or found confirmed after
//   all) and queued again, so each is uploaded exactly once;
// - a file changed or missing since it was queued comes back flagged on its row and is never
//   uploaded: the user removes the row and adds the file again.
// From then on the queue is recorded (JournalRecorder), removals included. The window keeps
// to its own entries (origin "gui"): seqdrop-cli's runs are the CLI's to resume.
class QueueRestorer : public QObject {
    Q_OBJECT
public:
    QueueRestorer(UploadQueue *queue, ApiClient *api, QObject *parent = nullptr);

    static constexpr const char *Origin = "gui";

    // Opens the journal and puts its samples in the queue; returns how many.
    int restore(const QString &journalPath = Journal::defaultPath());
    // Settles the held samples on the server the session talks to now. Call once the session
    // can upload; runs again by itself when the network comes back. Does nothing when no
    // sample waits or a tidy-up runs already.
    void tidyUp();
    int heldCount() const { return int(m_held.size()); }
    Journal *journal() { return &m_journal; }

    // Why a sample's files may not be uploaded any more; empty when they are as queued.
    static QString changedFiles(const SampleSpec &spec, const QString &queuedFingerprint);

Q_SIGNALS:
    // Something the user should read (restored rows, a damaged journal, a failed tidy-up).
    void message(const QString &text);
    void tidiedUp();

private:
    void onCleanupFinished(const QList<Journal::Entry> &confirmed,
                           const QList<Journal::Entry> &unsettled, const QStringList &problems);
    void settle(qint64 entryId, const Journal::Entry *confirmed);
    // Records a held row under its entry from now on.
    void adopt(qint64 entryId, SampleUpload *row);

    UploadQueue *m_queue;
    ApiClient *m_api;
    Journal m_journal;
    JournalRecorder *m_recorder = nullptr;
    // Interrupted entries not settled yet, and their rows (gone if the user removed them).
    QHash<qint64, Journal::Entry> m_held;
    QHash<qint64, QPointer<SampleUpload>> m_heldRows;
    bool m_tidying = false;
};

} // namespace SeqDrop
