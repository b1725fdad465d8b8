#include "journal/crashresume.h"

#include "journal/journalrecorder.h"
#include "journal/resumecleanup.h"
#include "journal/resumestore.h"
#include "net/apiclient.h"
#include "samples/localfile.h"

#include <algorithm>

namespace SeqDrop {

const Journal::Entry *CrashResume::Settled::confirmed(qint64 entryId) const {
    for (const Journal::Entry &e : confirmedAfterAll)
        if (e.id == entryId)
            return &e;
    return nullptr;
}

bool CrashResume::Settled::isUnsettled(qint64 entryId) const {
    return std::any_of(unsettled.begin(), unsettled.end(),
                       [entryId](const Journal::Entry &e) { return e.id == entryId; });
}

CrashResume::CrashResume(ApiClient *api, UploadQueue *queue, const QString &origin, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_queue(queue)
    , m_origin(origin) {}

CrashResume::~CrashResume() {
    // Before the journal closes: the recorder writes the descriptions it still holds.
    delete m_recorder;
}

bool CrashResume::open(const QString &path) {
    return m_journal.open(path);
}

QList<Journal::Entry> CrashResume::entries() const {
    return m_journal.entries(m_origin);
}

CrashResume::RunPlan CrashResume::planRun(const QList<SampleSpec> &specs, bool force) const {
    const QString apiUrl = m_api->baseUrl().toString();
    // Entries for the same paths whose files have changed since: what they left on the server
    // (a sample awaiting data, parts on S3) can never be completed, so it is settled too.
    QHash<QString, QList<Journal::Entry>> byPaths;
    if (!specs.isEmpty())
        for (const Journal::Entry &e : entries())
            if (e.apiUrl == apiUrl)
                byPaths[e.spec.allFiles().join(QLatin1Char('\n'))].append(e);
    RunPlan plan;
    for (const SampleSpec &spec : specs) {
        const QString fingerprint = spec.fingerprint();
        for (const Journal::Entry &old : byPaths.value(spec.allFiles().join(QLatin1Char('\n')))) {
            if (old.fingerprint == fingerprint || (old.isFinal() && resumeOf(old).isEmpty()))
                continue;
            plan.unfinished.append(old);
            plan.notes << tr("%1 changed since an earlier run began uploading it: what that run "
                             "left on the server is discarded and the file is sent from the "
                             "start.")
                              .arg(spec.displayName());
        }
        const std::optional<Journal::Entry> entry = m_journal.latest(m_origin, apiUrl, fingerprint);
        if (entry && entry->state == SampleUpload::State::Confirmed && !force) {
            plan.confirmed.append(*entry);
            continue;
        }
        const MultipartResume resume = entry ? resumeOf(*entry) : MultipartResume();
        if (!resume.isEmpty())
            plan.resumable.insert(fingerprint, {*entry, resume});
        // Queued entries too: the run is sending these files now, so whatever the killed run
        // may have begun for them is settled first.
        else if (entry && !entry->isFinal())
            plan.unfinished.append(*entry);
        plan.toUpload.append(spec);
    }
    return plan;
}

JournalRecorder *CrashResume::recordQueue() {
    if (m_recorder)
        return m_recorder;
    m_recorder =
        new JournalRecorder(&m_journal, m_queue, m_origin, m_api->baseUrl().toString(), this);
    if (m_serverChanges)
        m_recorder->followApiUrl(m_api);
    return m_recorder;
}

MultipartResume CrashResume::resumeOf(const Journal::Entry &entry) const {
    // A failed entry keeps one only when a network failure stopped it (SampleUpload::
    // isResumable()); confirmed and cancelled ones never do.
    if (entry.state == SampleUpload::State::Confirmed ||
        entry.state == SampleUpload::State::Cancelled)
        return {};
    return ResumeStore(&m_journal).load(entry.id);
}

bool CrashResume::wasInterrupted(const Journal::Entry &entry) {
    return !entry.isFinal() && entry.state != SampleUpload::State::Queued;
}

QString CrashResume::changedFiles(const SampleSpec &spec, const QString &queuedFingerprint) {
    for (const QString &file : spec.allFiles())
        if (const QString problem = LocalFile::problem(file); !problem.isEmpty())
            return problem;
    if (spec.fingerprint() != queuedFingerprint)
        return tr("%1 changed since it was added to the queue (size or modification time), so "
                  "it is not uploaded. Check that it is complete, then remove this row and add "
                  "it again.")
            .arg(spec.displayName());
    return {};
}

void CrashResume::settle(const QList<Journal::Entry> &entries) {
    m_settling = true;
    auto *cleanup = new ResumeCleanup(m_api, &m_journal, entries, this);
    connect(cleanup, &ResumeCleanup::finished, this, [this, cleanup] {
        cleanup->deleteLater();
        m_settling = false;
        Q_EMIT settled({cleanup->confirmedAfterAll(), cleanup->unsettled(), cleanup->problems()});
    });
    cleanup->start();
}

} // namespace SeqDrop
