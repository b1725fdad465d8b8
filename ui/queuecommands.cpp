#include "queuecommands.h"

#include "samples/filepairer.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QFileInfo>

namespace SeqDrop {

QueueCommands::QueueCommands(UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue) {}

QString QueueCommands::pair(const QList<SampleUpload *> &samples) {
    if (samples.size() != 2 || samples[0]->spec().isPair() || samples[1]->spec().isPair() ||
        !samples[0]->isEditable() || !samples[1]->isEditable())
        return tr("Select exactly two single files that have not started uploading to pair them.");
    SampleUpload *first = samples[0];
    SampleUpload *second = samples[1];
    // R1 first: by name when the names say so, else in list order.
    if (FilePairer::isReadTwo(QFileInfo(first->spec().file).fileName()) &&
        !FilePairer::isReadTwo(QFileInfo(second->spec().file).fileName()))
        std::swap(first, second);
    SampleSpec spec = first->spec();
    spec.pairedFile = second->spec().file;
    spec.pairedUploadName = second->spec().uploadName;
    spec.morePairedLanes = second->spec().moreLanes;
    spec.interleaved = false;
    if (!first->setSpec(spec))
        return tr("%1 has started uploading and can no longer be paired.").arg(spec.displayName());
    m_queue->remove(second);
    return {};
}

QString QueueCommands::split(const QList<SampleUpload *> &samples) {
    int skipped = 0;
    for (SampleUpload *s : samples) {
        if (!s->spec().isPair())
            continue;
        if (!s->isEditable()) {
            ++skipped;
            continue;
        }
        SampleSpec r1 = s->spec();
        SampleSpec r2 = r1; // the second file keeps the description of the pair
        r1.pairedFile.clear();
        r1.pairedUploadName.clear();
        r1.morePairedLanes.clear();
        r2.file = r2.pairedFile;
        r2.uploadName = r2.pairedUploadName;
        r2.moreLanes = r2.morePairedLanes;
        r2.pairedFile.clear();
        r2.pairedUploadName.clear();
        r2.morePairedLanes.clear();
        s->setSpec(r1);
        m_queue->add(r2);
    }
    return skipped ? tr("%n pair(s) had already started and were not split.", nullptr, skipped)
                   : QString();
}

QString QueueCommands::setInterleaved(const QList<SampleUpload *> &samples, bool on) {
    for (SampleUpload *s : samples) {
        if (s->spec().isPair() || !s->isEditable())
            continue;
        SampleSpec spec = s->spec();
        spec.interleaved = on;
        s->setSpec(spec);
    }
    return {};
}

QString QueueCommands::cancel(const QList<SampleUpload *> &samples) {
    for (SampleUpload *s : samples)
        if (!s->isFinished())
            s->cancel();
    return {};
}

QString QueueCommands::retry(const QList<SampleUpload *> &samples) {
    int n = 0;
    for (SampleUpload *s : samples)
        n += m_queue->retry(s) ? 1 : 0;
    return n == 0 ? tr("Only failed or cancelled samples can be retried.") : QString();
}

QString QueueCommands::retryAllFailed() {
    const QList<SampleUpload *> samples = m_queue->samples();
    for (SampleUpload *s : samples)
        if (s->state() == SampleUpload::State::Failed)
            m_queue->retry(s);
    return {};
}

QString QueueCommands::remove(const QList<SampleUpload *> &samples) {
    const int running = m_queue->remove(samples); // one batch: one journal commit, few row runs
    return running ? tr("%n sample(s) are uploading: cancel them first (Ctrl+Shift+X), then remove "
                        "them.",
                        nullptr, running)
                   : QString();
}

QString QueueCommands::clearUploaded() {
    QList<SampleUpload *> uploaded;
    for (SampleUpload *s : m_queue->samples())
        if (s->state() == SampleUpload::State::Confirmed)
            uploaded.append(s);
    m_queue->remove(uploaded);
    return {};
}

} // namespace SeqDrop
