#include "s3body.h"

#include "awschunkeddecoder.h"
#include "bodyhash.h"
#include "connectionkiller.h"
#include "sigv4verifier.h"

#include <QFile>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

namespace {

constexpr size_t kWriteBuffer = 1 << 20;

// Set by discard() on this worker thread, consumed by afterResponse() which httplib's logger
// calls on the same thread once the answer is written.
thread_local bool t_closeAfterResponse = false;
thread_local ConnectionKiller::Handle t_connection;

qint64 contentLength(const httplib::Request &req) {
    if (!req.has_header("Content-Length"))
        return -1;
    return std::strtoll(req.get_header_value("Content-Length").c_str(), nullptr, 10);
}

struct Sink {
    std::FILE *out = nullptr;
    std::unique_ptr<char[]> buffer;
    QByteArray *memory = nullptr;
    BodyHash md5{BodyHash::Algorithm::Md5};
    std::unique_ptr<BodyHash> sha256;
    qint64 size = 0;
    bool failed = false;

    void write(const char *data, size_t len) {
        if (out) {
            failed = failed || std::fwrite(data, 1, len, out) != len;
        } else {
            memory->append(data, qsizetype(len));
        }
        md5.addData(QByteArrayView(data, qsizetype(len)));
        if (sha256)
            sha256->addData(QByteArrayView(data, qsizetype(len)));
        size += qint64(len);
    }
};

} // namespace

bool S3Body::dropConnection(const httplib::Request &req) {
    return ConnectionKiller::abort(
        ConnectionKiller::find(req.remote_addr, req.remote_port, req.local_port));
}

void S3Body::discard(const httplib::Request &req, httplib::Response &res,
                     const httplib::ContentReader *reader) {
    if (!reader)
        return;
    const qint64 length = contentLength(req);
    if (length >= 0 && length <= DrainLimit) {
        (*reader)([](const char *, size_t) { return true; });
        return;
    }
    closeAfterAnswer(req, res);
}

void S3Body::closeAfterAnswer(const httplib::Request &req, httplib::Response &res) {
    res.set_header("Connection", "close");
    t_connection = ConnectionKiller::find(req.remote_addr, req.remote_port, req.local_port);
    t_closeAfterResponse = true;
}

void S3Body::afterResponse() {
    if (!t_closeAfterResponse)
        return;
    t_closeAfterResponse = false;
    // The answer is in the socket buffer: FIN after it, so httplib does not read the unread
    // body as a next request.
    ConnectionKiller::shutdownBoth(t_connection);
}

