#include "faultplan.h"

#include <QJsonValue>
#include <QStringList>

FaultPlan::FaultPlan(const Settings &initial)
    : m_s(initial) {}

bool FaultPlan::takeOne(int &counter) {
    if (counter <= 0)
        return false;
    --counter;
    return true;
}

bool FaultPlan::takeFailApi() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.failApi);
}

bool FaultPlan::takeThrottleApi(int *retryAfter) {
    std::lock_guard<std::mutex> lock(m_mutex);
    *retryAfter = m_s.retryAfter;
    return takeOne(m_s.throttleApi);
}

bool FaultPlan::takeCutUpload(double *cutAt) {
    std::lock_guard<std::mutex> lock(m_mutex);
    *cutAt = m_s.cutAt;
    return takeOne(m_s.cutUploads);
}

bool FaultPlan::takeStallUpload(double *cutAt, int *stallSeconds) {
    std::lock_guard<std::mutex> lock(m_mutex);
    *cutAt = m_s.cutAt;
    *stallSeconds = m_s.stallSeconds;
    return takeOne(m_s.stallUploads);
}

bool FaultPlan::takeExpiredPolicy() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.expiredPolicies);
}

bool FaultPlan::apply(const QJsonObject &changes, QString *error) {
    static const QStringList intKeys = {"fail_api",        "throttle_api",  "retry_after",
                                        "cut_uploads",     "stall_uploads", "stall_seconds",
                                        "expired_policies"};
    Settings next;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        next = m_s;
    }
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("cut_at")) {
            if (!v.isDouble() || v.toDouble() < 0.0 || v.toDouble() > 1.0) {
                *error = QStringLiteral("cut_at must be a number between 0 and 1");
                return false;
            }
            next.cutAt = v.toDouble();
            continue;
        }
        if (!intKeys.contains(key)) {
            *error = QStringLiteral("unknown fault: %1").arg(key);
            return false;
        }
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 0) {
            *error = QStringLiteral("%1 must be a non-negative integer").arg(key);
            return false;
        }
        const int n = v.toInt();
        if (key == QLatin1String("fail_api"))
            next.failApi = n;
        else if (key == QLatin1String("throttle_api"))
            next.throttleApi = n;
        else if (key == QLatin1String("retry_after"))
            next.retryAfter = n;
        else if (key == QLatin1String("cut_uploads"))
            next.cutUploads = n;
        else if (key == QLatin1String("stall_uploads"))
            next.stallUploads = n;
        else if (key == QLatin1String("stall_seconds"))
            next.stallSeconds = n;
        else
            next.expiredPolicies = n;
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_s = next;
    return true;
}

QJsonObject FaultPlan::toJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return QJsonObject{{"fail_api", m_s.failApi},
                       {"throttle_api", m_s.throttleApi},
                       {"retry_after", m_s.retryAfter},
                       {"cut_uploads", m_s.cutUploads},
                       {"cut_at", m_s.cutAt},
                       {"stall_uploads", m_s.stallUploads},
                       {"stall_seconds", m_s.stallSeconds},
                       {"expired_policies", m_s.expiredPolicies}};
}
