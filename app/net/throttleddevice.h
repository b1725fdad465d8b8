#pragma once

#include <QIODevice>
#include <QPointer>

namespace SeqDrop {

class BandwidthLimiter;

// A request body read through the BandwidthLimiter: the bytes of `inner` (open, random access,
// size known) as fast as the limit allows. When the limiter says wait, readData() hands Qt
// nothing, which Qt takes as "no data yet" (the device is not at its end), and readyRead()
// follows once bytes may go again. Random access like `inner`, so Qt neither buffers the body
// nor loses the Content-Length. Owns `inner`.
class ThrottledDevice : public QIODevice {
    Q_OBJECT
public:
    ThrottledDevice(QIODevice *inner, BandwidthLimiter *limiter, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_inner->size(); }
    bool seek(qint64 pos) override;

    // From the limiter: bytes may go again.
    void resume() { Q_EMIT readyRead(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QIODevice *m_inner;
    QPointer<BandwidthLimiter> m_limiter;
};

} // namespace SeqDrop
