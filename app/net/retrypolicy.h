#pragma once

#include <QtGlobal>

namespace SeqDrop {

// Bounded exponential backoff with full jitter. The official One Codex client retries three
// times with factor 4; we do the same by default but add jitter so that four parallel uploads
// hit by one 503 do not come back in lock-step.
class RetryPolicy {
public:
    RetryPolicy() = default;
    RetryPolicy(int maxRetries, int baseDelayMs, int maxDelayMs);

    int maxRetries() const { return m_maxRetries; }
    // Delay before retry number `retry` (1-based). A server's Retry-After wins when given,
    // capped so a hostile header cannot park an upload for hours.
    int delayMs(int retry, int retryAfterMs = -1) const;

    // Tests shrink the delays so a fault matrix runs in seconds.
    static RetryPolicy fromEnvironment(const RetryPolicy &fallback);

private:
    int m_maxRetries = 3;
    int m_baseDelayMs = 1000;
    int m_maxDelayMs = 60000;
};

} // namespace SeqDrop
