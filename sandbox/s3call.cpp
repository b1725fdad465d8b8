#include "s3call.h"

#include <httplib.h>

QString S3Call::param(const char *name) const {
    return QString::fromStdString(req.get_param_value(name));
}

bool S3Call::hasParam(const char *name) const {
    return req.has_param(name);
}

QByteArray S3Call::header(const char *name) const {
    return QByteArray::fromStdString(req.get_header_value(name));
}

S3Body::Options S3Call::bodyOptions(qint64 maxBytes, const QString &path) const {
    S3Body::Options options;
    options.path = path;
    options.maxBytes = maxBytes;
    options.payloadHash = auth.payloadHash;
    options.seedSignature = auth.signature;
    options.signingKey = auth.signingKey;
    options.amzDate = auth.amzDate;
    options.scope = auth.scope;
    return options;
}
