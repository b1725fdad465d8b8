#pragma once

#include "s3body.h"
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
    // How to receive this request's body: at most maxBytes, into `path` (empty: in memory),
    // checked against the payload hash and (aws-chunked) the chunk signatures its verified
    // Authorization chains to.
    S3Body::Options bodyOptions(qint64 maxBytes, const QString &path = {}) const;
};
