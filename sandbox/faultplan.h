#pragma once

#include <QJsonObject>
#include <mutex>

// Fault injection counters shared by all server threads. Each "take" call
// consumes one unit of a counter, so "--fail-api 2" fails exactly the next two
// API calls no matter which thread serves them.
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
        int expiredPolicies = 0;
        int dropInitAnswers = 0; // create the sample, then close without answering
        int rejectApi = 0;       // answer the next N API calls with rejectStatus (JSON)
        int rejectStatus = 401;  // 401 key revoked, 402 quota reached, 403 ...
        int garbleApi = 0;       // answer the next N API calls 200 with a truncated JSON body
    };

    FaultPlan() = default;
    explicit FaultPlan(const Settings &initial);

    bool takeFailApi();
    // True when this call must be throttled; retryAfter receives the delay.
    bool takeThrottleApi(int *retryAfter);
    bool takeCutUpload(double *cutAt);
    bool takeStallUpload(double *cutAt, int *stallSeconds);
    bool takeExpiredPolicy();
    bool takeDropInitAnswer();
    bool takeRejectApi(int *status);
    bool takeGarbleApi();

    // Applies any of fail_api, throttle_api, retry_after, cut_uploads, cut_at,
    // stall_uploads, stall_seconds, expired_policies, drop_init_answers. Returns false (and
    // changes nothing) with an explanation when a value is of the wrong type
    // or out of range.
    bool apply(const QJsonObject &changes, QString *error);
    QJsonObject toJson() const;

private:
    static bool takeOne(int &counter);

    mutable std::mutex m_mutex;
    Settings m_s;
};
