#include "faultplan.h"

#include <QJsonValue>
#include <QStringList>

FaultPlan::FaultPlan(const Settings &initial)
    : m_s(initial)
    , m_random(std::uint64_t(initial.seed)) {}

bool FaultPlan::takeOne(int &counter) {
    if (counter <= 0)
        return false;
    --counter;
    return true;
}

bool FaultPlan::draw(double rarity) {
    return m_s.randomFaults > 0 && uniform(0, 1) < m_s.randomFaults / rarity;
}

double FaultPlan::uniform(double from, double to) {
    return std::uniform_real_distribution<double>(from, to)(m_random);
}

FaultPlan::ApiVerdict FaultPlan::takeApiFault(const QString &path) {
    std::lock_guard<std::mutex> lock(m_mutex);
    ApiVerdict v;
    if (!m_s.apiFaultRoute.isEmpty() && !path.contains(m_s.apiFaultRoute))
        return v;
    if (m_s.stormMs > 0) {
        const Clock::time_point now = Clock::now();
        if (!m_stormOpen) {
            m_stormOpen = true;
            m_stormEnd = now + std::chrono::milliseconds(m_s.stormMs);
        }
        if (now < m_stormEnd) {
            v.fault = m_s.stormStatus == 429 ? ApiFault::Throttle : ApiFault::Fail;
            v.retryAfter = m_s.retryAfter;
            return v;
        }
        m_s.stormMs = 0; // the outage is over
        m_stormOpen = false;
    }
    v.retryAfter = m_s.retryAfter;
    v.status = m_s.rejectStatus;
    if (takeOne(m_s.failApi))
        v.fault = ApiFault::Fail;
    else if (takeOne(m_s.throttleApi))
        v.fault = ApiFault::Throttle;
    else if (takeOne(m_s.rejectApi))
        v.fault = ApiFault::Reject;
    else if (takeOne(m_s.garbleApi))
        v.fault = ApiFault::Garble;
    else if (takeOne(m_s.htmlApi))
        v.fault = ApiFault::Html;
    else if (draw())
        v.fault = uniform(0, 1) < 0.5 ? ApiFault::Fail : ApiFault::Throttle;
    return v;
}

bool FaultPlan::takeDropInitAnswer() {
    std::lock_guard<std::mutex> lock(m_mutex);
    // Random mode: rarer than 503/429, since each costs a sweep of the sample list.
    return takeOne(m_s.dropInitAnswers) || draw(4);
}

bool FaultPlan::takeExpiredPolicy() {
    std::lock_guard<std::mutex> lock(m_mutex);
    // As rare as lost init answers: each costs a fresh init_upload and a cancel.
    return takeOne(m_s.expiredPolicies) || draw(4);
}

FaultPlan::UploadVerdict FaultPlan::takeUploadFault() {
    std::lock_guard<std::mutex> lock(m_mutex);
    UploadVerdict v;
    v.at = m_s.cutAt;
    v.stallSeconds = m_s.stallSeconds;
    v.kbps = m_s.uploadKbps;
    if (takeOne(m_s.cutUploads))
        v.fault = UploadFault::Cut;
    else if (takeOne(m_s.stallUploads))
        v.fault = UploadFault::Stall;
    else if (takeOne(m_s.holdAnswers))
        v.fault = UploadFault::HoldAnswer;
    else if (draw()) {
        v.fault = uniform(0, 1) < 0.5 ? UploadFault::Cut : UploadFault::Stall;
        v.at = uniform(0.01, 0.99);
    }
    return v;
}

FaultPlan::PartVerdict FaultPlan::takePartFault() {
    std::lock_guard<std::mutex> lock(m_mutex);
    PartVerdict v;
    v.kbps = m_s.uploadKbps;
    if (takeOne(m_s.failParts)) {
        v.fault = PartFault::Fail;
        v.status = m_s.failPartsStatus;
    } else if (takeOne(m_s.cutParts)) {
        v.fault = PartFault::Cut;
    } else if (draw()) {
        // The soak: parts fail as uploads do, a refusal (503 SlowDown) or a cut half way.
        v.fault = uniform(0, 1) < 0.5 ? PartFault::Fail : PartFault::Cut;
        v.status = 503;
    }
    return v;
}

bool FaultPlan::takeLoseComplete() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.loseCompletes);
}

bool FaultPlan::takeCompleteError() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.completeErrors);
}

bool FaultPlan::takeFailCallback() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.failCallbacks);
}

