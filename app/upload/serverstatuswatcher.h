#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace SeqDrop {

class ApiClient;
class ApiJob;
class SampleUpload;
class UploadQueue;

// One Codex imports and validates every sample after the confirmation, and a file can still
// end failed_validation there, days before anyone looks in the web app. This asks, for each
// confirmed sample of a queue (GET /api/v1/samples/<id>), how it fares: importing, validating,
// then available or failed_validation with the platform's error_msg, which the sample keeps
// (SampleUpload::serverStatus()). The first ask comes TransferSettings::statusPollMs after the
// confirmation, the next ones at doubling intervals up to statusPollMaxMs, for at most
// statusPollLimitMs; a sample restored confirmed without a final verdict is followed again. One
// request per sample at a time; a failed one (offline, the server down) waits for the next turn.
class ServerStatusWatcher : public QObject {
    Q_OBJECT
public:
    ServerStatusWatcher(ApiClient *api, UploadQueue *queue, QObject *parent = nullptr);

    // Confirmed samples still waiting for their verdict (and within the time limit).
    int pendingCount() const { return int(m_follows.size()); }

Q_SIGNALS:
    // `sample` has its final verdict (available, failed_validation, deleted) or was given up.
    void settled(SeqDrop::SampleUpload *sample);
    // Nothing is followed any more.
    void idle();

private:
    struct Follow {
        QTimer *timer = nullptr;
        int delayMs = 0;
        QPointer<ApiJob> job;
    };
    void watch(SampleUpload *sample);
    void consider(SampleUpload *sample);
    // Confirmed longer ago than TransferSettings::statusPollLimitMs.
    bool isPastLimit(const SampleUpload *sample) const;
    void follow(SampleUpload *sample);
    void ask(SampleUpload *sample);
    void onAnswer(SampleUpload *sample, ApiJob *job);
    void stop(SampleUpload *sample, bool settled);

    ApiClient *m_api;
    QHash<SampleUpload *, Follow> m_follows;
};

} // namespace SeqDrop
