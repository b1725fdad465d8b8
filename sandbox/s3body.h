#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

namespace httplib {
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

// Reads the body of one S3 request as it streams in: to a file (parts and objects, up to
// 5 GiB, constant memory) or to memory (small XML documents), computing the MD5 and, when
// x-amz-content-sha256 is a hash, the SHA-256 it is then checked against
// (XAmzContentSHA256Mismatch). aws-chunked bodies are decoded and each chunk's signature
// checked on the way (AwsChunkedDecoder). A cut fault drops the connection part way.
class S3Body {
public:
    static constexpr qint64 DrainLimit = 16 * 1024 * 1024;

    struct Options {
        QString path; // empty: keep the body in memory
        qint64 maxBytes = 0;
        QByteArray payloadHash; // x-amz-content-sha256 as sent
        qint64 cutAt = -1;      // fault: drop the connection once this many bytes arrived
        int kbps = 0;           // fault: a slow link, the body read no faster than this many kB/s
        // From the verified Authorization: what aws-chunked chunk signatures chain from.
        QByteArray seedSignature, signingKey, amzDate, scope;
    };

    struct Result {
        bool ok = false;
        bool dropped = false; // the connection is gone: answer nothing
        int status = 0;
        QString code, message;
        QList<QPair<QString, QString>> details;
        qint64 size = 0;
        QByteArray md5;  // raw 16 bytes
        QByteArray data; // in-memory bodies
    };

    // A failed body left unread closes the connection after the answer (see discard).
    static Result receive(const httplib::Request &req, httplib::Response &res,
                          const httplib::ContentReader &reader, const Options &options);
    // A request refused before its body was read: small bodies are read to their end so the
    // client reads the answer; bigger ones get the answer, then the connection is closed.
    static void discard(const httplib::Request &req, httplib::Response &res,
                        const httplib::ContentReader *reader);
    // The server's logger calls this once the answer is written (see discard).
    static void afterResponse();
    // Answers, then closes the connection: the rest of the body is never read.
    static void closeAfterAnswer(const httplib::Request &req, httplib::Response &res);
    // Drops the connection of the request being served now, without an answer.
    static bool dropConnection(const httplib::Request &req);
};
