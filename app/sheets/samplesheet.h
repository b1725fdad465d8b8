#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace SeqDrop {

// One sample of a sheet: an Illumina sheet's rows of one Sample_ID (one per lane when the sheet
// has a Lane column) or one row of SeqDrop's own sheet.
struct SheetSample {
    int position = 0; // Illumina: the S<n> of its FASTQ names, from 1 in sheet order
    int line = 0;     // the sheet line of its (first) row
    QStringList lanes;
    // Column -> value, as the sheet spells the column; value() finds a column in any case.
    QHash<QString, QString> values;

    QString value(const QString &column) const;
};

// A sample sheet read whole, or not at all: Illumina v1 (bcl2fastq, IEM: [Header] [Reads]
// [Settings] [Data]), Illumina v2 (BCL Convert: FileFormatVersion 2, [BCLConvert_Data] and
// other <App>_Data sections joined by Sample_ID, [Cloud_Data] carrying ProjectName), or
// SeqDrop's sheet (a header row with a `file` column, one row per sample; docs/sample-sheets.md).
// Text as CsvTable reads it (BOM, CRLF, trailing commas, Latin-1, `;`). A sheet that cannot be
// read whole says where (line, column) and what to fix, and gives no samples.
class SampleSheet {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::SampleSheet)
public:
    enum class Kind { IlluminaV1, IlluminaV2, SeqDrop };

    static SampleSheet read(const QString &path);
    // `name` is what messages call the sheet (its file name).
    static SampleSheet parse(const QByteArray &bytes, const QString &name);
    // A file a run folder's sample sheet is usually called (SampleSheet.csv, *SampleSheet*.csv),
    // or any .csv given as a sheet: intake looks at these.
    static bool isSheetName(const QString &fileName);

    bool isValid() const { return m_error.isEmpty(); }
    // "SampleSheet.csv line 14, column 3: ... ." with what to fix.
    QString error() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    Kind kind() const { return m_kind; }
    const QString &name() const { return m_name; }
    // Where the sheet is: SeqDrop sheets name their files relative to it.
    const QString &path() const { return m_path; }
    // [Header] key -> value (Illumina); empty for a SeqDrop sheet.
    const QMap<QString, QString> &header() const { return m_header; }
    QString headerValue(const QString &key) const;
    // The data columns in sheet order (joined sections' columns after the main one's).
    const QStringList &columns() const { return m_columns; }
    const QList<SheetSample> &samples() const { return m_samples; }
    // RunName (v2) or Experiment Name (v1), else empty.
    QString runName() const;

private:
    bool fail(int line, int column, const QString &what);
    bool readIllumina(const class CsvTable &table);
    bool readSeqDrop(const class CsvTable &table);
    // A data section's rows from `first` (its column row) to the next section.
    bool readDataSection(const class CsvTable &table, int first, int end, const QString &section,
                         bool main);

    Kind m_kind = Kind::IlluminaV1;
    QString m_name;
    QString m_path;
    QString m_error;
    int m_errorLine = 0;
    QMap<QString, QString> m_header;
    QStringList m_columns;
    QList<SheetSample> m_samples;
};

} // namespace SeqDrop
