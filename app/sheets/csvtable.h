#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace SeqDrop {

// A CSV file as spreadsheets and sequencers write it, read into rows of text fields: UTF-8 with
// or without a byte-order mark, else Latin-1 (old Excel); `,` or, when the file says so by
// using more of them, `;` (Excel in most of Europe); CRLF or LF; fields in double quotes with
// "" for a quote, and line breaks inside quotes. Each row keeps the line it starts on, for
// error messages.
//
// Hand-written rather than Debian's libcsv: that library splits bytes and knows nothing of
// encodings or delimiters, which is the part that matters here; the quote rules are a dozen
// lines of state machine below.
class CsvTable {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::CsvTable)
public:
    struct Row {
        int line = 0; // 1-based, of the row's first character
        QStringList fields;
        // The row without its trailing empty fields (Excel pads rows to the widest one).
        QStringList trimmed() const;
        bool isBlank() const { return trimmed().isEmpty(); }
    };

    static CsvTable parse(const QByteArray &bytes);

    const QList<Row> &rows() const { return m_rows; }
    QChar delimiter() const { return m_delimiter; }
    bool wasLatin1() const { return m_latin1; }
    // Set when the text cannot be read (a quote never closed): the line it started on.
    const QString &error() const { return m_error; }
    int errorLine() const { return m_errorLine; }

private:
    QList<Row> m_rows;
    QChar m_delimiter = QLatin1Char(',');
    bool m_latin1 = false;
    QString m_error;
    int m_errorLine = 0;
};

} // namespace SeqDrop
