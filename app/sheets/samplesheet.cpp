#include "sheets/samplesheet.h"

#include "sheets/csvtable.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace SeqDrop {

namespace {

QString sectionOf(const CsvTable::Row &row) {
    static const QRegularExpression section(QStringLiteral("^\\[(.+)\\]$"));
    const QStringList fields = row.trimmed();
    if (fields.size() != 1)
        return {};
    const QRegularExpressionMatch m = section.match(fields.first().trimmed());
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

int columnIndex(const QStringList &columns, const QString &name) {
    for (int i = 0; i < columns.size(); ++i)
        if (columns.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

// A value by its key in any case: sheets spell "Sample_ID" and "Instrument Type" as they like.
template <typename Map> QString caseless(const Map &map, const QString &key) {
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    return {};
}

} // namespace

QString SheetSample::value(const QString &column) const {
    return caseless(values, column);
}

bool SampleSheet::isSheetName(const QString &fileName) {
    return fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) &&
           fileName.contains(QLatin1String("samplesheet"), Qt::CaseInsensitive);
}

SampleSheet SampleSheet::read(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        SampleSheet sheet;
        sheet.m_name = QFileInfo(path).fileName();
        sheet.m_path = path;
        sheet.m_error = tr("%1 cannot be read: %2.").arg(path, file.errorString());
        return sheet;
    }
    // A sheet is kilobytes; a file of megabytes given as one is something else.
    static constexpr qint64 MaxSheetBytes = 16 * 1024 * 1024;
    SampleSheet sheet = parse(file.read(MaxSheetBytes), QFileInfo(path).fileName());
    sheet.m_path = QFileInfo(path).absoluteFilePath();
    return sheet;
}

SampleSheet SampleSheet::parse(const QByteArray &bytes, const QString &name) {
    SampleSheet sheet;
    sheet.m_name = name;
    const CsvTable table = CsvTable::parse(bytes);
    if (!table.error().isEmpty()) {
        sheet.fail(table.errorLine(), 0, table.error());
        return sheet;
    }
    bool illumina = false;
    for (const CsvTable::Row &row : table.rows())
        illumina = illumina || !sectionOf(row).isEmpty();
    const bool ok = illumina ? sheet.readIllumina(table) : sheet.readSeqDrop(table);
    if (!ok)
        sheet.m_samples.clear();
    return sheet;
}

bool SampleSheet::fail(int line, int column, const QString &what) {
    m_errorLine = line;
    const QString where = line <= 0 ? m_name
                          : column <= 0
                              ? tr("%1 line %2").arg(m_name).arg(line)
                              : tr("%1 line %2, column %3").arg(m_name).arg(line).arg(column);
    m_error = tr("%1: %2").arg(where, what);
    return false;
}

QString SampleSheet::headerValue(const QString &key) const {
    return caseless(m_header, key);
}

QString SampleSheet::runName() const {
    const QString run = headerValue(QStringLiteral("RunName"));
    return run.isEmpty() ? headerValue(QStringLiteral("Experiment Name")) : run;
}

bool SampleSheet::readIllumina(const CsvTable &table) {
    struct Section {
        QString name;
        int first = 0; // row index after the [Name] row
        int end = 0;
    };
    QList<Section> sections;
    const QList<CsvTable::Row> &rows = table.rows();
    for (int i = 0; i < rows.size(); ++i) {
        const QString name = sectionOf(rows.at(i));
        if (name.isEmpty())
            continue;
        if (!sections.isEmpty())
            sections.last().end = i;
        sections.append({name, i + 1, int(rows.size())});
    }
    if (sections.isEmpty() || sections.first().first > 1) {
        for (int i = 0; i < rows.size(); ++i)
            if (!rows.at(i).isBlank())
                return fail(rows.at(i).line, 1,
                            tr("text before the first section; an Illumina sheet starts with "
                               "[Header]."));
    }
    for (const Section &s : sections)
        if (s.name.compare(QLatin1String("Header"), Qt::CaseInsensitive) == 0)
            for (int i = s.first; i < s.end; ++i) {
                const QStringList fields = rows.at(i).trimmed();
                if (!fields.isEmpty())
                    m_header.insert(fields.first(), fields.value(1));
            }
    const auto find = [&sections](const QString &name) {
        for (const Section &s : sections)
            if (s.name.compare(name, Qt::CaseInsensitive) == 0)
                return s;
        return Section();
    };
    const bool v2 = headerValue(QStringLiteral("FileFormatVersion")) == QLatin1String("2") ||
                    !find(QStringLiteral("BCLConvert_Data")).name.isEmpty();
    m_kind = v2 ? Kind::IlluminaV2 : Kind::IlluminaV1;
    Section main = find(v2 ? QStringLiteral("BCLConvert_Data") : QStringLiteral("Data"));
    if (main.name.isEmpty())
        for (const Section &s : sections)
            if (s.name.endsWith(QLatin1String("_Data"), Qt::CaseInsensitive)) {
                main = s;
                break;
            }
    if (main.name.isEmpty())
        return fail(0, 0,
                    v2 ? tr("no [BCLConvert_Data] section (or other [..._Data]): it lists the "
                            "samples, one row each.")
                       : tr("no [Data] section: it lists the samples, one row each."));
    if (!readDataSection(table, main.first, main.end, main.name, true))
        return false;
    // v2's other application sections ([Cloud_Data]: ProjectName, LibraryName) add columns.
    for (const Section &s : sections)
        if (s.name != main.name && s.name.endsWith(QLatin1String("_Data"), Qt::CaseInsensitive) &&
            !readDataSection(table, s.first, s.end, s.name, false))
            return false;
    if (m_samples.isEmpty())
        return fail(0, 0, tr("the [%1] section lists no samples.").arg(main.name));
    return true;
}

bool SampleSheet::readDataSection(const CsvTable &table, int first, int end, const QString &section,
                                  bool main) {
    const QList<CsvTable::Row> &rows = table.rows();
    QStringList columns;
    int idColumn = -1;
    int laneColumn = -1;
    QHash<QString, int> sampleOf; // Sample_ID -> m_samples index
    for (int i = 0; i < m_samples.size(); ++i)
        sampleOf.insert(m_samples.at(i).value(QStringLiteral("Sample_ID")), i);
    QHash<QString, int> laneLine; // "id|lane" -> line, for duplicates
    for (int i = first; i < end; ++i) {
        const CsvTable::Row &row = rows.at(i);
        const QStringList fields = row.trimmed();
        if (fields.isEmpty())
            continue;
        if (columns.isEmpty()) {
            columns = fields;
            idColumn = columnIndex(columns, QStringLiteral("Sample_ID"));
            laneColumn = columnIndex(columns, QStringLiteral("Lane"));
            if (idColumn < 0)
                return fail(row.line, 0,
                            tr("the [%1] section has no Sample_ID column; its first row names "
                               "the columns (Sample_ID, Sample_Name, ...).")
                                .arg(section));
            for (const QString &c : std::as_const(columns))
                if (!c.isEmpty() && columnIndex(m_columns, c) < 0)
                    m_columns.append(c);
            continue;
        }
        if (fields.size() > columns.size())
            return fail(row.line, int(columns.size()) + 1,
                        tr("a value (\"%1\") beyond the last column, %2. Remove it, or name its "
                           "column in the section's first row.")
                            .arg(fields.at(columns.size()), columns.constLast()));
        const QString id = fields.value(idColumn).trimmed();
        if (id.isEmpty())
            return fail(row.line, idColumn + 1, tr("Sample_ID is empty."));
        const QString lane = laneColumn >= 0 ? fields.value(laneColumn).trimmed() : QString();
        int index = sampleOf.value(id, -1);
        if (!main) {
            if (index < 0)
                return fail(row.line, idColumn + 1,
                            tr("Sample_ID %1 is not in the samples section above; each "
                               "[%2] row describes a sample listed there.")
                                .arg(id, section));
        } else {
            const QString key = id + QLatin1Char('|') + lane;
            if (laneLine.contains(key))
                return fail(row.line, idColumn + 1,
                            lane.isEmpty()
                                ? tr("Sample_ID %1 is listed twice (lines %2 and %3).")
                                      .arg(id)
                                      .arg(laneLine.value(key))
                                      .arg(row.line)
                                : tr("Sample_ID %1 is listed twice for lane %2 (lines %3 and %4).")
                                      .arg(id, lane)
                                      .arg(laneLine.value(key))
                                      .arg(row.line));
            laneLine.insert(key, row.line);
            if (index < 0) {
                SheetSample sample;
                sample.position = int(m_samples.size()) + 1;
                sample.line = row.line;
                m_samples.append(sample);
                index = int(m_samples.size()) - 1;
                sampleOf.insert(id, index);
            }
            if (!lane.isEmpty())
                m_samples[index].lanes.append(lane);
        }
        SheetSample &sample = m_samples[index];
        for (int c = 0; c < columns.size(); ++c)
            if (!columns.at(c).isEmpty() && !sample.values.contains(columns.at(c)) &&
                c != laneColumn)
                sample.values.insert(columns.at(c), fields.value(c).trimmed());
    }
    if (columns.isEmpty() && main)
        return fail(0, 0, tr("the [%1] section is empty.").arg(section));
    return true;
}

bool SampleSheet::readSeqDrop(const CsvTable &table) {
    m_kind = Kind::SeqDrop;
    QStringList columns;
    int fileColumn = -1;
    QHash<QString, int> fileLine;
    for (const CsvTable::Row &row : table.rows()) {
        const QStringList fields = row.trimmed();
        if (fields.isEmpty())
            continue;
        if (columns.isEmpty()) {
            columns = fields;
            fileColumn = columnIndex(columns, QStringLiteral("file"));
            if (fileColumn < 0)
                return fail(row.line, 0,
                            tr("neither an Illumina sample sheet ([Header] ... [Data]) nor a "
                               "SeqDrop sheet: its first row names the columns and one of them "
                               "is \"file\"."));
            m_columns = columns;
            continue;
        }
        if (fields.size() > columns.size())
            return fail(row.line, int(columns.size()) + 1,
                        tr("a value (\"%1\") beyond the last column, %2. Remove it, or name its "
                           "column in the first row.")
                            .arg(fields.at(columns.size()), columns.constLast()));
        const QString file = fields.value(fileColumn).trimmed();
        if (file.isEmpty())
            return fail(row.line, fileColumn + 1, tr("the file is empty; name the sample's file."));
        if (fileLine.contains(file))
            return fail(row.line, fileColumn + 1,
                        tr("%1 is listed twice (lines %2 and %3).")
                            .arg(file)
                            .arg(fileLine.value(file))
                            .arg(row.line));
        fileLine.insert(file, row.line);
        SheetSample sample;
        sample.position = int(m_samples.size()) + 1;
        sample.line = row.line;
        for (int c = 0; c < columns.size(); ++c)
            if (!columns.at(c).isEmpty())
                sample.values.insert(columns.at(c), fields.value(c).trimmed());
        m_samples.append(sample);
    }
    if (m_samples.isEmpty())
        return fail(0, 0, tr("no samples: one row per sample under the row of column names."));
    return true;
}

} // namespace SeqDrop
