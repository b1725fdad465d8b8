#pragma once

#include "upload/multipartresume.h"
#include "upload/uploadroute.h"

#include <QPointer>
#include <memory>

namespace SeqDrop {

class ApiClient;
class MultipartFileUpload;
class PairStreamCheck;
class S3Client;
struct TransferSettings;

// The route of files over S3's 5 GiB single-request limit, and of every file when asked: each
// file as an S3 multipart upload under the temporary keys init_multipart_upload gave, R2 first
// (to paired_end_file_id), then R1 (to file_id), then one callback that imports the sample
// (confirmJob()). It is the one route that resumes: its resume point (the upload ids and the
// parts stored) is told after every part, and a route built from one lists what S3 holds and
// sends only the rest.
//
// A cancel or a failure aborts every open multipart upload on S3 (no parts are left to be
// billed or completed later) before finished(). Interrupted without finishing (the process
// killed, the computer off), it leaves them open for the resume; so does a network or storage
// host failure that outlasts the retries (finished() then says `resumable`).
class MultipartRoute : public UploadRoute {
    Q_OBJECT
public:
    // `resume` holds init_multipart_upload's answer, and where an earlier run stopped.
    MultipartRoute(ApiClient *api, const MultipartResume &resume, const Payload &payload,
                   const TransferSettings &settings, QObject *parent = nullptr);
    ~MultipartRoute() override;

    QString name() const override { return QStringLiteral("multipart"); }
    void start() override;
    void abort() override;
    ResumePoint resumePoint() const override { return m_resume; }
    ApiJob *confirmJob(ApiClient *api, const QString &sampleId) const override;

    // For the row's details: parts stored on S3 of all parts, across the sample's files.
    int partsStored() const;
    int partsTotal() const;
    // Bytes an earlier run had stored that were not sent again.
    qint64 bytesResumed() const { return m_bytesResumed; }

private:
    void sendFile(int position);
    void onFileFinished(int index);
    UploadError resumeMismatch() const;
    // Aborts the open multipart uploads on S3, then finishes with `e`.
    void discard(const UploadError &e);
    // Finishes with `e`, resumable: the uploads stay open on S3 for a later attempt.
    void keepForLater(const UploadError &e);
    void stopFile();
    int sideAt(int position) const;

    ApiClient *m_api;
    S3Client *m_s3;
    MultipartResume m_resume;
    qint64 m_partSize;
    int m_partsInFlight;
    int m_position = 0; // which file of the order (R2, R1) is being sent
    int m_partsTotal[2] = {0, 0};
    qint64 m_bytesResumed = 0;
    QPointer<MultipartFileUpload> m_file;
    std::shared_ptr<PairStreamCheck> m_pairCheck;
    bool m_discarding = false;
};

} // namespace SeqDrop
