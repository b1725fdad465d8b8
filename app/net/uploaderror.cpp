#include "net/uploaderror.h"

namespace SeqDrop {

bool UploadError::isRetryable() const {
    switch (kind) {
    case Kind::RateLimited:
    case Kind::ServerUnavailable:
    case Kind::Timeout:
    case Kind::Stalled:
    case Kind::ConnectionLost:
    case Kind::Network:
        return true;
    default:
        return false;
    }
}

QString UploadError::toString() const {
    if (detail.isEmpty())
        return message;
    return message + QStringLiteral(" [") + detail + QLatin1Char(']');
}

UploadError UploadError::make(Kind kind, const QString &message, const QString &detail) {
    UploadError e;
    e.kind = kind;
    e.message = message;
    e.detail = detail;
    return e;
}

} // namespace SeqDrop
