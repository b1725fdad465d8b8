#pragma once

#include "net/bandwidthlimiter.h"
#include "net/hashingfiledevice.h"
#include "net/networkjob.h"
#include "net/uploadticket.h"

#include <QElapsedTimer>
#include <QPointer>

#include <functional>

namespace SeqDrop {

// One file to the storage host as an S3 presigned POST: the server's form fields in order,
// the file part last, streamed from disk and hashed on the way; the answer's ETag is checked
// against that hash. No Authorization header and no API key ever reach the storage host.
class StorageUploadJob : public NetworkJob {
    Q_OBJECT
public:
    StorageUploadJob(QNetworkAccessManager *nam, const UploadTarget &target,
                     const QStringList &paths, const QString &uploadName, qint64 expectedSize,
                     QObject *parent = nullptr);

    // The longest wait for the answer once every byte is handed to the socket, used while the
    // link's pace is unknown; with a measured pace the wait is shorter (see
    // awaitingAnswerTimeoutMs()).
    void setAwaitingAnswerTimeout(int ms) { m_awaitingAnswerMs = ms; }
    // The one limit all uploads share; null: none.
    void setBandwidthLimiter(BandwidthLimiter *limiter) { m_limiter = limiter; }
    // Called once per attempt for the observer of the bytes read for sending (a resend reads
    // from byte 0 again, so it gets a fresh one): how the content is validated while it
    // uploads (StreamValidation::perAttempt()). A refusal stops the upload (Kind::LocalFile).
    using ObserverFactory = std::function<HashingFileDevice::BlockObserver()>;
    void setObserverFactory(const ObserverFactory &factory) { m_observerFactory = factory; }

    // The first file (lanes after it are sent concatenated with it).
    const QString &filePath() const { return m_filePath; }
    qint64 fileSize() const { return m_expectedSize; }
    const UploadTarget &target() const { return m_target; }
    // Once finished without error: the MD5 of the bytes sent and the key the object is under.
    QByteArray md5Hex() const { return m_md5Hex; }
    QString storedKey() const { return m_storedKey; }

    static QByteArray makeBoundary();

Q_SIGNALS:
    // Bytes of the file itself that left this computer in the current attempt.
    void progress(qint64 fileBytesSent, qint64 fileSize);

protected:
    QNetworkReply *sendRequest() override;
    UploadError processReply(QNetworkReply *reply) override;
    bool shouldRetry(const UploadError &e) const override;
    UploadError inactivityError() const override;
    int awaitingAnswerTimeoutMs() const override;
    QUrl targetUrl() const override { return m_target.url; }

private:
    void onUploadProgress(qint64 sent, qint64 total);

    QString checkFilesUnchanged() const;

    UploadTarget m_target;
    QStringList m_paths;
    QString m_filePath;
    QString m_uploadName;
    qint64 m_expectedSize;
    int m_awaitingAnswerMs = 300000;
    bool m_requestSent = false;
    // The link's pace, measured once the socket buffers are surely full (see onUploadProgress).
    QElapsedTimer m_paceClock;
    qint64 m_paceFrom = 0;
    double m_bytesPerSecond = 0;
    ObserverFactory m_observerFactory;
    QPointer<BandwidthLimiter> m_limiter;
    QPointer<HashingFileDevice> m_device;
    QByteArray m_md5Hex;
    QString m_storedKey;
};

} // namespace SeqDrop
