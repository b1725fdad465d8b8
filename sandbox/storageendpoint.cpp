#include "storageendpoint.h"

#include "connectionkiller.h"
#include "faultplan.h"
#include "postpolicy.h"
#include "sandboxstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QUrl>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace {

constexpr size_t kWriteBuffer = 1 << 20;
constexpr size_t kMaxFieldBytes = 20 * 1024; // S3 caps form fields at 20 KB

// Text content only needs &, < and > escaped; quotes stay literal, so the
// ETag reads "<md5>" exactly as S3 writes it.
QString xmlEscape(QString s) {
    return s.replace('&', QLatin1String("&amp;"))
        .replace('<', QLatin1String("&lt;"))
        .replace('>', QLatin1String("&gt;"));
}

std::string requestId() {
    return QString::number(QRandomGenerator::global()->generate64(), 16)
        .toUpper()
        .rightJustified(16, '0')
        .toStdString();
}

// extra: further elements S3 adds for this code (already XML), e.g. EntityTooLarge's sizes.
void setXmlError(httplib::Response &res, int status, const QString &code, const QString &message,
                 const QString &extra = {}) {
    res.status = status;
    const QString xml =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<Error><Code>%1</Code><Message>%2</Message>%3"
                       "<RequestId>%4</RequestId></Error>")
            .arg(code, xmlEscape(message), extra, QString::fromStdString(requestId()));
    res.set_content(xml.toStdString(), "application/xml");
}

// Set by handle() on this worker thread, consumed by afterResponse() which
// httplib calls on the same thread once the answer is written.
thread_local bool t_closeAfterResponse = false;
// This request's connection, found while it is surely the newest one from its peer.
thread_local ConnectionKiller::Handle t_connection;

} // namespace

void StorageEndpoint::afterResponse(const httplib::Request &) {
    if (!t_closeAfterResponse)
        return;
    t_closeAfterResponse = false;
    // The answer is in the socket buffer: FIN after it, and httplib's next
    // read sees end of stream and closes. Shutting down earlier would make
    // httplib consider the socket dead and drop the answer.
    ConnectionKiller::shutdownBoth(t_connection);
}

struct StorageEndpoint::Upload {
    enum class State { Fields, File, AfterFile, Rejected, Dropped };
    State state = State::Fields;

    const httplib::Request *req = nullptr;
    qint64 contentLength = -1; // -1: chunked, unknown
    bool drain = false;        // read a rejected body to its end

    std::vector<std::pair<std::string, std::string>> fields;
    bool fieldTooBig = false;

    // Rejection
    int status = 0;
    QString code, message;
    QString extraXml;
    StorageEndpoint::Stored *viaProxy = nullptr;

    // File part
    PostPolicy::Verdict verdict;
    QString sampleId;
    int read = 1;
    QString tempPath;
    std::FILE *out = nullptr;
    std::unique_ptr<char[]> buffer;
    QCryptographicHash md5{QCryptographicHash::Md5};
    qint64 received = 0;

    // Fault injection: drop (cut) or hold (stall) once `faultAt` bytes of the
    // file have arrived.
    FaultPlan::UploadFault fault = FaultPlan::UploadFault::None;
    qint64 faultAt = 0;
    int stallSeconds = 0;
    // Slow link: bytes are read no faster than kbps kB/s from `started` on.
    int kbps = 0;
    std::chrono::steady_clock::time_point started;

    void reject(int httpStatus, const QString &c, const QString &m) {
        if (state == State::Rejected)
            return;
        state = State::Rejected;
        status = httpStatus;
        code = c;
        message = m;
        discardFile();
    }
    void discardFile() {
        if (out) {
            std::fclose(out);
            out = nullptr;
        }
        if (!tempPath.isEmpty())
            QFile::remove(tempPath);
        tempPath.clear();
    }
    // Whether parsing continues: a rejected body is drained only when small.
    bool keepReading() const {
        return state != State::Dropped && (state != State::Rejected || drain);
    }
};

