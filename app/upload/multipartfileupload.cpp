#include "upload/multipartfileupload.h"

#include "net/abortmultipartuploadjob.h"
#include "net/completemultipartuploadjob.h"
#include "net/createmultipartuploadjob.h"
#include "net/listpartsjob.h"
#include "net/s3client.h"
#include "net/uploadpartjob.h"
#include "upload/partreader.h"
#include "util/logging.h"

#include <QFileInfo>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

qint64 totalSize(const QStringList &paths) {
    qint64 size = 0;
    for (const QString &path : paths)
        size += QFileInfo(path).size();
    return size;
}

} // namespace

MultipartFileUpload::MultipartFileUpload(S3Client *s3, const QStringList &paths,
                                         const MultipartFileState &state, qint64 forcedPartSize,
                                         int partsInFlight, QObject *parent)
    : QObject(parent)
    , m_s3(s3)
    // A resumed upload keeps the cut its stored parts were made with.
    , m_plan(totalSize(paths), state.partSize > 0 ? state.partSize : forcedPartSize)
    , m_state(state)
    , m_partsInFlight(qMax(1, partsInFlight))
    , m_reader(new PartReader(paths, m_plan, this)) {
    m_state.partSize = m_plan.partSize();
    m_state.fileSize = m_plan.fileSize();
    connect(m_reader, &PartReader::partRead, this, &MultipartFileUpload::onPartRead);
    connect(m_reader, &PartReader::failed, this, [this](const QString &message, bool refused) {
        // Validation's own message names the file and record; a disk failure gets its context.
        fail(UploadError::make(Kind::LocalFile,
                               refused ? message : tr("Could not read the file: %1").arg(message)));
    });
}

MultipartFileUpload::~MultipartFileUpload() {
    // Jobs are children; they stop (without a signal) as they go.
    delete m_reader;
}

template <typename Job, typename Then> void MultipartFileUpload::runControl(Job *job, Then then) {
    // One control request at a time (create, list or complete): what abort() stops.
    m_control = job;
    connect(job, &NetworkJob::retrying, this, &MultipartFileUpload::retrying);
    connect(job, &NetworkJob::finished, this, [this, job, then] {
        job->deleteLater();
        m_control = nullptr;
        then(job);
    });
    job->start();
}

bool MultipartFileUpload::failedWith(const NetworkJob *job) {
    if (!job->error().isError())
        return false;
    fail(job->error());
    return true;
}

qint64 MultipartFileUpload::bytesSent() const {
    qint64 bytes = m_state.bytesStored();
    for (qint64 sent : m_inFlight)
        bytes += sent;
    return qMin(bytes, m_plan.fileSize());
}

void MultipartFileUpload::start() {
    if (m_state.uploadId.isEmpty())
        create();
    else
        listParts();
}

void MultipartFileUpload::create() {
    m_state.forgetUpload();
    runControl(
        m_s3->createMultipartUpload(m_state.bucket, m_state.key),
        [this](CreateMultipartUploadJob *job) {
            if (failedWith(job))
                return;
            m_state.uploadId = job->uploadId();
            m_listed = true;
            Q_EMIT stateChanged(); // the upload id first: a crash now leaves an upload to abort
            pump();
        });
}

void MultipartFileUpload::listParts() {
    runControl(m_s3->listParts(m_state.bucket, m_state.key, m_state.uploadId),
               [this](ListPartsJob *job) {
                   if (job->s3ErrorCode() == QLatin1String("NoSuchUpload")) {
                       // Aborted or expired on S3 (a lifecycle rule, a completed upload's id):
                       // start over.
                       qCInfo(lcUpload) << "multipart upload" << m_state.key
                                        << "is gone from the storage host; starting it again";
                       create();
                       return;
                   }
                   if (failedWith(job))
                       return;
                   // What S3 holds is the truth; the journal may be a part behind or ahead.
                   m_state.parts.clear();
                   for (const S3Part &part : job->parts()) {
                       if (part.number >= 1 && part.number <= m_plan.count() &&
                           part.size == m_plan.length(part.number)) {
                           m_onS3.insert(part.number, part);
                           m_state.parts.append(part);
                       }
                   }
                   m_listed = true;
                   Q_EMIT stateChanged();
                   Q_EMIT progress(bytesSent(), m_plan.fileSize());
                   pump();
               });
}

