#include "net/errormapper.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

QString snippet(const QByteArray &body) {
    QString text = QString::fromUtf8(body.left(300)).simplified();
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return text.simplified();
}

QString serviceName(ErrorMapper::Service service) {
    return service == ErrorMapper::Service::Api ? QStringLiteral("One Codex")
                                                : ErrorMapper::tr("The storage server");
}

UploadError fromS3Code(int status, const QByteArray &body);

UploadError fromS3(int status, const QByteArray &body) {
    UploadError e = fromS3Code(status, body);
    QString code, text;
    ErrorMapper::parseS3Error(body, &code, &text);
    e.serverCode = code;
    return e;
}

// S3's <ProposedSize> or <MaxSizeAllowed> of an EntityTooLarge, or -1.
qint64 sizeElement(const QByteArray &xml, const QString &name) {
    const QRegularExpression re(QStringLiteral("<%1>(\\d+)</%1>").arg(name));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(xml));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

// S3 takes no single request over 5 GiB, whatever the form allows.
constexpr qint64 S3SingleRequestLimit = 5368709120LL;

UploadError fromS3Code(int status, const QByteArray &body) {
    QString code, text;
    ErrorMapper::parseS3Error(body, &code, &text);
    const QString detail = QStringLiteral("HTTP %1, S3 %2: %3").arg(status).arg(code, text);
    if (code == QLatin1String("AccessDenied") &&
        text.contains(QLatin1String("expired"), Qt::CaseInsensitive))
        return UploadError::make(
            Kind::PolicyExpired,
            ErrorMapper::tr("The upload permission expired before the file was "
                            "sent; SeqDrop asks for a new one."),
            detail);
    if (code == QLatin1String("EntityTooLarge")) {
        // Two limits answer with this code: the form's content-length-range (the file is
        // larger than init_upload was told) and S3's single-request limit. Only the route knows
        // the announced size; here the limit itself tells the second when it is S3's own.
        const qint64 max = sizeElement(body, QStringLiteral("MaxSizeAllowed"));
        const UploadError e = UploadError::make(
            Kind::StorageRejected,
            ErrorMapper::tr("The storage server refused the file because it is "
                            "larger than announced. Was the file changed during "
                            "the upload? Add it again."),
            max < 0 ? detail
                    : detail + QStringLiteral(" (ProposedSize %1, MaxSizeAllowed %2)")
                                   .arg(sizeElement(body, QStringLiteral("ProposedSize")))
                                   .arg(max));
        return max >= S3SingleRequestLimit ? ErrorMapper::tooLargeForOneRequest(e) : e;
    }
    if (code == QLatin1String("EntityTooSmall"))
        return UploadError::make(
            Kind::StorageRejected,
            ErrorMapper::tr("The storage server refused the file because it is "
                            "smaller than announced. Was the file changed during "
                            "the upload? Add it again."),
            detail);
    if (code == QLatin1String("SlowDown") || code == QLatin1String("ServiceUnavailable") ||
        code == QLatin1String("InternalError"))
        return UploadError::make(Kind::ServerUnavailable,
                                 ErrorMapper::tr("The storage server is busy."), detail);
    if (code == QLatin1String("RequestTimeout"))
        return UploadError::make(Kind::Timeout,
                                 ErrorMapper::tr("The storage server timed out waiting for data."),
                                 detail);
    return UploadError::make(
        Kind::StorageRejected,
        ErrorMapper::tr("The storage server refused the upload (%1). Try again; "
                        "if it keeps failing, send the details to One Codex "
                        "support.")
            .arg(code.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : code),
        detail);
}

} // namespace

UploadError ErrorMapper::tooLargeForOneRequest(UploadError e) {
    static const QRegularExpression maxIn(QStringLiteral("MaxSizeAllowed (\\d+)"));
    const QRegularExpressionMatch m = maxIn.match(e.detail);
    e.message = m.hasMatch()
                    ? tr("The storage server refused the file because it is larger than one "
                         "upload request may be (at most %1). It has to be sent in parts.")
                          .arg(QLocale::system().formattedDataSize(m.captured(1).toLongLong()))
                    : tr("The storage server refused the file because it is larger than one "
                         "upload request may be. It has to be sent in parts.");
    return e;
}

