#include "net/storageuploadjob.h"

#include "net/errormapper.h"
#include "net/formbodydevice.h"
#include "net/hashingfiledevice.h"
#include "net/throttleddevice.h"
#include "net/urlpolicy.h"
#include "samples/localfile.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QXmlStreamReader>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

// Bytes that can sit in the socket buffers between SeqDrop and the link: Linux grows a TCP
// send buffer to 4 MiB by default and Windows and macOS autotune to similar sizes; 16 MiB
// leaves room for a tuned host.
constexpr qint64 InFlightBytes = 16 << 20;
// The least wait for an answer once everything is sent, even with a short stall timeout.
constexpr int MinAnswerWaitMs = 10000;
// Time allowed per GB for the storage host to finish storing a large object.
constexpr double FinishMsPerGB = 10000;

QString xmlElement(const QByteArray &xml, QLatin1String name) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNextStartElement() && reader.name() == name)
            return reader.readElementText();
    }
    return {};
}

} // namespace

StorageUploadJob::StorageUploadJob(QNetworkAccessManager *nam, const UploadTarget &target,
                                   const QStringList &paths, const QString &uploadName,
                                   qint64 expectedSize, QObject *parent)
    : NetworkJob(nam, parent)
    , m_target(target)
    , m_paths(paths)
    , m_filePath(paths.value(0))
    , m_uploadName(uploadName)
    , m_expectedSize(expectedSize) {}

