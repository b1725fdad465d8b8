#pragma once

#include "jsontext.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <limits>
#include <utility>
#include <vector>

// Creates and verifies S3 presigned POST policies (browser-based uploads),
// signed either the SigV2 way (AWSAccessKeyId + signature = base64
// HMAC-SHA1(secret, policy)) or the SigV4 way (x-amz-* fields, hex
// HMAC-SHA256 with the derived signing key). Verification follows the S3
// rules a client can trip over: signature, expiration, every condition, and
// no form field left uncovered by a condition.
class PostPolicy {
public:
    static constexpr const char *Region = "us-east-1";

    PostPolicy(const QByteArray &accessKeyId, const QByteArray &secret);

    struct Grant {
        QString bucket;
        QString keyPrefix;   // the starts-with condition on $key
        QString keyTemplate; // the "key" field, usually ending in ${filename}
        qint64 maxSize = 1;  // content-length-range upper bound
        QDateTime expiration;
        bool sigv4 = false;
    };
    // The additional_fields of an init_upload answer, in the order clients
    // must send them.
    OrderedJsonObject createFields(const Grant &grant, const QDateTime &now) const;

    using FormFields = std::vector<std::pair<QString, QString>>;
    struct Verdict {
        bool ok = false;
        int httpStatus = 0; // when !ok
        QString code;       // S3 error code, when !ok
        QString message;    // when !ok
        QString key;        // the object key, ${filename} substituted
        qint64 minLength = 0;
        qint64 maxLength = std::numeric_limits<qint64>::max();
        QString successActionStatus;
    };
    // fields: every form field before the file part, in arrival order.
    Verdict verify(const FormFields &fields, const QString &bucket, const QString &fileName,
                   const QDateTime &now) const;

    QByteArray signV2(const QByteArray &policyBase64) const;
    QByteArray signV4(const QByteArray &policyBase64, const QString &yyyymmdd) const;

private:
    QByteArray m_accessKeyId;
    QByteArray m_secret;
};
