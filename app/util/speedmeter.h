#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace SeqDrop {

// Transfer speed as an exponential moving average that ramps up over the first samples (a
// plain average at first, then EMA), and an ETA that stays hidden until it can be trusted.
// The erratic-ETA complaint of every upload tool comes from skipping those two steps.
class SpeedMeter {
public:
    void reset();
    // Feed the running byte count; samples closer than 250 ms together are merged.
    void update(qint64 doneBytes, qint64 totalBytes);
    double bytesPerSecond() const { return m_speed; }
    // Seconds left, or -1 while the estimate is not trustworthy yet.
    qint64 etaSeconds() const;

    // Testing hook: feed samples with explicit timestamps.
    void updateAt(qint64 doneBytes, qint64 totalBytes, qint64 nowMs);

private:
    QElapsedTimer m_clock;
    qint64 m_lastMs = -1;
    qint64 m_lastBytes = 0;
    qint64 m_firstMs = -1;
    qint64 m_done = 0;
    qint64 m_total = 0;
    int m_samples = 0;
    double m_speed = 0;
};

} // namespace SeqDrop
