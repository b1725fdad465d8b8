#pragma once

#include <QString>

namespace SeqDrop {

// The access key pair that signs requests to S3: for a multipart upload, the per-sample
// temporary keys init_multipart_upload hands out. Constructing one registers the secret with
// the Redactor, so no log line, diagnostic or --json output can carry it.
struct S3Credentials {
    S3Credentials() = default;
    S3Credentials(const QString &accessKeyId, const QString &secretAccessKey);

    QString accessKeyId;
    QString secretAccessKey;

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    // Registers the secret again; for credentials whose members were assigned one by one.
    void registerSecret() const;
};

} // namespace SeqDrop
