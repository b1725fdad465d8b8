#include "upload/multipartroute.h"

#include "net/apiclient.h"
#include "net/completemultipartuploadjob.h"
#include "net/createmultipartuploadjob.h"
#include "net/listpartsjob.h"
#include "net/s3client.h"
#include "net/transfersettings.h"
#include "net/uploadpartjob.h"
#include "samples/localfile.h"
#include "upload/multipartabort.h"
#include "upload/multipartfileupload.h"
#include "upload/partplan.h"
#include "upload/partreader.h"
#include "util/logging.h"
#include "validation/pairstreamcheck.h"
#include "validation/streamvalidation.h"

#include <QDateTime>
#include <QFileInfo>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

// The latest modification time of the files that make up one upload (the lanes of a sample).
qint64 modifiedMs(const QStringList &paths) {
    qint64 latest = 0;
    for (const QString &path : paths)
        latest = qMax(latest, LocalFile::stamp(path).modified);
    return latest;
}

} // namespace

MultipartRoute::MultipartRoute(ApiClient *api, const MultipartResume &resume,
                               const Payload &payload, const TransferSettings &settings,
                               QObject *parent)
    : UploadRoute(payload, parent)
    , m_api(api)
    , m_s3(api->s3Client(resume.ticket.credentials))
    , m_resume(resume)
    , m_partSize(settings.partSize)
    , m_partsInFlight(settings.partsInFlight) {
    const MultipartTicket &t = m_resume.ticket;
    for (int side = 0; side < (payload.spec.isPair() ? 2 : 1); ++side) {
        MultipartFileState &f = m_resume.files[side];
        if (f.key.isEmpty()) {
            f.bucket = t.s3Bucket;
            f.key = side == 0 ? t.fileId : t.pairedEndFileId;
        }
        const PartPlan plan(payload.sizes[side], f.partSize > 0 ? f.partSize : m_partSize);
        m_partsTotal[side] = plan.count();
    }
}

MultipartRoute::~MultipartRoute() {
    delete m_file;
}

int MultipartRoute::sideAt(int position) const {
    // R2 first: One Codex's callback names R1 and expects its mate already stored.
    return payload().spec.isPair() ? 1 - position : 0;
}

int MultipartRoute::partsStored() const {
    return int(m_resume.files[0].parts.size() + m_resume.files[1].parts.size());
}

int MultipartRoute::partsTotal() const {
    return m_partsTotal[0] + m_partsTotal[1];
}

UploadError MultipartRoute::resumeMismatch() const {
    const SampleSpec &spec = payload().spec;
    if (m_resume.bytesStored() > 0 || !m_resume.files[0].uploadId.isEmpty()) {
        // Resuming: the files must be the ones queued (and those the stored parts came from).
        const UploadError e = filesChanged();
        if (e.isError())
            return e;
    }
    for (int side = 0; side < (spec.isPair() ? 2 : 1); ++side) {
        const MultipartFileState &f = m_resume.files[side];
        if (f.uploadId.isEmpty() && !f.completed)
            continue;
        const QStringList paths = side == 0 ? spec.readOneFiles() : spec.readTwoFiles();
        if (f.fileSize != payload().sizes[side] || f.modifiedMs != modifiedMs(paths))
            return UploadError::make(
                Kind::LocalFile,
                tr("%1 changed since part of it was uploaded (size or modification time), so "
                   "the parts already stored may not be this file's. The interrupted upload was "
                   "discarded; check that the file is complete, then add it again.")
                    .arg(spec.displayName()));
    }
    return {};
}

void MultipartRoute::start() {
    const SampleSpec &spec = payload().spec;
    const UploadError changed = resumeMismatch();
    if (changed.isError()) {
        discard(changed);
        return;
    }
    if (spec.validateWhileUploading && spec.isPair())
        m_pairCheck = std::make_shared<PairStreamCheck>(spec.effectiveUploadName(),
                                                        spec.effectivePairedUploadName(), 1);
    m_bytesResumed = 0;
    sendFile(0);
}

