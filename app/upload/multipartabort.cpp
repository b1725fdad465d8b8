#include "upload/multipartabort.h"

#include "net/abortmultipartuploadjob.h"
#include "net/s3client.h"

namespace SeqDrop {

MultipartAbort::MultipartAbort(S3Client *s3, const MultipartResume &resume, QObject *parent)
    : QObject(parent)
    , m_s3(s3)
    , m_resume(resume) {}

void MultipartAbort::start() {
    next();
}

void MultipartAbort::next() {
    for (MultipartFileState &f : m_resume.files) {
        if (f.uploadId.isEmpty() || f.completed)
            continue;
        AbortMultipartUploadJob *job = m_s3->abortMultipartUpload(f.bucket, f.key, f.uploadId);
        m_job = job;
        connect(job, &NetworkJob::finished, this, [this, job, &f] {
            job->deleteLater();
            if (job->error().isError() && !job->wasAlreadyGone())
                m_problems << tr("the multipart upload of %1 could not be aborted on the storage "
                                 "host: %2")
                                  .arg(f.key, job->error().toString());
            f.forgetUpload();
            Q_EMIT uploadForgotten();
            next();
        });
        job->start();
        return;
    }
    // From the event loop: start() may be called from the owner's own slot.
    QMetaObject::invokeMethod(this, &MultipartAbort::finished, Qt::QueuedConnection);
}

} // namespace SeqDrop
