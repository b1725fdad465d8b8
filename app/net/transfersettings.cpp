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
    return s;
}

} // namespace SeqDrop
