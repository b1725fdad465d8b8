#include "sheets/sheetwriter.h"

#include "samples/metadatabuilder.h"

#include <QDir>
#include <QJsonObject>
#include <QStringList>

namespace SeqDrop {

namespace {

QString quoted(const QString &field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char(';')) &&
        field.trimmed() == field)
        return field;
    return QLatin1Char('"') + QString(field).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString text(const QJsonValue &value) {
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString();
}

} // namespace

QByteArray SheetWriter::write(const QList<SampleSpec> &samples, const QString &sheetDir) {
    const QDir dir(sheetDir);
    const auto path = [&dir](const QString &file) {
        const QString relative = dir.relativeFilePath(file);
        return relative.startsWith(QLatin1String("..")) ? file : relative;
    };
    // Columns: the fixed ones, One Codex's fields any sample has, then custom ones in order.
    QStringList fields;
    QStringList custom;
    for (const SampleSpec &spec : samples) {
        for (const QString &key : MetadataBuilder::knownFields())
            if (key != QLatin1String("name") && key != QLatin1String("external_sample_id") &&
                spec.metadata.contains(key) && !fields.contains(key))
                fields << key;
        const QJsonObject c = spec.metadata.value(QStringLiteral("custom")).toObject();
        for (auto it = c.begin(); it != c.end(); ++it)
            if (!custom.contains(it.key()) && !fields.contains(it.key()))
                custom << it.key();
    }
    QStringList header{QStringLiteral("file"),    QStringLiteral("paired_file"),
                       QStringLiteral("name"),    QStringLiteral("external_sample_id"),
                       QStringLiteral("project"), QStringLiteral("tags")};
    header << fields << custom;
    QStringList lines{header.join(QLatin1Char(','))};
    for (const SampleSpec &spec : samples) {
        QStringList row{path(spec.file),
                        spec.isPair() ? path(spec.pairedFile) : QString(),
                        spec.metadata.value(QStringLiteral("name")).toString(),
                        spec.metadata.value(QStringLiteral("external_sample_id")).toString(),
                        spec.projectId,
                        spec.tags.join(QLatin1Char(';'))};
        for (const QString &key : std::as_const(fields))
            row << text(spec.metadata.value(key));
        const QJsonObject c = spec.metadata.value(QStringLiteral("custom")).toObject();
        for (const QString &key : std::as_const(custom))
            row << text(c.value(key));
        for (QString &field : row)
            field = quoted(field);
        lines << row.join(QLatin1Char(','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace SeqDrop
