#pragma once

#include <QCoreApplication>
#include <QStringList>

class QWidget;

namespace SeqDrop {

class SampleUpload;

// The main window's file dialogs and message boxes, kept apart from its wiring: which files to
// add, where to save results and diagnostics, what SeqDrop is, whether to quit mid-upload. Each
// remembers the folder the user last chose.
class WindowDialogs {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::WindowDialogs)
public:
    static QStringList askFiles(QWidget *parent);
    static QStringList askFolder(QWidget *parent);
    // Returns a line for the status bar, or empty when the user cancelled or it failed (a
    // message box said why).
    static QString exportResults(QWidget *parent, const QList<SampleUpload *> &samples);
    // A sample sheet to apply (.csv), or empty.
    static QString askSampleSheet(QWidget *parent);
    // The queue as SeqDrop's sample sheet (SheetWriter); what happened, for the status bar.
    static QString exportSampleSheet(QWidget *parent, const QList<SampleUpload *> &samples);
    static QString saveDiagnostics(QWidget *parent, const QString &text);
    static void about(QWidget *parent);
    // Closing while `running` uploads run: true when the user agrees to cancel them and quit.
    static bool confirmQuit(QWidget *parent, int running);
};

} // namespace SeqDrop
