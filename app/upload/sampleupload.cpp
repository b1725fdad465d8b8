#include "upload/sampleupload.h"

#include "net/apiclient.h"
#include "net/errormapper.h"
#include "net/orphansweep.h"
#include "net/storageuploadjob.h"
#include "net/urlpolicy.h"
#include "samples/localfile.h"
#include "util/logging.h"
#include "validation/pairstreamcheck.h"
#include "validation/streamvalidation.h"

#include <QFileInfo>
#include <QMetaEnum>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

bool saysAlreadyCancelled(const UploadError &e) {
    // A cancel repeated after its first answer was lost.
    return e.kind == Kind::BadRequest &&
           e.message.contains(QLatin1String("already cancelled"), Qt::CaseInsensitive);
}

bool saysAlreadyDone(const UploadError &e) {
    // One Codex answers 400 "Upload already successful" to a cancel (and the sandbox
    // "Upload already confirmed" to a second confirm) when the sample is in fact complete.
    return e.kind == Kind::BadRequest &&
           (e.message.contains(QLatin1String("already successful"), Qt::CaseInsensitive) ||
            e.message.contains(QLatin1String("already confirmed"), Qt::CaseInsensitive));
}

} // namespace

SampleUpload::SampleUpload(ApiClient *api, const SampleSpec &spec, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_spec(spec)
    , m_queuedFingerprint(spec.fingerprint()) {}

SampleUpload::~SampleUpload() {
    if (m_job)
        delete m_job;
}

QString SampleUpload::stateName(State state) {
    // The lower-case enum key: "confirmed", "failed", ... as --json and the journal spell it.
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state))).toLower();
}

qint64 SampleUpload::fileBytesSent(int index) const {
    // Files go one after the other, so m_doneBytes says which are complete.
    if (index == 0)
        return m_doneBytes >= m_sizes[0] ? m_sizes[0] : m_currentFileBytes;
    if (m_doneBytes >= m_sizes[0] + m_sizes[1])
        return m_sizes[1];
    return m_fileIndex == 1 ? m_currentFileBytes : 0;
}

std::optional<SampleUpload::State> SampleUpload::stateNamed(const QString &name) {
    const QMetaEnum states = QMetaEnum::fromType<State>();
    for (int i = 0; i < states.keyCount(); ++i)
        if (stateName(State(states.value(i))) == name)
            return State(states.value(i));
    return std::nullopt;
}

bool SampleUpload::isFinalState(State state) {
    return state == State::Confirmed || state == State::Failed || state == State::Cancelled;
}

bool SampleUpload::isFinished() const {
    return isFinalState(m_state);
}

bool SampleUpload::isRunning() const {
    return !isFinished() && m_state != State::Queued;
}

void SampleUpload::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SampleUpload::startJob(NetworkJob *job, const std::function<void()> &onFinished) {
    // Every step runs one job at a time: it is what cancel() aborts, and its retries are
    // counted and told.
    m_job = job;
    connect(job, &NetworkJob::finished, this, onFinished);
    connect(job, &NetworkJob::retrying, this,
            [this](int retry, int delayMs, const UploadError &reason) {
                ++m_retries;
                Q_EMIT notice(tr("%1 Retry %2 in %3 s.")
                                  .arg(reason.message)
                                  .arg(retry)
                                  .arg(delayMs / 1000.0, 0, 'f', 1));
            });
    job->start();
}

bool SampleUpload::checkFiles() {
    m_totalBytes = 0;
    for (int side = 0; side < (m_spec.isPair() ? 2 : 1); ++side) {
        m_sizes[side] = 0;
        for (const QString &file : side == 0 ? m_spec.readOneFiles() : m_spec.readTwoFiles()) {
            const QString problem = LocalFile::problem(file);
            if (!problem.isEmpty()) {
                finish(State::Failed, UploadError::make(Kind::LocalFile, problem));
                return false;
            }
            m_sizes[side] += QFileInfo(file).size();
        }
        m_totalBytes += m_sizes[side];
    }
    return true;
}

