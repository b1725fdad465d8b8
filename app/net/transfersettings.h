#pragma once

#include "net/retrypolicy.h"

#include <QString>
#include <optional>

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
    // After a sample is confirmed, One Codex imports and validates it: its status is asked
    // after statusPollMs, then at doubling intervals up to statusPollMaxMs, for at most
    // statusPollLimitMs after the confirmation (ServerStatusWatcher).
    int statusPollMs = 5000;
    int statusPollMaxMs = 10 * 60 * 1000;
    qint64 statusPollLimitMs = qint64(24) * 3600 * 1000;

    // How a sample's bytes travel. Auto: one form POST per file unless a file is over the
    // single-request limit, then the multipart route (as One Codex's own client did before it
    // sent everything that way); a form POST refused as too large falls back to multipart.
    enum class Route { Auto, Form, Multipart };
    Route route = Route::Auto;
    // S3 refuses any single request over 5 GiB (EntityTooLarge).
    qint64 singleRequestLimit = qint64(5) << 30;
    int partsInFlight = 4; // multipart: parts sent at the same time
    // Multipart part size; 0: the official client's choice (PartPlan). Tests shrink it.
    qint64 partSize = 0;

    static QString routeName(Route route);
    static std::optional<Route> routeNamed(const QString &name);

    // SEQDROP_RETRY_BASE_MS, SEQDROP_STALL_TIMEOUT_MS, SEQDROP_SINGLE_REQUEST_LIMIT,
    // SEQDROP_PART_SIZE, SEQDROP_PROXY_POLL_MS and SEQDROP_PROXY_LIMIT_MS override the
    // defaults (tests: multipart without 5 GiB files, a proxy check in seconds).
    static TransferSettings fromEnvironment();
};

} // namespace SeqDrop
