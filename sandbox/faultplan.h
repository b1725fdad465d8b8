#pragma once

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <mutex>
#include <random>

// Fault injection shared by all server threads. Counters: each "take" call
// consumes one unit, so "--fail-api 2" fails exactly the next two API calls
// no matter which thread serves them. A storm is a time window instead (an
// outage), and random faults a seeded rate (the soak benchmark).
class FaultPlan {
public:
    struct Settings {
        int failApi = 0;
        int throttleApi = 0;
        int retryAfter = 1;
        int cutUploads = 0;
        double cutAt = 0.5;
        int stallUploads = 0;
        int stallSeconds = 600;
        int holdAnswers = 0; // the next N uploads get every byte in, then no answer
        int expiredPolicies = 0;
        int dropInitAnswers = 0; // create the sample, then close without answering
        int rejectApi = 0;       // answer the next N API calls with rejectStatus (JSON)
        int rejectStatus = 401;  // 401 key revoked, 402 quota reached, 403 ...
        int garbleApi = 0;       // answer the next N API calls 200 with a truncated JSON body
        int htmlApi = 0;         // answer the next N API calls 200 with an HTML page
        // The next API call opens an outage of stormMs during which every API call answers
        // stormStatus (503: an HTML error page, 429: JSON + Retry-After).
        int stormMs = 0;
        int stormStatus = 503;
        // API faults (all of the above but the upload ones) hit only routes whose path
        // contains this text, e.g. "samples/" to spare /account; empty: every route.
        QString apiFaultRoute;
        // Each API call and storage upload is faulted with this probability: a 503 or a 429
        // for API calls (a lost answer or an expired policy too for init_upload), a cut at a
        // random point or a stall for uploads. Seeded, so a run can be repeated.
        double randomFaults = 0;
        int seed = 1;
        // Every storage upload is read no faster than this many kB/s: a slow link, on which
        // an upload moves for longer than the client's stall timeout. 0: no limit.
        int uploadKbps = 0;
        // The S3 multipart route (S3Multipart): refuse the next N parts with failPartsStatus
        // (500 InternalError, 503 SlowDown), cut the connection of the next N parts half way,
        // complete the next N uploads and drop the answer, answer the next N Completes 200
        // with an <Error> body (not completed), fail the next N import_file_from_s3 callbacks
        // with 500. clockSkewS moves the S3 clock (its Date header and skew check).
        int failParts = 0;
        int failPartsStatus = 503;
        int cutParts = 0;
        int loseCompletes = 0;
        int completeErrors = 0;
        int failCallbacks = 0;
        int clockSkewS = 0;
        // The validating proxy (--proxy-mode): its next N verdicts are "complete" with code 500
        // (a retry) or with code 422 and a message (the file refused).
        int proxyFails = 0;
        int proxyRejects = 0;
        // What One Codex does after confirm_upload: the sample is "importing" for the first
        // half of importSeconds, "validating" for the second, then "available"; the next N
        // confirmed samples end "failed_validation" with an error_msg instead. 0 s: available
        // at once.
        int importSeconds = 0;
        int failValidation = 0;
    };

    enum class ApiFault { None, Fail, Throttle, Reject, Garble, Html };
    struct ApiVerdict {
        ApiFault fault = ApiFault::None;
        int status = 0;     // Reject: the status to answer
        int retryAfter = 0; // Throttle: seconds
    };
    // Cut and Stall strike mid-body; HoldAnswer once every byte is in (a storage host that
    // never answers, or an answer lost on the way back).
    enum class UploadFault { None, Cut, Stall, HoldAnswer };
    struct UploadVerdict {
        UploadFault fault = UploadFault::None;
        double at = 0.5; // fraction of the file received first
        int stallSeconds = 0;
        int kbps = 0; // read no faster than this (0: no limit)
    };

    enum class PartFault { None, Fail, Cut };
    struct PartVerdict {
        PartFault fault = PartFault::None;
        int status = 0; // Fail: 500 or 503
        int kbps = 0;   // upload_kbps: the part body is read no faster than this (kB/s)
    };

    FaultPlan() = default;
    explicit FaultPlan(const Settings &initial);

    // The fault (if any) for an API call to `path`, before auth, as a proxy would answer.
    ApiVerdict takeApiFault(const QString &path);
    // For init_upload, once its sample exists: drop the answer, or issue an expired policy.
    bool takeDropInitAnswer();
    bool takeExpiredPolicy();
    // For a storage upload that passed the policy checks.
    UploadVerdict takeUploadFault();
    // For an S3 UploadPart whose upload exists.
    PartVerdict takePartFault();
    bool takeLoseComplete();
    bool takeCompleteError();
    bool takeFailCallback();
    bool takeFailValidation();
    int importSeconds() const;
    int clockSkewSeconds() const;
    // For the validating proxy once its check of a file is over.
    enum class ProxyVerdict { Ok, Fail, Reject };
    ProxyVerdict takeProxyVerdict();

    // Applies any of the settings by their JSON names (fail_api, throttle_api, retry_after,
    // cut_uploads, cut_at, stall_uploads, stall_seconds, expired_policies, drop_init_answers,
    // reject_api, reject_status, garble_api, html_api, storm_ms, storm_status,
    // api_fault_route, random_faults, seed, upload_kbps, hold_answers, fail_parts,
    // fail_parts_status, cut_parts, lose_completes, complete_errors, fail_callbacks,
    // clock_skew_s, proxy_fails, proxy_rejects). Returns false (and changes
    // nothing) with an explanation when a value is of the wrong type or out of range.
    bool apply(const QJsonObject &changes, QString *error);
    QJsonObject toJson() const;

private:
    using Clock = std::chrono::steady_clock;
    static bool takeOne(int &counter);
    // One random-fault decision at the configured rate, or at that rate / `rarity`; m_mutex held.
    bool draw(double rarity = 1.0);
    double uniform(double from, double to);

    mutable std::mutex m_mutex;
    Settings m_s;
    Clock::time_point m_stormEnd{};
    bool m_stormOpen = false;
    std::mt19937_64 m_random{1};
};