void SampleUpload::start() {
    if (!isStartable())
        return;
    m_elapsed.start();
    m_speed.reset();
    if (!checkFiles())
        return;
    if (m_spec.fingerprint() != m_queuedFingerprint) {
        // Still being written, or replaced: uploading it now could send a half file.
        finish(State::Failed,
               UploadError::make(Kind::LocalFile,
                                 tr("%1 changed since it was added to the queue (size or "
                                    "modification time). Check that it is complete, then "
                                    "remove it and add it again.")
                                     .arg(m_spec.displayName())));
        return;
    }
    initialise();
}

void SampleUpload::initialise() {
    setState(State::Initializing);
    m_doneBytes = m_currentFileBytes = 0;
    m_md5s.clear();
    m_initStarted = QDateTime::currentDateTimeUtc();
    ApiJob *job = m_api->initUpload(m_spec.initUploadBody(m_totalBytes));
    startJob(job, [this, job] { onInitFinished(job); });
}

void SampleUpload::onInitFinished(ApiJob *job) {
    job->deleteLater();
    m_job = nullptr;
    if (job->error().isError()) {
        finish(m_cancelRequested ? State::Cancelled : State::Failed, job->error());
        return;
    }
    QString parseError;
    const bool ok = UploadTicket::parse(job->rawBody(), &m_ticket, &parseError);
    m_sampleId = m_ticket.sampleId;
    if (!m_ticket.fallbackOptions.isUndefined() && !m_ticket.fallbackOptions.isNull())
        qCDebug(lcUpload) << "sample" << m_sampleId
                          << "fallback_options (not used):" << m_ticket.fallbackOptions;
    if (!ok) {
        const UploadError e = UploadError::make(Kind::BadResponse,
                                                tr("One Codex's answer to the upload "
                                                   "request was incomplete."),
                                                parseError);
        if (m_sampleId.isEmpty())
            finish(State::Failed, e);
        else
            failAndCancel(e);
        return;
    }
    if (m_spec.isPair() && !m_ticket.pairedEnd.isValid()) {
        failAndCancel(
            UploadError::make(Kind::BadResponse, tr("One Codex gave no upload address for the "
                                                    "second file of the pair.")));
        return;
    }
    if (m_cancelRequested) {
        cancelRemote([this](bool done, const UploadError &) {
            finish(done ? State::Confirmed : State::Cancelled,
                   UploadError::make(Kind::Cancelled, tr("Cancelled.")));
        });
        return;
    }
    if (job->timesSent() > 1) {
        sweepOrphans();
        return;
    }
    uploadFile(0);
}

void SampleUpload::sweepOrphans() {
    // Server clocks drift; ten minutes is far wider than any retry sequence.
    auto *sweep = new OrphanSweep(m_api, m_sampleId, m_spec.effectiveUploadName(), m_totalBytes,
                                  m_initStarted.addSecs(-600), this);
    connect(sweep, &OrphanSweep::finished, this, [this, sweep] {
        sweep->deleteLater();
        if (!sweep->cancelled().isEmpty())
            Q_EMIT notice(tr("Cancelled %n duplicate sample(s) left by a lost answer: %1", nullptr,
                             int(sweep->cancelled().size()))
                              .arg(sweep->cancelled().join(QStringLiteral(", "))));
        if (!sweep->problem().isEmpty())
            Q_EMIT notice(tr("Could not check for duplicate samples: %1").arg(sweep->problem()));
        if (m_cancelRequested)
            failAndCancel(UploadError::make(Kind::Cancelled, tr("Cancelled.")));
        else
            uploadFile(0);
    });
    sweep->start();
}

