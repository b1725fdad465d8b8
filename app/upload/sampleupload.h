#pragma once

#include "net/uploaderror.h"
#include "samples/samplespec.h"
#include "upload/routefactory.h"
#include "upload/uploadroute.h"
#include "util/speedmeter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <array>
#include <functional>
#include <optional>

namespace SeqDrop {

class ApiClient;
class ApiJob;
class RecordGate;

// One sample's upload as one state machine (KJob-like: start, cancel, progress, one finished
// signal); the bytes move through an UploadRoute (RouteFactory picks it):
//
//   Queued -> Initializing -> Uploading (R1[, R2]) -> Confirming -> Confirmed
//                 ^                |  policy expired:                |
//                 +---- cancel old sample, fresh init_upload --------+
//   any failure after a sample exists -> Cancelling -> Failed / Cancelled
//
// Invariant: a sample this object created ends confirmed or cancelled; never left pending,
// with one exception that is kept on purpose: a multipart sample stopped by a network or
// storage-host failure beyond the retries ends Failed but resumable (isResumable()): its
// parts stay on S3 and its journal entry keeps the resume point, so Retry or the next run goes
// on from the last stored part; cancel() (or removing the row) aborts and cancels it.
class SampleUpload : public QObject {
    Q_OBJECT
public:
    enum class State {
        Queued,
        Initializing,
        Uploading,
        Confirming,
        Cancelling,
        Confirmed,
        Failed,
        Cancelled
    };
    Q_ENUM(State)

    // Where an earlier run left a sample, as its journal says: the window shows it again.
    struct Restored {
        State state = State::Queued;
        QString sampleId;
        UploadError error;
        // The files as they were when first queued: a file changed since is never uploaded.
        QString queuedFingerprint;
        // Queued but not to start yet: the interrupted upload is being tidied up first.
        bool awaitingTidyUp = false;
        // A multipart upload an earlier run left half done: start() goes on from there.
        UploadRoute::ResumePoint resume;
        // The journal entry it comes from (0: none), which goes on recording it; recordLater:
        // not recorded until whoever restored it says so (a sample still to tidy up).
        qint64 journalEntry = 0;
        bool recordLater = false;
        // A confirmed sample: One Codex's verdict so far and when it was confirmed.
        QString serverStatus;
        QString serverError;
        QDateTime confirmedAt;
    };

    SampleUpload(ApiClient *api, const SampleSpec &spec, QObject *parent = nullptr);
    ~SampleUpload() override;

    // Puts a sample that has not started into the state an earlier run left it in.
    bool restore(const Restored &restored);
    bool isAwaitingTidyUp() const { return m_awaitingTidyUp; }
    // From restore(): the journal entry it was restored from, and whether recording waits.
    qint64 journalEntry() const { return m_journalEntry; }
    bool isRecordedLater() const { return m_recordLater; }
    void setAwaitingTidyUp(bool awaiting) { m_awaitingTidyUp = awaiting; }
    // Who records this sample's transitions, and is asked before each request (null: no one).
    void setRecordGate(RecordGate *gate) { m_gate = gate; }

    void start();
    // Stops at once; a created sample is cancelled on the server before finished(). A
    // resumable one (not running) is aborted on S3 and cancelled the same way.
    void cancel();
    // A failed or cancelled sample may be queued again.
    bool resetForRetry();

    State state() const { return m_state; }
    bool isFinished() const;
    bool isRunning() const;
    const SampleSpec &spec() const { return m_spec; }
    // The description may change until the sample starts (and again after it failed).
    bool isEditable() const;
    // Files that change still fail the start: the fingerprint taken when they were queued stays
    // unless the spec names other files.
    bool setSpec(const SampleSpec &spec);
    // The user added the files again (fixed or replaced): they are the ones to send now.
    void refreshFingerprint() { m_queuedFingerprint = m_spec.fingerprint(); }
    // Why this sample may not start yet (a bad file, a name waiting for the user's consent),
    // or empty. The queue skips a held sample; whoever checks the files sets and clears it.
    void setHold(const QString &reason);
    const QString &hold() const { return m_hold; }
    // Startable: queued, no hold from the file checks, and nothing left on the server by an
    // interrupted run still to tidy up.
    bool isStartable() const {
        return m_state == State::Queued && m_hold.isEmpty() && !m_awaitingTidyUp;
    }
    const QString &queuedFingerprint() const { return m_queuedFingerprint; }
    // Where a resumable (multipart) upload stands; empty for the form route and once final.
    const UploadRoute::ResumePoint &resumePoint() const { return m_resume; }
    // Failed or queued with an upload left open on S3 to go on from (not running).
    bool isResumable() const { return !m_resume.isEmpty() && !isRunning(); }
    // Restored with a resume point: how much of it is already stored (0..100), else -1.
    int resumedPercent() const;
    // The route of the current or last attempt ("form", "multipart"; empty before one), and
    // why it was chosen.
    const QString &routeName() const { return m_routeName; }
    const QString &routeReason() const { return m_routeReason; }
    // The multipart route's parts stored / total (0 / 0 on the form route).
    int partsStored() const { return m_partsStored; }
    int partsTotal() const { return m_partsTotal; }
    QString sampleId() const { return m_sampleId; }
    // Once confirmed, what One Codex says of the sample as it imports and validates it
    // ("importing", "validating", "available", "failed_validation"; empty: not asked yet), its
    // error_msg, and when the confirmation went through (ServerStatusWatcher asks).
    const QString &serverStatus() const { return m_serverStatus; }
    const QString &serverError() const { return m_serverError; }
    const QDateTime &confirmedAt() const { return m_confirmedAt; }
    void setServerStatus(const QString &status, const QString &error);
    // The platform will not change its mind: available, failed_validation, deleted.
    static bool isFinalServerStatus(const QString &status);
    const UploadError &error() const { return m_error; }
    qint64 totalBytes() const { return m_totalBytes; }
    qint64 bytesSent() const { return m_sent.bytes(); }
    // Per file of a pair (0 = R1 or the single file, 1 = R2).
    qint64 fileSize(int index) const { return m_sizes[index & 1]; }
    qint64 fileBytesSent(int index) const { return m_sent.fileBytes[index & 1]; }
    double bytesPerSecond() const { return m_speed.bytesPerSecond(); }
    qint64 etaSeconds() const { return m_speed.etaSeconds(); }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }
    int retries() const { return m_retries; }
    // The sample this object created could not be cancelled (key refused, network gone): it
    // waits on the server, neither confirmed nor cancelled, for a later run to cancel it.
    bool leftOnServer() const { return m_leftOnServer; }
    // The checksum the storage host verified for each file (UploadRoute::Sent::md5).
    QStringList md5s() const { return m_sent.md5s(); }
    // Every byte is in and One Codex checks the files before the sample is confirmed (its
    // validating proxy): the row says so instead of "Uploading".
    bool isBeingChecked() const { return m_checking; }

