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

namespace {

// The integer counters and settings by their JSON names: one table for apply() and toJson().
struct IntField {
    const char *name;
    int FaultPlan::Settings::*member;
};
const IntField IntFields[] = {
    {"fail_api", &FaultPlan::Settings::failApi},
    {"throttle_api", &FaultPlan::Settings::throttleApi},
    {"retry_after", &FaultPlan::Settings::retryAfter},
    {"cut_uploads", &FaultPlan::Settings::cutUploads},
    {"stall_uploads", &FaultPlan::Settings::stallUploads},
    {"stall_seconds", &FaultPlan::Settings::stallSeconds},
    {"expired_policies", &FaultPlan::Settings::expiredPolicies},
    {"drop_init_answers", &FaultPlan::Settings::dropInitAnswers},
    {"reject_api", &FaultPlan::Settings::rejectApi},
    {"reject_status", &FaultPlan::Settings::rejectStatus},
    {"garble_api", &FaultPlan::Settings::garbleApi},
};

} // namespace

bool FaultPlan::takeDropInitAnswer() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.dropInitAnswers);
}

bool FaultPlan::takeRejectApi(int *status) {
    std::lock_guard<std::mutex> lock(m_mutex);
    *status = m_s.rejectStatus;
    return takeOne(m_s.rejectApi);
}

bool FaultPlan::takeGarbleApi() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.garbleApi);
}

bool FaultPlan::apply(const QJsonObject &changes, QString *error) {
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
        const IntField *field = nullptr;
        for (const IntField &f : IntFields)
            if (key == QLatin1String(f.name))
                field = &f;
        if (!field) {
            *error = QStringLiteral("unknown fault: %1").arg(key);
            return false;
        }
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 0) {
            *error = QStringLiteral("%1 must be a non-negative integer").arg(key);
            return false;
        }
        next.*(field->member) = v.toInt();
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_s = next;
    return true;
}

QJsonObject FaultPlan::toJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QJsonObject out{{"cut_at", m_s.cutAt}};
    for (const IntField &f : IntFields)
        out.insert(QLatin1String(f.name), m_s.*(f.member));
    return out;
}
