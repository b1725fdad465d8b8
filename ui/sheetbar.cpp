#include "sheetbar.h"

#include "desktop/sheetprojects.h"
#include "intake/sheetintake.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowdialogs.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace SeqDrop {

SheetBar::SheetBar(SheetProjects *projects, UploadQueue *queue, QWidget *parent)
    : QFrame(parent)
    , m_projects(projects)
    , m_queue(queue)
    , m_text(new QLabel)
    , m_undo(new QPushButton(tr("Undo")))
    , m_undetermined(new QPushButton)
    , m_close(new QPushButton) {
    setObjectName(QStringLiteral("sheetBar"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::ToolTipBase); // as the notice and consent bars
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("sheetText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_undo->setObjectName(QStringLiteral("undoSheet"));
    m_undo->setToolTip(tr("Give the samples back the descriptions they had before the sheet"));
    m_undetermined->setObjectName(QStringLiteral("addUndetermined"));
    m_undetermined->setToolTip(
        tr("Reads no index matched: usually not uploaded, but they are yours to send"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setFlat(true);
    m_close->setAccessibleName(tr("Close"));
    auto *icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_FileDialogDetailedView).pixmap(size, size));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undetermined);
    layout->addWidget(m_undo);
    layout->addWidget(m_close);
    connect(m_undo, &QPushButton::clicked, this, &SheetBar::undo);
    connect(m_undetermined, &QPushButton::clicked, this, [this] {
        m_undetermined->hide();
        Q_EMIT addRequested(std::exchange(m_undeterminedFiles, {}));
    });
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void SheetBar::showIntake(const SampleIntake::Report &report) {
    const SampleIntake::Plan::Sheet &sheet = report.sheet;
    if (sheet.path.isEmpty())
        return;
    m_before.clear();
    m_undeterminedFiles.clear();
    if (!sheet.error.isEmpty()) {
        m_text->setText(tr("The sample sheet could not be read, so the files went in without its "
                           "descriptions. %1")
                            .arg(sheet.error));
        m_text->setToolTip(sheet.error);
        m_undo->hide();
        m_undetermined->hide();
        show();
        return;
    }
    for (auto it = sheet.before.cbegin(); it != sheet.before.cend(); ++it)
        if (SampleUpload *sample = report.added.value(it.key()))
            m_before.append({sample, it.value()});
    for (SampleUpload *sample : report.added) // Apply Sample Sheet: not new to the queue
        m_projects->follow(sample);
    QString text =
        sheet.runName.isEmpty()
            ? tr("Described %n sample(s) from %1.", nullptr, sheet.described).arg(sheet.name)
            : tr("Described %n sample(s) from %1 (run %2).", nullptr, sheet.described)
                  .arg(sheet.name, sheet.runName);
    const int unmatched = int(sheet.unmatched.size());
    const int rowsWithout = int(sheet.rowsWithoutFiles.size());
    if (unmatched > 0)
        text += QLatin1Char(' ') + tr("%n file(s) have no row in it.", nullptr, unmatched);
    if (rowsWithout > 0)
        text += QLatin1Char(' ') + tr("%n row(s) have no files here.", nullptr, rowsWithout);
    if (!sheet.problems.isEmpty())
        text += QLatin1Char(' ') + tr("%n value(s) One Codex would refuse were left out.", nullptr,
                                      int(sheet.problems.size()));
    if (sheet.keptTyped > 0)
        text += QLatin1Char(' ') + tr("%n value(s) you had typed were kept over the sheet's.",
                                      nullptr, sheet.keptTyped);
    m_text->setText(text);
    m_text->setToolTip(
        (sheet.unmatched + sheet.rowsWithoutFiles + sheet.problems).join(QLatin1Char('\n')));
    for (const SampleSpec &spec : sheet.undetermined)
        m_undeterminedFiles << spec.allFiles();
    m_undetermined->setText(
        tr("Add %n Undetermined File(s)", nullptr, int(m_undeterminedFiles.size())));
    m_undetermined->setVisible(!m_undeterminedFiles.isEmpty());
    m_undo->setVisible(!m_before.isEmpty());
    show();
}

void SheetBar::applySheet(const QString &path) {
    showIntake(SheetIntake::applyTo(path, m_queue->samples(), m_projects->projects()));
}

void SheetBar::askAndApply() {
    if (const QString path = WindowDialogs::askSampleSheet(window()); !path.isEmpty())
        applySheet(path);
}

void SheetBar::askAndExport() {
    const QString done = WindowDialogs::exportSampleSheet(window(), m_queue->samples());
    if (!done.isEmpty())
        Q_EMIT answered(done);
}

QString SheetBar::text() const {
    return m_text->text();
}

QString SheetBar::details() const {
    return m_text->toolTip();
}

void SheetBar::undo() {
    int undone = 0;
    int started = 0;
    for (const auto &[sample, before] : std::as_const(m_before)) {
        if (!sample)
            continue;
        SampleSpec spec = before;
        spec.uploadName = sample->spec().uploadName; // what else changed since stays
        spec.pairedUploadName = sample->spec().pairedUploadName;
        spec.moreLanes = sample->spec().moreLanes;
        spec.morePairedLanes = sample->spec().morePairedLanes;
        if (sample->setSpec(spec))
            ++undone;
        else
            ++started;
    }
    m_before.clear();
    hide();
    QString summary = tr("Sample sheet undone: %n sample(s) as they were.", nullptr, undone);
    if (started > 0)
        summary +=
            QLatin1Char(' ') +
            tr("%n had started uploading and keep the sheet's description.", nullptr, started);
    Q_EMIT answered(summary);
}

} // namespace SeqDrop
