#pragma once

#include "net/uploaderror.h"
#include "upload/multipartresume.h"
#include "upload/partplan.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <deque>

namespace SeqDrop {

class NetworkJob;
class PartReader;
class S3Client;
class S3Job;
class UploadPartJob;

// One file as one S3 multipart upload (KJob-like: start, abort, progress, one finished signal):
// create the upload, or list the parts S3 already holds when resuming; read the file part by
// part; skip a stored part whose size and MD5 match what is on disk now; send the others with
// several in flight; complete, and check the object's ETag against the part MD5s. Every part
// S3 confirms is told through stateChanged() at once, so a crash loses at most the parts in
// flight.
class MultipartFileUpload : public QObject {
    Q_OBJECT
public:
    // `state` is where an earlier attempt stopped (its uploadId empty for a fresh upload);
    // bucket and key must be set. `observer` sees every byte once, in order (validation).
    MultipartFileUpload(S3Client *s3, const QStringList &paths, const MultipartFileState &state,
                        qint64 forcedPartSize, int partsInFlight, QObject *parent = nullptr);
    ~MultipartFileUpload() override;

    PartReader *reader() const { return m_reader; }
    void start();
    // Stops at once (finished() follows from the event loop). The upload stays open on S3:
    // resuming it, or aborting it there (MultipartRoute), is the owner's call.
    void abort();

    const MultipartFileState &state() const { return m_state; }
    const UploadError &error() const { return m_error; }
    bool isFinished() const { return m_finished; }
    // Bytes of the file that are on S3 or on their way (parts in flight count as sent so far).
    qint64 bytesSent() const;
    int partsTotal() const { return m_plan.count(); }
    int partsStored() const { return int(m_state.parts.size()); }
    // Parts that were already on S3 from an earlier attempt and were not sent again.
    int partsKept() const { return m_kept; }
    qint64 bytesKept() const { return m_bytesKept; }

Q_SIGNALS:
    void progress(qint64 bytesSent, qint64 fileSize);
    void stateChanged();
    void retrying(int retry, int delayMs, const SeqDrop::UploadError &reason);
    void finished();

private:
    void create();
    void listParts();
    void pump();
    void onPartRead(int number, const QByteArray &data, const QString &md5Hex);
    void sendPart(int number, const QByteArray &data, const QString &md5Hex);
    void onPartSent(UploadPartJob *job);
    void complete();
    void fail(const UploadError &e);
    void finish(const UploadError &e);
    // Starts `job` as the one control request; `then(job)` once it finished.
    template <typename Job, typename Then> void runControl(Job *job, Then then);
    // Fails the upload with the job's error, if it has one.
    bool failedWith(const NetworkJob *job);

    struct Pending {
        int number;
        QByteArray data;
        QString md5Hex;
    };

    S3Client *m_s3;
    PartPlan m_plan;
    MultipartFileState m_state;
    int m_partsInFlight;
    PartReader *m_reader;
    QMap<int, S3Part> m_onS3; // ListParts' answer, by part number
    std::deque<Pending> m_pending;
    QMap<UploadPartJob *, qint64> m_inFlight; // bytes sent so far of each part
    QPointer<S3Job> m_control;                // create, list or complete
    UploadError m_error;
    int m_kept = 0;
    qint64 m_bytesKept = 0;
    bool m_listed = false;
    bool m_finished = false;
    bool m_aborting = false;
};

} // namespace SeqDrop
