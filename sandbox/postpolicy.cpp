#include "postpolicy.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QStringList>

namespace {

QByteArray hmac256(const QByteArray &key, const QByteArray &data) {
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QString amzDate(const QDateTime &t) {
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

// Form field names are case-insensitive in S3 POST.
const QString *findField(const PostPolicy::FormFields &fields, const QString &name) {
    for (const auto &f : fields)
        if (f.first.compare(name, Qt::CaseInsensitive) == 0)
            return &f.second;
    return nullptr;
}

PostPolicy::Verdict fail(int status, const QString &code, const QString &message) {
    PostPolicy::Verdict v;
    v.httpStatus = status;
    v.code = code;
    v.message = message;
    return v;
}

PostPolicy::Verdict missingField(const QString &name) {
    return fail(400, QStringLiteral("InvalidArgument"),
                QStringLiteral("Bucket POST must contain a field named '%1'.  If it is specified, "
                               "please check the order of the fields.")
                    .arg(name));
}

QString conditionText(const QString &op, const QString &field, const QJsonValue &value) {
    return QStringLiteral("[\"%1\", \"$%2\", %3]")
        .arg(op, field, QString::fromUtf8(JsonText::encode(value)));
}

} // namespace

PostPolicy::PostPolicy(const QByteArray &accessKeyId, const QByteArray &secret)
    : m_accessKeyId(accessKeyId)
    , m_secret(secret) {}

QByteArray PostPolicy::signV2(const QByteArray &policyBase64) const {
    return QMessageAuthenticationCode::hash(policyBase64, m_secret, QCryptographicHash::Sha1)
        .toBase64();
}

QByteArray PostPolicy::signV4(const QByteArray &policyBase64, const QString &yyyymmdd) const {
    QByteArray key = hmac256("AWS4" + m_secret, yyyymmdd.toLatin1());
    key = hmac256(key, Region);
    key = hmac256(key, "s3");
    key = hmac256(key, "aws4_request");
    return hmac256(key, policyBase64).toHex();
}

OrderedJsonObject PostPolicy::createFields(const Grant &grant, const QDateTime &now) const {
    const QString date = now.toUTC().toString(QStringLiteral("yyyyMMdd"));
    const QString credential =
        QStringLiteral("%1/%2/%3/s3/aws4_request")
            .arg(QString::fromLatin1(m_accessKeyId), date, QString::fromLatin1(Region));

    QJsonArray conditions{QJsonObject{{"bucket", grant.bucket}},
                          QJsonArray{"starts-with", "$key", grant.keyPrefix},
                          QJsonObject{{"acl", "private"}},
                          QJsonObject{{"success_action_status", "201"}},
                          QJsonObject{{"x-amz-server-side-encryption", "AES256"}},
                          QJsonArray{"content-length-range", 1, double(grant.maxSize)}};
    if (grant.sigv4) {
        conditions.append(QJsonObject{{"x-amz-algorithm", "AWS4-HMAC-SHA256"}});
        conditions.append(QJsonObject{{"x-amz-credential", credential}});
        conditions.append(QJsonObject{{"x-amz-date", amzDate(now)}});
    }
    // Written in S3's usual order: expiration first.
    OrderedJsonObject policy;
    policy
        .add("expiration",
             grant.expiration.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")))
        .add("conditions", conditions);
    const QByteArray policyB64 = policy.toJson().toBase64();

    OrderedJsonObject fields;
    if (grant.sigv4) {
        fields.add("x-amz-algorithm", "AWS4-HMAC-SHA256")
            .add("x-amz-credential", credential)
            .add("x-amz-date", amzDate(now));
    } else {
        fields.add("AWSAccessKeyId", QString::fromLatin1(m_accessKeyId));
    }
    fields.add("acl", "private")
        .add("key", grant.keyTemplate)
        .add("policy", QString::fromLatin1(policyB64));
    if (grant.sigv4)
        fields.add("x-amz-signature", QString::fromLatin1(signV4(policyB64, date)));
    else
        fields.add("signature", QString::fromLatin1(signV2(policyB64)));
    // A JSON number on purpose: the form field must still be sent as "201".
    fields.add("success_action_status", 201).add("x-amz-server-side-encryption", "AES256");
    return fields;
}

PostPolicy::Verdict PostPolicy::verify(const FormFields &fields, const QString &bucket,
                                       const QString &fileName, const QDateTime &now) const {
    const QString *policyField = findField(fields, QStringLiteral("policy"));
    if (!policyField)
        return missingField(QStringLiteral("policy"));
    const QByteArray policyB64 = policyField->toLatin1();

    // 1. Signature.
    if (const QString *algorithm = findField(fields, QStringLiteral("x-amz-algorithm"))) {
        if (*algorithm != QLatin1String("AWS4-HMAC-SHA256"))
            return fail(400, "InvalidArgument", "Unsupported x-amz-algorithm: " + *algorithm);
        const QString *credential = findField(fields, QStringLiteral("x-amz-credential"));
        const QString *signature = findField(fields, QStringLiteral("x-amz-signature"));
        if (!credential)
            return missingField(QStringLiteral("x-amz-credential"));
        if (!signature)
            return missingField(QStringLiteral("x-amz-signature"));
        const QStringList parts = credential->split('/');
        if (parts.size() != 5 || parts[2] != QLatin1String(Region) || parts[3] != "s3" ||
            parts[4] != "aws4_request")
            return fail(400, "AuthorizationQueryParametersError",
                        "Error parsing the X-Amz-Credential parameter: " + *credential);
        if (parts[0].toLatin1() != m_accessKeyId)
            return fail(403, "InvalidAccessKeyId",
                        "The AWS Access Key Id you provided does not exist in our records.");
        if (signature->toLatin1() != signV4(policyB64, parts[1]))
            return fail(403, "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you "
                        "provided. Check your key and signing method.");
    } else {
        const QString *akid = findField(fields, QStringLiteral("AWSAccessKeyId"));
        const QString *signature = findField(fields, QStringLiteral("signature"));
        if (!akid)
            return missingField(QStringLiteral("AWSAccessKeyId"));
        if (!signature)
            return missingField(QStringLiteral("signature"));
        if (akid->toLatin1() != m_accessKeyId)
            return fail(403, "InvalidAccessKeyId",
                        "The AWS Access Key Id you provided does not exist in our records.");
        if (signature->toLatin1() != signV2(policyB64))
            return fail(403, "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you "
                        "provided. Check your key and signing method.");
    }

    // 2. The policy document itself.
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromBase64(policyB64));
    const QJsonObject policy = doc.object();
    if (!doc.isObject() || !policy.value("expiration").isString() ||
        !policy.value("conditions").isArray())
        return fail(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
    const QDateTime expiration =
        QDateTime::fromString(policy.value("expiration").toString(), Qt::ISODateWithMs);
    if (!expiration.isValid())
        return fail(400, "InvalidPolicyDocument", "Invalid Policy: Invalid 'expiration' value.");
    if (expiration <= now)
        return fail(403, "AccessDenied", "Invalid according to Policy: Policy expired.");

    const QString *keyField = findField(fields, QStringLiteral("key"));
    if (!keyField)
        return missingField(QStringLiteral("key"));
    Verdict verdict;
    verdict.key = QString(*keyField).replace(QLatin1String("${filename}"), fileName);

    // Value of a form field as conditions see it: bucket comes from the URL,
    // key after ${filename} substitution.
    auto valueOf = [&](const QString &name, bool *present) -> QString {
        *present = true;
        if (name.compare(QLatin1String("bucket"), Qt::CaseInsensitive) == 0)
            return bucket;
        if (name.compare(QLatin1String("key"), Qt::CaseInsensitive) == 0)
            return verdict.key;
        const QString *v = findField(fields, name);
        *present = v != nullptr;
        return v ? *v : QString();
    };

    // 3. Every condition must hold; remember which fields they cover.
    QStringList covered;
    const auto conditionFailed = [](const QString &text) {
        return fail(403, "AccessDenied",
                    "Invalid according to Policy: Policy Condition failed: " + text);
    };
    for (const QJsonValue &c : policy.value("conditions").toArray()) {
        QString op, field;
        QJsonValue expected;
        if (c.isObject() && c.toObject().size() == 1) {
            op = QStringLiteral("eq");
            field = c.toObject().begin().key();
            expected = c.toObject().begin().value();
        } else if (c.isArray() && c.toArray().size() == 3) {
            const QJsonArray a = c.toArray();
            op = a[0].toString().toLower();
            if (op == QLatin1String("content-length-range")) {
                verdict.minLength = qint64(a[1].toDouble());
                verdict.maxLength = qint64(a[2].toDouble());
                continue;
            }
            field = a[1].toString().mid(1); // strip '$'
            expected = a[2];
        } else {
            return fail(400, "InvalidPolicyDocument", "Invalid Policy: Invalid Condition.");
        }
        covered << field.toLower();
        bool present = false;
        const QString actual = valueOf(field, &present);
        const QString wanted =
            expected.isDouble() ? QString::number(expected.toDouble()) : expected.toString();
        bool ok = present;
        if (op == QLatin1String("eq"))
            ok = ok && actual == wanted;
        else if (op == QLatin1String("starts-with"))
            ok = ok && actual.startsWith(wanted);
        else
            return fail(400, "InvalidPolicyDocument", "Invalid Policy: Invalid Condition: " + op);
        if (!ok)
            return conditionFailed(conditionText(op, field, expected));
    }

    // 4. No field may escape the policy.
    for (const auto &f : fields) {
        const QString name = f.first.toLower();
        if (name == "policy" || name == "signature" || name == "x-amz-signature" ||
            name == "file" || name == "awsaccesskeyid" || name.startsWith("x-ignore-") ||
            covered.contains(name))
            continue;
        return fail(403, "AccessDenied",
                    "Invalid according to Policy: Extra input fields: " + f.first);
    }

    if (const QString *s = findField(fields, QStringLiteral("success_action_status")))
        verdict.successActionStatus = *s;
    verdict.ok = true;
    return verdict;
}
