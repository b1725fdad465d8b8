#pragma once

#include <QMetaType>
#include <QString>

namespace SeqDrop {

// What went wrong, in two registers: `message` for the lab technician (what happened and what
// to do), `detail` for support (status codes, server codes, raw snippets). Built in one place,
// ErrorMapper, so every front end words the same failure the same way.
struct UploadError {
    enum class Kind {
        None,
        Auth,              // 401/403 from the API: the key is wrong or lacks rights
        Payment,           // 402: quota or payment
        BadRequest,        // 400 from the API, carrying the server's message
        NotFound,          // 404
        RateLimited,       // 429
        ServerUnavailable, // 502/503/504, HTML error pages from proxies
        ServerError,       // other 5xx
        StorageRejected,   // S3-style XML error from the storage host
        PolicyExpired,     // presigned form expired: needs a fresh init_upload
        Timeout,           // no answer in time
        Stalled,           // upload made no progress for too long
        ConnectionLost,    // connection closed before an answer
        Network,           // host unreachable, DNS, refused
        Tls,               // certificate or handshake failure: never retried or ignored
        InsecureUrl,       // plain HTTP to a non-loopback host
        BadResponse,       // answer we cannot understand (malformed JSON/XML)
        IntegrityMismatch, // stored MD5 differs from the bytes we sent
        LocalFile,         // the file on disk is missing, unreadable or changed
        Cancelled,
    };

    Kind kind = Kind::None;
    QString message;
    QString detail;
    int httpStatus = 0;
    int retryAfterMs = -1; // from Retry-After, when the server gave one
    // The server's own code when it gave one (S3's <Code>, e.g. EntityTooLarge): what a route
    // needs to tell a refusal it can go around from one it cannot.
    QString serverCode;

    bool isError() const { return kind != Kind::None; }
    // Transient failures worth another attempt of the same request.
    bool isRetryable() const;
    // One line for logs and --json: message plus detail.
    QString toString() const;

    static UploadError make(Kind kind, const QString &message, const QString &detail = {});
};

} // namespace SeqDrop

Q_DECLARE_METATYPE(SeqDrop::UploadError)
