#include "upload/sampleupload.h"

#include "net/apiclient.h"
#include "net/errormapper.h"
#include "net/orphansweep.h"
#include "net/transfersettings.h"
#include "samples/localfile.h"
#include "upload/multipartroute.h"
#include "upload/recordgate.h"
#include "util/logging.h"

#include <QFileInfo>
#include <QMetaEnum>

namespace SeqDrop {

using Kind = UploadError::Kind;

SampleUpload::SampleUpload(ApiClient *api, const SampleSpec &spec, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_spec(spec)
    , m_queuedFingerprint(spec.fingerprint()) {}

SampleUpload::~SampleUpload() {
    if (m_job)
        delete m_job;
    // A route dies with its owner without finishing: a multipart upload stays open on S3, and
    // the journal's resume point goes on from it.
    delete m_route;
    delete m_created;
}

QString SampleUpload::stateName(State state) {
    // The lower-case enum key: "confirmed", "failed", ... as --json and the journal spell it.
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state))).toLower();
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

void SampleUpload::startJob(ApiJob *job, const std::function<void(ApiJob *)> &then) {
    m_job = job;
    connect(job, &NetworkJob::finished, this, [this, job, then] {
        endStep();
        then(job);
    });
    connect(job, &NetworkJob::retrying, this, &SampleUpload::noteRetry);
    job->start();
}

void SampleUpload::afterRecorded(std::function<void()> step) {
    if (!m_gate) {
        step();
        return;
    }
    const State state = m_state;
    const int wait = ++m_recordWaits;
    m_awaitingRecord = true;
    m_gate->afterRecorded(this, [this, state, wait, step = std::move(step)] {
        if (wait == m_recordWaits) // no later step waits
            m_awaitingRecord = false;
        if (m_state == state)
            step();
    });
}

void SampleUpload::endStep() {
    // The step that finished goes once its signal has returned; cancel() has nothing to stop
    // until the next one starts.
    if (m_job)
        m_job->deleteLater();
    if (m_route)
        m_route->deleteLater();
    m_job = nullptr;
    m_route = nullptr;
}

void SampleUpload::noteRetry(int retry, int delayMs, const UploadError &reason) {
    ++m_retries;
    Q_EMIT notice(
        tr("%1 Retry %2 in %3 s.").arg(reason.message).arg(retry).arg(delayMs / 1000.0, 0, 'f', 1));
}

