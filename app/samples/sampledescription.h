#pragma once

#include "samples/samplespec.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace SeqDrop {

// How samples are to be described: tags, project, One Codex's metadata fields and custom ones.
// Every field is optional: an untouched field leaves a sample's own value alone, so one
// description applies to many samples (the editor panel's selection, the CLI's files, a sample
// sheet's row). Built field by field; values are kept as typed and typed on applyTo() by
// MetadataBuilder, the CLI's and the panel's one set of rules.
class SampleDescription {
public:
    // The tags, replacing the sample's; an empty list removes them. Returns one sentence per
    // tag One Codex would refuse (the tags are kept all the same: see problems()).
    QStringList setTags(const QStringList &tags);
    // The project's id, or empty for no project.
    void setProjectId(const QString &id);
    // One metadata field by One Codex's name, or a custom field by any other name, as typed.
    // Returns MetadataBuilder's sentence when the text does not fit the field; such a field is
    // left out by applyTo(). The text is kept as given: empty is sent empty (the CLI's
    // `--metadata description=`).
    QString setField(const QString &key, const QString &text);
    // The field taken off the sample (the panel's cleared field); a custom name leaves the other
    // custom fields.
    void clearField(const QString &key);
    // The sample name (metadata "name") and the lab's own ID, as setField().
    QString setSampleName(const QString &name);
    QString setExternalSampleId(const QString &id);
    // The whole set of custom fields, replacing the sample's (the panel's editor holds all of
    // them); an empty set removes them. Values stay text.
    void setCustomFields(const QJsonObject &fields);

    bool isEmpty() const;
    // The sample's fields it sets or clears: "tags", "project", "custom" (any custom field) and
    // One Codex's metadata keys, as SampleSpec's sheetFields and typedFields name them.
    QStringList keys() const;
    // Every sentence the setters returned: the fields in the order set, then the tags.
    QStringList problems() const;
    // Writes the touched fields into `spec` and leaves the others.
    void applyTo(SampleSpec &spec) const;

private:
    struct Field {
        QString key;
        QString text;
        bool cleared = false;
    };

    std::optional<QStringList> m_tags;
    std::optional<QString> m_projectId;
    std::optional<QJsonObject> m_custom;
    QList<Field> m_fields; // in the order set: a later value of a key wins, as in MetadataBuilder
};

} // namespace SeqDrop
