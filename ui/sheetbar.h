#pragma once

#include "intake/sampleintake.h"

#include <QFrame>
#include <QList>
#include <QPointer>

class QLabel;
class QPushButton;

namespace SeqDrop {

class SampleUpload;
class SheetProjects;
class UploadQueue;

// The line a sample sheet leaves above the queue after a drop: "Described 96 samples from
// SampleSheet.csv (run 231204_A00123_...)" with Undo, "Add 8 Undetermined files" when the sheet
// set them aside, and in one more sentence what did not match (files without rows, rows
// without files, values One Codex would refuse), listed in full in its tooltip. A sheet that
// cannot be read says so here with its line and column; the files went in undescribed.
class SheetBar : public QFrame {
    Q_OBJECT
public:
    SheetBar(SheetProjects *projects, UploadQueue *queue, QWidget *parent = nullptr);

    // After an intake: shows what its sheet did (hidden when there was no sheet), and gives
    // the samples their sheet projects to find (SheetProjects).
    void showIntake(const SampleIntake::Report &report);
    QString text() const;
    QString details() const;
    QPushButton *undoButton() const { return m_undo; }
    QPushButton *undeterminedButton() const { return m_undetermined; }
    // File > Apply Sample Sheet...: a sheet over the queued samples (SheetIntake::applyTo).
    void applySheet(const QString &path);
    void askAndApply();
    // File > Export Sample Sheet...
    void askAndExport();

Q_SIGNALS:
    // "Add Undetermined": these files into the queue (without the sheet).
    void addRequested(const QStringList &paths);
    void answered(const QString &summary);

private:
    void undo();

    SheetProjects *m_projects;
    UploadQueue *m_queue;
    QLabel *m_text;
    QPushButton *m_undo;
    QPushButton *m_undetermined;
    QPushButton *m_close;
    // What Undo gives back: each described sample's description before the sheet.
    QList<QPair<QPointer<SampleUpload>, SampleSpec>> m_before;
    QStringList m_undeterminedFiles;
};

} // namespace SeqDrop
