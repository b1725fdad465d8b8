#pragma once

#include "upload/multipartresume.h"

#include <QObject>
#include <QPointer>

namespace SeqDrop {

class S3Client;

// Aborts every multipart upload a resume point holds open on the storage host
// (AbortMultipartUpload), one after the other, so that no parts stay there to be billed or
// completed later. An upload already gone counts as aborted; one that cannot be aborted (the
// network down) is forgotten all the same, with a sentence in problems(): S3's lifecycle rules
// end it, and nothing of SeqDrop's would ever complete it.
//
// Shared by a route that discards its own upload (cancel, a bad file) and by the clean-up of a
// sample an earlier run left half sent.
class MultipartAbort : public QObject {
    Q_OBJECT
public:
    MultipartAbort(S3Client *s3, const MultipartResume &resume, QObject *parent = nullptr);

    // finished() follows from the event loop, even when nothing was open.
    void start();
    // The resume point with every upload it held forgotten (so far, while running).
    const MultipartResume &resume() const { return m_resume; }
    const QStringList &problems() const { return m_problems; }

Q_SIGNALS:
    // One upload was aborted (or given up): resume() changed.
    void uploadForgotten();
    void finished();

private:
    void next();

    S3Client *m_s3;
    MultipartResume m_resume;
    QStringList m_problems;
    QPointer<QObject> m_job;
};

} // namespace SeqDrop
