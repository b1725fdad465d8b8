#pragma once

#include "upload/sampleupload.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace SeqDrop {

class ApiClient;
class NetworkWatcher;

// Runs queued samples in the order added, at most N at once. Pausing stops new starts (running
// samples go on); an authentication or payment failure pauses the queue by itself, since every
// other sample would fail the same way. While the network is down (NetworkWatcher) nothing new
// starts either, without touching the user's pause, and the queue goes on when it is back.
class UploadQueue : public QObject {
    Q_OBJECT
public:
    explicit UploadQueue(ApiClient *api, QObject *parent = nullptr);

    static constexpr int DefaultParallel = 4;
    // How many samples a front end with an event loop to keep answering adds per turn of it
    // (IntakeJob, QueueRestorer): enough to fill a screen at once, small enough that one batch
    // (rows, journal, checks) stays well inside a frame budget on a slow laptop.
    static constexpr int BatchSize = 128;

    void setMaxParallel(int n);
    int maxParallel() const { return m_maxParallel; }

    // A sample as an earlier run left it (see QueueRestorer); a held one waits for release().
    struct RestoredSample {
        SampleSpec spec;
        SampleUpload::Restored restored;
    };
    // Samples go in as one batch however many there are (a run folder holds thousands): one
    // samplesAdded(), one scheduling pass; the new samples in the order given.
    QList<SampleUpload *> add(const QList<SampleSpec> &specs);
    QList<SampleUpload *> addRestored(const QList<RestoredSample> &samples);
    SampleUpload *add(const SampleSpec &spec) { return add(QList<SampleSpec>{spec}).constFirst(); }
    SampleUpload *addRestored(const SampleSpec &spec, const SampleUpload::Restored &restored) {
        return addRestored(QList<RestoredSample>{{spec, restored}}).constFirst();
    }
    void release(SampleUpload *sample);
    // Removes samples that are not running, as one batch (one samplesRemoved()); returns how
    // many of them were running and stay. A resumable one goes once its open upload is aborted
    // and its sample cancelled (a samplesRemoved() of its own then).
    int remove(const QList<SampleUpload *> &samples);
    bool remove(SampleUpload *sample) { return remove(QList<SampleUpload *>{sample}) == 0; }
    const QList<SampleUpload *> &samples() const { return m_samples; }

    void start();
    void pause();
    void resume() { start(); }
    bool isPaused() const { return m_paused; }
    // Also given to the ApiClient, so retries of running jobs wait for the network too.
    void setNetworkWatcher(NetworkWatcher *watcher);
    bool isOffline() const;
    void cancelAll();
    bool retry(SampleUpload *sample);

    int runningCount() const;
    // Queued samples that may start (held ones excluded: they wait for the user, not the queue).
    int pendingCount() const;
    int heldCount() const;
    bool isIdle() const { return runningCount() == 0 && (m_paused || pendingCount() == 0); }
    qint64 totalBytes() const;
    qint64 bytesSent() const;
    double bytesPerSecond() const;
    int countIn(SampleUpload::State state) const;

Q_SIGNALS:
    // A batch of new samples, at the end of samples() in this order.
    void samplesAdded(const QList<SeqDrop::SampleUpload *> &samples);
    // Taken off the list by the user, as one batch: forget them (the journal too). They are
    // deleted later, never within this signal.
    void samplesRemoved(const QList<SeqDrop::SampleUpload *> &samples);
    void sampleStarted(SeqDrop::SampleUpload *sample);
    void sampleFinished(SeqDrop::SampleUpload *sample);
    void progressChanged();
    // The queue stopped starting samples because of this error (bad key, quota).
    void halted(const SeqDrop::UploadError &error);
    // Nothing running and nothing left to start.
    void idle();

private:
    void append(const QList<SampleUpload *> &samples);
    void schedule();
    void onFinished(SampleUpload *sample);

    ApiClient *m_api;
    QPointer<NetworkWatcher> m_watcher;
    QList<SampleUpload *> m_samples;
    int m_maxParallel = DefaultParallel;
    bool m_paused = true;
};

} // namespace SeqDrop