UploadError ErrorMapper::proxyRefused(const QString &host, const QString &detail) {
    // A 407 reaches fromReply() as Qt's ProxyAuthenticationRequiredError, with the host it
    // was for; fromHttpStatus() alone has no host to name.
    const QString text =
        host.isEmpty()
            ? tr("The proxy refused the connection: it needs a user name and password, or did "
                 "not accept them. Check the proxy in Settings.")
            : tr("The proxy refused the connection to %1: it needs a user name and "
                 "password, or did not accept them. Check the proxy in Settings.")
                  .arg(host);
    return UploadError::make(Kind::Network, text, detail);
}

QString ErrorMapper::serverMessage(const QByteArray &jsonBody) {
    const QJsonDocument doc = QJsonDocument::fromJson(jsonBody);
    if (!doc.isObject())
        return {};
    const QJsonObject obj = doc.object();
    // Newer bodies say "message", older ones "msg".
    const QString message = obj.value(QLatin1String("message")).toString();
    return message.isEmpty() ? obj.value(QLatin1String("msg")).toString() : message;
}

bool ErrorMapper::looksLikeHtml(const QByteArray &body, const QByteArray &contentType) {
    if (contentType.contains("html"))
        return true;
    const QByteArray start = body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

void ErrorMapper::parseS3Error(const QByteArray &xml, QString *code, QString *message) {
    code->clear();
    message->clear();
    QXmlStreamReader reader(xml);
    bool inError = false;
    while (!reader.atEnd()) {
        if (!reader.readNextStartElement())
            continue;
        if (reader.name() == QLatin1String("Error"))
            inError = true;
        else if (inError && reader.name() == QLatin1String("Code"))
            *code = reader.readElementText();
        else if (inError && reader.name() == QLatin1String("Message"))
            *message = reader.readElementText();
    }
}

int ErrorMapper::parseRetryAfterMs(const QByteArray &header) {
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(qMin<qint64>(seconds, 3600) * 1000);
    // HTTP dates end in "GMT", which Qt 6.4's RFC 2822 parser refuses; it takes "+0000".
    QString text = QString::fromLatin1(value);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(
        qBound<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when), qint64(3600) * 1000));
}

UploadError ErrorMapper::fromHttpStatus(int status, const QByteArray &body,
                                        const QByteArray &contentType, Service service) {
    if (status >= 200 && status < 300)
        return {};
    const QString statusText = QStringLiteral("HTTP %1").arg(status);
    const bool html = looksLikeHtml(body, contentType);
    const QString detail =
        html || body.isEmpty()
            ? statusText + QStringLiteral(": ") + snippet(body)
            : statusText + QStringLiteral(": ") + QString::fromUtf8(body.left(500));

    if (status == 407)
        return proxyRefused(QString(), detail);
    if (status == 429)
        return UploadError::make(
            Kind::RateLimited,
            tr("%1 asked SeqDrop to slow down (too many requests).").arg(serviceName(service)),
            detail);
    if (status == 502 || status == 503 || status == 504) {
        return UploadError::make(
            Kind::ServerUnavailable,
            html ? tr("%1 is temporarily unavailable (it answered "
                      "with an error page, %2). If this persists, "
                      "check status.onecodex.com "
                      "or your network's proxy.")
                       .arg(serviceName(service), statusText)
                 : tr("%1 is temporarily unavailable (%2).").arg(serviceName(service), statusText),
            detail);
    }
    if (service == Service::Storage && !html)
        return fromS3(status, body);
    if (service == Service::S3 && !html) {
        QString code, text;
        parseS3Error(body, &code, &text);
        return fromS3Error(status, code, text);
    }
    if (html)
        return UploadError::make(status >= 500 ? Kind::ServerError : Kind::BadResponse,
                                 tr("%1 answered with an error page instead of data (%2). "
                                    "A proxy may be in the way.")
                                     .arg(serviceName(service), statusText),
                                 detail);
    if (status == 401)
        return UploadError::make(Kind::Auth,
                                 tr("One Codex did not accept the API key (HTTP 401). "
                                    "Check the key in your One Codex account settings "
                                    "and sign in again."),
                                 detail);
    if (status == 403)
        return UploadError::make(Kind::Auth,
                                 tr("This API key is not allowed to do that (HTTP 403). "
                                    "Ask your One Codex administrator for access."),
                                 detail);
    if (status == 402)
        return UploadError::make(Kind::Payment,
                                 tr("One Codex refused the upload: payment is needed or "
                                    "the account's upload limit is reached (HTTP 402). "
                                    "Contact your account administrator."),
                                 detail);
    const QString message = serverMessage(body);
    if (status == 404)
        return UploadError::make(Kind::NotFound,
                                 message.isEmpty() ? tr("One Codex could not find that "
                                                        "record (HTTP 404).")
                                                   : tr("One Codex: %1").arg(message),
                                 detail);
    if (status >= 400 && status < 500)
        return UploadError::make(Kind::BadRequest,
                                 message.isEmpty()
                                     ? tr("One Codex rejected the request (%1).").arg(statusText)
                                     : tr("One Codex rejected the request: %1").arg(message),
                                 detail);
    return UploadError::make(Kind::ServerError,
                             tr("%1 had an internal error (%2). Try again later; if it "
                                "persists, contact One Codex support.")
                                 .arg(serviceName(service), statusText),
                             detail);
}