QByteArray StorageUploadJob::makeBoundary() {
    QByteArray random(16, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    return "----SeqDropBoundary" + random.toHex();
}

QString StorageUploadJob::checkFilesUnchanged() const {
    qint64 total = 0;
    for (const QString &path : m_paths) {
        const LocalFile::Problem problem = LocalFile::check(path);
        if (problem != LocalFile::Problem::None && problem != LocalFile::Problem::Empty)
            return LocalFile::describe(problem, path); // an emptied file fails on its size
        total += QFileInfo(path).size();
    }
    if (total != m_expectedSize)
        return tr("%1 changed size since it was added (%2 bytes, now %3). Add it again.")
            .arg(m_paths.join(QStringLiteral(" + ")))
            .arg(m_expectedSize)
            .arg(total);
    return {};
}

QNetworkReply *StorageUploadJob::sendRequest() {
    const QString refusal = UrlPolicy::check(m_target.url, tr("upload address"));
    if (!refusal.isEmpty()) {
        fail(UploadError::make(Kind::InsecureUrl, refusal));
        return nullptr;
    }
    const QString changed = checkFilesUnchanged();
    if (!changed.isEmpty()) {
        fail(UploadError::make(Kind::LocalFile, changed));
        return nullptr;
    }

    auto *device = new HashingFileDevice(m_paths);
    if (!device->open(QIODevice::ReadOnly)) {
        const QString why = device->errorText();
        delete device;
        fail(UploadError::make(Kind::LocalFile,
                               tr("Cannot read %1. Check that the file is still there and "
                                  "readable.")
                                   .arg(m_filePath),
                               why));
        return nullptr;
    }
    if (m_observerFactory)
        device->setBlockObserver(m_observerFactory());
    m_device = device;
    auto *form = new FormBodyDevice(makeBoundary(), m_target.fields, m_uploadName, device);
    form->open(QIODevice::ReadOnly);
    // Every upload goes through the limiter, so a limit set while it runs applies at once.
    auto *body = new ThrottledDevice(form, m_limiter);
    body->open(QIODevice::ReadOnly);

    QNetworkRequest request(m_target.url);
    request.setRawHeader("Content-Type", form->contentType());
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("SeqDrop/%1").arg(QStringLiteral(SEQDROP_VERSION)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    m_requestSent = false;
    m_paceClock.invalidate();
    m_bytesPerSecond = 0;
    QNetworkReply *reply = nam()->post(request, body);
    body->setParent(reply);
    connect(reply, &QNetworkReply::uploadProgress, this, &StorageUploadJob::onUploadProgress);
    Q_EMIT progress(0, m_expectedSize);
    return reply;
}

void StorageUploadJob::onUploadProgress(qint64 sent, qint64 total) {
    if (total <= 0)
        return;
    noteProgress();
    // Progress counts bytes handed to the socket (Qt reports it ten times a second at most).
    // Past the first InFlightBytes the buffers are full and it follows the link, so the rest
    // of the body gives the link's pace.
    if (!m_paceClock.isValid() && sent >= InFlightBytes) {
        m_paceClock.start();
        m_paceFrom = sent;
    }
    if (sent >= total && m_paceClock.isValid() && sent > m_paceFrom)
        m_bytesPerSecond =
            double(sent - m_paceFrom) * 1000.0 / double(qMax<qint64>(1, m_paceClock.elapsed()));
    // The form fields come first; count only bytes past them as file progress.
    const qint64 overhead = total - m_expectedSize;
    const qint64 fileBytes = qBound<qint64>(0, sent - overhead, m_expectedSize);
    Q_EMIT progress(fileBytes, m_expectedSize);
    if (sent >= total && !m_requestSent) {
        m_requestSent = true;
        noteRequestSent();
    }
}

int StorageUploadJob::awaitingAnswerTimeoutMs() const {
    // The last bytes handed over may still sit in the socket buffers (at most InFlightBytes,
    // taken as the bound for any OS). With the link's pace known, the answer is due within
    // the time they need, plus the usual stall timeout (at least MinAnswerWaitMs), plus time
    // for the storage host to finish a large object (FinishMsPerGB). A host that went silent
    // after a 1 GB body then costs about 70 s on a fair link instead of five minutes; the
    // five minutes stay for 20 GB and for bodies that fit in the buffers.
    if (m_bytesPerSecond <= 0)
        return m_awaitingAnswerMs; // the body fit in the buffers: the pace is unknown
    const double drainMs = double(InFlightBytes) * 1000.0 / m_bytesPerSecond;
    const double finishMs = double(m_expectedSize) / 1e9 * FinishMsPerGB;
    const double waitMs = qMax(inactivityTimeout(), MinAnswerWaitMs) + drainMs + finishMs;
    return int(qMin(waitMs, double(m_awaitingAnswerMs)));
}

UploadError StorageUploadJob::processReply(QNetworkReply *reply) {
    const QByteArray body = reply->readAll();
    if (m_device && m_device->refusedByObserver())
        return UploadError::make(Kind::LocalFile,
                                 tr("%1 The upload was stopped and the sample cancelled; "
                                    "fix or re-export the file, then add it again.")
                                     .arg(m_device->errorText()));
    if (m_device && !m_device->errorText().isEmpty())
        return UploadError::make(Kind::LocalFile,
                                 tr("Reading %1 failed during the upload. Check the "
                                    "disk or network share it is on.")
                                     .arg(m_filePath),
                                 m_device->errorText());
    UploadError e = ErrorMapper::fromReply(reply, body, ErrorMapper::Service::Storage);
    if (e.isError())
        return e;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300)
        return UploadError::make(Kind::StorageRejected,
                                 tr("The storage server redirected the upload, which "
                                    "SeqDrop does not follow."),
                                 QStringLiteral("HTTP %1 to %2")
                                     .arg(status)
                                     .arg(QString::fromUtf8(reply->rawHeader("Location"))));
    QString etag = xmlElement(body, QLatin1String("ETag"));
    if (etag.isEmpty())
        etag = QString::fromLatin1(reply->rawHeader("ETag"));
    etag.remove(QLatin1Char('"'));
    m_storedKey = xmlElement(body, QLatin1String("Key"));

    if (!m_device || !m_device->isHashComplete())
        return UploadError::make(
            Kind::IntegrityMismatch,
            tr("SeqDrop could not confirm that all of %1 was sent.").arg(m_filePath));
    m_md5Hex = m_device->md5Hex();
    if (etag.isEmpty())
        return UploadError::make(Kind::BadResponse,
                                 tr("The storage server did not return a checksum (ETag) "
                                    "for %1, so its integrity cannot be checked.")
                                     .arg(m_filePath));
    if (etag.compare(QString::fromLatin1(m_md5Hex), Qt::CaseInsensitive) != 0)
        return UploadError::make(
            Kind::IntegrityMismatch,
            tr("%1 arrived damaged: the storage server's checksum "
               "differs from the bytes sent. The sample was "
               "cancelled; retry it.")
                .arg(m_filePath),
            QStringLiteral("ETag %1, local MD5 %2").arg(etag, QString::fromLatin1(m_md5Hex)));
    return {};
}

bool StorageUploadJob::shouldRetry(const UploadError &e) const {
    // An expired form cannot succeed again: the sample needs a fresh init_upload.
    if (m_target.hasExpired())
        return false;
    return e.isRetryable();
}

UploadError StorageUploadJob::inactivityError() const {
    if (m_requestSent)
        return UploadError::make(Kind::Timeout,
                                 tr("The storage server received %1 but did not confirm "
                                    "it in time.")
                                     .arg(QFileInfo(m_filePath).fileName()));
    return UploadError::make(Kind::Stalled,
                             tr("The upload of %1 made no progress for a while; SeqDrop "
                                "restarts it.")
                                 .arg(QFileInfo(m_filePath).fileName()));
}

} // namespace SeqDrop
