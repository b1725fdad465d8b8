#pragma once

#include <QHash>
#include <QObject>

namespace SeqDrop {

class NetworkWatcher;
class SampleUpload;
class UploadQueue;
struct UploadError;

// Rows that failed only because the connection did (the network went away, a link kept
// dropping past the retries) go again when the system says the network is back, instead of
// waiting overnight for someone to press Retry. At most limit() times per sample, so a link
// that comes and goes does not retry for ever; what the user retries by hand is not counted.
class NetworkRetry : public QObject {
    Q_OBJECT
public:
    NetworkRetry(UploadQueue *queue, NetworkWatcher *watcher, QObject *parent = nullptr);

    // Per sample; 0: off.
    void setLimit(int perSample) { m_limit = perSample; }
    int limit() const { return m_limit; }
    static constexpr int DefaultLimit = 3;

    // A failure the network's return may cure.
    static bool isNetworkFailure(const UploadError &error);

Q_SIGNALS:
    // The network came back and `count` failed samples were queued again.
    void retried(int count);

private:
    void networkBack();

    UploadQueue *m_queue;
    int m_limit = DefaultLimit;
    QHash<const SampleUpload *, int> m_retries;
};

} // namespace SeqDrop
