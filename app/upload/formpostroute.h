#pragma once

#include "net/uploadticket.h"
#include "upload/uploadroute.h"

#include <QPointer>

#include <memory>

namespace SeqDrop {

class ApiClient;
class PairStreamCheck;
class ProxyCheck;
class StorageUploadJob;

// Today's route: each file as one S3 presigned POST (StorageUploadJob) under the form
// init_upload gave it, R1 whole, then R2. A form POST sends a file whole or not at all, so a
// failure ends the route with nothing to resume, and an expired form asks for a fresh
// init_upload.
//
// When upload_url is One Codex's validating proxy (status_url or callback_url in the fields),
// the same POSTs go there; with status_url the route then waits for the proxy's check
// (ProxyCheck) and sends the files again when the proxy asks; with callback_url the proxy
// confirms the sample and the owner must not (confirmJob() gives none).
class FormPostRoute : public UploadRoute {
    Q_OBJECT
public:
    // The ticket is init_upload's answer for this sample; a pair needs its pairedEnd form.
    FormPostRoute(ApiClient *api, const UploadTicket &ticket, const Payload &payload,
                  QObject *parent = nullptr);
    ~FormPostRoute() override;

    QString name() const override;
    ApiJob *confirmJob(ApiClient *api, const QString &sampleId) const override;
    void start() override;
    void abort() override;

private:
    void sendFiles();
    void sendFile(int index);
    void onFileFinished(StorageUploadJob *job, int index);
    void startCheck();
    void onCheckFinished(ProxyCheck *check);

    ApiClient *m_api;
    UploadTicket m_ticket;
    QPointer<StorageUploadJob> m_job;
    QPointer<ProxyCheck> m_check;
    // R1/R2 agreement while a pair is sent with validation on: one check for both files.
    std::shared_ptr<PairStreamCheck> m_pairCheck;
    int m_proxyRetries = 0;
    bool m_aborted = false;
};

} // namespace SeqDrop
