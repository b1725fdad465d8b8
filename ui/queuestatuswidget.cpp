#include "queuestatuswidget.h"

#include "sampletablemodel.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace SeqDrop {

QueueStatusWidget::QueueStatusWidget(UploadQueue *queue, const SampleTableModel *model,
                                     QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_model(model)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this)) {
    m_label->setObjectName(QStringLiteral("queueTotals"));
    m_label->setAccessibleName(tr("Queue totals"));
    m_bar->setAccessibleName(tr("Overall progress"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_bar->setMaximumWidth(220);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    m_timer.setInterval(SampleTableModel::RefreshIntervalMs * 2);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QueueStatusWidget::refresh);
    connect(queue, &UploadQueue::progressChanged, this, &QueueStatusWidget::schedule);
    connect(queue, &UploadQueue::samplesAdded, this, &QueueStatusWidget::schedule);
    connect(queue, &UploadQueue::sampleStarted, this, &QueueStatusWidget::schedule);
    connect(queue, &UploadQueue::sampleFinished, this, &QueueStatusWidget::schedule);
    // Holds come from the file checks, which reach the table (throttled) as row changes.
    connect(model, &QAbstractItemModel::dataChanged, this, &QueueStatusWidget::schedule);
    refresh();
}

void QueueStatusWidget::schedule() {
    if (!m_timer.isActive())
        m_timer.start();
}

QString QueueStatusWidget::text() const {
    return m_label->text();
}

void QueueStatusWidget::refresh() {
    using S = SampleUpload::State;
    const QList<SampleUpload *> &samples = m_queue->samples();
    if (samples.isEmpty()) {
        m_label->setText(tr("No samples yet"));
        m_bar->hide();
        return;
    }
    int waiting = 0, held = 0, running = 0, done = 0, failed = 0, cancelled = 0;
    qint64 total = 0, sent = 0;
    for (SampleUpload *s : samples) {
        switch (s->state()) {
        case S::Queued:
            ++(s->hold().isEmpty() ? waiting : held);
            break;
        case S::Confirmed:
            ++done;
            break;
        case S::Failed:
            ++failed;
            break;
        case S::Cancelled:
            ++cancelled;
            break;
        default:
            ++running;
            break;
        }
        if (s->state() == S::Cancelled)
            continue;
        // Waiting samples do not know their size yet: the model has it from disk, cached.
        const qint64 size = m_model->sizeOf(s);
        total += size;
        sent += s->state() == S::Confirmed ? size : s->bytesSent();
    }
    QStringList parts{tr("%n sample(s)", nullptr, int(samples.size()))};
    if (waiting)
        parts << tr("%1 waiting").arg(waiting);
    if (held)
        parts << tr("%1 cannot start").arg(held);
    if (running)
        parts << tr("%1 uploading").arg(running);
    if (done)
        parts << tr("%1 uploaded").arg(done);
    if (failed)
        parts << tr("%1 failed").arg(failed);
    if (cancelled)
        parts << tr("%1 cancelled").arg(cancelled);
    QString text = parts.join(QStringLiteral(", "));
    text += tr(" · %1 of %2")
                .arg(SampleTableModel::formatBytes(sent), SampleTableModel::formatBytes(total));
    const double speed = m_queue->bytesPerSecond();
    if (running && speed > 0) {
        text += tr(" · %1/s").arg(SampleTableModel::formatBytes(qint64(speed)));
        // Only a rough total estimate: per-sample ETAs are in the table.
        const qint64 left = qint64((total - sent) / speed);
        if (left > 0)
            text += tr(" · about %1 left").arg(SampleTableModel::formatDuration(left));
    }
    if (m_queue->isPaused() && (waiting || running))
        text += tr(" · paused");
    m_label->setText(text);
    m_bar->setVisible(total > 0);
    m_bar->setValue(total > 0 ? int(sent * 1000 / total) : 0);
    m_bar->setFormat(tr("%1%").arg(total > 0 ? sent * 100 / total : 0));
}

} // namespace SeqDrop
