#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

namespace SeqDrop {

struct FormField {
    QString name;
    QString value;
};

// Where one file goes: the presigned POST form the storage host expects.
struct UploadTarget {
    QUrl url;
    QList<FormField> fields;    // in the order the server gave them
    QDateTime policyExpiration; // from the decoded policy, when readable

    bool isValid() const { return url.isValid() && !url.isEmpty(); }
    bool hasExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

// The answer of init_upload.
struct UploadTicket {
    QString sampleId;
    UploadTarget primary;
    UploadTarget pairedEnd;
    QJsonValue fallbackOptions; // undocumented by One Codex: kept opaque, logged only
    // One Codex's validating proxy (upload_url points at it), from additional_fields: where to
    // ask whether its check of the files is over, and whether it confirms the sample itself.
    QUrl statusUrl;
    QUrl callbackUrl;
    bool viaProxy() const { return !statusUrl.isEmpty() || !callbackUrl.isEmpty(); }

    // Parses the raw answer; on failure returns false with a message in *error.
    static bool parse(const QByteArray &raw, UploadTicket *ticket, QString *error);

    // Member names of the object `member` of the top-level object, in textual order.
    static QStringList memberOrder(const QByteArray &raw, const QString &member);
    // A form value as text: JSON numbers as their decimal text, bools as true/false.
    static QString formValue(const QJsonValue &value);
};

} // namespace SeqDrop