bool FaultPlan::takeFailValidation() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return takeOne(m_s.failValidation);
}

int FaultPlan::importSeconds() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_s.importSeconds;
}

int FaultPlan::clockSkewSeconds() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_s.clockSkewS;
}

FaultPlan::ProxyVerdict FaultPlan::takeProxyVerdict() {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (takeOne(m_s.proxyFails))
        return ProxyVerdict::Fail;
    if (takeOne(m_s.proxyRejects))
        return ProxyVerdict::Reject;
    return ProxyVerdict::Ok;
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
    {"hold_answers", &FaultPlan::Settings::holdAnswers},
    {"expired_policies", &FaultPlan::Settings::expiredPolicies},
    {"drop_init_answers", &FaultPlan::Settings::dropInitAnswers},
    {"reject_api", &FaultPlan::Settings::rejectApi},
    {"reject_status", &FaultPlan::Settings::rejectStatus},
    {"garble_api", &FaultPlan::Settings::garbleApi},
    {"html_api", &FaultPlan::Settings::htmlApi},
    {"storm_ms", &FaultPlan::Settings::stormMs},
    {"storm_status", &FaultPlan::Settings::stormStatus},
    {"seed", &FaultPlan::Settings::seed},
    {"upload_kbps", &FaultPlan::Settings::uploadKbps},
    {"fail_parts", &FaultPlan::Settings::failParts},
    {"fail_parts_status", &FaultPlan::Settings::failPartsStatus},
    {"cut_parts", &FaultPlan::Settings::cutParts},
    {"lose_completes", &FaultPlan::Settings::loseCompletes},
    {"complete_errors", &FaultPlan::Settings::completeErrors},
    {"fail_callbacks", &FaultPlan::Settings::failCallbacks},
    {"clock_skew_s", &FaultPlan::Settings::clockSkewS},
    {"proxy_fails", &FaultPlan::Settings::proxyFails},
    {"proxy_rejects", &FaultPlan::Settings::proxyRejects},
    {"import_seconds", &FaultPlan::Settings::importSeconds},
    {"fail_validation", &FaultPlan::Settings::failValidation},
};

// The fractions: cut_at and random_faults, both 0..1.
bool fraction(const QJsonValue &v, const QString &key, double *out, QString *error) {
    if (!v.isDouble() || v.toDouble() < 0.0 || v.toDouble() > 1.0) {
        *error = QStringLiteral("%1 must be a number between 0 and 1").arg(key);
        return false;
    }
    *out = v.toDouble();
    return true;
}

} // namespace

bool FaultPlan::apply(const QJsonObject &changes, QString *error) {
    Settings next;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        next = m_s;
    }
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("cut_at") || key == QLatin1String("random_faults")) {
            if (!fraction(v, key, key == QLatin1String("cut_at") ? &next.cutAt : &next.randomFaults,
                          error))
                return false;
            continue;
        }
        if (key == QLatin1String("api_fault_route")) {
            if (!v.isString()) {
                *error = QStringLiteral("api_fault_route must be a string");
                return false;
            }
            next.apiFaultRoute = v.toString();
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
        // The clock may be behind as well as ahead; everything else counts.
        const bool signedField = key == QLatin1String("clock_skew_s");
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || (v.toInt() < 0 && !signedField)) {
            *error = signedField ? QStringLiteral("%1 must be an integer").arg(key)
                                 : QStringLiteral("%1 must be a non-negative integer").arg(key);
            return false;
        }
        next.*(field->member) = v.toInt();
    }
    if (next.stormStatus != 429 && next.stormStatus != 503) {
        *error = QStringLiteral("storm_status must be 429 or 503");
        return false;
    }
    if (next.failPartsStatus != 500 && next.failPartsStatus != 503) {
        *error = QStringLiteral("fail_parts_status must be 500 or 503");
        return false;
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    if (changes.contains(QLatin1String("storm_ms")))
        m_stormOpen = false; // a new storm opens at the next call
    if (changes.contains(QLatin1String("seed")))
        m_random.seed(std::uint64_t(next.seed));
    m_s = next;
    return true;
}

QJsonObject FaultPlan::toJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QJsonObject out{{"cut_at", m_s.cutAt},
                    {"random_faults", m_s.randomFaults},
                    {"api_fault_route", m_s.apiFaultRoute}};
    for (const IntField &f : IntFields)
        out.insert(QLatin1String(f.name), m_s.*(f.member));
    return out;
}