bool SampleUpload::checkFiles() {
    m_totalBytes = 0;
    m_sizes = {0, 0};
    for (int side = 0; side < (m_spec.isPair() ? 2 : 1); ++side) {
        for (const QString &file : side == 0 ? m_spec.readOneFiles() : m_spec.readTwoFiles()) {
            const QString problem = LocalFile::problem(file);
            if (!problem.isEmpty()) {
                // Parts already on S3 stay there, and the sample on One Codex: a file on a
                // drive that was unplugged comes back, and Retry goes on where it stopped.
                // Removing the row (or cancelling it) discards them.
                const bool keep = !m_resume.isEmpty();
                finish(State::Failed,
                       UploadError::make(
                           Kind::LocalFile,
                           keep ? tr("%1 The parts already sent are kept: put the file back and "
                                     "press Retry, or remove the row to discard them.")
                                      .arg(problem)
                                : problem),
                       keep);
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
    if (!m_resume.isEmpty()) {
        // The route compares the files with the parts it stored (a changed file is aborted on
        // S3 and its sample cancelled, with the reason).
        setState(State::Uploading);
        m_routeKind = RouteFactory::Kind::Multipart;
        m_routeReason = tr("resuming the upload an earlier run left unfinished");
        startRoute(
            RouteFactory::resume(m_api, m_resume, payload(), m_api->transferSettings(), this));
        return;
    }
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

void SampleUpload::initialise(std::optional<RouteFactory::Kind> forced, const QString &why) {
    setState(State::Initializing);
    m_sent = {};
    m_initStarted = QDateTime::currentDateTimeUtc();
    // The route is chosen before the init call: each route has its own.
    const TransferSettings &settings = m_api->transferSettings();
    m_routeKind = forced.value_or(RouteFactory::choose(settings, payload()));
    m_routeReason = forced ? why : RouteFactory::reason(settings, payload());
    afterRecorded([this] {
        if (m_cancelRequested) { // while the journal was written: nothing exists yet
            finish(State::Cancelled, UploadError::make(Kind::Cancelled, tr("Cancelled.")));
            return;
        }
        startJob(RouteFactory::initUpload(m_routeKind, m_api, payload()),
                 [this](ApiJob *job) { onInitFinished(job); });
    });
}

void SampleUpload::onInitFinished(ApiJob *job) {
    if (job->error().isError()) {
        finish(m_cancelRequested ? State::Cancelled : State::Failed, job->error());
        return;
    }
    const RouteFactory::Created created = RouteFactory::create(
        m_routeKind, m_api, job->rawBody(), payload(), m_api->transferSettings(), this);
    m_sampleId = created.sampleId;
    if (created.error.isError()) {
        if (m_sampleId.isEmpty())
            finish(State::Failed, created.error);
        else
            failAndCancel(created.error);
        return;
    }
    m_created = created.route;
    setResumePoint(m_created->resumePoint());
    if (m_cancelRequested) {
        cancelOnRequest();
        return;
    }
    if (job->timesSent() > 1) {
        sweepOrphans();
        return;
    }
    startRoute(m_created);
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
            cancelOnRequest();
        else
            startRoute(m_created);
    });
    sweep->start();
}

void SampleUpload::startRoute(UploadRoute *route) {
    setState(State::Uploading);
    m_created = nullptr;
    m_route = route;
    m_routeName = route->name();
    qCInfo(lcUpload) << "sample" << m_sampleId << "goes by the" << m_routeName
                     << "route:" << m_routeReason;
    auto *multipart = qobject_cast<MultipartRoute *>(route);
    const auto updateParts = [this, multipart] {
        if (!multipart)
            return;
        m_partsStored = multipart->partsStored();
        m_partsTotal = multipart->partsTotal();
    };
    updateParts();
    m_checking = false;
    connect(route, &UploadRoute::checking, this, [this] {
        m_checking = true;
        Q_EMIT progressChanged();
    });
    connect(route, &UploadRoute::progress, this, [this, route, updateParts] {
        m_sent = route->sent();
        updateParts();
        m_speed.update(bytesSent(), m_totalBytes);
        Q_EMIT progressChanged();
    });
    connect(route, &UploadRoute::fileSent, this, [this, route] {
        m_sent = route->sent();
        Q_EMIT progressChanged();
    });
    connect(route, &UploadRoute::resumePointChanged, this, [this, route, updateParts] {
        updateParts();
        setResumePoint(route->resumePoint());
    });
    connect(route, &UploadRoute::retrying, this, &SampleUpload::noteRetry);
    connect(route, &UploadRoute::finished, this, &SampleUpload::onRouteFinished);
    afterRecorded([this, route] {
        if (!m_cancelRequested) // else cancel() aborted it: it ends without starting
            route->start();
    });
}

void SampleUpload::setResumePoint(const UploadRoute::ResumePoint &resume) {
    m_resume = resume;
    Q_EMIT resumePointChanged();
}

int SampleUpload::resumedPercent() const {
    return m_resumedPercent;
}

void SampleUpload::onRouteFinished(const UploadRoute::Result &result) {
    ApiJob *confirmJob = result.error.isError() ? nullptr : m_route->confirmJob(m_api, m_sampleId);
    const bool storageConfirms = !result.error.isError() && !confirmJob;
    m_checking = false;
    endStep();
    const UploadError &e = result.error;
    if (!e.isError()) {
        if (storageConfirms)
            finish(State::Confirmed);
        else
            confirm(confirmJob);
        return;
    }
    if (m_cancelRequested) {
        cancelOnRequest();
        return;
    }
    if (result.resumable && !m_resume.isEmpty()) {
        keepResumable(e);
        return;
    }
    // The old sample is cancelled; the files go again as a new one.
    if (result.needsFreshInit && m_policyRefreshes < m_api->transferSettings().maxPolicyRefreshes) {
        ++m_policyRefreshes;
        Q_EMIT notice(tr("The upload permission for %1 expired; requesting a new one.")
                          .arg(m_spec.displayName()));
        cancelRemote([this](bool done, const UploadError &cancelError) {
            if (done)
                finish(State::Confirmed);
            else if (cancelError.isError())
                finish(State::Failed, cancelError);
            else
                initialise();
        });
        return;
    }
    if (shouldFallBack(result)) {
        fallBackToMultipart(result);
        return;
    }
    failAndCancel(e);
}

void SampleUpload::keepResumable(const UploadError &e) {
    // Nothing is cancelled or aborted (neither would get through now): the sample waits on
    // One Codex for its data and its parts wait on S3, under the journal's resume point.
    showResumePoint();
    UploadError kept = e;
    kept.message += QLatin1Char(' ') + tr("The %1% already stored is kept: retrying resumes from "
                                          "there (Retry, or the same seqdrop-cli command).")
                                           .arg(m_resumedPercent);
    qCWarning(lcUpload) << "sample" << m_sampleId << "stopped, resumable at" << m_resumedPercent
                        << "%:" << e.toString();
    finish(State::Failed, kept, true);
}

void SampleUpload::showResumePoint() {
    m_sampleId = m_resume.ticket.sampleId;
    m_routeName = QStringLiteral("multipart");
    const qint64 total = m_spec.sizeOnDisk();
    const qint64 stored = m_resume.bytesStored();
    m_resumedPercent = total > 0 ? int(qMin<qint64>(100, stored * 100 / total)) : 0;
    m_sent = {};
    m_sent.fileBytes = {m_resume.files[0].bytesStored(), m_resume.files[1].bytesStored()};
    m_totalBytes = total;
}

bool SampleUpload::shouldFallBack(const UploadRoute::Result &result) const {
    // Once, from a form POST the settings did not insist on, as One Codex's own client did.
    return (result.tooLargeForForm || result.connectionRetriesSpent || result.proxyFailed) &&
           !m_fellBack && m_routeKind == RouteFactory::Kind::FormPost &&
           m_api->transferSettings().route == TransferSettings::Route::Auto;
}

void SampleUpload::fallBackToMultipart(const UploadRoute::Result &result) {
    m_fellBack = true;
    const QString why = result.tooLargeForForm
                            ? tr("the storage server refused it as too large for one request")
                        : result.proxyFailed ? tr("One Codex's upload proxy failed")
                                             : tr("its connection kept failing");
    qCWarning(lcUpload) << "sample" << m_sampleId << "falls back to the multipart route:" << why
                        << "-" << result.error.toString();
    Q_EMIT notice(tr("%1: %2; cancelling the sample and sending the files in parts (multipart) "
                     "as a new one.")
                      .arg(m_spec.displayName(), why));
    cancelRemote([this, why](bool done, const UploadError &cancelError) {
        if (done)
            finish(State::Confirmed);
        else if (cancelError.isError())
            finish(State::Failed, cancelError);
        else
            initialise(RouteFactory::Kind::Multipart, tr("fallback: %1").arg(why));
    });
}

void SampleUpload::confirm(ApiJob *job) {
    setState(State::Confirming);
    m_job = job; // until it starts: deleted with the sample
    afterRecorded([this, job] { startJob(job, [this](ApiJob *job) { onConfirmFinished(job); }); });
}

void SampleUpload::onConfirmFinished(ApiJob *job) {
    const UploadError e = job->error();
    if (!e.isError() || ErrorMapper::saysAlreadyDone(e)) {
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

void SampleUpload::cancelOnRequest() {
    delete m_created; // made, never started: nothing of it is on the storage host
    cancelRemote([this](bool done, const UploadError &) {
        finish(done ? State::Confirmed : State::Cancelled,
               UploadError::make(Kind::Cancelled, tr("Cancelled.")));
    });
}

void SampleUpload::cancelRemote(const std::function<void(bool, const UploadError &)> &then) {
    setState(State::Cancelling);
    startJob(m_api->cancelUpload(m_sampleId), [this, then](ApiJob *job) {
        const UploadError e = job->error();
        if (ErrorMapper::saysAlreadyDone(e)) {
            then(true, {});
            return;
        }
        const UploadError failed = ErrorMapper::saysAlreadyCancelled(e) ? UploadError() : e;
        // The key refused, the network gone: the sample stays on the server until a later
        // run cancels it (the journal keeps it as still cancelling).
        m_leftOnServer = failed.isError();
        then(false, failed);
    });
}

void SampleUpload::cancel() {
    if (m_cancelRequested || (isFinished() && !isResumable()))
        return;
    m_cancelRequested = true;
    if (isResumable()) {
        discardResumePoint();
        return;
    }
    if (m_state == State::Queued) {
        finish(State::Cancelled, UploadError::make(Kind::Cancelled, tr("Cancelled.")));
        return;
    }
    // Waiting for the journal before a request: init sees m_cancelRequested and sends nothing;
    // confirm is let go, as if in flight. An unstarted route is aborted below like a running one.
    if (m_awaitingRecord && m_state != State::Uploading)
        return;
    // An upload stops at once; an API call in flight is let finish so that a sample it may
    // create is known, and then cancelled.
    if (m_route)
        m_route->abort();
    else if (m_job && !m_job->isRequestInFlight())
        m_job->abort();
}

void SampleUpload::discardResumePoint() {
    // As for a running multipart sample: its parts are aborted on S3, then its sample is
    // cancelled on One Codex (the route's abort leads to cancelOnRequest()).
    m_sampleId = m_resume.ticket.sampleId;
    setState(State::Cancelling);
    UploadRoute *route =
        RouteFactory::resume(m_api, m_resume, payload(), m_api->transferSettings(), this);
    m_route = route;
    connect(route, &UploadRoute::resumePointChanged, this,
            [this, route] { setResumePoint(route->resumePoint()); });
    connect(route, &UploadRoute::finished, this, &SampleUpload::onRouteFinished);
    route->abort();
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
    m_resume = restored.state == State::Queued ? restored.resume : UploadRoute::ResumePoint();
    if (!m_resume.isEmpty())
        showResumePoint();
    m_queuedFingerprint = restored.queuedFingerprint;
    m_awaitingTidyUp = restored.awaitingTidyUp && restored.state == State::Queued;
    m_journalEntry = restored.journalEntry;
    m_recordLater = restored.recordLater;
    m_serverStatus = restored.serverStatus;
    m_serverError = restored.serverError;
    m_confirmedAt = restored.confirmedAt;
    if (restored.state == State::Confirmed) {
        // Shown as done: its bytes count as sent.
        for (const QString &file : m_spec.readOneFiles())
            m_sizes[0] += QFileInfo(file).size();
        m_totalBytes = m_spec.sizeOnDisk();
        m_sizes[1] = m_totalBytes - m_sizes[0];
        m_sent.fileBytes = m_sizes;
    }
    setState(restored.state);
    Q_EMIT progressChanged();
    return true;
}

void SampleUpload::setServerStatus(const QString &status, const QString &error) {
    if (status == m_serverStatus && error == m_serverError)
        return;
    m_serverStatus = status;
    m_serverError = error;
    Q_EMIT serverStatusChanged();
}

bool SampleUpload::isFinalServerStatus(const QString &status) {
    return status == QLatin1String("available") || status == QLatin1String("failed_validation") ||
           status == QLatin1String("deleted");
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
    m_cancelRequested = false;
    m_leftOnServer = false;
    m_policyRefreshes = 0;
    m_fellBack = false;
    m_retries = 0;
    m_sent = {};
    m_resumedPercent = -1;
    if (!m_resume.isEmpty())
        showResumePoint(); // stopped by a network failure: goes on from its last stored part
    Q_EMIT stateChanged(m_state);
    Q_EMIT progressChanged();
    return true;
}

void SampleUpload::finish(State state, const UploadError &e, bool resumable) {
    m_error = state == State::Confirmed ? UploadError() : e;
    if (state == State::Confirmed)
        m_confirmedAt = QDateTime::currentDateTimeUtc();
    if (!m_resume.isEmpty() && !resumable)
        setResumePoint({}); // confirmed, or aborted on S3 and cancelled: nothing to resume
    // A file not sent whole counts as not sent (unless its parts are kept for a resume).
    for (int i = 0; i < 2 && !resumable; ++i)
        if (!m_sent.isFileDone(i))
            m_sent.fileBytes[i] = state == State::Confirmed ? m_sizes[i] : 0;
    setState(state);
    Q_EMIT progressChanged();
    Q_EMIT finished();
}

} // namespace SeqDrop
