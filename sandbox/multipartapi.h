#pragma once

#include <QJsonObject>
#include <QString>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

class SandboxStore;
class MultipartStore;
class FaultPlan;

// The One Codex API side of the multipart route: init_multipart_upload creates the sample
// (awaiting data) and hands out the bucket, the keys and temporary S3 credentials valid for
// `credentialTtl` seconds; import_file_from_s3 (the callback) makes the sample available once
// its completed objects are there. Both run behind SandboxServer's API checks (key, faults).
class MultipartApi {
public:
    static constexpr const char *CallbackPath = "/api/import_file_from_s3";

    MultipartApi(SandboxStore &store, MultipartStore &multipart, FaultPlan &faults,
                 int credentialTtl);

    void initMultipartUpload(const QJsonObject &body, httplib::Response &res);
    void importFileFromS3(const QJsonObject &body, httplib::Response &res);

private:
    SandboxStore &m_store;
    MultipartStore &m_multipart;
    FaultPlan &m_faults;
    int m_credentialTtl;
};