    // The lower-case name ("confirmed", "failed", ...) as --json and the journal spell it, and
    // back; nullopt for a name no SeqDrop state has.
    static QString stateName(State state);
    static std::optional<State> stateNamed(const QString &name);
    // Confirmed, Failed and Cancelled: nothing more happens to the sample (the one list of them).
    static bool isFinalState(State state);

Q_SIGNALS:
    void stateChanged(SeqDrop::SampleUpload::State state);
    void progressChanged();
    // Retries, policy refreshes: things a user or log may want to see, not errors.
    void notice(const QString &text);
    void finished();
    void specChanged();
    void holdChanged();
    void serverStatusChanged();
    // resumePoint() changed: a part stored, an upload opened, the point cleared.
    void resumePointChanged();

private:
    void setState(State state);
    bool checkFiles();
    UploadRoute::Payload payload() const { return {m_spec, m_sizes, m_queuedFingerprint}; }
    // forced: the route to take whatever the settings say (a fallback), for reason `why`.
    void initialise(std::optional<RouteFactory::Kind> forced = std::nullopt,
                    const QString &why = {});
    void onInitFinished(ApiJob *job);
    void sweepOrphans();
    void startRoute(UploadRoute *route);
    void onRouteFinished(const UploadRoute::Result &result);
    bool shouldFallBack(const UploadRoute::Result &result) const;
    // Cancels the form route's sample, then sends the files again as a multipart one.
    void fallBackToMultipart(const UploadRoute::Result &result);
    void setResumePoint(const UploadRoute::ResumePoint &resume);
    // Sends `job` (the route's confirm call), or, when null, takes the storage side's word.
    void confirm(ApiJob *job);
    void onConfirmFinished(ApiJob *job);
    // Cancels the current sample on the server, then calls `then(alreadyConfirmed)`.
    void cancelRemote(const std::function<void(bool alreadyConfirmed, const UploadError &)> &then);
    // The user's cancel, once a sample exists: cancelled on the server, then finished.
    void cancelOnRequest();
    void discardResumePoint();
    void failAndCancel(const UploadError &e);
    // resumable: a failed multipart sample keeps its resume point (and its sample and S3
    // upload stay open) for Retry or the next run.
    void finish(State state, const UploadError &e = {}, bool resumable = false);
    void keepResumable(const UploadError &e);
    // The row shows where the resume point stands: stored bytes, percent, sample, route.
    void showResumePoint();
    // Every step runs one job or one route at a time: it is what cancel() stops, and its
    // retries are counted and told.
    void startJob(ApiJob *job, const std::function<void(ApiJob *)> &then);
    void endStep();
    // Runs `step`, which sends a request, once the state just entered is recorded (at once
    // without a gate); skipped if the sample has moved on meanwhile.
    void afterRecorded(std::function<void()> step);
    void noteRetry(int retry, int delayMs, const UploadError &reason);

    ApiClient *m_api;
    SampleSpec m_spec;
    State m_state = State::Queued;
    UploadError m_error;
    QString m_sampleId;
    RouteFactory::Kind m_routeKind = RouteFactory::Kind::FormPost;
    QPointer<ApiJob> m_job;
    QPointer<UploadRoute> m_route;
    QPointer<UploadRoute> m_created; // made from the init answer, not started yet
    UploadRoute::ResumePoint m_resume;
    QString m_routeName;
    QString m_routeReason;
    int m_partsStored = 0;
    int m_partsTotal = 0;
    int m_resumedPercent = -1;
    SpeedMeter m_speed;
    QElapsedTimer m_elapsed;
    QDateTime m_initStarted;
    QString m_queuedFingerprint; // the files as they were when queued
    QString m_hold;
    std::array<qint64, 2> m_sizes{};
    qint64 m_totalBytes = 0;
    UploadRoute::Sent m_sent; // the route's account, kept once it is gone
    int m_policyRefreshes = 0;
    bool m_fellBack = false; // the multipart fallback is taken once
    int m_retries = 0;
    bool m_cancelRequested = false;
    bool m_awaitingTidyUp = false;
    qint64 m_journalEntry = 0;
    bool m_recordLater = false;
    bool m_leftOnServer = false;
    bool m_checking = false;
    QString m_serverStatus;
    QString m_serverError;
    QDateTime m_confirmedAt;
    RecordGate *m_gate = nullptr;
    bool m_awaitingRecord = false; // a step waits for afterRecorded()
    int m_recordWaits = 0;
};

} // namespace SeqDrop
