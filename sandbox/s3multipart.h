#pragma once

#include <QString>

struct S3Call;
class SandboxStore;
class MultipartStore;
class FaultPlan;
class S3Assembly;

// S3's multipart upload operations with S3's rules and error codes: CreateMultipartUpload,
// UploadPart (streamed to disk, Content-MD5 checked), ListParts (paged), CompleteMultipartUpload
// (ascending, existing parts with matching ETags, the minimum part size but for the last;
// assembled on disk) and AbortMultipartUpload. A completed object under a sample's key is
// handed to SandboxStore as the sample's R1 or R2, as a form upload would be.
class S3Multipart {
public:
    static constexpr int MaxParts = 10000;
    static constexpr qint64 MaxPartSize = 5LL * 1024 * 1024 * 1024;
    // A Complete assembling more than this answers 200 at once and streams (see complete()).
    static constexpr qint64 StreamCompleteAbove = 64 * 1024 * 1024;

    S3Multipart(SandboxStore &store, MultipartStore &multipart, FaultPlan &faults,
                qint64 minPartSize);

    void create(S3Call &call);
    void uploadPart(S3Call &call);
    void listParts(S3Call &call);
    void complete(S3Call &call);
    void abort(S3Call &call);
    // ListMultipartUploads (GET /bucket?uploads): the open uploads, what s3cmd's
    // --continue-put and a cleanup of forgotten uploads start from.
    void listUploads(S3Call &call);

    // Hands a finished object at tempPath to its sample (a key under a sample's prefix) or to
    // the bucket's own folder, and records it; false (tempPath removed) when the key's sample
    // no longer awaits data.
    bool storeObject(const QString &bucket, const QString &key, const QString &tempPath,
                     qint64 size, const QString &md5, const QString &etag);
    // The sample whose key this is and still awaits data, if any.
    QString sampleOfKey(const QString &key, int *read = nullptr) const;

private:
    bool openUpload(S3Call &call, QString *uploadId);
    // Hands the assembled object over and marks the upload completed; false with an S3 error
    // code (AccessDenied: the sample stopped awaiting data; NoSuchUpload: aborted meanwhile).
    bool finish(S3Assembly &assembly, const QString &bucket, const QString &key,
                const QString &uploadId, QString *code, QString *message);

    SandboxStore &m_store;
    MultipartStore &m_multipart;
    FaultPlan &m_faults;
    qint64 m_minPartSize;
};
