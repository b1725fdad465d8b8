#include "sheets/csvtable.h"

#include <QStringDecoder>

namespace SeqDrop {

namespace {

QString decode(QByteArray bytes, bool *latin1) {
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(bytes);
    *latin1 = utf8.hasError();
    return *latin1 ? QString::fromLatin1(bytes) : text;
}

// `;` when the text outside quotes holds more of them than commas: a sheet saved by a European
// Excel has a `;` between every pair of fields and commas only inside numbers and text.
QChar detectDelimiter(const QString &text) {
    qsizetype commas = 0;
    qsizetype semicolons = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char(','))
            ++commas;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolons;
    }
    return semicolons > commas ? QLatin1Char(';') : QLatin1Char(',');
}

} // namespace

QStringList CsvTable::Row::trimmed() const {
    QStringList out = fields;
    while (!out.isEmpty() && out.constLast().trimmed().isEmpty())
        out.removeLast();
    return out;
}

CsvTable CsvTable::parse(const QByteArray &bytes) {
    CsvTable table;
    const QString text = decode(bytes, &table.m_latin1);
    table.m_delimiter = detectDelimiter(text);
    Row row;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int line = 1;
    row.line = 1;
    const auto endField = [&] {
        row.fields.append(wasQuoted ? field : field.trimmed());
        field.clear();
        wasQuoted = false;
    };
    const auto endRow = [&] {
        endField();
        table.m_rows.append(row);
        row = Row();
        row.line = line;
    };
    int quoteLine = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c; // "" inside quotes
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                if (c != QLatin1Char('\r'))
                    field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            quoted = true;
            wasQuoted = true;
            quoteLine = line;
            field.clear();
        } else if (c == table.m_delimiter) {
            endField();
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (quoted) {
        table.m_errorLine = quoteLine;
        table.m_error = tr("a quote (\") opened on line %1 is never closed").arg(quoteLine);
        return table;
    }
    if (!field.isEmpty() || !row.fields.isEmpty())
        endRow();
    return table;
}

} // namespace SeqDrop
