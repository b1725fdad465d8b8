#pragma once

#include "net/uploaderror.h"
#include "samples/samplespec.h"
#include "upload/multipartresume.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <array>

namespace SeqDrop {

class ApiClient;
class ApiJob;

// Moves one sample's bytes to the storage host once init_upload has created the sample and
// said where they go (KJob-like: start(), abort(), progress, one finished signal). SampleUpload
// keeps the sample's lifecycle (init, confirm or cancel, the states the journal records); a
// route owns only the transfer and reports it as plain data, never by calling into its owner.
//
// Invariant: after start(), finished() comes exactly once, from the event loop, and nothing is
// sent after it.
class UploadRoute : public QObject {
    Q_OBJECT
public:
    // What to send: the sample's files as SampleUpload checked them before init_upload.
    struct Payload {
        SampleSpec spec;               // the files, their upload names, validate on the way or not
        std::array<qint64, 2> sizes{}; // bytes of R1 (or the single file) and of R2
        QString fingerprint;           // the files as queued: a file that changes ends the route
    };
    // What has left this computer.
    struct Sent {
        std::array<qint64, 2> fileBytes{}; // of R1 (or the single file) and of R2
        // For each file that arrived whole, the checksum the storage host verified: the file's
        // MD5 on the form route (its ETag), the object's multipart ETag ("<md5 of the part
        // MD5s>-<N>") on the multipart route; empty for a file not sent whole yet. Routes send
        // the files in either order.
        std::array<QString, 2> md5{};
        qint64 bytes() const { return fileBytes[0] + fileBytes[1]; }
        bool isFileDone(int index) const { return !md5[index & 1].isEmpty(); }
        // Of the files sent whole, R1 before R2.
        QStringList md5s() const {
            QStringList list;
            for (const QString &m : md5)
                if (!m.isEmpty())
                    list.append(m);
            return list;
        }
    };
    // What a later attempt would need to go on from where this one stopped instead of from
    // byte 0. A form POST is all or nothing, so the form route has nothing to keep (an empty
    // point); the multipart route keeps its ticket, upload ids and the parts stored so far.
    using ResumePoint = MultipartResume;
    struct Result {
        UploadError error; // Kind::None once every file arrived intact
        // The storage host's permission (the presigned form) expired: the files can only go
        // under a fresh init_upload, that is, as a new sample.
        bool needsFreshInit = false;
        // S3 refused the form POST as EntityTooLarge (its 5 GiB single-request limit, the files
        // unchanged): the files can still go as a multipart upload.
        bool tooLargeForForm = false;
        // The retries were spent on connection failures (cut, stalled, unreachable): a
        // multipart upload, whose parts are retried one by one, may still get through.
        bool connectionRetriesSpent = false;
        // One Codex's validating proxy failed (not the file) where the settings leave the route
        // open: the official client then cancels the sample and sends it as a multipart upload.
        bool proxyFailed = false;
        // Stopped by a network or storage-host failure beyond the retries with its upload left
        // open on the storage host and resumePoint() kept: a later attempt goes on from there.
        bool resumable = false;
    };

    explicit UploadRoute(const Payload &payload, QObject *parent = nullptr);

    // The route's name as --json reports it ("form", "proxy", ...).
    virtual QString name() const = 0;
    virtual void start() = 0;
    // Stops at once; finished() follows with Kind::Cancelled.
    virtual void abort() = 0;
    virtual ResumePoint resumePoint() const { return {}; }
    // The call that makes the sample whole once its files arrived (not started): confirm_upload,
    // or the multipart route's callback. nullptr: the storage host's owner confirms it itself
    // (a validating proxy's callback_url).
    virtual ApiJob *confirmJob(ApiClient *api, const QString &sampleId) const;

    const Payload &payload() const { return m_payload; }
    const Sent &sent() const { return m_sent; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    // Bytes of a file left this computer (a resent file starts again from 0).
    void progress(qint64 bytesSent, qint64 totalBytes);
    // A file arrived whole; its MD5 is sent().md5[index].
    void fileSent(int index);
    // A request goes out again after a transient failure (NetworkJob::retrying).
    void retrying(int retry, int delayMs, const SeqDrop::UploadError &reason);
    // Every byte arrived and the storage host's owner now checks the files before the sample
    // may be confirmed (One Codex's validating proxy): "One Codex is checking the file".
    void checking();
    void finished(const SeqDrop::UploadRoute::Result &result);
    // resumePoint() changed (a part stored, an upload opened or aborted): worth journalling.
    void resumePointChanged();

protected:
    void setFileProgress(int index, qint64 bytes);
    void setFileSent(int index, const QString &md5);
    // The files go again from byte 0 (a proxy that asked for them again).
    void restartSent();
    // Empty, or why the files are no longer the ones queued (the same for every route: the
    // bytes that arrived match what was read, but what was read may not be what was meant).
    UploadError filesChanged() const;
    void emitResult(const Result &result);

private:
    Payload m_payload;
    Sent m_sent;
    bool m_finished = false;
};

} // namespace SeqDrop

Q_DECLARE_METATYPE(SeqDrop::UploadRoute::Result)
