#include "actionavailability.h"

#include "desktop/session.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"

#include <QAction>

#include <algorithm>

namespace SeqDrop {

void ActionAvailability::apply(WindowActions *a, const QList<SampleUpload *> &selected,
                               const UploadQueue *queue, const Session *session) {
    int editable = 0, running = 0, retryable = 0, pairs = 0, singles = 0, failed = 0;
    for (SampleUpload *s : selected) {
        editable += s->isEditable() ? 1 : 0;
        running += s->isRunning() ? 1 : 0;
        retryable += s->state() == SampleUpload::State::Failed ||
                             s->state() == SampleUpload::State::Cancelled
                         ? 1
                         : 0;
        pairs += s->spec().isPair() && s->isEditable() ? 1 : 0;
        singles += !s->spec().isPair() && s->isEditable() ? 1 : 0;
        failed += s->error().isError() ? 1 : 0;
    }
    const int total = int(queue->samples().size());
    const int waiting = queue->pendingCount();
    const bool paused = queue->isPaused();
    a->start->setEnabled(waiting > 0 && (paused || !session->canUpload()));
    a->pause->setEnabled(!paused);
    a->cancel->setEnabled(std::any_of(selected.begin(), selected.end(),
                                      [](SampleUpload *s) { return !s->isFinished(); }));
    a->cancelAll->setEnabled(queue->runningCount() + waiting > 0);
    a->retry->setEnabled(retryable > 0);
    a->retryFailed->setEnabled(queue->countIn(SampleUpload::State::Failed) > 0);
    a->remove->setEnabled(int(selected.size()) > running);
    a->clearUploaded->setEnabled(queue->countIn(SampleUpload::State::Confirmed) > 0);
    a->pair->setEnabled(selected.size() == 2 && singles == 2);
    a->split->setEnabled(pairs > 0);
    a->interleaved->setEnabled(singles > 0 && pairs == 0);
    a->interleaved->setChecked(singles > 0 &&
                               std::all_of(selected.begin(), selected.end(),
                                           [](SampleUpload *s) { return s->spec().interleaved; }));
    a->errorDetails->setEnabled(failed > 0);
    a->exportResults->setEnabled(total > 0);
    a->exportSheet->setEnabled(total > 0);
    a->applySheet->setEnabled(total > 0);
    a->signOut->setEnabled(session->mode() != Session::Mode::SignedOut);
}

} // namespace SeqDrop
