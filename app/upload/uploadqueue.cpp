#include "upload/uploadqueue.h"

#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "upload/sampleupload.h"

#include <QSet>

namespace SeqDrop {

UploadQueue::UploadQueue(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api) {}

void UploadQueue::setMaxParallel(int n) {
    m_maxParallel = qMax(1, n);
    schedule();
}

QList<SampleUpload *> UploadQueue::add(const QList<SampleSpec> &specs) {
    QList<SampleUpload *> added;
    added.reserve(specs.size());
    for (const SampleSpec &spec : specs)
        added.append(new SampleUpload(m_api, spec, this));
    append(added);
    return added;
}

QList<SampleUpload *> UploadQueue::addRestored(const QList<RestoredSample> &samples) {
    QList<SampleUpload *> added;
    added.reserve(samples.size());
    for (const RestoredSample &r : samples) {
        auto *sample = new SampleUpload(m_api, r.spec, this);
        sample->restore(r.restored);
        added.append(sample);
    }
    append(added);
    return added;
}

void UploadQueue::release(SampleUpload *sample) {
    if (!sample->isAwaitingTidyUp())
        return;
    sample->setAwaitingTidyUp(false);
    schedule();
}

void UploadQueue::append(const QList<SampleUpload *> &samples) {
    if (samples.isEmpty())
        return;
    m_samples.append(samples);
    for (SampleUpload *sample : samples) {
        connect(sample, &SampleUpload::progressChanged, this, &UploadQueue::progressChanged);
        connect(sample, &SampleUpload::finished, this, [this, sample] { onFinished(sample); });
        // A hold lifted (a safe name accepted) lets the sample start if the queue runs.
        connect(sample, &SampleUpload::holdChanged, this, &UploadQueue::schedule);
    }
    Q_EMIT samplesAdded(samples);
    schedule();
}

int UploadQueue::remove(const QList<SampleUpload *> &samples) {
    int running = 0;
    QList<SampleUpload *> gone;
    QSet<SampleUpload *> goneSet;
    // One pass over the list, not one search per sample: Clear Uploaded on a run folder
    // removes thousands.
    const QSet<SampleUpload *> present(m_samples.cbegin(), m_samples.cend());
    for (SampleUpload *sample : samples) {
        if (sample->isRunning()) {
            ++running;
            continue;
        }
        if (goneSet.contains(sample) || !present.contains(sample))
            continue;
        if (sample->isResumable()) {
            // Parts left on S3 and a sample awaiting data on One Codex: both go first, then the
            // row.
            connect(
                sample, &SampleUpload::finished, this, [this, sample] { remove(sample); },
                Qt::SingleShotConnection);
            sample->cancel();
            continue;
        }
        gone.append(sample);
        goneSet.insert(sample);
    }
    if (gone.isEmpty())
        return running;
    m_samples.removeIf([&goneSet](SampleUpload *s) { return goneSet.contains(s); });
    Q_EMIT samplesRemoved(gone);
    for (SampleUpload *sample : gone)
        sample->deleteLater();
    return running;
}

void UploadQueue::setNetworkWatcher(NetworkWatcher *watcher) {
    if (m_watcher)
        m_watcher->disconnect(this);
    m_watcher = watcher;
    m_api->setNetworkWatcher(watcher);
    if (!watcher)
        return;
    connect(watcher, &NetworkWatcher::networkChanged, this, [this](bool up) {
        if (!up)
            return; // running samples go on; their jobs' retries wait for the network
        schedule();
        if (isIdle() && !m_paused)
            Q_EMIT idle();
    });
}

bool UploadQueue::isOffline() const {
    return m_watcher && !m_watcher->isOnline(m_api->baseUrl());
}

void UploadQueue::start() {
    m_paused = false;
    schedule();
    if (isIdle())
        Q_EMIT idle();
}

void UploadQueue::pause() {
    m_paused = true;
}

void UploadQueue::cancelAll() {
    m_paused = true;
    // Copy: cancelling a queued sample finishes it synchronously. A failed one keeps what it
    // left on S3 for a retry: only removing it (or cancelling that row) discards it.
    const QList<SampleUpload *> samples = m_samples;
    for (SampleUpload *sample : samples)
        if (!sample->isFinished())
            sample->cancel();
}

bool UploadQueue::retry(SampleUpload *sample) {
    if (!sample->resetForRetry())
        return false;
    schedule();
    return true;
}

int UploadQueue::runningCount() const {
    int n = 0;
    for (const SampleUpload *s : m_samples)
        n += s->isRunning() ? 1 : 0;
    return n;
}

int UploadQueue::pendingCount() const {
    int n = 0;
    for (const SampleUpload *s : m_samples)
        n += s->isStartable() ? 1 : 0;
    return n;
}

int UploadQueue::heldCount() const {
    return countIn(SampleUpload::State::Queued) - pendingCount();
}

int UploadQueue::countIn(SampleUpload::State state) const {
    int n = 0;
    for (const SampleUpload *s : m_samples)
        n += s->state() == state ? 1 : 0;
    return n;
}

qint64 UploadQueue::totalBytes() const {
    qint64 total = 0;
    for (const SampleUpload *s : m_samples)
        if (s->state() != SampleUpload::State::Cancelled)
            total += s->totalBytes();
    return total;
}

qint64 UploadQueue::bytesSent() const {
    qint64 sent = 0;
    for (const SampleUpload *s : m_samples)
        if (s->state() != SampleUpload::State::Cancelled)
            sent += s->bytesSent();
    return sent;
}

double UploadQueue::bytesPerSecond() const {
    double speed = 0;
    for (const SampleUpload *s : m_samples)
        if (s->isRunning())
            speed += s->bytesPerSecond();
    return speed;
}

void UploadQueue::schedule() {
    if (m_paused || isOffline())
        return;
    // In the order added: the order the user set is the order samples start. The running count
    // is taken afresh each time because start() may finish a sample synchronously.
    const QList<SampleUpload *> samples = m_samples;
    for (SampleUpload *sample : samples) {
        if (runningCount() >= m_maxParallel || m_paused)
            break;
        if (!sample->isStartable())
            continue;
        // Before start(): a listener may still adjust the spec (SampleUpload::setSpec).
        Q_EMIT sampleStarted(sample);
        sample->start(); // may finish synchronously (a missing file)
    }
}

void UploadQueue::onFinished(SampleUpload *sample) {
    Q_EMIT sampleFinished(sample);
    const UploadError::Kind kind = sample->error().kind;
    if (sample->state() == SampleUpload::State::Failed &&
        (kind == UploadError::Kind::Auth || kind == UploadError::Kind::Payment)) {
        m_paused = true;
        Q_EMIT halted(sample->error());
    }
    schedule();
    if (isIdle())
        Q_EMIT idle();
}

} // namespace SeqDrop
