#include "sheets/sheetdescriber.h"

#include "samples/metadatabuilder.h"

#include <QDate>
#include <QJsonObject>

namespace SeqDrop {

QString SheetDescriber::platformFor(const QString &instrument) {
    QString i = instrument.simplified().remove(QLatin1Char(' ')).toLower();
    if (i.startsWith(QLatin1String("illumina"))) // "Illumina MiSeq", as LIMS exports say
        i.remove(0, 8);
    if (i.isEmpty())
        return {};
    // By the start of the name (instruments write their family first: "NextSeq 550",
    // "HiSeq 2500"), most specific first: "NextSeq2000" before "NextSeq".
    static const QList<QPair<QString, QString>> names{
        {QStringLiteral("hiseq4000"), QStringLiteral("Illumina HiSeq 4000")},
        {QStringLiteral("hiseq2500"), QStringLiteral("Illumina HiSeq 2500")},
        {QStringLiteral("novaseq6000"), QStringLiteral("Illumina NovaSeq 6000")},
        {QStringLiteral("novaseq"), QStringLiteral("Illumina NovaSeq 6000")},
        {QStringLiteral("miniseq"), QStringLiteral("Illumina MiniSeq")},
        {QStringLiteral("miseq"), QStringLiteral("Illumina MiSeq")},
        {QStringLiteral("iseq"), QStringLiteral("Illumina iSeq 100")},
        {QStringLiteral("nextseq2000"), QStringLiteral("Illumina NextSeq 2000")},
        {QStringLiteral("nextseq1000"), QStringLiteral("Illumina NextSeq 2000")},
        {QStringLiteral("nextseq1k2k"), QStringLiteral("Illumina NextSeq 2000")}, // v2's platform
        {QStringLiteral("nextseq"), QStringLiteral("Illumina NextSeq 500")},
    };
    // NovaSeq X (and HiSeq X, other HiSeqs) are not in One Codex's list: better no platform than
    // the wrong one.
    if (i.startsWith(QLatin1String("novaseqx")))
        return {};
    for (const auto &[key, platform] : names)
        if (i.startsWith(key))
            return platform;
    return {};
}

QString SheetDescriber::isoDate(const QString &sheetDate) {
    const QString text = sheetDate.trimmed();
    for (const char *format : {"yyyy-MM-dd", "M/d/yyyy", "M/d/yy", "d.M.yyyy", "yyyyMMdd"}) {
        QDate date = QDate::fromString(text, QLatin1String(format));
        if (date.isValid() && QLatin1String(format) == QLatin1String("M/d/yy"))
            date = date.addYears(100); // Qt reads "23" as 1923
        if (date.isValid())
            return date.toString(Qt::ISODate);
    }
    return {};
}

SheetDescriber::Described SheetDescriber::describe(const SampleSheet &sheet,
                                                   const SheetSample &sample,
                                                   const QList<Project> *projects) {
    Described out;
    if (sheet.kind() == SampleSheet::Kind::SeqDrop)
        describeSeqDrop(sample, &out);
    else
        describeIllumina(sheet, sample, &out);
    const QString who = sheet.kind() == SampleSheet::Kind::SeqDrop
                            ? sample.value(QStringLiteral("file"))
                            : sample.value(QStringLiteral("Sample_ID"));
    if (!out.project.isEmpty() && projects) {
        QString why;
        if (const Project *p = ProjectList::resolve(*projects, out.project, &why))
            out.description.setProjectId(p->id);
        else
            out.problems << why;
    }
    QStringList named;
    for (const QString &problem : out.description.problems() + out.problems)
        named << tr("%1 (%2 line %3): %4").arg(who, sheet.name()).arg(sample.line).arg(problem);
    out.problems = named;
    return out;
}

void SheetDescriber::describeIllumina(const SampleSheet &sheet, const SheetSample &sample,
                                      Described *out) {
    SampleDescription &d = out->description;
    const QString id = sample.value(QStringLiteral("Sample_ID"));
    const QString name = sample.value(QStringLiteral("Sample_Name"));
    d.setExternalSampleId(id);
    d.setSampleName(name.isEmpty() ? id : name);
    out->project = sample.value(QStringLiteral("ProjectName"));
    if (out->project.isEmpty())
        out->project = sample.value(QStringLiteral("Sample_Project"));
    if (const QString text = sample.value(QStringLiteral("Description")); !text.isEmpty())
        d.setField(QStringLiteral("description"), text);
    if (const QString date = sheet.headerValue(QStringLiteral("Date")); !date.isEmpty()) {
        const QString iso = isoDate(date);
        if (iso.isEmpty())
            out->problems << tr("the header's Date (%1) is not a date SeqDrop can read "
                                "(2023-12-04 or 12/4/2023).")
                                 .arg(date);
        else
            d.setField(QStringLiteral("date_sequenced"), iso);
    }
    for (const char *key : {"Instrument Type", "InstrumentType", "InstrumentPlatform"}) {
        const QString platform = platformFor(sheet.headerValue(QLatin1String(key)));
        if (!platform.isEmpty()) {
            d.setField(QStringLiteral("platform"), platform);
            break;
        }
    }
    QJsonObject custom;
    const QList<QPair<QString, QString>> columns{
        {QStringLiteral("Sample_Plate"), QStringLiteral("plate")},
        {QStringLiteral("Sample_Well"), QStringLiteral("well")},
        {QStringLiteral("I7_Index_ID"), QStringLiteral("i7_index_id")},
        {QStringLiteral("index"), QStringLiteral("index")},
        {QStringLiteral("I5_Index_ID"), QStringLiteral("i5_index_id")},
        {QStringLiteral("index2"), QStringLiteral("index2")},
        {QStringLiteral("LibraryName"), QStringLiteral("library_name")},
    };
    for (const auto &[column, key] : columns)
        if (const QString value = sample.value(column); !value.isEmpty())
            custom.insert(key, value);
    if (!sample.lanes.isEmpty())
        custom.insert(QStringLiteral("lanes"), sample.lanes.join(QLatin1Char(',')));
    if (const QString run = sheet.runName(); !run.isEmpty())
        custom.insert(QStringLiteral("run_name"), run);
    if (!custom.isEmpty())
        d.setCustomFields(custom);
}

void SheetDescriber::describeSeqDrop(const SheetSample &sample, Described *out) {
    SampleDescription &d = out->description;
    const QStringList known = MetadataBuilder::knownFields();
    QJsonObject custom;
    for (auto it = sample.values.cbegin(); it != sample.values.cend(); ++it) {
        const QString column = it.key().trimmed().toLower();
        const QString value = it.value();
        if (value.isEmpty() || column == QLatin1String("file") ||
            column == QLatin1String("paired_file"))
            continue;
        if (column == QLatin1String("project"))
            out->project = value;
        else if (column == QLatin1String("tags")) {
            QStringList tags;
            for (const QString &tag : value.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                if (!tag.trimmed().isEmpty())
                    tags << tag.trimmed();
            d.setTags(tags);
        } else if (known.contains(column))
            d.setField(column, value);
        else
            custom.insert(it.key().trimmed(), value);
    }
    if (!custom.isEmpty())
        d.setCustomFields(custom);
}

} // namespace SeqDrop
