#pragma once

#include "net/uploaderror.h"

#include <QByteArray>
#include <QCoreApplication>

class QNetworkReply;

namespace SeqDrop {

// The one place where HTTP statuses, One Codex JSON errors, S3 XML error codes, proxy HTML
// pages and socket errors become messages a lab technician can act on.
class ErrorMapper {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::ErrorMapper)
public:
    // Storage: the presigned POST form's host. S3: the S3 API itself (multipart uploads).
    enum class Service { Api, Storage, S3 };

    // Maps a finished reply (body already read). Returns an error of Kind::None on success.
    static UploadError fromReply(const QNetworkReply *reply, const QByteArray &body,
                                 Service service);

    // Pieces, public for the unit tests.
    static UploadError fromHttpStatus(int status, const QByteArray &body,
                                      const QByteArray &contentType, Service service);
    static int parseRetryAfterMs(const QByteArray &header);
    static QString serverMessage(const QByteArray &jsonBody);
    static bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType);
    // S3 <Error><Code>/<Message>; empty code when the body is not an S3 error document.
    static void parseS3Error(const QByteArray &xml, QString *code, QString *message);
    // An S3 API error code (Service::S3) in words; also for an <Error> inside a 200 answer.
    static UploadError fromS3Error(int status, const QString &code, const QString &message);

    // Answers to confirm_upload and cancel_upload that are not failures. One Codex answers 400
    // "Upload already successful" to a cancel (and the sandbox "Upload already confirmed" to a
    // second confirm) when the sample is in fact complete.
    static bool saysAlreadyDone(const UploadError &e);
    // A cancel repeated after its first answer was lost.
    static bool saysAlreadyCancelled(const UploadError &e);
    // An EntityTooLarge for a file sent as announced: it is over the storage host's limit for
    // one request (S3: 5 GiB), not changed. Reworded so; the rest of `e` is kept.
    static UploadError tooLargeForOneRequest(UploadError e);

private:
    // A proxy's 407, worded once; `host` is where the request was going (may be empty).
    static UploadError proxyRefused(const QString &host, const QString &detail);
};

} // namespace SeqDrop
