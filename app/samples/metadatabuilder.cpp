#include "samples/metadatabuilder.h"

#include <QDateTime>

namespace SeqDrop {

namespace {

const QStringList &stringFields() {
    static const QStringList fields{
        QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("location_string"),
        QStringLiteral("external_sample_id"), QStringLiteral("platform")};
    return fields;
}

int maxLength(const QString &key) {
    if (key == QLatin1String("location_string"))
        return 255;
    if (key == QLatin1String("external_sample_id"))
        return 60;
    return -1;
}

bool isDateField(const QString &key) {
    return key == QLatin1String("date_collected") || key == QLatin1String("date_sequenced");
}

// Accepts "2026-11-29" or a full ISO date-time; returns the ISO date-time One Codex expects.
QString isoDateTime(const QString &value) {
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (date.isValid() && value.size() == 10)
        return date.startOfDay(Qt::UTC).toString(Qt::ISODate);
    const QDateTime dt = QDateTime::fromString(value, Qt::ISODate);
    return dt.isValid() ? value : QString();
}

} // namespace

QStringList MetadataBuilder::knownFields() {
    return stringFields() +
           QStringList{QStringLiteral("date_collected"), QStringLiteral("date_sequenced"),
                       QStringLiteral("location_lat"),   QStringLiteral("location_lon"),
                       QStringLiteral("starred"),        QStringLiteral("library_type"),
                       QStringLiteral("sample_type")};
}

QStringList MetadataBuilder::libraryTypes() {
    return {QStringLiteral("WGS"), QStringLiteral("Targeted/16S"), QStringLiteral("Other")};
}

QStringList MetadataBuilder::sampleTypes() {
    return {QStringLiteral("Isolate"), QStringLiteral("Metagenomic"), QStringLiteral("Other")};
}

QStringList MetadataBuilder::platforms() {
    return {QStringLiteral("Illumina MiSeq"),
            QStringLiteral("Illumina MiniSeq"),
            QStringLiteral("Illumina iSeq 100"),
            QStringLiteral("Illumina NextSeq 500"),
            QStringLiteral("Illumina NextSeq 2000"),
            QStringLiteral("Illumina HiSeq 2500"),
            QStringLiteral("Illumina HiSeq 4000"),
            QStringLiteral("Illumina NovaSeq 6000"),
            QStringLiteral("Ion Torrent PGM"),
            QStringLiteral("Ion Torrent S5"),
            QStringLiteral("Oxford Nanopore MinION"),
            QStringLiteral("Oxford Nanopore GridION"),
            QStringLiteral("Oxford Nanopore PromethION"),
            QStringLiteral("PacBio RS II"),
            QStringLiteral("PacBio Sequel"),
            QStringLiteral("PacBio Sequel II"),
            QStringLiteral("Other")};
}

bool MetadataBuilder::isValidTag(const QString &tag, QString *why) {
    if (tag.trimmed().isEmpty()) {
        *why = tr("A tag cannot be empty.");
        return false;
    }
    if (tag.size() > MaxTagLength) {
        *why = tr("The tag \"%1\" has %2 characters; One Codex allows at most %3.")
                   .arg(tag)
                   .arg(tag.size())
                   .arg(MaxTagLength);
        return false;
    }
    return true;
}

QString MetadataBuilder::validate(const QString &key, const QString &value) {
    const int limit = maxLength(key);
    if (limit > 0 && value.size() > limit)
        return tr("Metadata %1 may have at most %2 characters (it has %3).")
            .arg(key)
            .arg(limit)
            .arg(value.size());
    if (isDateField(key) && isoDateTime(value).isEmpty())
        return tr("Metadata %1 must be a date like 2026-11-29 or 2026-11-29T14:30:00 "
                  "(got \"%2\").")
            .arg(key, value);
    if (key == QLatin1String("location_lat") || key == QLatin1String("location_lon")) {
        const double bound = key == QLatin1String("location_lat") ? 90 : 180;
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !qIsFinite(v) || v < -bound || v > bound)
            return tr("Metadata %1 must be a number from %2 to %3 (got \"%4\").")
                .arg(key)
                .arg(-bound)
                .arg(bound)
                .arg(value);
    }
    if (key == QLatin1String("starred") && value != QLatin1String("true") &&
        value != QLatin1String("false"))
        return tr("Metadata starred must be true or false (got \"%1\").").arg(value);
    if (key == QLatin1String("library_type") && !libraryTypes().contains(value))
        return tr("Metadata library_type must be one of %1 (got \"%2\").")
            .arg(libraryTypes().join(QStringLiteral(", ")), value);
    if (key == QLatin1String("sample_type") && !sampleTypes().contains(value))
        return tr("Metadata sample_type must be one of %1 (got \"%2\").")
            .arg(sampleTypes().join(QStringLiteral(", ")), value);
    return {};
}

QString MetadataBuilder::add(const QString &key, const QString &value) {
    if (key.isEmpty())
        return tr("Metadata needs KEY=VALUE; the key is empty.");
    if (key == QLatin1String("custom"))
        return tr("\"custom\" is reserved: give custom fields by their own names.");
    const QString problem = validate(key, value);
    if (!problem.isEmpty())
        return problem;
    if (!knownFields().contains(key)) {
        // Custom values stay text: "007" must not become 7.
        m_custom.insert(key, value);
        return {};
    }
    if (isDateField(key))
        m_fields.insert(key, isoDateTime(value));
    else if (key == QLatin1String("location_lat") || key == QLatin1String("location_lon"))
        m_fields.insert(key, value.toDouble());
    else if (key == QLatin1String("starred"))
        m_fields.insert(key, value == QLatin1String("true"));
    else
        m_fields.insert(key, value);
    return {};
}

QJsonObject MetadataBuilder::metadata() const {
    QJsonObject result = m_fields;
    if (!m_custom.isEmpty())
        result.insert(QStringLiteral("custom"), m_custom);
    return result;
}

} // namespace SeqDrop