UploadError ErrorMapper::fromReply(const QNetworkReply *reply, const QByteArray &body,
                                   Service service) {
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QString host = reply->url().host();
    // A redirect Qt refused still carries its 3xx status: it is the refusal that matters.
    if (statusAttr.isValid() && reply->error() != QNetworkReply::InsecureRedirectError) {
        UploadError e =
            fromHttpStatus(statusAttr.toInt(), body, reply->rawHeader("Content-Type"), service);
        e.httpStatus = statusAttr.toInt();
        if (e.kind == Kind::RateLimited || e.kind == Kind::ServerUnavailable)
            e.retryAfterMs = parseRetryAfterMs(reply->rawHeader("Retry-After"));
        return e;
    }
    const QString detail =
        QStringLiteral("%1 (%2)").arg(reply->errorString()).arg(int(reply->error()));
    switch (reply->error()) {
    case QNetworkReply::NoError:
        return UploadError::make(Kind::BadResponse,
                                 tr("%1 (%2) sent no HTTP answer.").arg(serviceName(service), host),
                                 detail);
    case QNetworkReply::RemoteHostClosedError:
    // A connection reset mid-request surfaces as "unknown network error" in Qt.
    case QNetworkReply::UnknownNetworkError:
        return UploadError::make(Kind::ConnectionLost,
                                 service != Service::Api
                                     ? tr("The storage server (%1) closed the connection "
                                          "during the upload; it may have rejected the "
                                          "file, or the network dropped.")
                                           .arg(host)
                                     : tr("The connection to One Codex (%1) was closed "
                                          "before it answered.")
                                           .arg(host),
                                 detail);
    case QNetworkReply::TimeoutError:
        return UploadError::make(
            Kind::Timeout, tr("%1 (%2) did not answer in time.").arg(serviceName(service), host),
            detail);
    case QNetworkReply::InsecureRedirectError:
        // Qt refuses a redirect the request's policy forbids: for the API, any other origin,
        // so the key is not sent there.
        return UploadError::make(
            Kind::InsecureUrl,
            tr("%1 (%2) redirected SeqDrop to another address, which SeqDrop does "
               "not follow so that the API key goes nowhere else. Check the server "
               "address in Settings.")
                .arg(serviceName(service), host),
            QStringLiteral("%1; Location: %2")
                .arg(detail, QString::fromUtf8(reply->rawHeader("Location"))));
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return proxyRefused(host, detail);
    case QNetworkReply::SslHandshakeFailedError:
        return UploadError::make(Kind::Tls,
                                 tr("The secure connection to %1 failed (%2). SeqDrop never "
                                    "ignores certificate errors: check the computer's "
                                    "date and time, and any proxy that inspects HTTPS.")
                                     .arg(host, reply->errorString()),
                                 detail);
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return UploadError::make(Kind::Network,
                                 tr("Could not reach %1: %2. Check the network connection.")
                                     .arg(host, reply->errorString()),
                                 detail);
    default:
        return UploadError::make(
            Kind::Network, tr("Network error talking to %1: %2.").arg(host, reply->errorString()),
            detail);
    }
}

