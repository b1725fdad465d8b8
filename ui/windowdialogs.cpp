#include "windowdialogs.h"

#include "desktop/appsettings.h"
#include "desktop/diagnosticsreport.h"
#include "sheets/sheetwriter.h"
#include "upload/resultsexporter.h"
#include "upload/sampleupload.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace SeqDrop {

QStringList WindowDialogs::askFiles(QWidget *parent) {
    const QStringList files = QFileDialog::getOpenFileNames(
        parent, tr("Add Files"), AppSettings::lastFolder(),
        tr("Sequencing files (*.fastq *.fq *.fasta *.fa *.fna *.fas *.gz *.gzip);;All files (*)"));
    if (!files.isEmpty())
        AppSettings::setLastFolder(QFileInfo(files.first()).absolutePath());
    return files;
}

QStringList WindowDialogs::askFolder(QWidget *parent) {
    const QString folder =
        QFileDialog::getExistingDirectory(parent, tr("Add Folder"), AppSettings::lastFolder());
    if (folder.isEmpty())
        return {};
    AppSettings::setLastFolder(folder);
    return {folder};
}

QString WindowDialogs::exportResults(QWidget *parent, const QList<SampleUpload *> &samples) {
    const QString suggested =
        QDir(AppSettings::lastFolder())
            .filePath(tr("seqdrop-results-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export Results"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return {};
    const QString error = ResultsExporter::write(path, samples);
    if (error.isEmpty())
        return tr("Results saved to %1").arg(path);
    QMessageBox::warning(parent, tr("Export Results"), error);
    return {};
}

QString WindowDialogs::askSampleSheet(QWidget *parent) {
    const QString path =
        QFileDialog::getOpenFileName(parent, tr("Apply Sample Sheet"), AppSettings::lastFolder(),
                                     tr("Sample sheets (*.csv);;All files (*)"));
    if (!path.isEmpty())
        AppSettings::setLastFolder(QFileInfo(path).absolutePath());
    return path;
}

QString WindowDialogs::exportSampleSheet(QWidget *parent, const QList<SampleUpload *> &samples) {
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Export Sample Sheet"),
        QDir(AppSettings::lastFolder()).filePath(QStringLiteral("seqdrop-samplesheet.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return {};
    QList<SampleSpec> specs;
    for (const SampleUpload *s : samples)
        specs << s->spec();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(SheetWriter::write(specs, QFileInfo(path).absolutePath())) < 0 ||
        !file.commit()) {
        QMessageBox::warning(parent, tr("Export Sample Sheet"),
                             tr("%1 could not be written: %2").arg(path, file.errorString()));
        return {};
    }
    return tr("Sample sheet of %n sample(s) saved to %1", nullptr, int(specs.size())).arg(path);
}

QString WindowDialogs::saveDiagnostics(QWidget *parent, const QString &text) {
    const QString suggested =
        QDir(AppSettings::lastFolder())
            .filePath(
                tr("seqdrop-diagnostics-%1.txt").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save Diagnostics"), suggested,
                                                      tr("Text files (*.txt)"));
    if (path.isEmpty())
        return {};
    const QString error = DiagnosticsReport::write(path, text);
    if (error.isEmpty())
        return tr("Diagnostics saved to %1. Secrets are left out; send the file to support.")
            .arg(path);
    QMessageBox::warning(parent, tr("Save Diagnostics"), error);
    return {};
}

void WindowDialogs::about(QWidget *parent) {
    QMessageBox::about(
        parent, tr("About SeqDrop"),
        tr("<p><b>SeqDrop %1</b></p><p>Uploads FASTA/FASTQ files, single or paired, to "
           "One Codex, with their tags, project and metadata.</p>")
            .arg(QStringLiteral(SEQDROP_VERSION)));
}

bool WindowDialogs::confirmQuit(QWidget *parent, int running) {
    return QMessageBox::question(parent, tr("Uploads are running"),
                                 tr("%n upload(s) are still running. Quit and cancel them? "
                                    "Cancelled samples are removed from One Codex; you can upload "
                                    "them again later.",
                                    nullptr, running),
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

} // namespace SeqDrop