void MultipartFileUpload::pump() {
    if (m_finished || m_aborting || !m_listed)
        return;
    while (!m_pending.empty() && m_inFlight.size() < m_partsInFlight) {
        Pending next = std::move(m_pending.front());
        m_pending.pop_front();
        sendPart(next.number, next.data, next.md5Hex);
    }
    // One part read ahead of the sends: memory holds the parts in flight plus one.
    if (!m_reader->isReading() && !m_reader->atEnd() && m_pending.empty())
        m_reader->readNext();
    if (m_reader->atEnd() && !m_reader->isReading() && m_pending.empty() && m_inFlight.isEmpty() &&
        !m_control)
        complete();
}

void MultipartFileUpload::onPartRead(int number, const QByteArray &data, const QString &md5Hex) {
    const auto stored = m_onS3.constFind(number);
    if (stored != m_onS3.constEnd() && stored->size == data.size() &&
        stored->etag.compare(md5Hex, Qt::CaseInsensitive) == 0) {
        // S3 holds exactly these bytes: keep the part, send nothing.
        ++m_kept;
        m_bytesKept += data.size();
    } else {
        if (stored != m_onS3.constEnd()) {
            // The bytes differ from the stored part (a file rewritten in place would also
            // change its fingerprint; this catches what the fingerprint cannot see).
            m_state.parts.removeIf([number](const S3Part &p) { return p.number == number; });
            qCInfo(lcUpload) << "part" << number << "of" << m_state.key
                             << "differs from the stored one; sending it again";
        }
        m_pending.push_back({number, data, md5Hex});
    }
    pump();
}

void MultipartFileUpload::sendPart(int number, const QByteArray &data, const QString &md5Hex) {
    UploadPartJob *job =
        m_s3->uploadPart(m_state.bucket, m_state.key, m_state.uploadId, number, data, md5Hex);
    m_inFlight.insert(job, 0);
    connect(job, &NetworkJob::retrying, this, &MultipartFileUpload::retrying);
    connect(job, &UploadPartJob::progress, this, [this, job](qint64 sent, qint64) {
        if (!m_inFlight.contains(job))
            return;
        m_inFlight[job] = sent;
        Q_EMIT progress(bytesSent(), m_plan.fileSize());
    });
    connect(job, &NetworkJob::finished, this, [this, job] { onPartSent(job); });
    job->start();
}

void MultipartFileUpload::onPartSent(UploadPartJob *job) {
    m_inFlight.remove(job);
    job->deleteLater();
    if (job->error().isError()) {
        fail(job->error());
        return;
    }
    const S3Part part{job->partNumber(), job->size(), job->md5Hex(), job->etag()};
    m_state.parts.removeIf([&part](const S3Part &p) { return p.number == part.number; });
    m_state.parts.append(part);
    Q_EMIT stateChanged();
    Q_EMIT progress(bytesSent(), m_plan.fileSize());
    pump();
}

void MultipartFileUpload::complete() {
    QList<S3Part> parts = m_state.parts;
    std::sort(parts.begin(), parts.end(),
              [](const S3Part &a, const S3Part &b) { return a.number < b.number; });
    if (parts.size() != m_plan.count()) {
        fail(UploadError::make(Kind::BadResponse,
                               tr("The storage host holds %1 of the %2 parts of the file.")
                                   .arg(parts.size())
                                   .arg(m_plan.count())));
        return;
    }
    runControl(m_s3->completeMultipartUpload(m_state.bucket, m_state.key, m_state.uploadId, parts),
               [this](CompleteMultipartUploadJob *job) {
                   if (failedWith(job))
                       return;
                   m_state.completed = true;
                   m_state.objectEtag = job->etag();
                   Q_EMIT stateChanged();
                   finish({});
               });
}

void MultipartFileUpload::fail(const UploadError &e) {
    if (m_finished || m_aborting)
        return;
    // Stop the other parts; the upload stays open on S3 for a resume (or the owner discards it).
    m_aborting = true;
    const auto jobs = m_inFlight.keys();
    m_inFlight.clear();
    for (UploadPartJob *job : jobs)
        job->deleteLater();
    if (m_control)
        m_control->deleteLater();
    m_pending.clear();
    finish(e);
}

void MultipartFileUpload::abort() {
    if (m_finished || m_aborting)
        return;
    m_aborting = true;
    const auto jobs = m_inFlight.keys();
    m_inFlight.clear();
    for (UploadPartJob *job : jobs)
        delete job;
    if (m_control)
        delete m_control;
    m_pending.clear();
    const UploadError cancelled = UploadError::make(Kind::Cancelled, tr("Cancelled."));
    QMetaObject::invokeMethod(
        this, [this, cancelled] { finish(cancelled); }, Qt::QueuedConnection);
}

void MultipartFileUpload::finish(const UploadError &e) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = e;
    Q_EMIT finished();
}

} // namespace SeqDrop
