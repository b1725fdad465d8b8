#include "windowactions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QWidget>

namespace SeqDrop {

WindowActions::WindowActions(QWidget *window)
    : QObject(window)
    , m_window(window) {
    QStyle *s = window->style();
    addFiles =
        make(tr("&Add Files…"), QKeySequence::Open, tr("Add FASTA/FASTQ files to the queue"));
    addFiles->setIcon(s->standardIcon(QStyle::SP_FileIcon));
    addFolder = make(tr("Add &Folder…"), QKeySequence(tr("Ctrl+Shift+O")),
                     tr("Add every FASTA/FASTQ file in a folder and its subfolders"));
    addFolder->setIcon(s->standardIcon(QStyle::SP_DirIcon));
    exportResults = make(tr("&Export Results…"), QKeySequence(tr("Ctrl+E")),
                         tr("Save which file became which sample as a CSV file"));
    applySheet =
        make(tr("Apply Sample &Sheet…"), QKeySequence(tr("Ctrl+Shift+S")),
             tr("Describe the queued samples with a sample sheet (Illumina or SeqDrop's)"));
    exportSheet = make(tr("Export Sample Shee&t…"), QKeySequence(),
                       tr("Save the queue as a sample sheet to fill in a spreadsheet and apply"));
    settings = make(tr("&Settings…"), QKeySequence(tr("Ctrl+,")),
                    tr("Server, parallel uploads, automatic start"));
    settings->setMenuRole(QAction::PreferencesRole);
    quit = make(tr("&Quit"), QKeySequence::Quit, tr("Quit SeqDrop"));
    quit->setMenuRole(QAction::QuitRole);

    start = make(tr("&Start Uploads"), QKeySequence(tr("Ctrl+Return")),
                 tr("Upload the waiting samples"));
    start->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    pause = make(tr("&Pause Queue"), QKeySequence(tr("Ctrl+P")),
                 tr("Start no new uploads; running ones finish"));
    pause->setIcon(s->standardIcon(QStyle::SP_MediaPause));
    cancel = make(tr("&Cancel Selected"), QKeySequence(tr("Ctrl+Shift+X")),
                  tr("Stop the selected uploads now"));
    cancel->setIcon(s->standardIcon(QStyle::SP_MediaStop));
    cancelAll =
        make(tr("Cancel &All"), QKeySequence(tr("Ctrl+Shift+K")), tr("Stop every upload now"));
    retry = make(tr("&Retry Selected"), QKeySequence(tr("Ctrl+R")),
                 tr("Queue the selected failed samples again"));
    retry->setIcon(s->standardIcon(QStyle::SP_BrowserReload));
    retryFailed = make(tr("Retry All &Failed"), QKeySequence(tr("Ctrl+Shift+R")),
                       tr("Queue every failed sample again"));
    remove = make(tr("Re&move Selected"), QKeySequence::Delete,
                  tr("Take the selected samples off the list"));
    remove->setIcon(s->standardIcon(QStyle::SP_TrashIcon));
    clearUploaded = make(tr("C&lear Uploaded"), QKeySequence(tr("Ctrl+Shift+Del")),
                         tr("Take every uploaded sample off the list (they stay on One Codex)"));

    pair = make(tr("&Pair Two Files"), QKeySequence(tr("Ctrl+J")),
                tr("Make the two selected files one paired-end sample (R1 + R2)"));
    split = make(tr("&Split Pair"), QKeySequence(tr("Ctrl+Shift+J")),
                 tr("Upload the selected pair's files as two samples"));
    interleaved = make(tr("&Interleaved"), QKeySequence(tr("Ctrl+I")),
                       tr("The selected single file holds both reads of each pair"));
    interleaved->setCheckable(true);
    applyDescription = make(tr("&Apply Description"), QKeySequence::Save,
                            tr("Apply the description panel to the selected samples"));
    errorDetails = make(tr("Error &Details…"), QKeySequence(tr("Ctrl+D")),
                        tr("Show the technical detail of the selected sample's error"));
    errorDetails->setIcon(s->standardIcon(QStyle::SP_MessageBoxWarning));
    selectAll = make(tr("Select A&ll"), QKeySequence::SelectAll, tr("Select every sample"));
    filter = make(tr("&Filter Samples"), QKeySequence::Find,
                  tr("Show only the samples whose name, files, status or id contain a text"));
    focusQueue = make(tr("Go to &Queue"), QKeySequence(tr("Ctrl+1")),
                      tr("Move the keyboard focus to the sample list"));
    focusEditor = make(tr("Go to &Description"), QKeySequence(tr("Ctrl+2")),
                       tr("Move the keyboard focus to the description panel"));

    signIn = make(tr("&Sign In…"), QKeySequence(tr("Ctrl+L")),
                  tr("Sign in with your One Codex API key"));
    signOut = make(tr("Sign &Out"), QKeySequence(tr("Ctrl+Shift+L")),
                   tr("Forget the API key on this computer"));
    trySandbox = make(tr("&Try Without an Account"), QKeySequence(tr("Ctrl+T")),
                      tr("Run against a local sandbox server; nothing leaves this computer"));
    saveDiagnostics = make(tr("Save &Diagnostics…"), QKeySequence(tr("Ctrl+Shift+D")),
                           tr("Save versions, settings and recent log lines for support, "
                              "without secrets"));
    about =
        make(tr("&About SeqDrop"), QKeySequence::HelpContents, tr("Version and what SeqDrop does"));
    about->setMenuRole(QAction::AboutRole);
}

QAction *WindowActions::make(const QString &text, const QKeySequence &shortcut,
                             const QString &tip) {
    auto *action = new QAction(text, m_window);
    action->setShortcut(shortcut);
    action->setStatusTip(tip);
    action->setToolTip(
        tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                          shortcut.toString(QKeySequence::NativeText)));
    // Window-wide, so the shortcut works whichever panel has the focus.
    action->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(action);
    return action;
}

void WindowActions::fillMenuBar(QMenuBar *bar) const {
    QMenu *file = bar->addMenu(tr("&File"));
    file->addActions({addFiles, addFolder});
    file->addSeparator();
    file->addActions({applySheet, exportSheet});
    file->addSeparator();
    file->addAction(exportResults);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);

    QMenu *uploads = bar->addMenu(tr("&Uploads"));
    uploads->addActions({start, pause});
    uploads->addSeparator();
    uploads->addActions({cancel, cancelAll});
    uploads->addSeparator();
    uploads->addActions({retry, retryFailed, remove, clearUploaded});

    QMenu *samples = bar->addMenu(tr("&Samples"));
    samples->addActions({pair, split, interleaved});
    samples->addSeparator();
    samples->addActions({applyDescription, errorDetails});
    samples->addSeparator();
    samples->addActions({selectAll, filter, focusQueue, focusEditor});

    QMenu *account = bar->addMenu(tr("&Account"));
    account->addActions({signIn, signOut});
    account->addSeparator();
    account->addAction(trySandbox);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addActions({saveDiagnostics, about});
}

void WindowActions::fillToolBar(QToolBar *bar) const {
    bar->addActions({addFiles, addFolder});
    bar->addSeparator();
    bar->addActions({start, pause, cancel, retry, remove});
    bar->addSeparator();
    bar->addAction(errorDetails);
}

QList<QAction *> WindowActions::sampleActions() const {
    return {cancel, retry, remove, nullptr, pair, split, interleaved, nullptr, errorDetails};
}

} // namespace SeqDrop
