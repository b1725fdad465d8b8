#include "initupload.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace {

bool isInteger(const QJsonValue &v) {
    return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
}

bool isDateTime(const QString &s) {
    return QDateTime::fromString(s, Qt::ISODateWithMs).isValid() ||
           QDate::fromString(s, Qt::ISODate).isValid();
}

QString checkMetadata(const QJsonObject &metadata) {
    struct StringField {
        const char *name;
        int maxLength;
    };
    static const StringField strings[] = {{"name", 255},
                                          {"description", 10000},
                                          {"location_string", 255},
                                          {"external_sample_id", 60},
                                          {"platform", 255}};
    static const QStringList libraryTypes = {"WGS", "Targeted/16S", "Other"};
    static const QStringList sampleTypes = {"Isolate", "Metagenomic", "Other"};

    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        const QString where = QStringLiteral("metadata.") + key;
        if (v.isNull())
            continue; // null clears a field
        bool known = false;
        for (const StringField &f : strings) {
            if (key != QLatin1String(f.name))
                continue;
            known = true;
            if (!v.isString())
                return where + QStringLiteral(" must be a string");
            if (v.toString().size() > f.maxLength)
                return where + QStringLiteral(" must be at most %1 characters").arg(f.maxLength);
        }
        if (known)
            continue;
        if (key == QLatin1String("date_collected") || key == QLatin1String("date_sequenced")) {
            if (!v.isString() || !isDateTime(v.toString()))
                return where + QStringLiteral(" must be an ISO 8601 date-time string");
        } else if (key == QLatin1String("location_lat") || key == QLatin1String("location_lon")) {
            const double limit = key == QLatin1String("location_lat") ? 90 : 180;
            if (!v.isDouble())
                return where + QStringLiteral(" must be a number");
            if (v.toDouble() < -limit || v.toDouble() > limit)
                return where + QStringLiteral(" must be between %1 and %2").arg(-limit).arg(limit);
        } else if (key == QLatin1String("starred")) {
            if (!v.isBool())
                return where + QStringLiteral(" must be a boolean");
        } else if (key == QLatin1String("library_type") || key == QLatin1String("sample_type")) {
            const QStringList &allowed =
                key == QLatin1String("library_type") ? libraryTypes : sampleTypes;
            if (!v.isString() || !allowed.contains(v.toString()))
                return where + QStringLiteral(" must be one of: ") + allowed.join(", ");
        } else if (key == QLatin1String("custom")) {
            if (!v.isObject())
                return where + QStringLiteral(" must be an object");
            const QJsonObject custom = v.toObject();
            for (auto c = custom.begin(); c != custom.end(); ++c)
                if (!c.value().isString() && !c.value().isDouble() && !c.value().isBool())
                    return where + '.' + c.key() +
                           QStringLiteral(" must be a string, a number or a boolean");
        } else {
            return QStringLiteral("Unknown metadata field '%1': put custom fields in "
                                  "metadata.custom")
                .arg(key);
        }
    }
    return QString();
}

} // namespace

bool InitUpload::isValidFilename(const QString &name) {
    // One Codex: ^[\w\.]+[\w\-\.\[\]\(\)\{\} ]*\.[\w\.]+$ with \w meaning
    // ASCII [A-Za-z0-9_] (QRegularExpression's \w would also take Unicode).
    static const QRegularExpression re(
        QStringLiteral(R"(^[A-Za-z0-9_.]+[A-Za-z0-9_\-.\[\](){} ]*\.[A-Za-z0-9_.]+$)"));
    return re.match(name).hasMatch();
}

QString InitUpload::parse(const QJsonObject &body, const SandboxStore &store, Parsed *parsed) {
    SandboxStore::Sample &s = parsed->sample;

    const QJsonValue filename = body.value("filename");
    if (filename.isUndefined() || filename.isNull())
        return QStringLiteral("filename is required");
    if (!filename.isString() || !isValidFilename(filename.toString()))
        return QStringLiteral("Invalid filename: use only letters, digits, '-', '_' and '.', "
                              "with an extension");
    s.filename = filename.toString();

    const QJsonValue size = body.value("size");
    if (size.isUndefined() || size.isNull())
        return QStringLiteral("size is required");
    if (!isInteger(size))
        return QStringLiteral("size must be an integer number of bytes");
    if (size.toDouble() < 1)
        return QStringLiteral("size must be at least 1 byte");
    s.size = qint64(size.toDouble());

    const QJsonValue paired = body.value("paired_end_filename");
    if (!paired.isUndefined() && !paired.isNull()) {
        if (!paired.isString() || !isValidFilename(paired.toString()))
            return QStringLiteral("Invalid paired_end_filename: use only letters, digits, '-', "
                                  "'_' and '.', with an extension");
        s.pairedFilename = paired.toString();
    }

    const QJsonValue interleaved = body.value("interleaved");
    if (!interleaved.isUndefined() && !interleaved.isNull()) {
        if (!interleaved.isBool())
            return QStringLiteral("interleaved must be a boolean");
        s.interleaved = interleaved.toBool();
    }

    const QJsonValue tags = body.value("tags");
    if (!tags.isUndefined() && !tags.isNull()) {
        if (!tags.isArray())
            return QStringLiteral("tags must be a list of {\"name\": ...} objects");
        const QJsonArray list = tags.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QJsonValue name = list[i].toObject().value("name");
            if (!list[i].isObject() || !name.isString())
                return QStringLiteral("tags[%1] must be an object with a string name").arg(i);
            if (name.toString().isEmpty() || name.toString().size() > 30)
                return QStringLiteral("tags[%1].name must be 1 to 30 characters").arg(i);
            parsed->tagNames << name.toString();
        }
    }

    const QJsonValue project = body.value("project");
    if (!project.isUndefined() && !project.isNull()) {
        const QString ref = project.toObject().value("$ref").toString();
        static const QString prefix = QStringLiteral("/api/v1/projects/");
        if (!project.isObject() || !ref.startsWith(prefix))
            return QStringLiteral("project must be {\"$ref\": \"/api/v1/projects/<id>\"}");
        if (!store.hasProject(ref.mid(prefix.size())))
            return QStringLiteral("Unknown project: %1").arg(ref);
        s.projectId = ref.mid(prefix.size());
    }

    const QJsonValue metadata = body.value("metadata");
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject())
            return QStringLiteral("metadata must be an object");
        const QString error = checkMetadata(metadata.toObject());
        if (!error.isEmpty())
            return error;
        s.metadata = metadata.toObject();
    }

    const QJsonValue external = body.value("external_sample_id");
    if (!external.isUndefined() && !external.isNull()) {
        if (!external.isString() || external.toString().size() > 60)
            return QStringLiteral("external_sample_id must be a string of at most 60 characters");
        s.externalSampleId = external.toString();
    }

    // The sandbox has no pre-uploaded samples, so any sample_id matches nothing.
    if (!body.value("sample_id").isUndefined() && !body.value("sample_id").isNull())
        return QStringLiteral("sample_id does not match any pre-uploaded sample");

    const QJsonValue uploadType = body.value("upload_type");
    if (!uploadType.isUndefined() && uploadType != QJsonValue(QStringLiteral("standard")))
        return QStringLiteral("upload_type must be \"standard\"");
    return QString();
}