StorageEndpoint::StorageEndpoint(SandboxStore &store, const PostPolicy &policy, FaultPlan &faults,
                                 const std::atomic<bool> &stopping)
    : m_store(store)
    , m_policy(policy)
    , m_faults(faults)
    , m_stopping(stopping) {}

// Reads a refused body to its end and drops it (httplib wants the multipart reader for a
// multipart body).
static void drainBody(const httplib::Request &req, const httplib::ContentReader &reader) {
    const auto ignore = [](const char *, size_t) { return true; };
    if (req.is_multipart_form_data())
        reader([](const httplib::MultipartFormData &) { return true; }, ignore);
    else
        reader(ignore);
}

void StorageEndpoint::handle(const httplib::Request &req, httplib::Response &res,
                             const httplib::ContentReader &reader, Stored *viaProxy) {
    m_store.count(QStringLiteral("storage_posts"));
    t_closeAfterResponse = false;
    t_connection = ConnectionKiller::find(req.remote_addr, req.remote_port, req.local_port);
    Upload up;
    up.req = &req;
    up.viaProxy = viaProxy;
    if (req.has_header("Content-Length"))
        up.contentLength =
            std::strtoll(req.get_header_value("Content-Length").c_str(), nullptr, 10);
    up.drain = up.contentLength >= 0 && up.contentLength <= DrainLimit;

    // S3 judges a POST too large from its Content-Length alone, before reading the body.
    if (up.contentLength > m_maxPostSize) {
        up.reject(400, QStringLiteral("EntityTooLarge"),
                  QStringLiteral("Your proposed upload exceeds the maximum allowed size"));
        up.extraXml = QStringLiteral("<ProposedSize>%1</ProposedSize><MaxSizeAllowed>%2"
                                     "</MaxSizeAllowed>")
                          .arg(up.contentLength)
                          .arg(m_maxPostSize);
        m_store.count(QStringLiteral("entity_too_large"));
    }

    // The storage host must never see the One Codex API key.
    if (req.has_header("Authorization") || req.has_header("X-API-Key"))
        up.reject(400, QStringLiteral("InvalidArgument"),
                  QStringLiteral("Authorization header is not allowed on a presigned POST"));

    if (up.state == Upload::State::Rejected) {
        if (up.drain)
            drainBody(req, reader);
    } else if (!req.is_multipart_form_data()) {
        if (up.state != Upload::State::Rejected)
            up.reject(400, QStringLiteral("MalformedPOSTRequest"),
                      QStringLiteral("The body of your POST request is not well-formed "
                                     "multipart/form-data."));
        if (up.drain)
            reader([](const char *, size_t) { return true; });
    } else {
        const bool parsed = reader(
            [&](const httplib::MultipartFormData &part) {
                switch (up.state) {
                case Upload::State::Fields:
                    if (part.name == "file")
                        startFile(up, part.filename);
                    else
                        up.fields.emplace_back(part.name, std::string());
                    break;
                case Upload::State::File:
                    up.state = Upload::State::AfterFile; // the file part is complete
                    break;
                default:
                    break; // fields after the file are ignored, as S3 does
                }
                return up.keepReading();
            },
            [&](const char *data, size_t len) {
                switch (up.state) {
                case Upload::State::Fields:
                    if (up.fields.back().second.size() + len > kMaxFieldBytes) {
                        up.reject(400, QStringLiteral("MaxPostPreDataLengthExceeded"),
                                  QStringLiteral("Your POST request fields preceding the upload "
                                                 "file were too large."));
                        break;
                    }
                    up.fields.back().second.append(data, len);
                    break;
                case Upload::State::File:
                    return receiveFile(up, data, len);
                default:
                    break;
                }
                return up.keepReading();
            });
        if (!parsed && up.state != Upload::State::Rejected && up.state != Upload::State::Dropped)
            up.reject(400, QStringLiteral("MalformedPOSTRequest"),
                      QStringLiteral("The body of your POST request is not well-formed "
                                     "multipart/form-data."));
    }

    const bool fileIn = up.state == Upload::State::File || up.state == Upload::State::AfterFile;
    if (fileIn && up.fault == FaultPlan::UploadFault::HoldAnswer)
        dropConnection(up);
    if (up.state == Upload::State::Dropped) {
        // The connection is already gone; whatever httplib tries to write
        // fails. No answer is the point of the fault.
        res.status = 500;
        return;
    }
    if (up.state == Upload::State::Fields)
        up.reject(400, QStringLiteral("IncorrectNumberOfFilesInPostRequest"),
                  QStringLiteral("POST requires exactly one file upload per request."));
    if (up.state == Upload::State::Rejected) {
        setXmlError(res, up.status, up.code, up.message, up.extraXml);
        res.set_header("Connection", "close");
        // Close once the answer is out (see afterResponse), so httplib does
        // not parse leftover body bytes as a new request.
        t_closeAfterResponse = true;
        return;
    }
    finish(up, res);
}

