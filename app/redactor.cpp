#include "redactor.h"

#include <QMutex>
#include <QRegularExpression>

namespace SeqDrop {

namespace {

QMutex g_mutex;
QStringList g_secrets;
QtMessageHandler g_previous = nullptr;

// Form fields and headers whose values are credentials. Matches JSON ("policy": "v"),
// form/query (policy=v) and header (Authorization: Basic v) spellings.
const QRegularExpression &fieldPattern() {
    static const QRegularExpression re(
        QStringLiteral(
            "(\"?(?:policy|signature|x-amz-signature|x-amz-credential|x-amz-security-token|"
            "AWSAccessKeyId|api_key|apikey|x-api-key)\"?\\s*[:=]\\s*\"?)([^\"&\\s,}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &authorizationPattern() {
    static const QRegularExpression re(
        QStringLiteral("(Authorization\\s*:\\s*(?:Basic|Bearer)\\s+)(\\S+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QString clean = Redactor::redact(message);
    if (g_previous)
        g_previous(type, context, clean);
}

} // namespace

QString Redactor::redact(const QString &text) {
    QString out = text;
    {
        QMutexLocker lock(&g_mutex);
        for (const QString &secret : std::as_const(g_secrets)) {
            out.replace(secret, QLatin1String(Mask));
            // The key also travels base64-encoded in "Basic" credentials.
            out.replace(QString::fromLatin1((secret + QLatin1Char(':')).toUtf8().toBase64()),
                        QLatin1String(Mask));
        }
    }
    out.replace(authorizationPattern(), QStringLiteral("\\1") + QLatin1String(Mask));
    out.replace(fieldPattern(), QStringLiteral("\\1") + QLatin1String(Mask));
    return out;
}

void Redactor::addSecret(const QString &secret) {
    if (secret.size() < 8)
        return;
    QMutexLocker lock(&g_mutex);
    if (!g_secrets.contains(secret))
        g_secrets.append(secret);
}

void Redactor::clearSecrets() {
    QMutexLocker lock(&g_mutex);
    g_secrets.clear();
}

void Redactor::installMessageHandler() {
    QMutexLocker lock(&g_mutex);
    if (g_previous)
        return;
    g_previous = qInstallMessageHandler(redactingHandler);
}

} // namespace SeqDrop
