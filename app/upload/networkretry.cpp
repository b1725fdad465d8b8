#include "upload/networkretry.h"

#include "net/networkwatcher.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

namespace SeqDrop {

NetworkRetry::NetworkRetry(UploadQueue *queue, NetworkWatcher *watcher, QObject *parent)
    : QObject(parent)
    , m_queue(queue) {
    connect(watcher, &NetworkWatcher::networkChanged, this, [this](bool up) {
        if (up)
            networkBack();
    });
    connect(queue, &UploadQueue::samplesRemoved, this,
            [this](const QList<SampleUpload *> &removed) {
                for (const SampleUpload *sample : removed)
                    m_retries.remove(sample);
            });
}

bool NetworkRetry::isNetworkFailure(const UploadError &error) {
    using Kind = UploadError::Kind;
    return error.kind == Kind::Network || error.kind == Kind::ConnectionLost ||
           error.kind == Kind::Timeout || error.kind == Kind::Stalled;
}

void NetworkRetry::networkBack() {
    if (m_limit <= 0)
        return;
    int count = 0;
    const QList<SampleUpload *> samples = m_queue->samples();
    for (SampleUpload *sample : samples) {
        if (sample->state() != SampleUpload::State::Failed || !isNetworkFailure(sample->error()) ||
            m_retries.value(sample) >= m_limit)
            continue;
        if (m_queue->retry(sample)) {
            ++m_retries[sample];
            ++count;
        }
    }
    if (count > 0)
        Q_EMIT retried(count);
}

} // namespace SeqDrop
