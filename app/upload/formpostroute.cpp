#include "upload/formpostroute.h"

#include "net/apiclient.h"
#include "net/errormapper.h"
#include "net/storageuploadjob.h"
#include "upload/proxycheck.h"
#include "validation/pairstreamcheck.h"
#include "validation/streamvalidation.h"

#include <QTimer>

namespace SeqDrop {

using Kind = UploadError::Kind;

FormPostRoute::FormPostRoute(ApiClient *api, const UploadTicket &ticket, const Payload &payload,
                             QObject *parent)
    : UploadRoute(payload, parent)
    , m_api(api)
    , m_ticket(ticket) {}

FormPostRoute::~FormPostRoute() {
    if (m_job)
        delete m_job;
    if (m_check)
        delete m_check;
}

QString FormPostRoute::name() const {
    return m_ticket.viaProxy() ? QStringLiteral("proxy") : QStringLiteral("form");
}

ApiJob *FormPostRoute::confirmJob(ApiClient *api, const QString &sampleId) const {
    return m_ticket.callbackUrl.isEmpty() ? UploadRoute::confirmJob(api, sampleId) : nullptr;
}

void FormPostRoute::start() {
    sendFiles();
}

void FormPostRoute::abort() {
    if (isFinished() || m_aborted)
        return;
    m_aborted = true;
    if (m_job) {
        m_job->abort();
    } else if (m_check) {
        m_check->abort();
    } else {
        // Waiting to send the files again: nothing in flight to end the route.
        QTimer::singleShot(0, this, [this] {
            emitResult({UploadError::make(Kind::Cancelled, tr("Cancelled."))});
        });
    }
}

void FormPostRoute::sendFiles() {
    const SampleSpec &spec = payload().spec;
    if (spec.validateWhileUploading && spec.isPair())
        m_pairCheck = std::make_shared<PairStreamCheck>(spec.effectiveUploadName(),
                                                        spec.effectivePairedUploadName());
    sendFile(0);
}

void FormPostRoute::sendFile(int index) {
    const SampleSpec &spec = payload().spec;
    const bool second = index == 1;
    const QString uploadName =
        second ? spec.effectivePairedUploadName() : spec.effectiveUploadName();
    StorageUploadJob *job = m_api->storageUpload(second ? m_ticket.pairedEnd : m_ticket.primary,
                                                 second ? spec.readTwoFiles() : spec.readOneFiles(),
                                                 uploadName, payload().sizes[index]);
    if (spec.validateWhileUploading)
        job->setObserverFactory(StreamValidation(uploadName, m_pairCheck, index).perAttempt());
    m_job = job;
    connect(job, &StorageUploadJob::progress, this,
            [this, index](qint64 sent, qint64) { setFileProgress(index, sent); });
    connect(job, &NetworkJob::retrying, this, &UploadRoute::retrying);
    connect(job, &NetworkJob::finished, this, [this, job, index] { onFileFinished(job, index); });
    job->start();
}

void FormPostRoute::onFileFinished(StorageUploadJob *job, int index) {
    job->deleteLater();
    m_job = nullptr;
    Result result;
    result.error = job->error();
    if (!result.error.isError() || result.error.serverCode == QLatin1String("EntityTooLarge")) {
        // A file that grew past what init_upload announced is refused as too large too.
        const UploadError changed = filesChanged();
        if (changed.isError())
            result.error = changed;
    }
    if (!result.error.isError()) {
        setFileSent(index, QString::fromLatin1(job->md5Hex()));
        if (payload().spec.isPair() && index == 0)
            sendFile(1);
        else if (!m_ticket.statusUrl.isEmpty())
            startCheck();
        else
            emitResult(result);
        return;
    }
    // An expired form, or a connection the storage host dropped once the form had expired
    // (S3 may reject early and close), needs a fresh init_upload.
    result.needsFreshInit = result.error.kind == Kind::PolicyExpired ||
                            (result.error.isRetryable() && job->target().hasExpired());
    // Files as announced (checked above), yet too large: the single-request limit, not the form.
    result.tooLargeForForm = result.error.serverCode == QLatin1String("EntityTooLarge");
    if (result.tooLargeForForm)
        result.error = ErrorMapper::tooLargeForOneRequest(result.error);
    const Kind kind = result.error.kind;
    result.connectionRetriesSpent =
        !result.needsFreshInit && (kind == Kind::ConnectionLost || kind == Kind::Network ||
                                   kind == Kind::Timeout || kind == Kind::Stalled);
    emitResult(result);
}

void FormPostRoute::startCheck() {
    Q_EMIT checking();
    auto *check = new ProxyCheck(m_api, m_ticket.statusUrl, m_ticket.sampleId, this);
    m_check = check;
    connect(check, &ProxyCheck::finished, this, [this, check] { onCheckFinished(check); });
    check->start();
}

void FormPostRoute::onCheckFinished(ProxyCheck *check) {
    check->deleteLater();
    m_check = nullptr;
    const UploadError e = check->error();
    if (check->outcome() == ProxyCheck::Outcome::Passed) {
        emitResult({});
        return;
    }
    // The proxy failed (not the file). Where the settings leave the route open, One Codex's
    // own client cancelled the sample and sent it as a multipart upload: so does SampleUpload.
    const TransferSettings &settings = m_api->transferSettings();
    if (check->outcome() == ProxyCheck::Outcome::Retry && !m_aborted &&
        settings.route == TransferSettings::Route::Auto) {
        Result result{e};
        result.proxyFailed = true;
        emitResult(result);
        return;
    }
    // Otherwise the files go again, within the upload retry budget.
    const RetryPolicy &retry = settings.uploadRetry;
    if (check->outcome() == ProxyCheck::Outcome::Retry && !m_aborted &&
        m_proxyRetries < retry.maxRetries()) {
        ++m_proxyRetries;
        const int delayMs = retry.delayMs(m_proxyRetries);
        Q_EMIT retrying(m_proxyRetries, delayMs, e);
        restartSent();
        QTimer::singleShot(delayMs, this, [this] {
            if (!m_aborted)
                sendFiles();
        });
        return;
    }
    emitResult({e});
}

} // namespace SeqDrop
