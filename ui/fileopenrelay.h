#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace SeqDrop {

class MainWindow;

// Brings files the desktop hands over to the window: on macOS "Open With" and drops on the Dock
// icon arrive as QFileOpenEvent (also at launch, possibly before the window exists), and later
// `seqdrop FILE...` starts arrive through SingleInstance. Files are held until the window is
// set, then added as if dropped, and the window comes to the front.
class FileOpenRelay : public QObject {
    Q_OBJECT
public:
    // Watches the application for QFileOpenEvent for as long as it lives.
    explicit FileOpenRelay(QObject *parent = nullptr);

    // Adds the files held so far to `window`; later ones go straight to it.
    void setWindow(MainWindow *window);
    QStringList heldFiles() const { return m_held; }

public Q_SLOTS:
    // An empty list only brings the window to the front (a second start without files).
    void open(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<MainWindow> m_window;
    QStringList m_held;
};

} // namespace SeqDrop
