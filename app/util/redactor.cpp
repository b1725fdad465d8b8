#include "util/redactor.h"

#include <QMutex>
#include <QRegularExpression>

namespace SeqDrop {

namespace {

// Never destroyed: Qt still logs while the process exits (plugins unloading, other global
// destructors), and those lines must be redacted too. With ordinary statics the patterns were
// destroyed first and such lines went out unredacted, with a warning about an invalid
// QRegularExpression (tst_cli::logsAtExitAreRedacted).
struct State {
    QMutex mutex;
    QStringList secrets;
    QtMessageHandler previous = nullptr;
    // Form fields and headers whose values are credentials (an init_multipart_upload answer
    // is logged before its S3 secret is registered). Matches JSON ("policy": "v"),
    // form/query (policy=v) and header (Authorization: Basic v) spellings.
    const QRegularExpression field{
        QStringLiteral(
            "(\"?(?:policy|signature|x-amz-signature|x-amz-credential|x-amz-security-token|"
            "AWSAccessKeyId|api_key|apikey|x-api-key|(?:upload_)?aws_secret_access_key|"
            "SecretAccessKey)\"?\\s*[:=]\\s*\"?)([^\"&\\s,}]+)"),
        QRegularExpression::CaseInsensitiveOption};
    const QRegularExpression authorization{
        QStringLiteral("(Authorization\\s*:\\s*(?:Basic|Bearer)\\s+)(\\S+)"),
        QRegularExpression::CaseInsensitiveOption};
};

State &state() {
    static State *const s = new State; // leaked on purpose, see above
    return *s;
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QString clean = Redactor::redact(message);
    if (const QtMessageHandler previous = state().previous)
        previous(type, context, clean);
}

} // namespace

QString Redactor::redact(const QString &text) {
    State &s = state();
    QString out = text;
    {
        QMutexLocker lock(&s.mutex);
        for (const QString &secret : std::as_const(s.secrets)) {
            out.replace(secret, QLatin1String(Mask));
            // The key also travels base64-encoded in "Basic" credentials.
            out.replace(QString::fromLatin1((secret + QLatin1Char(':')).toUtf8().toBase64()),
                        QLatin1String(Mask));
        }
    }
    out.replace(s.authorization, QStringLiteral("\\1") + QLatin1String(Mask));
    out.replace(s.field, QStringLiteral("\\1") + QLatin1String(Mask));
    return out;
}

void Redactor::addSecret(const QString &secret) {
    if (secret.size() < 8)
        return;
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (!s.secrets.contains(secret))
        s.secrets.append(secret);
}

void Redactor::clearSecrets() {
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.secrets.clear();
}

void Redactor::installMessageHandler() {
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (s.previous)
        return;
    s.previous = qInstallMessageHandler(redactingHandler);
}

} // namespace SeqDrop