S3Body::Result S3Body::receive(const httplib::Request &req, httplib::Response &res,
                               const httplib::ContentReader &reader, const Options &options) {
    Result result;
    const qint64 announced = contentLength(req);
    if (announced > options.maxBytes && options.payloadHash != SigV4Verifier::StreamingPayload) {
        // Refused before a byte is read, as S3 does for an announced size over the limit.
        discard(req, res, &reader);
        result.status = 400;
        result.code = QStringLiteral("EntityTooLarge");
        result.message = QStringLiteral("Your proposed upload exceeds the maximum allowed size");
        result.details = {{"ProposedSize", QString::number(announced)},
                          {"MaxSizeAllowed", QString::number(options.maxBytes)}};
        return result;
    }
    Sink sink;
    if (options.path.isEmpty()) {
        sink.memory = &result.data;
    } else {
        sink.out = std::fopen(QFile::encodeName(options.path).constData(), "wb");
        if (!sink.out) {
            result.status = 500;
            result.code = QStringLiteral("InternalError");
            result.message = QStringLiteral("We encountered an internal error. Please try again.");
            discard(req, res, &reader);
            return result;
        }
        // Large buffered writes keep the per-chunk cost down (httplib hands over a few KB).
        sink.buffer.reset(new char[kWriteBuffer]);
        std::setvbuf(sink.out, sink.buffer.get(), _IOFBF, kWriteBuffer);
    }
    const bool hashed = SigV4Verifier::isHexHash(options.payloadHash);
    const bool chunked = options.payloadHash == SigV4Verifier::StreamingPayload;
    if (hashed)
        sink.sha256 = std::make_unique<BodyHash>(BodyHash::Algorithm::Sha256);

    std::unique_ptr<AwsChunkedDecoder> decoder;
    if (chunked)
        decoder = std::make_unique<AwsChunkedDecoder>(options.seedSignature, options.signingKey,
                                                      options.amzDate, options.scope);
    qint64 wire = 0;
    bool tooLarge = false;
    const auto started = std::chrono::steady_clock::now();
    const bool read = reader([&](const char *data, size_t len) {
        wire += qint64(len);
        if (options.cutAt >= 0 && wire > options.cutAt) {
            result.dropped = dropConnection(req);
            return false;
        }
        if (decoder) {
            if (!decoder->feed(data, len, [&](const char *d, size_t n) { sink.write(d, n); }))
                return false;
        } else {
            sink.write(data, len);
        }
        if (sink.size > options.maxBytes) {
            tooLarge = true;
            return false;
        }
        if (options.kbps > 0) // the client's send buffer fills and its progress follows the rate
            std::this_thread::sleep_until(started + std::chrono::milliseconds(wire / options.kbps));
        return !sink.failed;
    });
    if (sink.out) {
        sink.failed = std::fflush(sink.out) != 0 || sink.failed;
        std::fclose(sink.out);
    }
    auto fail = [&](int status, const char *code, const QString &message) {
        if (!options.path.isEmpty())
            QFile::remove(options.path);
        if (!read && !result.dropped)
            closeAfterAnswer(req, res);
        result.ok = false;
        result.status = status;
        result.code = QString::fromLatin1(code);
        result.message = message;
        return result;
    };
    if (options.cutAt >= 0 && wire > options.cutAt) {
        if (!result.dropped)
            return fail(500, "InternalError", QStringLiteral("fault injection could not cut"));
        return fail(0, "", QString());
    }
    if (tooLarge) {
        result.details = {{"MaxSizeAllowed", QString::number(options.maxBytes)}};
        return fail(400, "EntityTooLarge",
                    QStringLiteral("Your proposed upload exceeds the maximum allowed size"));
    }
    if (sink.failed)
        return fail(500, "InternalError",
                    QStringLiteral("We encountered an internal error (disk write failed)."));
    if (decoder && !decoder->error().isEmpty()) {
        result.details = decoder->errorDetails();
        return fail(decoder->errorStatus(), qPrintable(decoder->errorCode()), decoder->error());
    }
    if (!read)
        return fail(400, "IncompleteBody",
                    QStringLiteral("You did not provide the number of bytes specified by the "
                                   "Content-Length HTTP header."));
    if (decoder && !decoder->finished())
        return fail(400, "IncompleteBody",
                    QStringLiteral("The aws-chunked body ended before its final chunk."));
    if (decoder && req.has_header("x-amz-decoded-content-length") &&
        std::strtoll(req.get_header_value("x-amz-decoded-content-length").c_str(), nullptr, 10) !=
            decoder->decodedSize())
        return fail(400, "IncompleteBody",
                    QStringLiteral("You did not provide the number of bytes specified by the "
                                   "x-amz-decoded-content-length HTTP header."));
    if (hashed) {
        const QByteArray computed = sink.sha256->result().toHex();
        if (computed != options.payloadHash.toLower()) {
            result.details = {
                {"ClientComputedContentSHA256", QString::fromLatin1(options.payloadHash)},
                {"S3ComputedContentSHA256", QString::fromLatin1(computed)}};
            return fail(400, "XAmzContentSHA256Mismatch",
                        QStringLiteral("The provided 'x-amz-content-sha256' header does not "
                                       "match what was computed."));
        }
    }
    result.ok = true;
    result.size = sink.size;
    result.md5 = sink.md5.result();
    return result;
}
