#include "util/speedmeter.h"

#include <algorithm>

namespace SeqDrop {

namespace {
constexpr qint64 MinSampleMs = 250;
constexpr double SteadyAlpha = 0.15; // about a 2 s time constant at 4 samples a second
constexpr qint64 TrustAfterMs = 3000;
} // namespace

void SpeedMeter::reset() {
    m_clock.invalidate();
    m_lastMs = m_firstMs = -1;
    m_lastBytes = m_done = m_total = 0;
    m_samples = 0;
    m_speed = 0;
}

void SpeedMeter::update(qint64 doneBytes, qint64 totalBytes) {
    if (!m_clock.isValid())
        m_clock.start();
    updateAt(doneBytes, totalBytes, m_clock.elapsed());
}

void SpeedMeter::updateAt(qint64 doneBytes, qint64 totalBytes, qint64 nowMs) {
    m_total = totalBytes;
    if (doneBytes < m_lastBytes) { // a restarted transfer: start measuring afresh
        reset();
        m_total = totalBytes;
    }
    m_done = doneBytes;
    if (m_lastMs < 0) {
        m_lastMs = m_firstMs = nowMs;
        m_lastBytes = doneBytes;
        return;
    }
    const qint64 dt = nowMs - m_lastMs;
    if (dt < MinSampleMs)
        return;
    const double instant = double(doneBytes - m_lastBytes) * 1000.0 / double(dt);
    ++m_samples;
    // Ramp-up: the first samples are averaged evenly so one early burst cannot dominate.
    const double alpha = std::max(SteadyAlpha, 1.0 / m_samples);
    m_speed = alpha * instant + (1 - alpha) * m_speed;
    m_lastMs = nowMs;
    m_lastBytes = doneBytes;
}

qint64 SpeedMeter::etaSeconds() const {
    if (m_firstMs < 0 || m_lastMs - m_firstMs < TrustAfterMs || m_speed < 1.0)
        return -1;
    return qint64(double(m_total - m_done) / m_speed + 0.5);
}

} // namespace SeqDrop
