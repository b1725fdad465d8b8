#include "net/apijob.h"

#include "net/errormapper.h"
#include "net/urlpolicy.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace SeqDrop {

ApiJob::ApiJob(QNetworkAccessManager *nam, Method method, const QUrl &url, const QString &apiKey,
               const QJsonDocument &body, QObject *parent)
    : NetworkJob(nam, parent)
    , m_method(method)
    , m_url(url)
    , m_apiKey(apiKey)
    , m_body(body.isNull() ? QByteArray() : body.toJson(QJsonDocument::Compact)) {}

QNetworkReply *ApiJob::sendRequest() {
    const QString refusal = UrlPolicy::check(m_url, tr("One Codex API address"));
    if (!refusal.isEmpty()) {
        fail(UploadError::make(UploadError::Kind::InsecureUrl, refusal));
        return nullptr;
    }
    QNetworkRequest request(m_url);
    // Basic auth with the key as user name and an empty password, as the official client does.
    // No key, no header: a status_url on another origin (ApiClient::proxyStatus) gets none.
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization",
                             "Basic " + (m_apiKey + QLatin1Char(':')).toUtf8().toBase64());
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("SeqDrop/%1").arg(QStringLiteral(SEQDROP_VERSION)));
    // A redirect to another origin would carry the key there: follow same-origin ones only.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    QNetworkReply *reply;
    if (m_method == Method::Get) {
        reply = nam()->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = nam()->post(request, m_body);
    }
    connect(reply, &QNetworkReply::requestSent, this, [this] { ++m_timesSent; });
    return reply;
}

bool ApiJob::shouldRetry(const UploadError &e) const {
    return e.isRetryable() || (m_retriesServerErrors && e.kind == UploadError::Kind::ServerError);
}

UploadError ApiJob::processReply(QNetworkReply *reply) {
    const QByteArray body = reply->readAll();
    m_rawBody = body;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcApi) << (m_method == Method::Get ? "GET" : "POST") << m_url.path() << "->" << m_status
                   << reply->error() << "sent" << m_timesSent << "time(s)";
    // For diagnostics; the Redactor masks the policy and signatures of upload answers.
    qCDebug(lcApi).noquote() << "answer:" << QString::fromUtf8(body.left(4000));
    UploadError e = ErrorMapper::fromReply(reply, body, ErrorMapper::Service::Api);
    if (e.isError())
        return e;
    QJsonParseError parseError;
    m_json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const bool html = ErrorMapper::looksLikeHtml(body, reply->rawHeader("Content-Type"));
        return UploadError::make(UploadError::Kind::BadResponse,
                                 html ? tr("One Codex answered with a web page instead of "
                                           "data. A proxy or captive portal may be in "
                                           "the way; check the API address.")
                                      : tr("One Codex sent an answer SeqDrop could not "
                                           "read. Try again; if it persists, contact "
                                           "support."),
                                 QStringLiteral("HTTP %1 from %2: %3 at offset %4: %5")
                                     .arg(m_status)
                                     .arg(m_url.path(), parseError.errorString())
                                     .arg(parseError.offset)
                                     .arg(QString::fromUtf8(body.left(200))));
    }
    return {};
}

} // namespace SeqDrop