UploadError ErrorMapper::fromS3Error(int status, const QString &code, const QString &message) {
    const QString detail = QStringLiteral("HTTP %1, S3 %2: %3").arg(status).arg(code, message);
    const auto make = [&detail](Kind kind, const QString &text) {
        return UploadError::make(kind, text, detail);
    };
    if (code == QLatin1String("SignatureDoesNotMatch"))
        return make(Kind::StorageRejected,
                    tr("The storage server did not accept SeqDrop's signature "
                       "(SignatureDoesNotMatch). A proxy may be changing the requests; if it "
                       "persists, contact One Codex support."));
    if (code == QLatin1String("InvalidAccessKeyId") || code == QLatin1String("ExpiredToken"))
        return make(Kind::StorageRejected,
                    tr("The storage server did not recognise the upload key One Codex issued "
                       "(%1); it may have expired. Upload the sample again.")
                        .arg(code));
    if (code == QLatin1String("AccessDenied"))
        return make(Kind::StorageRejected,
                    tr("The storage server denied access to the upload location "
                       "(AccessDenied). Upload the sample again; if it persists, contact One "
                       "Codex support."));
    if (code == QLatin1String("NoSuchUpload"))
        return make(Kind::StorageRejected,
                    tr("The storage server no longer has this upload: it was finished or "
                       "cancelled (NoSuchUpload). Upload the sample again."));
    if (code == QLatin1String("EntityTooSmall") || code == QLatin1String("EntityTooLarge") ||
        code == QLatin1String("InvalidPart") || code == QLatin1String("InvalidPartOrder"))
        return make(Kind::StorageRejected,
                    tr("The storage server refused the parts of the file (%1). Was the file "
                       "changed during the upload? Upload the sample again.")
                        .arg(code));
    if (code == QLatin1String("BadDigest"))
        return make(Kind::IntegrityMismatch,
                    tr("Part of the file was damaged on the way to the storage server "
                       "(BadDigest)."));
    if (code == QLatin1String("RequestTimeTooSkewed"))
        return make(Kind::StorageRejected,
                    tr("This computer's clock is too far from the storage server's "
                       "(RequestTimeTooSkewed). Set the correct date and time."));
    if (code == QLatin1String("SlowDown") || code == QLatin1String("InternalError") ||
        code == QLatin1String("ServiceUnavailable"))
        return make(Kind::ServerUnavailable, tr("The storage server is busy."));
    if (code == QLatin1String("RequestTimeout"))
        return make(Kind::Timeout, tr("The storage server timed out waiting for data."));
    if (status >= 500) // S3 asks for 500s to be retried like 503s
        return make(Kind::ServerUnavailable, tr("The storage server is busy."));
    return make(Kind::StorageRejected,
                tr("The storage server refused the upload (%1). Try again; "
                   "if it keeps failing, send the details to One Codex "
                   "support.")
                    .arg(code.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : code));
}

bool ErrorMapper::saysAlreadyDone(const UploadError &e) {
    return e.kind == Kind::BadRequest &&
           (e.message.contains(QLatin1String("already successful"), Qt::CaseInsensitive) ||
            e.message.contains(QLatin1String("already confirmed"), Qt::CaseInsensitive));
}

bool ErrorMapper::saysAlreadyCancelled(const UploadError &e) {
    return e.kind == Kind::BadRequest &&
           e.message.contains(QLatin1String("already cancelled"), Qt::CaseInsensitive);
}

} // namespace SeqDrop
