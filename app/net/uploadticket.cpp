#include "net/uploadticket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace SeqDrop {

bool UploadTarget::hasExpired(const QDateTime &now) const {
    return policyExpiration.isValid() && policyExpiration <= now;
}

QString UploadTicket::formValue(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        double whole = 0;
        if (std::modf(d, &whole) == 0.0 && std::fabs(d) < 9007199254740992.0)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    default: // objects and arrays are not form values; send their JSON rather than drop them
        return QString::fromUtf8(QJsonDocument(value.isObject() ? QJsonDocument(value.toObject())
                                                                : QJsonDocument(value.toArray()))
                                     .toJson(QJsonDocument::Compact));
    }
}

// QJsonObject sorts its keys, but the presigned form is to be sent in the server's order.
// Qt has no order-preserving JSON reader, so this scans the already-validated text for the
// member names at the right depth. It only locates keys; values still come from QJsonDocument.
QStringList UploadTicket::memberOrder(const QByteArray &raw, const QString &member) {
    QStringList keys;
    int depth = 0;
    int targetDepth = -1; // depth inside the wanted object, once entered
    bool awaitTarget = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '"') {
            QByteArray token;
            for (++i; i < raw.size() && raw.at(i) != '"'; ++i) {
                if (raw.at(i) == '\\' && i + 1 < raw.size())
                    token.append(raw.at(i++));
                token.append(raw.at(i));
            }
            qsizetype j = i + 1;
            while (j < raw.size() && QChar::isSpace(raw.at(j)))
                ++j;
            if (j >= raw.size() || raw.at(j) != ':')
                continue; // a value, not a key
            const QString key =
                QJsonDocument::fromJson("[\"" + token + "\"]").array().at(0).toString();
            if (depth == 1 && key == member)
                awaitTarget = true;
            else if (depth == targetDepth)
                keys.append(key);
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
            if (awaitTarget && c == '{' && targetDepth < 0)
                targetDepth = depth;
            awaitTarget = false;
        } else if (c == '}' || c == ']') {
            if (depth == targetDepth)
                return keys;
            --depth;
        } else if (awaitTarget && !QChar::isSpace(c) && c != ':') {
            awaitTarget = false; // the member is not an object
        }
    }
    return keys;
}

namespace {

QDateTime policyExpiration(const QString &policyBase64) {
    const QJsonDocument policy =
        QJsonDocument::fromJson(QByteArray::fromBase64(policyBase64.toLatin1()));
    const QString when = policy.object().value(QLatin1String("expiration")).toString();
    QDateTime dt = QDateTime::fromString(when, Qt::ISODateWithMs);
    return dt.isValid() ? dt : QDateTime::fromString(when, Qt::ISODate);
}

UploadTarget readTarget(const QByteArray &raw, const QJsonObject &answer, const QString &urlKey,
                        const QString &fieldsKey) {
    UploadTarget target;
    target.url = QUrl(answer.value(urlKey).toString());
    const QJsonObject fields = answer.value(fieldsKey).toObject();
    QStringList order = UploadTicket::memberOrder(raw, fieldsKey);
    for (const QString &key : fields.keys()) // keys the scan missed still get sent
        if (!order.contains(key))
            order.append(key);
    for (const QString &key : order) {
        if (!fields.contains(key))
            continue;
        const QString value = UploadTicket::formValue(fields.value(key));
        target.fields.append({key, value});
        if (key == QLatin1String("policy") || key == QLatin1String("Policy"))
            target.policyExpiration = policyExpiration(value);
    }
    return target;
}

} // namespace

bool UploadTicket::parse(const QByteArray &raw, UploadTicket *ticket, QString *error) {
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    if (!doc.isObject()) {
        *error = QStringLiteral("init_upload did not answer with a JSON object.");
        return false;
    }
    const QJsonObject answer = doc.object();
    ticket->sampleId = answer.value(QLatin1String("sample_id")).toString();
    ticket->primary =
        readTarget(raw, answer, QStringLiteral("upload_url"), QStringLiteral("additional_fields"));
    ticket->pairedEnd = readTarget(raw, answer, QStringLiteral("paired_end_upload_url"),
                                   QStringLiteral("paired_end_additional_fields"));
    ticket->fallbackOptions = answer.value(QLatin1String("fallback_options"));
    const QJsonObject fields = answer.value(QLatin1String("additional_fields")).toObject();
    ticket->statusUrl = QUrl(fields.value(QLatin1String("status_url")).toString());
    ticket->callbackUrl = QUrl(fields.value(QLatin1String("callback_url")).toString());
    if (ticket->sampleId.isEmpty() || !ticket->primary.isValid()) {
        *error = QStringLiteral("init_upload's answer lacks sample_id or upload_url.");
        return false;
    }
    return true;
}

} // namespace SeqDrop
