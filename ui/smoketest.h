#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace SeqDrop {

class MainWindow;

// `seqdrop --smoke-test N`: proves that an installed SeqDrop really starts (the packaging tests,
// docs/packaging.md). It waits until the window is shown by the platform plugin, the SVG icon
// and the SQLite driver (plugins a package must bring along) work, the sandbox answers when
// --sandbox was given, and at least N samples are queued (from the command line, "Open with"
// or a later start); then prints one line and quits with 0. After 30 s it names what is still
// missing and quits with 1.
class SmokeTest : public QObject {
    Q_OBJECT
public:
    SmokeTest(MainWindow *window, int expectedSamples, bool sandbox, QObject *parent = nullptr);

    void start();
    // What is not (yet) as it should be; empty when the app is fully up.
    QStringList problems() const;

private:
    void check();

    MainWindow *m_window;
    int m_expectedSamples;
    bool m_sandbox;
    QTimer m_poll;
    QElapsedTimer m_elapsed;
};

} // namespace SeqDrop
