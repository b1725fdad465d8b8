#pragma once

#include "net/networkjob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace SeqDrop {

// One call to the One Codex JSON API: basic auth with the key, JSON in and out.
class ApiJob : public NetworkJob {
    Q_OBJECT
public:
    enum class Method { Get, Post };

    ApiJob(QNetworkAccessManager *nam, Method method, const QUrl &url, const QString &apiKey,
           const QJsonDocument &body = {}, QObject *parent = nullptr);

    const QUrl &url() const { return m_url; }
    void setUrl(const QUrl &url) { m_url = url; }
    // The parsed answer once finished without error.
    const QJsonDocument &json() const { return m_json; }
    // The answer's bytes, for readers that need what QJsonObject drops (member order).
    const QByteArray &rawBody() const { return m_rawBody; }
    int httpStatus() const { return m_status; }

    // How many times the request left this computer, Qt's own silent resends on a dropped
    // keep-alive connection included. More than once means the server may have acted twice.
    int timesSent() const { return m_timesSent; }
    // For calls that are safe to repeat, a 500 is retried too (import_file_from_s3: a second
    // call answers the same sample).
    void setRetriesServerErrors(bool retries) { m_retriesServerErrors = retries; }

protected:
    QNetworkReply *sendRequest() override;
    UploadError processReply(QNetworkReply *reply) override;
    bool shouldRetry(const UploadError &e) const override;
    QUrl targetUrl() const override { return m_url; }

private:
    Method m_method;
    QUrl m_url;
    QString m_apiKey;
    QByteArray m_body;
    QJsonDocument m_json;
    QByteArray m_rawBody;
    int m_status = 0;
    int m_timesSent = 0;
    bool m_retriesServerErrors = false;
};

} // namespace SeqDrop
