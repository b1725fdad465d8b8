#include "journal/queuerestorer.h"

#include "journal/journalrecorder.h"
#include "journal/resumestore.h"
#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "net/urlpolicy.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QTimer>

namespace SeqDrop {

using State = SampleUpload::State;
using Kind = UploadError::Kind;

namespace {

// The journal keeps an error as UploadError::toString(), "message [detail]", not its kind: a
// restored failure is only shown and retried, so the kind does not matter any more.
UploadError storedError(const QString &text, Kind kind) {
    const int bracket = text.indexOf(QLatin1String(" ["));
    if (bracket > 0 && text.endsWith(QLatin1Char(']')))
        return UploadError::make(kind, text.left(bracket),
                                 text.mid(bracket + 2, text.size() - bracket - 3));
    return UploadError::make(kind, text);
}

} // namespace

QueueRestorer::QueueRestorer(UploadQueue *queue, CrashResume *resume, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_resume(resume)
    , m_api(resume->api()) {
    connect(m_resume, &CrashResume::settled, this, &QueueRestorer::onSettled);
}

int QueueRestorer::restore(const QString &journalPath) {
    Journal *journal = m_resume->journal();
    if (!m_resume->open(journalPath))
        Q_EMIT message(tr("The upload journal (%1) cannot be used: %2. The queue will not be "
                          "restored after a restart.")
                           .arg(journal->path(), journal->lastError()));
    if (!journal->notice().isEmpty())
        Q_EMIT message(journal->notice());

    // Recorded from now on: restored rows under their own entries, held rows once settled,
    // and anything added meanwhile (a drop) as new.
    m_resume->recordQueue();
    if (NetworkWatcher *watcher = m_api->networkWatcher())
        connect(watcher, &NetworkWatcher::networkChanged, this, [this](bool up) {
            if (up && m_api->hasApiKey())
                tidyUp();
        });
    // Decided and added a batch per event-loop turn: a journal of a run folder holds thousands
    // of entries, and the window keeps answering while they come back.
    m_entries = m_resume->entries();
    m_withResume = ResumeStore(journal).entriesWithResume();
    m_next = 0;
    m_restoring = true;
    QTimer::singleShot(0, this, &QueueRestorer::restoreNextBatch);
    return int(m_entries.size());
}

SampleUpload::Restored QueueRestorer::decide(const Journal::Entry &entry) {
    SampleUpload::Restored r;
    r.state = entry.state;
    r.sampleId = entry.sampleId;
    r.queuedFingerprint = entry.fingerprint;
    r.journalEntry = entry.id;
    r.serverStatus = entry.serverStatus;
    r.serverError = entry.serverError;
    // Never asked yet: the confirmation was the entry's last change.
    r.confirmedAt = entry.confirmedAt.isValid() ? entry.confirmedAt : entry.updatedAt;
    if (r.state == State::Failed)
        r.error = storedError(entry.error, Kind::ServerError);
    else if (r.state == State::Cancelled)
        r.error =
            storedError(entry.error.isEmpty() ? tr("Cancelled.") : entry.error, Kind::Cancelled);
    // A multipart sample (interrupted, or failed on a network loss) goes on from its last
    // stored part; its route checks the files (a changed one is aborted on S3 and its sample
    // cancelled, with the reason).
    if (m_withResume.contains(entry.id))
        r.resume = m_resume->resumeOf(entry);
    if (!r.resume.isEmpty()) {
        r.state = State::Queued;
        r.error = {};
    }
    const bool interrupted = r.resume.isEmpty() && CrashResume::wasInterrupted(entry);
    const QString changed = r.state == State::Queued && r.resume.isEmpty()
                                ? CrashResume::changedFiles(entry.spec, entry.fingerprint)
                                : QString();
    if (interrupted) {
        // Queued but held: started only once the sample it left on the server is settled, and
        // not recorded until then: the journal keeps saying what is left to tidy up, whatever
        // happens to the row meanwhile (and however often SeqDrop restarts).
        r.state = State::Queued;
        r.awaitingTidyUp = true;
        r.recordLater = true;
    } else if (!changed.isEmpty()) {
        r.state = State::Failed;
        r.error = UploadError::make(Kind::LocalFile, changed);
        m_resume->journal()->update(entry.id, State::Failed, entry.sampleId, r.error.toString());
    }
    return r;
}

void QueueRestorer::restoreNextBatch() {
    QList<UploadQueue::RestoredSample> batch;
    const QList<Journal::Entry> entries = m_entries.mid(m_next, UploadQueue::BatchSize);
    m_next += entries.size();
    // One transaction for what the batch's decisions write (a drive that is not plugged in
    // marks every row of a run folder failed: one disk sync, not one per row).
    m_resume->journal()->beginBatch();
    for (const Journal::Entry &entry : entries)
        batch.append({entry.spec, decide(entry)});
    m_resume->journal()->endBatch();
    const QList<SampleUpload *> samples = m_queue->addRestored(batch);
    for (int i = 0; i < samples.size(); ++i) {
        if (!batch.at(i).restored.recordLater)
            continue;
        m_held.insert(entries.at(i).id, entries.at(i));
        m_heldRows.insert(entries.at(i).id, samples.at(i));
    }
    if (m_next < m_entries.size()) {
        QTimer::singleShot(0, this, &QueueRestorer::restoreNextBatch);
        return;
    }
    m_restoring = false;
    const int count = int(m_entries.size());
    m_entries.clear();
    m_withResume.clear();
    if (count > 0) {
        QString text =
            tr("%n sample(s) from the last session are back in the list.", nullptr, count);
        if (!m_held.isEmpty())
            text += QLatin1Char(' ') +
                    tr("%n of them were interrupted and wait until SeqDrop has tidied them up "
                       "on the server (once you are signed in).",
                       nullptr, int(m_held.size()));
        Q_EMIT message(text);
    }
    Q_EMIT restored();
    tidyUp(); // signed in meanwhile: the held samples are settled now
}

void QueueRestorer::adopt(qint64 entryId, SampleUpload *row) {
    m_resume->journal()->updateSpec(entryId, row->spec(), row->queuedFingerprint());
    m_resume->recorder()->track(row, entryId);
}

void QueueRestorer::tidyUp() {
    if (m_restoring || m_resume->isSettling() || m_held.isEmpty() || !m_api->hasApiKey())
        return;
    const QString server = m_api->baseUrl().toString();
    QList<Journal::Entry> here;
    const QList<qint64> ids = m_held.keys();
    for (qint64 id : ids) {
        const Journal::Entry entry = m_held.value(id);
        if (entry.apiUrl == server || entry.apiUrl.isEmpty()) {
            here.append(entry);
            continue;
        }
        // A sample left on One Codex waits while the session only tries the sandbox.
        if (!UrlPolicy::isLoopback(QUrl(entry.apiUrl)) && UrlPolicy::isLoopback(m_api->baseUrl()))
            continue;
        // Another server (usually a sandbox that is gone): nothing can be asked there now.
        if (SampleUpload *row = m_heldRows.value(id)) {
            adopt(id, row);
            row->restore(
                {State::Failed,
                 entry.sampleId,
                 UploadError::make(Kind::Network,
                                   tr("Interrupted while uploading to %1; SeqDrop now works with "
                                      "%2 and could not tidy up there. Retry (Ctrl+R) uploads the "
                                      "sample again here.")
                                       .arg(entry.apiUrl, server)),
                 entry.fingerprint,
                 false,
                 {},
                 0,
                 false,
                 {},
                 {},
                 {}});
        } else {
            m_resume->journal()->remove(id);
        }
        m_held.remove(id);
        m_heldRows.remove(id);
    }
    if (here.isEmpty())
        return;
    m_resume->settle(here);
}

void QueueRestorer::onSettled(const CrashResume::Settled &result) {
    const QList<qint64> ids = m_held.keys();
    for (qint64 id : ids)
        if (!result.isUnsettled(id))
            settle(id, result.confirmed(id));
    if (!result.problems.isEmpty())
        Q_EMIT message(tr("Tidying up after the interruption: %1")
                           .arg(result.problems.join(QLatin1Char(' '))));
    Q_EMIT tidiedUp();
}

void QueueRestorer::settle(qint64 entryId, const Journal::Entry *confirmed) {
    const Journal::Entry entry = m_held.take(entryId);
    const QPointer<SampleUpload> row = m_heldRows.take(entryId);
    if (!row) {
        m_resume->journal()->remove(entryId); // removed meanwhile: the server side is settled now
        return;
    }
    adopt(entryId, row);
    if (row->state() != State::Queued) {
        // Cancelled meanwhile: recorded as such; a retry later may start it.
        row->setAwaitingTidyUp(false);
        m_resume->journal()->update(entryId, row->state(), QString(), row->error().toString());
        return;
    }
    if (confirmed) {
        // Its confirmation had gone through: not sent again.
        row->restore({State::Confirmed,
                      confirmed->sampleId,
                      {},
                      entry.fingerprint,
                      false,
                      {},
                      0,
                      false,
                      {},
                      {},
                      confirmed->updatedAt});
        return;
    }
    const QString changed = CrashResume::changedFiles(entry.spec, entry.fingerprint);
    if (!changed.isEmpty()) {
        row->restore({State::Failed,
                      QString(),
                      UploadError::make(Kind::LocalFile, changed),
                      entry.fingerprint,
                      false,
                      {},
                      0,
                      false,
                      {},
                      {},
                      {}});
        return;
    }
    m_resume->journal()->update(entryId, State::Queued, QString());
    m_queue->release(row);
}

} // namespace SeqDrop
