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
