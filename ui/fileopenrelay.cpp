#include "fileopenrelay.h"

#include "mainwindow.h"

#include <QCoreApplication>
#include <QFileOpenEvent>

#include <utility>

namespace SeqDrop {

FileOpenRelay::FileOpenRelay(QObject *parent)
    : QObject(parent) {
    QCoreApplication::instance()->installEventFilter(this);
}

void FileOpenRelay::setWindow(MainWindow *window) {
    m_window = window;
    const QStringList held = std::exchange(m_held, {});
    if (!held.isEmpty())
        open(held);
}

void FileOpenRelay::open(const QStringList &paths) {
    if (!m_window) {
        m_held << paths;
        return;
    }
    if (!paths.isEmpty())
        m_window->addPaths(paths);
    // The user just asked for SeqDrop: show it even if it was minimized or behind other windows.
    if (m_window->isMinimized())
        m_window->showNormal();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

bool FileOpenRelay::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::FileOpen || watched != QCoreApplication::instance())
        return QObject::eventFilter(watched, event);
    // A URL-only event (a custom URL scheme) carries no local file: not ours.
    const QString file = static_cast<QFileOpenEvent *>(event)->file();
    if (file.isEmpty())
        return false;
    open({file});
    return true;
}

} // namespace SeqDrop
