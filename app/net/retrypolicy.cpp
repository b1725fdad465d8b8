#include "net/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace SeqDrop {

RetryPolicy::RetryPolicy(int maxRetries, int baseDelayMs, int maxDelayMs)
    : m_maxRetries(maxRetries)
    , m_baseDelayMs(baseDelayMs)
    , m_maxDelayMs(maxDelayMs) {}

int RetryPolicy::delayMs(int retry, int retryAfterMs) const {
    if (retryAfterMs >= 0)
        return std::min(retryAfterMs, m_maxDelayMs);
    // base * 4^(retry-1), then "equal jitter": half fixed, half random.
    qint64 ceiling = m_baseDelayMs;
    for (int i = 1; i < retry && ceiling < m_maxDelayMs; ++i)
        ceiling *= 4;
    ceiling = std::min<qint64>(ceiling, m_maxDelayMs);
    const qint64 half = ceiling / 2;
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

RetryPolicy RetryPolicy::fromEnvironment(const RetryPolicy &fallback) {
    bool ok = false;
    const int base = qEnvironmentVariableIntValue("SEQDROP_RETRY_BASE_MS", &ok);
    if (!ok)
        return fallback;
    return RetryPolicy(fallback.maxRetries(), base, std::max(base, fallback.m_maxDelayMs / 60));
}

} // namespace SeqDrop
