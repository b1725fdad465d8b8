#include "upload/uploadroute.h"

#include "net/apiclient.h"

namespace SeqDrop {

UploadRoute::UploadRoute(const Payload &payload, QObject *parent)
    : QObject(parent)
    , m_payload(payload) {}

ApiJob *UploadRoute::confirmJob(ApiClient *api, const QString &sampleId) const {
    return api->confirmUpload(sampleId);
}

void UploadRoute::setFileProgress(int index, qint64 bytes) {
    m_sent.fileBytes[index & 1] = bytes;
    Q_EMIT progress(m_sent.bytes(), m_payload.sizes[0] + m_payload.sizes[1]);
}

void UploadRoute::setFileSent(int index, const QString &md5) {
    m_sent.fileBytes[index & 1] = m_payload.sizes[index & 1];
    m_sent.md5[index & 1] = md5;
    Q_EMIT fileSent(index);
}

void UploadRoute::restartSent() {
    m_sent = {};
    Q_EMIT progress(0, m_payload.sizes[0] + m_payload.sizes[1]);
}

UploadError UploadRoute::filesChanged() const {
    if (m_payload.spec.fingerprint() == m_payload.fingerprint)
        return {};
    // A retry re-read a replaced file, or a write landed mid-read.
    return UploadError::make(
        UploadError::Kind::LocalFile,
        QStringLiteral("%1 changed while it was being uploaded (size or modification "
                       "time), so what arrived may not be the file you meant. The sample "
                       "was cancelled; check that the file is complete, then add it again.")
            .arg(m_payload.spec.displayName()));
}

void UploadRoute::emitResult(const Result &result) {
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(result);
}

} // namespace SeqDrop
