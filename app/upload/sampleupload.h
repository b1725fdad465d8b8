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
struct UploadTicket;

// One sample's upload as one state machine (KJob-like: start, cancel, progress, one finished
// signal); the bytes move through an UploadRoute (RouteFactory picks it):
//
//   Queued -> Initializing -> Uploading (R1[, R2]) -> Confirming -> Confirmed
//                 ^                |  policy expired:                |
//                 +---- cancel old sample, fresh init_upload --------+
//   any failure after a sample exists -> Cancelling -> Failed / Cancelled
//
// Invariant: a sample this object created ends confirmed or cancelled; never left pending.
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
    };

    SampleUpload(ApiClient *api, const SampleSpec &spec, QObject *parent = nullptr);
    ~SampleUpload() override;

    // Puts a sample that has not started into the state an earlier run left it in.
    bool restore(const Restored &restored);
    bool isAwaitingTidyUp() const { return m_awaitingTidyUp; }
    void setAwaitingTidyUp(bool awaiting) { m_awaitingTidyUp = awaiting; }

    void start();
    // Stops at once; a created sample is cancelled on the server before finished().
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
    QString sampleId() const { return m_sampleId; }
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
    // MD5 of each file as sent, verified against the storage ETag.
    QStringList md5s() const { return m_sent.md5s; }
    // The route the files went (or go) by, as --json names it ("form", "proxy", ...); empty
    // before one started.
    const QString &routeName() const { return m_routeName; }
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

private:
    void setState(State state);
    bool checkFiles();
    UploadRoute::Payload payload() const { return {m_spec, m_sizes, m_queuedFingerprint}; }
    void initialise();
    void onInitFinished(ApiJob *job);
    void sweepOrphans(const UploadTicket &ticket);
    void startRoute(const UploadTicket &ticket);
    void onRouteFinished(const UploadRoute::Result &result);
    void confirm();
    void onConfirmFinished(ApiJob *job);
    // Cancels the current sample on the server, then calls `then(alreadyConfirmed)`.
    void cancelRemote(const std::function<void(bool alreadyConfirmed, const UploadError &)> &then);
    // The user's cancel, once a sample exists: cancelled on the server, then finished.
    void cancelOnRequest();
    void failAndCancel(const UploadError &e);
    void finish(State state, const UploadError &e = {});
    // Every step runs one job or one route at a time: it is what cancel() stops, and its
    // retries are counted and told.
    void startJob(ApiJob *job, const std::function<void(ApiJob *)> &then);
    void endStep();
    void noteRetry(int retry, int delayMs, const UploadError &reason);

    ApiClient *m_api;
    SampleSpec m_spec;
    State m_state = State::Queued;
    UploadError m_error;
    QString m_sampleId;
    RouteFactory::Kind m_routeKind = RouteFactory::Kind::FormPost;
    QPointer<ApiJob> m_job;
    QPointer<UploadRoute> m_route;
    SpeedMeter m_speed;
    QElapsedTimer m_elapsed;
    QDateTime m_initStarted;
    QString m_queuedFingerprint; // the files as they were when queued
    QString m_hold;
    std::array<qint64, 2> m_sizes{};
    qint64 m_totalBytes = 0;
    UploadRoute::Sent m_sent; // the route's account, kept once it is gone
    int m_policyRefreshes = 0;
    int m_retries = 0;
    bool m_cancelRequested = false;
    bool m_awaitingTidyUp = false;
    bool m_leftOnServer = false;
    QString m_routeName;
    bool m_checking = false;
};

} // namespace SeqDrop
