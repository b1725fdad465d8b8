#pragma once

#include "net/retrypolicy.h"

namespace SeqDrop {

// Timing knobs of every transfer, in one value so the GUI's settings, the CLI and the tests
// (which shrink them through the environment) configure the engine the same way.
struct TransferSettings {
    RetryPolicy apiRetry{3, 1000, 60000};
    RetryPolicy uploadRetry{3, 2000, 60000};
    int apiTimeoutMs = 60000;
    int stallTimeoutMs = 60000;           // upload bytes not moving
    int awaitingAnswerTimeoutMs = 300000; // all bytes sent: the longest wait for the answer
    int maxPolicyRefreshes = 3;           // fresh init_upload after an expired policy
    // One Codex's validating proxy (status_url): how often it is asked whether its check of the
    // files is over, and for how long at most (it buffers files of 30-50 GB).
    int proxyPollMs = 30000;
    int proxyLimitMs = 4 * 3600 * 1000;

    // SEQDROP_RETRY_BASE_MS, SEQDROP_STALL_TIMEOUT_MS, SEQDROP_PROXY_POLL_MS and
    // SEQDROP_PROXY_LIMIT_MS override the defaults (tests).
    static TransferSettings fromEnvironment();
};

} // namespace SeqDrop
