#include "upload/formpostroute.h"

#include "net/apiclient.h"
#include "net/storageuploadjob.h"
#include "validation/pairstreamcheck.h"
#include "validation/streamvalidation.h"

namespace SeqDrop {

FormPostRoute::FormPostRoute(ApiClient *api, const UploadTicket &ticket, const Payload &payload,
                             QObject *parent)
    : UploadRoute(payload, parent)
    , m_api(api)
    , m_ticket(ticket) {}

FormPostRoute::~FormPostRoute() {
    if (m_job)
        delete m_job;
}

void FormPostRoute::start() {
    const SampleSpec &spec = payload().spec;
    if (spec.validateWhileUploading && spec.isPair())
        m_pairCheck = std::make_shared<PairStreamCheck>(spec.effectiveUploadName(),
                                                        spec.effectivePairedUploadName());
    sendFile(0);
}

void FormPostRoute::abort() {
    if (m_job)
        m_job->abort();
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
    if (!result.error.isError())
        result.error = filesChanged();
    if (!result.error.isError()) {
        setFileSent(index, QString::fromLatin1(job->md5Hex()));
        if (payload().spec.isPair() && index == 0)
            sendFile(1);
        else
            emitResult(result);
        return;
    }
    // An expired form, or a connection the storage host dropped once the form had expired
    // (S3 may reject early and close), needs a fresh init_upload.
    result.needsFreshInit = result.error.kind == UploadError::Kind::PolicyExpired ||
                            (result.error.isRetryable() && job->target().hasExpired());
    emitResult(result);
}

} // namespace SeqDrop
