#include "samples/sampledescription.h"

#include "samples/metadatabuilder.h"

namespace SeqDrop {

namespace {

const QString CustomKey = QStringLiteral("custom");

QString problemOf(const QString &key, const QString &text) {
    MetadataBuilder check; // its add() holds every rule and every message
    return check.add(key, text);
}

QStringList tagProblems(const QStringList &tags) {
    QStringList problems;
    for (const QString &tag : tags) {
        QString why;
        if (!MetadataBuilder::isValidTag(tag, &why))
            problems << why;
    }
    return problems;
}

void setCustom(QJsonObject &metadata, const QJsonObject &custom) {
    if (custom.isEmpty())
        metadata.remove(CustomKey);
    else
        metadata.insert(CustomKey, custom);
}

} // namespace

QStringList SampleDescription::setTags(const QStringList &tags) {
    m_tags = tags;
    return tagProblems(tags);
}

void SampleDescription::setProjectId(const QString &id) {
    m_projectId = id;
}

QString SampleDescription::setField(const QString &key, const QString &text) {
    m_fields.append({key, text, false});
    return problemOf(key, text);
}

void SampleDescription::clearField(const QString &key) {
    m_fields.append({key, QString(), true});
}

QString SampleDescription::setSampleName(const QString &name) {
    return setField(QStringLiteral("name"), name);
}

QString SampleDescription::setExternalSampleId(const QString &id) {
    return setField(QStringLiteral("external_sample_id"), id);
}

void SampleDescription::setCustomFields(const QJsonObject &fields) {
    m_custom = fields;
}

bool SampleDescription::isEmpty() const {
    return !m_tags && !m_projectId && !m_custom && m_fields.isEmpty();
}

QStringList SampleDescription::keys() const {
    QStringList keys;
    auto add = [&keys](const QString &key) {
        if (!keys.contains(key))
            keys << key;
    };
    if (m_tags)
        add(QStringLiteral("tags"));
    if (m_projectId)
        add(QStringLiteral("project"));
    if (m_custom)
        add(CustomKey);
    for (const Field &field : m_fields)
        add(MetadataBuilder::knownFields().contains(field.key) ? field.key : CustomKey);
    return keys;
}

QStringList SampleDescription::problems() const {
    QStringList problems;
    for (const Field &field : m_fields) {
        const QString problem = field.cleared ? QString() : problemOf(field.key, field.text);
        if (!problem.isEmpty())
            problems << problem;
    }
    if (m_tags)
        problems << tagProblems(*m_tags);
    return problems;
}

void SampleDescription::applyTo(SampleSpec &spec) const {
    if (m_tags)
        spec.tags = *m_tags;
    if (m_projectId)
        spec.projectId = *m_projectId;
    QJsonObject &metadata = spec.metadata;
    if (m_custom)
        setCustom(metadata, *m_custom);
    for (const Field &field : m_fields) {
        if (MetadataBuilder::knownFields().contains(field.key)) {
            if (field.cleared) {
                metadata.remove(field.key);
                continue;
            }
            MetadataBuilder typed; // numbers, booleans and ISO dates, as the CLI always typed
            if (typed.add(field.key, field.text).isEmpty())
                metadata.insert(field.key, typed.metadata().value(field.key));
            continue;
        }
        if (!field.cleared && !problemOf(field.key, field.text).isEmpty())
            continue;
        // A custom field joins the sample's others; custom values stay text.
        QJsonObject custom = metadata.value(CustomKey).toObject();
        if (field.cleared)
            custom.remove(field.key);
        else
            custom.insert(field.key, field.text);
        setCustom(metadata, custom);
    }
}

} // namespace SeqDrop
