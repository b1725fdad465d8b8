#pragma once

#include "sigv4verifier.h"

#include <QDateTime>
#include <QString>
#include <memory>

namespace httplib {
class Server;
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

class SandboxStore;
class MultipartStore;
class FaultPlan;
class S3Multipart;
struct S3Call;

// The sandbox's S3 REST face, path-style on the API's port: http://127.0.0.1:PORT/<bucket>/<key>.
// Two buckets exist: seqdrop-multipart (the multipart route's; written with the temporary keys of
// init_multipart_upload, each limited to its own sample's keys) and seqdrop-test (for awscli and
// s3cmd, with the fixed keys below); any other bucket is NoSuchBucket. Every request carries
// SigV4 header auth (SigV4Verifier) and gets a Date header from the server's clock, which the
// clock_skew_s fault moves. Multipart operations are S3Multipart's; this class routes and does
// the plain object and bucket calls awscli and s3cmd make around them.
class S3Endpoint {
public:
    static constexpr const char *MultipartBucket = "seqdrop-multipart";
    static constexpr const char *TestBucket = "seqdrop-test";
    static constexpr const char *TestAccessKeyId = "SANDBOXACCESSKEY0000";
    static constexpr const char *TestSecretAccessKey = "sandboxsecret0000000000000000000000000000";

    struct Options {
        QString region = QStringLiteral("us-east-1");
        qint64 minPartSize = 5 * 1024 * 1024;
    };

    S3Endpoint(SandboxStore &store, MultipartStore &multipart, FaultPlan &faults,
               const Options &options);
    ~S3Endpoint();

    // Registers the routes: every path whose first segment is not api, _sandbox or s3.
    void install(httplib::Server &http);
    // The server's clock as S3 clients see it (moved by the clock_skew_s fault).
    QDateTime now() const;

private:
    void handle(const httplib::Request &req, httplib::Response &res,
                const httplib::ContentReader *reader);
    bool authenticate(S3Call &call);
    void route(S3Call &call);
    void putObject(S3Call &call);
    void getObject(S3Call &call);
    void deleteObject(S3Call &call);
    void listObjects(S3Call &call);

    SandboxStore &m_store;
    MultipartStore &m_multipart;
    FaultPlan &m_faults;
    Options m_options;
    SigV4Verifier m_verifier;
    std::unique_ptr<S3Multipart> m_operations;
};