void SampleUpload::uploadFile(int index) {
    setState(State::Uploading);
    m_fileIndex = index;
    m_currentFileBytes = 0;
    const bool second = index == 1;
    StorageUploadJob *job = m_api->storageUpload(
        second ? m_ticket.pairedEnd : m_ticket.primary,
        second ? m_spec.readTwoFiles() : m_spec.readOneFiles(),
        second ? m_spec.effectivePairedUploadName() : m_spec.effectiveUploadName(), m_sizes[index]);
    if (m_spec.validateWhileUploading) {
        if (m_spec.isPair() && !second) // a new pass over R1 (first attempt, or fresh init)
            m_pairCheck = std::make_shared<PairStreamCheck>(m_spec.effectiveUploadName(),
                                                            m_spec.effectivePairedUploadName());
        job->setObserverFactory(StreamValidation(second ? m_spec.effectivePairedUploadName()
                                                        : m_spec.effectiveUploadName(),
                                                 m_spec.isPair() ? m_pairCheck : nullptr, index)
                                    .perAttempt());
    }
    connect(job, &StorageUploadJob::progress, this, [this](qint64 sent, qint64) {
        m_currentFileBytes = sent;
        m_speed.update(bytesSent(), m_totalBytes);
        Q_EMIT progressChanged();
    });
    startJob(job, [this, job] { onUploadFinished(job); });
}

void SampleUpload::onUploadFinished(StorageUploadJob *job) {
    job->deleteLater();
    m_job = nullptr;
    const UploadError e = job->error();
    if (!e.isError() && m_spec.fingerprint() != m_queuedFingerprint) {
        // The bytes that arrived match what was read (the ETag says so), but the file moved
        // under the upload: a retry re-read a replaced file, or a write landed mid-read.
        failAndCancel(UploadError::make(
            Kind::LocalFile,
            QStringLiteral("%1 changed while it was being uploaded (size or modification "
                           "time), so what arrived may not be the file you meant. The sample "
                           "was cancelled; check that the file is complete, then add it again.")
                .arg(m_spec.displayName())));
        return;
    }
    if (!e.isError()) {
        m_md5s.append(QString::fromLatin1(job->md5Hex()));
        m_doneBytes += m_sizes[m_fileIndex];
        m_currentFileBytes = 0;
        Q_EMIT progressChanged();
        if (m_spec.isPair() && m_fileIndex == 0)
            uploadFile(1);
        else
            confirm();
        return;
    }
    if (m_cancelRequested) {
        cancelRemote([this](bool done, const UploadError &) {
            finish(done ? State::Confirmed : State::Cancelled,
                   UploadError::make(Kind::Cancelled, tr("Cancelled.")));
        });
        return;
    }
    // An expired form, or a connection the storage host dropped once the form had expired
    // (S3 may reject early and close), needs a fresh init_upload; the old sample is cancelled.
    const bool expired =
        e.kind == Kind::PolicyExpired || (e.isRetryable() && job->target().hasExpired());
    if (expired && m_policyRefreshes < m_api->transferSettings().maxPolicyRefreshes) {
        ++m_policyRefreshes;
        Q_EMIT notice(tr("The upload permission for %1 expired; requesting a new one.")
                          .arg(m_spec.displayName()));
        cancelRemote([this, e](bool done, const UploadError &cancelError) {
            if (done)
                finish(State::Confirmed);
            else if (cancelError.isError())
                finish(State::Failed, cancelError);
            else
                initialise();
        });
        return;
    }
    failAndCancel(e);
}

void SampleUpload::confirm() {
    setState(State::Confirming);
    ApiJob *job = m_api->confirmUpload(m_sampleId);
    startJob(job, [this, job] { onConfirmFinished(job); });
}

void SampleUpload::onConfirmFinished(ApiJob *job) {
    job->deleteLater();
    m_job = nullptr;
    const UploadError e = job->error();
    if (!e.isError() || saysAlreadyDone(e)) {
        finish(State::Confirmed);
        return;
    }
    // Confirm failed (or its answer was lost): cancelling settles which it was, because a
    // confirmed sample answers "already successful".
    failAndCancel(e);
}

