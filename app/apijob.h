#pragma once

#include "networkjob.h"

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
    // The parsed answer once finished without error.
    const QJsonDocument &json() const { return m_json; }
    // The answer's bytes, for readers that need what QJsonObject drops (member order).
    const QByteArray &rawBody() const { return m_rawBody; }
    int httpStatus() const { return m_status; }

    // Only safe calls are retried after an ambiguous failure (a dropped connection or a
    // timeout may mean the server acted). 429/503 are retried always: the server did nothing.
    void setIdempotent(bool idempotent) { m_idempotent = idempotent; }

protected:
    QNetworkReply *sendRequest() override;
    UploadError processReply(QNetworkReply *reply) override;
    bool shouldRetry(const UploadError &e) const override;

private:
    Method m_method;
    QUrl m_url;
    QString m_apiKey;
    QByteArray m_body;
    QJsonDocument m_json;
    QByteArray m_rawBody;
    int m_status = 0;
    bool m_idempotent = true;
};

} // namespace SeqDrop
