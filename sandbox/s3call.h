#pragma once

#include "sigv4verifier.h"

#include <QDateTime>
#include <QString>

namespace httplib {
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

// One authenticated S3 request on its way through S3Endpoint and S3Multipart: the bucket and
// key of its path, what SigV4 verification found, and the server's (possibly skewed) time.
struct S3Call {
    const httplib::Request &req;
    httplib::Response &res;
    const httplib::ContentReader *reader; // null for GET, HEAD and DELETE
    QString bucket, key;
    QDateTime now;
    SigV4Verifier::Result auth;

    QString param(const char *name) const;
    bool hasParam(const char *name) const;
    QByteArray header(const char *name) const;
};