void SampleUpload::failAndCancel(const UploadError &e) {
    cancelRemote([this, e](bool done, const UploadError &cancelError) {
        if (done) {
            finish(State::Confirmed);
            return;
        }
        UploadError reported = e;
        if (cancelError.isError())
            reported.detail +=
                QStringLiteral("; the unfinished sample %1 could not be cancelled: %2")
                    .arg(m_sampleId, cancelError.toString());
        finish(m_cancelRequested ? State::Cancelled : State::Failed, reported);
    });
}

void SampleUpload::cancelRemote(const std::function<void(bool, const UploadError &)> &then) {
    setState(State::Cancelling);
    ApiJob *job = m_api->cancelUpload(m_sampleId);
    startJob(job, [this, job, then] {
        job->deleteLater();
        m_job = nullptr;
        const UploadError e = job->error();
        if (saysAlreadyDone(e)) {
            then(true, {});
            return;
        }
        const UploadError failed = saysAlreadyCancelled(e) ? UploadError() : e;
        // The key refused, the network gone: the sample stays on the server until a later
        // run cancels it (the journal keeps it as still cancelling).
        m_leftOnServer = failed.isError();
        then(false, failed);
    });
}

void SampleUpload::cancel() {
    if (isFinished() || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (m_state == State::Queued) {
        finish(State::Cancelled, UploadError::make(Kind::Cancelled, tr("Cancelled.")));
        return;
    }
    // An upload stops at once; an API call in flight is let finish so that a sample it may
    // create is known, and then cancelled.
    if (m_job && (m_state == State::Uploading || !m_job->isRequestInFlight()))
        m_job->abort();
}

bool SampleUpload::isEditable() const {
    return m_state == State::Queued || m_state == State::Failed || m_state == State::Cancelled;
}

bool SampleUpload::setSpec(const SampleSpec &spec) {
    if (!isEditable())
        return false;
    const bool sameFiles = spec.allFiles() == m_spec.allFiles();
    m_spec = spec;
    if (!sameFiles)
        m_queuedFingerprint = spec.fingerprint();
    Q_EMIT specChanged();
    return true;
}

bool SampleUpload::restore(const Restored &restored) {
    if (m_state != State::Queued)
        return false;
    m_sampleId = restored.sampleId;
    m_error = restored.state == State::Confirmed ? UploadError() : restored.error;
    m_queuedFingerprint = restored.queuedFingerprint;
    m_awaitingTidyUp = restored.awaitingTidyUp && restored.state == State::Queued;
    if (restored.state == State::Confirmed) {
        // Shown as done: its bytes count as sent.
        for (const QString &file : m_spec.readOneFiles())
            m_sizes[0] += QFileInfo(file).size();
        m_totalBytes = m_doneBytes = m_spec.sizeOnDisk();
        m_sizes[1] = m_totalBytes - m_sizes[0];
    }
    setState(restored.state);
    Q_EMIT progressChanged();
    return true;
}

void SampleUpload::setHold(const QString &reason) {
    if (m_hold == reason)
        return;
    m_hold = reason;
    Q_EMIT holdChanged();
}

bool SampleUpload::resetForRetry() {
    if (m_state != State::Failed && m_state != State::Cancelled)
        return false;
    m_state = State::Queued;
    m_error = {};
    m_sampleId.clear();
    m_ticket = {};
    m_cancelRequested = false;
    m_leftOnServer = false;
    m_policyRefreshes = 0;
    m_retries = 0;
    m_doneBytes = m_currentFileBytes = 0;
    Q_EMIT stateChanged(m_state);
    Q_EMIT progressChanged();
    return true;
}

void SampleUpload::finish(State state, const UploadError &e) {
    m_error = state == State::Confirmed ? UploadError() : e;
    if (state == State::Confirmed)
        m_doneBytes = m_totalBytes;
    m_currentFileBytes = 0;
    setState(state);
    Q_EMIT progressChanged();
    Q_EMIT finished();
}

} // namespace SeqDrop
