#include "validation/validationreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace SeqDrop {

namespace {

// The locale of the messages' language, named by the translation: "1,204" in English, "1.204"
// in German. Untranslated (seqdrop-cli, which loads no translation) it stays English whatever
// the system locale, like the words around the numbers.
QLocale messageLocale() {
    return QLocale(QCoreApplication::translate(
        "SeqDrop::ValidationReport", "en_US",
        "The locale whose digit grouping and decimal point numbers in messages use: the locale "
        "of this translation (de_DE for German)."));
}

} // namespace

QString ValidationReport::number(qint64 n) {
    return messageLocale().toString(n);
}

QString ValidationReport::decimal(double value) {
    return messageLocale().toString(value, 'f', 1);
}

QString ValidationReport::location() const {
    QString where = file;
    if (record > 0 && line > 0)
        where += QCoreApplication::translate("SeqDrop::ValidationReport", ", record %1 (line %2)")
                     .arg(number(record), number(line));
    else if (record > 0)
        where += QCoreApplication::translate("SeqDrop::ValidationReport", ", record %1")
                     .arg(number(record));
    else if (line > 0)
        where +=
            QCoreApplication::translate("SeqDrop::ValidationReport", ", line %1").arg(number(line));
    return where;
}

QString ValidationReport::toText() const {
    if (cancelled)
        return QStringLiteral("%1: validation cancelled.").arg(file);
    QString text;
    if (!ok) {
        text = location() + QStringLiteral(": ") + problem;
    } else {
        text = QStringLiteral("%1: OK - %2%3, %4 records, %5 bases, mean length %6")
                   .arg(file, format.isEmpty() ? QStringLiteral("?") : format,
                        compressed ? QStringLiteral(" (gzip)") : QString(), number(records),
                        number(bases), QString::number(meanLength, 'f', 1));
    }
    for (const QString &note : notes)
        text += QStringLiteral("\n  note: ") + note;
    return text;
}

QJsonObject ValidationReport::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("ok"), ok);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (!ok) {
        o.insert(QStringLiteral("problem"), problem);
        o.insert(QStringLiteral("record"), record);
        o.insert(QStringLiteral("line"), line);
        o.insert(QStringLiteral("message"), location() + QStringLiteral(": ") + problem);
    }
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    o.insert(QStringLiteral("format"), format);
    o.insert(QStringLiteral("compressed"), compressed);
    o.insert(QStringLiteral("records"), records);
    o.insert(QStringLiteral("bases"), bases);
    o.insert(QStringLiteral("mean_length"), meanLength);
    o.insert(QStringLiteral("bytes"), bytesRead);
    o.insert(QStringLiteral("plain_bytes"), plainBytes);
    return o;
}

} // namespace SeqDrop
