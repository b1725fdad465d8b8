#include "samples/samplespec.h"

#include "samples/localfile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

namespace SeqDrop {

QString SampleSpec::effectiveUploadName() const {
    return uploadName.isEmpty() ? QFileInfo(file).fileName() : uploadName;
}

QString SampleSpec::effectivePairedUploadName() const {
    return pairedUploadName.isEmpty() ? QFileInfo(pairedFile).fileName() : pairedUploadName;
}

QString SampleSpec::displayName() const {
    if (!isPair())
        return effectiveUploadName();
    return effectiveUploadName() + QStringLiteral(" + ") + effectivePairedUploadName();
}

QString SampleSpec::fingerprint() const {
    QStringList parts;
    for (const QString &file : allFiles()) {
        const LocalFile::Stamp stamp = LocalFile::stamp(file);
        parts << QFileInfo(file).absoluteFilePath() + QLatin1Char('|') +
                     QString::number(stamp.size) + QLatin1Char('|') +
                     QString::number(stamp.modified);
    }
    return parts.join(QLatin1Char('\n'));
}

qint64 SampleSpec::sizeOnDisk() const {
    qint64 size = 0;
    for (const QString &file : allFiles())
        size += QFileInfo(file).size();
    return size;
}

QJsonObject SampleSpec::toJson() const {
    return QJsonObject{
        {QStringLiteral("file"), file},
        {QStringLiteral("paired_file"), pairedFile},
        {QStringLiteral("upload_name"), uploadName},
        {QStringLiteral("paired_upload_name"), pairedUploadName},
        {QStringLiteral("more_lanes"), QJsonArray::fromStringList(moreLanes)},
        {QStringLiteral("more_paired_lanes"), QJsonArray::fromStringList(morePairedLanes)},
        {QStringLiteral("interleaved"), interleaved},
        {QStringLiteral("validate_while_uploading"), validateWhileUploading},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("project_id"), projectId},
        {QStringLiteral("pending_project"), pendingProject},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("sheet_name"), sheetName},
        {QStringLiteral("sheet_fields"), QJsonArray::fromStringList(sheetFields)},
        {QStringLiteral("typed_fields"), QJsonArray::fromStringList(typedFields)}};
}

SampleSpec SampleSpec::fromJson(const QJsonObject &json) {
    auto strings = [&json](const char *key) {
        QStringList out;
        for (const QJsonValue &v : json.value(QLatin1String(key)).toArray())
            out << v.toString();
        return out;
    };
    SampleSpec spec;
    spec.file = json.value(QLatin1String("file")).toString();
    spec.pairedFile = json.value(QLatin1String("paired_file")).toString();
    spec.uploadName = json.value(QLatin1String("upload_name")).toString();
    spec.pairedUploadName = json.value(QLatin1String("paired_upload_name")).toString();
    spec.moreLanes = strings("more_lanes");
    spec.morePairedLanes = strings("more_paired_lanes");
    spec.interleaved = json.value(QLatin1String("interleaved")).toBool();
    spec.validateWhileUploading = json.value(QLatin1String("validate_while_uploading")).toBool();
    spec.tags = strings("tags");
    spec.projectId = json.value(QLatin1String("project_id")).toString();
    spec.pendingProject = json.value(QLatin1String("pending_project")).toString();
    spec.metadata = json.value(QLatin1String("metadata")).toObject();
    spec.sheetName = json.value(QLatin1String("sheet_name")).toString();
    spec.sheetFields = strings("sheet_fields");
    spec.typedFields = strings("typed_fields");
    return spec;
}

void SampleSpec::markFromSheet(const QString &name, const QStringList &keys) {
    sheetName = name;
    sheetFields.clear();
    for (const QString &key : keys)
        if (!typedFields.contains(key) && !sheetFields.contains(key))
            sheetFields << key;
}

void SampleSpec::markTyped(const QStringList &keys) {
    for (const QString &key : keys) {
        sheetFields.removeAll(key);
        if (!typedFields.contains(key))
            typedFields << key;
    }
}

void SampleSpec::copyFields(const SampleSpec &other, const QStringList &keys) {
    for (const QString &key : keys) {
        if (key == QLatin1String("tags")) {
            tags = other.tags;
        } else if (key == QLatin1String("project")) {
            projectId = other.projectId;
            pendingProject = other.pendingProject;
        } else if (other.metadata.contains(key)) {
            metadata.insert(key, other.metadata.value(key));
        } else {
            metadata.remove(key);
        }
    }
}

QJsonObject SampleSpec::initUploadBody(qint64 size) const {
    QJsonObject body{{QStringLiteral("filename"), effectiveUploadName()},
                     {QStringLiteral("size"), size},
                     {QStringLiteral("upload_type"), QStringLiteral("standard")}};
    if (isPair())
        body.insert(QStringLiteral("paired_end_filename"), effectivePairedUploadName());
    if (interleaved)
        body.insert(QStringLiteral("interleaved"), true);
    if (!tags.isEmpty()) {
        QJsonArray list;
        for (const QString &tag : tags)
            list.append(QJsonObject{{QStringLiteral("name"), tag}});
        body.insert(QStringLiteral("tags"), list);
    }
    if (!projectId.isEmpty())
        body.insert(
            QStringLiteral("project"),
            QJsonObject{{QStringLiteral("$ref"), QStringLiteral("/api/v1/projects/") + projectId}});
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    return body;
}

QJsonObject SampleSpec::initMultipartUploadBody() const {
    QJsonObject body = initUploadBody(0);
    body.remove(QStringLiteral("size"));
    body.remove(QStringLiteral("upload_type"));
    if (!projectId.isEmpty())
        body.insert(QStringLiteral("project"), projectId);
    return body;
}

} // namespace SeqDrop
