#pragma once

#include <QCoreApplication>
#include <QString>

namespace SeqDrop {

class UploadQueue;

// What the window says (and the tray announces) when the queue has finished what Start began:
// how many samples were uploaded, failed and cancelled, and how to keep the sample IDs.
class QueueSummary {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::QueueSummary)
public:
    static QString text(const UploadQueue *queue);
};

} // namespace SeqDrop