void MultipartRoute::sendFile(int position) {
    m_position = position;
    const int side = sideAt(position);
    const SampleSpec &spec = payload().spec;
    MultipartFileState &state = m_resume.files[side];
    if (state.completed) {
        // Stored whole by an earlier run, its ETag checked against its parts then.
        setFileSent(side, state.objectEtag);
        if (position + 1 < (spec.isPair() ? 2 : 1))
            sendFile(position + 1);
        else
            emitResult({});
        return;
    }
    const QStringList paths = side == 0 ? spec.readOneFiles() : spec.readTwoFiles();
    state.modifiedMs = modifiedMs(paths);
    auto *file = new MultipartFileUpload(m_s3, paths, state, m_partSize, m_partsInFlight, this);
    if (spec.validateWhileUploading) {
        const QString uploadName =
            side == 1 ? spec.effectivePairedUploadName() : spec.effectiveUploadName();
        file->reader()->setBlockObserver(
            StreamValidation(uploadName, m_pairCheck, side).beginAttempt());
    }
    m_file = file;
    connect(file, &MultipartFileUpload::progress, this,
            [this, side](qint64 sent, qint64) { setFileProgress(side, sent); });
    connect(file, &MultipartFileUpload::stateChanged, this, [this, side, file] {
        m_resume.files[side] = file->state();
        Q_EMIT resumePointChanged();
    });
    connect(file, &MultipartFileUpload::retrying, this, &UploadRoute::retrying);
    connect(file, &MultipartFileUpload::finished, this, [this, side] { onFileFinished(side); });
    file->start();
}

void MultipartRoute::onFileFinished(int side) {
    MultipartFileUpload *file = m_file;
    m_file = nullptr;
    file->deleteLater();
    m_resume.files[side] = file->state();
    m_bytesResumed += file->bytesKept();
    UploadError e = file->error();
    if (e.isRetryable() && !m_discarding) {
        keepForLater(e);
        return;
    }
    if (!e.isError())
        e = filesChanged();
    if (e.isError()) {
        discard(e);
        return;
    }
    qCInfo(lcUpload) << "multipart" << file->state().key << "completed:" << file->partsTotal()
                     << "parts," << file->partsKept() << "kept from an earlier run";
    setFileSent(side, file->state().objectEtag);
    Q_EMIT resumePointChanged();
    if (m_position + 1 < (payload().spec.isPair() ? 2 : 1))
        sendFile(m_position + 1);
    else
        emitResult({});
}

void MultipartRoute::abort() {
    discard(UploadError::make(Kind::Cancelled, tr("Cancelled.")));
}

void MultipartRoute::stopFile() {
    if (!m_file)
        return;
    // Possibly from inside one of its own signals (a cancel on a stored part): stopped now,
    // deleted later.
    m_resume.files[sideAt(m_position)] = m_file->state();
    m_file->disconnect(this);
    m_file->abort();
    m_file->deleteLater();
    m_file = nullptr;
}

void MultipartRoute::keepForLater(const UploadError &e) {
    // The network or the storage host is gone beyond the retries: what S3 stored stays there
    // under the resume point (an abort would not get through now anyway).
    qCWarning(lcUpload) << "multipart upload of" << payload().spec.displayName()
                        << "stopped, resumable:" << e.toString();
    Result result{e};
    result.resumable = true;
    emitResult(result);
}

void MultipartRoute::discard(const UploadError &e) {
    if (m_discarding || isFinished())
        return;
    m_discarding = true;
    stopFile();
    auto *aborting = new MultipartAbort(m_s3, m_resume, this);
    connect(aborting, &MultipartAbort::uploadForgotten, this, [this, aborting] {
        m_resume = aborting->resume();
        Q_EMIT resumePointChanged();
    });
    connect(aborting, &MultipartAbort::finished, this, [this, aborting, e] {
        aborting->deleteLater();
        UploadError reported = e;
        for (const QString &problem : aborting->problems())
            reported.detail += QStringLiteral("; ") + problem;
        emitResult({reported});
    });
    aborting->start();
}

ApiJob *MultipartRoute::confirmJob(ApiClient *api, const QString &) const {
    const MultipartTicket &t = m_resume.ticket;
    return api->importFileFromS3(t.callbackUrl, t.s3Path(t.fileId),
                                 payload().spec.effectiveUploadName());
}

} // namespace SeqDrop
