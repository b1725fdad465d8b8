#include "net/s3credentials.h"

#include "util/redactor.h"

namespace SeqDrop {

S3Credentials::S3Credentials(const QString &accessKeyId, const QString &secretAccessKey)
    : accessKeyId(accessKeyId)
    , secretAccessKey(secretAccessKey) {
    registerSecret();
}

void S3Credentials::registerSecret() const {
    Redactor::addSecret(secretAccessKey);
}

} // namespace SeqDrop
