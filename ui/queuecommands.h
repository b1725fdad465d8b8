#pragma once

#include <QList>
#include <QObject>

namespace SeqDrop {

class SampleUpload;
class UploadQueue;

// What the Uploads and Samples menus do to the selected samples: pair, split, interleave,
// cancel, retry, remove. Each returns a sentence for the user when something could not be done,
// or an empty string.
class QueueCommands : public QObject {
    Q_OBJECT
public:
    explicit QueueCommands(UploadQueue *queue, QObject *parent = nullptr);

    QString pair(const QList<SampleUpload *> &samples);
    QString split(const QList<SampleUpload *> &samples);
    QString setInterleaved(const QList<SampleUpload *> &samples, bool on);
    QString cancel(const QList<SampleUpload *> &samples);
    QString retry(const QList<SampleUpload *> &samples);
    QString retryAllFailed();
    QString remove(const QList<SampleUpload *> &samples);
    // Removes every confirmed row (and so its journal entry: it is not restored any more).
    QString clearUploaded();

private:
    UploadQueue *m_queue;
};

} // namespace SeqDrop
