#include "journal/resumecleanup.h"

#include "journal/resumestore.h"
#include "net/apiclient.h"
#include "net/errormapper.h"
#include "net/orphansweep.h"
#include "upload/multipartabort.h"

namespace SeqDrop {

ResumeCleanup::ResumeCleanup(ApiClient *api, Journal *journal,
                             const QList<Journal::Entry> &unfinished, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_journal(journal)
    , m_pending(unfinished) {}

void ResumeCleanup::start() {
    next();
}

void ResumeCleanup::next() {
    if (m_pending.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    const Journal::Entry entry = m_pending.first();
    const MultipartResume resume = ResumeStore(m_journal).load(entry.id);
    if (!resume.isEmpty() && !m_aborted.contains(entry.id)) {
        abortUploads(entry, resume);
        return;
    }
    if (entry.sampleId.isEmpty()) {
        sweep(entry);
        return;
    }
    ApiJob *job = m_api->cancelUpload(entry.sampleId);
    connect(job, &NetworkJob::finished, this, [this, job, entry] {
        job->deleteLater();
        const UploadError &e = job->error();
        if (ErrorMapper::saysAlreadyDone(e)) {
            m_journal->update(entry.id, SampleUpload::State::Confirmed, entry.sampleId);
            m_confirmed.append(entry);
            m_pending.removeFirst();
            next();
            return;
        }
        // Offline, server down, or a key the server does not take now: ask again later.
        if (e.isRetryable() || e.kind == UploadError::Kind::Auth) {
            m_problems << QStringLiteral("%1: the interrupted sample %2 could not be checked: %3")
                              .arg(entry.spec.displayName(), entry.sampleId, e.toString());
            m_unsettled.append(entry);
            m_pending.removeFirst();
            next();
            return;
        }
        if (e.isError() && !ErrorMapper::saysAlreadyCancelled(e))
            m_problems << QStringLiteral("%1: the interrupted sample %2 could not be cancelled: %3")
                              .arg(entry.spec.displayName(), entry.sampleId, e.toString());
        // The answer of a later init_upload may have been lost too: sweep after cancelling.
        sweep(entry);
    });
    job->start();
}

void ResumeCleanup::abortUploads(const Journal::Entry &entry, const MultipartResume &resume) {
    // Parts on S3 first: once the sample is cancelled nothing would ever complete them.
    m_aborted.insert(entry.id);
    auto *abort = new MultipartAbort(m_api->s3Client(resume.ticket.credentials), resume, this);
    connect(abort, &MultipartAbort::finished, this, [this, abort, entry] {
        abort->deleteLater();
        for (const QString &problem : abort->problems())
            m_problems << QStringLiteral("%1: %2").arg(entry.spec.displayName(), problem);
        next();
    });
    abort->start();
}

void ResumeCleanup::sweep(const Journal::Entry &entry) {
    const SampleSpec &spec = entry.spec;
    auto *sweep = new OrphanSweep(m_api, entry.sampleId, spec.effectiveUploadName(),
                                  spec.sizeOnDisk(), entry.updatedAt.addSecs(-600), this);
    connect(sweep, &OrphanSweep::finished, this, [this, sweep, entry] {
        sweep->deleteLater();
        if (!sweep->problem().isEmpty())
            m_problems << QStringLiteral("%1: %2").arg(entry.spec.displayName(), sweep->problem());
        m_journal->update(entry.id, SampleUpload::State::Cancelled, entry.sampleId,
                          QStringLiteral("Interrupted; cleaned up when SeqDrop ran again."));
        ResumeStore(m_journal).save(entry.id, {}); // cancelled: nothing to resume
        m_pending.removeFirst();
        next();
    });
    sweep->start();
}

} // namespace SeqDrop
