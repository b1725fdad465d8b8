#include "net/transfersettings.h"

namespace SeqDrop {

TransferSettings TransferSettings::fromEnvironment() {
    TransferSettings s;
    s.apiRetry = RetryPolicy::fromEnvironment(s.apiRetry);
    s.uploadRetry = RetryPolicy::fromEnvironment(s.uploadRetry);
    bool ok = false;
    const int stall = qEnvironmentVariableIntValue("SEQDROP_STALL_TIMEOUT_MS", &ok);
    if (ok && stall > 0)
        s.stallTimeoutMs = stall;
    const qint64 limit = qEnvironmentVariable("SEQDROP_SINGLE_REQUEST_LIMIT").toLongLong(&ok);
    if (ok && limit > 0)
        s.singleRequestLimit = limit;
    const qint64 partSize = qEnvironmentVariable("SEQDROP_PART_SIZE").toLongLong(&ok);
    if (ok && partSize > 0)
        s.partSize = partSize;
    const int poll = qEnvironmentVariableIntValue("SEQDROP_PROXY_POLL_MS", &ok);
    if (ok && poll > 0)
        s.proxyPollMs = poll;
    const int proxyLimit = qEnvironmentVariableIntValue("SEQDROP_PROXY_LIMIT_MS", &ok);
    if (ok && proxyLimit > 0)
        s.proxyLimitMs = proxyLimit;
    const int statusPoll = qEnvironmentVariableIntValue("SEQDROP_STATUS_POLL_MS", &ok);
    if (ok && statusPoll > 0)
        s.statusPollMs = statusPoll;
    return s;
}

QString TransferSettings::routeName(Route route) {
    switch (route) {
    case Route::Form:
        return QStringLiteral("form");
    case Route::Multipart:
        return QStringLiteral("multipart");
    case Route::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<TransferSettings::Route> TransferSettings::routeNamed(const QString &name) {
    for (Route r : {Route::Auto, Route::Form, Route::Multipart})
        if (routeName(r) == name)
            return r;
    return std::nullopt;
}

} // namespace SeqDrop
