#include "errordetailsdialog.h"

#include "upload/sampleupload.h"

namespace SeqDrop {

ErrorDetailsDialog::ErrorDetailsDialog(const SampleUpload *s, QWidget *parent)
    : QMessageBox(QMessageBox::Warning, tr("Upload failed"), QString(), QMessageBox::Close,
                  parent) {
    setText(tr("%1\n\n%2").arg(s->spec().displayName(), s->error().message));
    setInformativeText(tr("Retry with Ctrl+R. If it fails again, send the technical detail to your "
                          "One Codex contact."));
    QStringList all = s->spec().readOneFiles();
    if (s->spec().isPair())
        all << s->spec().readTwoFiles();
    const QString files = all.join(QLatin1Char(' '));
    setDetailedText(
        tr("Sample: %1\nFiles: %2\nState: %3\nSample ID: %4\nRetries: %5\n\n%6")
            .arg(s->spec().displayName(), files, SampleUpload::stateName(s->state()),
                 s->sampleId().isEmpty() ? tr("none") : s->sampleId())
            .arg(s->retries())
            .arg(s->error().detail.isEmpty() ? tr("No further detail.") : s->error().detail));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace SeqDrop
