#pragma once

#include <QObject>

class QAction;
class QMenuBar;
class QToolBar;
class QWidget;

namespace SeqDrop {

// Every command of the main window, each with a shortcut, a status tip and a place in a menu.
// Kept apart from MainWindow so the list of what a user can do reads in one place.
class WindowActions : public QObject {
    Q_OBJECT
public:
    explicit WindowActions(QWidget *window);

    void fillMenuBar(QMenuBar *bar) const;
    void fillToolBar(QToolBar *bar) const;
    QList<QAction *> sampleActions() const;

    // File
    QAction *addFiles;
    QAction *addFolder;
    QAction *exportResults;
    QAction *applySheet;
    QAction *exportSheet;
    QAction *settings;
    QAction *quit;
    // Uploads
    QAction *start;
    QAction *pause;
    QAction *cancel;
    QAction *cancelAll;
    QAction *retry;
    QAction *retryFailed;
    QAction *remove;
    QAction *clearUploaded;
    // Samples
    QAction *pair;
    QAction *split;
    QAction *interleaved;
    QAction *applyDescription;
    QAction *errorDetails;
    QAction *selectAll;
    QAction *filter;
    QAction *focusQueue;
    QAction *focusEditor;
    // Account
    QAction *signIn;
    QAction *signOut;
    QAction *trySandbox;
    // Help
    QAction *saveDiagnostics;
    QAction *about;

private:
    QAction *make(const QString &text, const QKeySequence &shortcut, const QString &tip);
    QWidget *m_window;
};

} // namespace SeqDrop