void StorageEndpoint::startFile(Upload &up, const std::string &fileName) {
    PostPolicy::FormFields fields;
    for (const auto &f : up.fields) {
        // The proxy reads its own fields; S3 behind it never sees them.
        if (up.viaProxy && (f.first == "status_url" || f.first == "callback_url"))
            continue;
        fields.emplace_back(QString::fromStdString(f.first), QString::fromStdString(f.second));
    }
    up.verdict = m_policy.verify(fields, QString::fromLatin1(Bucket),
                                 QString::fromStdString(fileName), QDateTime::currentDateTimeUtc());
    if (!up.verdict.ok) {
        up.reject(up.verdict.httpStatus, up.verdict.code, up.verdict.message);
        return;
    }
    const auto sample = m_store.sampleForKey(up.verdict.key, &up.read);
    if (!sample) {
        up.reject(403, QStringLiteral("AccessDenied"),
                  QStringLiteral("Access Denied: no sample awaits data under key %1")
                      .arg(up.verdict.key));
        return;
    }
    up.sampleId = sample->id;

    up.tempPath = m_store.tmpDir() +
                  QStringLiteral("/upload-%1.part")
                      .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    up.out = std::fopen(QFile::encodeName(up.tempPath).constData(), "wb");
    if (!up.out) {
        up.reject(500, QStringLiteral("InternalError"),
                  QStringLiteral("We encountered an internal error. Please try again."));
        return;
    }
    // Large buffered writes keep the per-chunk cost down (httplib hands over
    // a few KB at a time).
    up.buffer.reset(new char[kWriteBuffer]);
    std::setvbuf(up.out, up.buffer.get(), _IOFBF, kWriteBuffer);
    up.state = Upload::State::File;

    const FaultPlan::UploadVerdict verdict = m_faults.takeUploadFault();
    const double cutAt = verdict.at;
    up.fault = verdict.fault;
    up.stallSeconds = verdict.stallSeconds;
    up.kbps = verdict.kbps;
    up.started = std::chrono::steady_clock::now();
    if (up.fault != FaultPlan::UploadFault::None) {
        m_store.count(QStringLiteral("faults_injected"));
        // The file part's size is not announced; estimate it from the body
        // length minus the fields and multipart framing before it.
        qint64 estimate = up.verdict.maxLength;
        if (up.contentLength >= 0) {
            qint64 overhead = 256 + qint64(fileName.size());
            for (const auto &f : up.fields)
                overhead += 128 + qint64(f.first.size() + f.second.size());
            estimate = up.contentLength - overhead;
        }
        if (estimate <= 0 || estimate == std::numeric_limits<qint64>::max())
            estimate = 1 << 20;
        up.faultAt = qBound<qint64>(0, qint64(cutAt * double(estimate)), estimate - 1);
    }
}

