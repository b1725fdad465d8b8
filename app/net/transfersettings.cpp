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
    const int poll = qEnvironmentVariableIntValue("SEQDROP_PROXY_POLL_MS", &ok);
    if (ok && poll > 0)
        s.proxyPollMs = poll;
    const int limit = qEnvironmentVariableIntValue("SEQDROP_PROXY_LIMIT_MS", &ok);
    if (ok && limit > 0)
        s.proxyLimitMs = limit;
    return s;
}

} // namespace SeqDrop
