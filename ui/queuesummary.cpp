#include "queuesummary.h"

#include "upload/uploadqueue.h"

namespace SeqDrop {

QString QueueSummary::text(const UploadQueue *queue) {
    using S = SampleUpload::State;
    const int done = queue->countIn(S::Confirmed);
    const int failed = queue->countIn(S::Failed);
    const int cancelled = queue->countIn(S::Cancelled);
    QString summary = tr("Queue finished: %n sample(s) uploaded", nullptr, done);
    if (failed)
        summary += tr(", %n failed (select a row and press Ctrl+R to retry)", nullptr, failed);
    if (cancelled)
        summary += tr(", %n cancelled", nullptr, cancelled);
    summary += tr(". File > Export Results… (Ctrl+E) saves the sample IDs.");
    return summary;
}

} // namespace SeqDrop