void StorageEndpoint::waitUntil(std::chrono::steady_clock::time_point until) const {
    // In steps of at most 100 ms, so a stopping server does not wait out a long stall.
    while (!m_stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_until(
            std::min(until, std::chrono::steady_clock::now() + std::chrono::milliseconds(100)));
}

void StorageEndpoint::dropConnection(Upload &up) {
    up.discardFile();
    if (up.fault != FaultPlan::UploadFault::Cut) {
        // Stall: stop reading and hold the connection; the client's send buffer fills up and
        // it sees no progress and no answer. Held answer: every byte is in, and no answer.
        waitUntil(std::chrono::steady_clock::now() + std::chrono::seconds(up.stallSeconds));
    }
    if (!ConnectionKiller::abort(t_connection)) {
        std::fprintf(stderr, "seqdrop-sandbox: could not find the socket to cut\n");
        up.reject(500, QStringLiteral("InternalError"),
                  QStringLiteral("fault injection could not cut the connection"));
        return;
    }
    up.state = Upload::State::Dropped;
}

bool StorageEndpoint::receiveFile(Upload &up, const char *data, size_t len) {
    const bool midBody =
        up.fault == FaultPlan::UploadFault::Cut || up.fault == FaultPlan::UploadFault::Stall;
    if (midBody && up.received + qint64(len) > up.faultAt) {
        dropConnection(up);
        return false;
    }
    if (up.received + qint64(len) > up.verdict.maxLength) {
        up.reject(400, QStringLiteral("EntityTooLarge"),
                  QStringLiteral("Your proposed upload exceeds the maximum allowed size"));
        return up.keepReading();
    }
    if (std::fwrite(data, 1, len, up.out) != len) {
        up.reject(500, QStringLiteral("InternalError"),
                  QStringLiteral("We encountered an internal error (disk write failed)."));
        return up.keepReading();
    }
    up.md5.addData(QByteArrayView(data, qsizetype(len)));
    up.received += qint64(len);
    if (up.kbps > 0) {
        // Wait until the bytes so far are due at this rate; the client's send buffer fills
        // and its progress follows the rate.
        waitUntil(up.started + std::chrono::milliseconds(up.received / up.kbps));
    }
    return true;
}

void StorageEndpoint::finish(Upload &up, httplib::Response &res) {
    if (up.received < up.verdict.minLength) {
        up.discardFile();
        setXmlError(
            res, 400, QStringLiteral("EntityTooSmall"),
            QStringLiteral("Your proposed upload is smaller than the minimum allowed size"));
        return;
    }
    const bool flushed = std::fflush(up.out) == 0;
    std::fclose(up.out);
    up.out = nullptr;
    const QString md5 = QString::fromLatin1(up.md5.result().toHex());
    SandboxStore::StoredObject object{up.verdict.key, up.received, md5};
    if (!flushed || !m_store.commitObject(up.sampleId, up.read, up.tempPath, object)) {
        QFile::remove(up.tempPath);
        setXmlError(res, flushed ? 403 : 500,
                    flushed ? QStringLiteral("AccessDenied") : QStringLiteral("InternalError"),
                    flushed ? QStringLiteral("Access Denied: the sample no longer awaits data")
                            : QStringLiteral("We encountered an internal error."));
        return;
    }
    m_store.count(QStringLiteral("storage_ok"));
    if (up.viaProxy) {
        up.viaProxy->ok = true;
        up.viaProxy->sampleId = up.sampleId;
    }

    const std::string etag = "\"" + md5.toStdString() + "\"";
    res.set_header("ETag", etag);
    if (up.verdict.successActionStatus == QLatin1String("201")) {
        res.status = 201;
        const QString location = m_baseUrl + QStringLiteral("/s3/") + QLatin1String(Bucket) + '/' +
                                 QString::fromLatin1(QUrl::toPercentEncoding(object.key, "/"));
        const QString xml =
            QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse>"
                           "<Location>%1</Location><Bucket>%2</Bucket><Key>%3</Key>"
                           "<ETag>%4</ETag></PostResponse>")
                .arg(xmlEscape(location), QLatin1String(Bucket), xmlEscape(object.key),
                     xmlEscape(QString::fromStdString(etag)));
        res.set_content(xml.toStdString(), "application/xml");
    } else {
        res.status = up.verdict.successActionStatus == QLatin1String("200") ? 200 : 204;
    }
}
