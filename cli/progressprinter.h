#pragma once

#include <QObject>
#include <QTimer>

namespace SeqDrop {
class UploadQueue;
}

// A live one-line progress display on stderr, only when stderr is a terminal (never in logs
// or pipes). Redrawn four times a second; result lines are printed above it.
class ProgressPrinter : public QObject {
    Q_OBJECT
public:
    explicit ProgressPrinter(const SeqDrop::UploadQueue *queue, QObject *parent = nullptr);

    static bool stderrIsTerminal();
    void start();
    void stop();
    // Prints a line to stderr without tearing the progress line.
    void printLine(const QString &line);

    static QString formatBytes(qint64 bytes);
    static QString formatDuration(qint64 seconds);

private:
    void redraw();
    void clear();

    const SeqDrop::UploadQueue *m_queue;
    QTimer m_timer;
    bool m_enabled;
    bool m_drawn = false;
};
