#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace SeqDrop {

// Turns user-typed KEY=VALUE pairs into One Codex's metadata object: the documented fields
// typed and range-checked (so mistakes surface before upload, not as a 400 later), anything
// else under `custom`. Shared by the CLI's --metadata and the GUI's form.
class MetadataBuilder {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::MetadataBuilder)
public:
    // Adds one field; returns an empty string or a message naming the field and the fix.
    QString add(const QString &key, const QString &value);
    QJsonObject metadata() const;

    static QStringList knownFields();
    static QStringList libraryTypes();
    static QStringList sampleTypes();
    // Sequencers offered for "platform"; any other text is accepted too (a new instrument).
    static QStringList platforms();
    // Validates one known field's text; empty string when valid. Unknown keys are valid.
    static QString validate(const QString &key, const QString &value);
    static bool isValidTag(const QString &tag, QString *why);

    static constexpr int MaxTagLength = 30;

private:
    QJsonObject m_fields;
    QJsonObject m_custom;
};

} // namespace SeqDrop
