#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace SeqDrop {

class ThrottledDevice;

// One limit for all of SeqDrop's upload bytes together: every parallel sample, every part,
// every request body that goes through a ThrottledDevice. A token bucket on the thread that
// hands Qt the bodies (Qt reads an upload's body on the thread that owns the reply): bytes may
// leave at `rate` per second on average, with at most 50 ms worth at once.
// A body that finds the bucket empty waits its turn (in the order the bodies ran dry, so eight
// parallel uploads share the rate evenly) and is woken when there are bytes for it.
class BandwidthLimiter : public QObject {
    Q_OBJECT
public:
    explicit BandwidthLimiter(QObject *parent = nullptr);

    // Bytes per second for all uploads together; 0: no limit. Takes effect at once, on running
    // uploads too.
    void setRate(qint64 bytesPerSecond);
    qint64 rate() const { return m_rate; }

    // How many of `wanted` bytes `body` may send now: all of them without a limit; 0 when it
    // must wait, and then `body` is woken (ThrottledDevice::resume()) when it may go on.
    qint64 take(qint64 wanted, ThrottledDevice *body);
    // Bytes taken and not sent after all (the body had fewer left).
    void giveBack(qint64 bytes);

    // The curl spelling of a rate (`--limit-rate`): a number of bytes per second with an
    // optional suffix K, M or G (powers of 1024, either case), e.g. "500K", "20M", "1.5M".
    // Returns -1 when the text is not one.
    static qint64 parseRate(const QString &text);
    // A rate as people read it: "20 MB/s", "500 kB/s" (decimal units, as the speed column).
    static QString rateText(qint64 bytesPerSecond);

Q_SIGNALS:
    void rateChanged(qint64 bytesPerSecond);

private:
    void refill();
    void wakeLater(qint64 needed);
    void wake();
    double capacity() const;

    qint64 m_rate = 0;
    double m_tokens = 0;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    QTimer m_wake;
    QList<QPointer<ThrottledDevice>> m_waiting; // in the order they ran dry
};

} // namespace SeqDrop
