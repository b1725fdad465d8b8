#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace SeqDrop {

class SampleTableModel;
class UploadQueue;

// The status bar's overall view: counts per state, bytes sent of total, speed, time left and
// one progress bar for the whole queue. Refreshed on a timer like the table, never per packet.
class QueueStatusWidget : public QWidget {
    Q_OBJECT
public:
    QueueStatusWidget(UploadQueue *queue, const SampleTableModel *model, QWidget *parent = nullptr);

    QString text() const;
    void refresh();

private:
    void schedule();

    UploadQueue *m_queue;
    const SampleTableModel *m_model;
    QLabel *m_label;
    QProgressBar *m_bar;
    QTimer m_timer;
};

} // namespace SeqDrop
