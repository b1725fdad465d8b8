#include "upload/resultsexporter.h"

#include "upload/sampleupload.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace SeqDrop {

namespace {

QString field(const QString &value) {
    QString v = value;
    // Spreadsheets run cells starting with these as formulas; a file name must stay text.
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
        v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return v;
}

} // namespace

QString ResultsExporter::csv(const QList<SampleUpload *> &samples) {
    QString out = QStringLiteral(
        "file,paired_file,sample_id,status,error,error_detail,server_status,server_error\r\n");
    for (const SampleUpload *s : samples) {
        // Lanes of one sample share a row, separated by ';'.
        const QString second =
            s->spec().isPair() ? s->spec().readTwoFiles().join(QLatin1Char(';')) : QString();
        const QStringList cells{s->spec().readOneFiles().join(QLatin1Char(';')),
                                second,
                                s->sampleId(),
                                SampleUpload::stateName(s->state()),
                                s->error().message,
                                s->error().detail,
                                s->serverStatus(),
                                s->serverError()};
        QStringList quoted;
        for (const QString &c : cells)
            quoted << field(c);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

QString ResultsExporter::write(const QString &path, const QList<SampleUpload *> &samples) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("SeqDrop::ResultsExporter", "Cannot write %1: %2")
            .arg(path, file.errorString());
    file.write(csv(samples).toUtf8());
    if (!file.commit())
        return QCoreApplication::translate("SeqDrop::ResultsExporter", "Cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

} // namespace SeqDrop
