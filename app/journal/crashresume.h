#pragma once

#include "journal/journal.h"
#include "upload/multipartresume.h"

#include <QHash>

#include <QObject>

namespace SeqDrop {

class ApiClient;
class JournalRecorder;
class UploadQueue;

// Crash resume for one front end (its origin: "gui" or "cli"): the journal its queue is
// recorded in, and what a killed or crashed run of it left there. A sample under way when the
// run died may wait half-done on the server, or be confirmed there with the answer lost;
// settling asks the server (ResumeCleanup) so that each ends cancelled or confirmed and is
// uploaded exactly once. Each front end keeps to its own entries and has a thin front end here:
// QueueRestorer gives the window its whole queue back, `seqdrop-cli upload` reports what an
// earlier run confirmed and settles what a killed run left before it uploads (planRun()).
class CrashResume : public QObject {
    Q_OBJECT
public:
    // What settle() found out.
    struct Settled {
        // Their confirmation had gone through after all: report them, do not send them again.
        QList<Journal::Entry> confirmedAfterAll;
        // The server could not be asked (offline, server down, a key refused now): left as they
        // are in the journal, to settle later; sending them now could duplicate a sample.
        QList<Journal::Entry> unsettled;
        QStringList problems; // one sentence each, for the user

        const Journal::Entry *confirmed(qint64 entryId) const;
        bool isUnsettled(qint64 entryId) const;
    };

    // A run's files against the journal (seqdrop-cli): the newest entry of each, at this server.
    struct RunPlan {
        QList<Journal::Entry> confirmed; // an earlier run confirmed them: not sent again
        // Not final (or holding a resume point for files changed since): settled before
        // anything is sent.
        QList<Journal::Entry> unfinished;
        QList<SampleSpec> toUpload; // in the order given
        // Multipart samples a killed run left half sent, by fingerprint: they go on from their
        // last stored part under their entry (not settled, which would cancel them).
        struct Resumable {
            Journal::Entry entry;
            MultipartResume resume;
        };
        QHash<QString, Resumable> resumable;
        QStringList notes; // one sentence each, for the user (a file changed since)
    };

    CrashResume(ApiClient *api, UploadQueue *queue, const QString &origin,
                QObject *parent = nullptr);
    ~CrashResume() override;

    const QString &origin() const { return m_origin; }
    ApiClient *api() const { return m_api; }
    Journal *journal() { return &m_journal; }
    const Journal *journal() const { return &m_journal; }
    // False when the journal cannot be used (journal()->lastError() says why); a damaged one
    // is set aside first and a fresh one started (journal()->notice()).
    bool open(const QString &path = Journal::defaultPath());

    // This origin's samples as its last run left them, in the order they were added.
    QList<Journal::Entry> entries() const;
    // With `force` confirmed files are sent again; their unfinished entries are settled all
    // the same.
    RunPlan planRun(const QList<SampleSpec> &specs, bool force) const;

    // The front end changes servers while it runs (the window's sign-in, sandbox): each sample
    // then records the server it is initialised on, not the one in use when recording began.
    void setServerChanges(bool changes) { m_serverChanges = changes; }
    // The queue is recorded under this origin from now on (built once; samples the queue holds
    // already are tracked by the caller with their entries).
    JournalRecorder *recordQueue();
    JournalRecorder *recorder() const { return m_recorder; }

    // Whether an entry's sample had started (it may exist on the server) and did not finish.
    static bool wasInterrupted(const Journal::Entry &entry);
    // Where an unfinished or resumable (failed on a network loss) multipart entry stands;
    // empty for any other entry.
    MultipartResume resumeOf(const Journal::Entry &entry) const;
    // Why a sample's files may not be uploaded any more; empty when they are as queued.
    static QString changedFiles(const SampleSpec &spec, const QString &queuedFingerprint);

    // Settles `entries` with the server the client talks to now, one after the other; emits
    // settled() once done. One settling at a time: check isSettling() first.
    void settle(const QList<Journal::Entry> &entries);
    bool isSettling() const { return m_settling; }

Q_SIGNALS:
    void settled(const SeqDrop::CrashResume::Settled &result);

private:
    ApiClient *m_api;
    UploadQueue *m_queue;
    QString m_origin;
    Journal m_journal;
    JournalRecorder *m_recorder = nullptr;
    bool m_serverChanges = false;
    bool m_settling = false;
};

} // namespace SeqDrop
