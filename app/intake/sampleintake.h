#pragma once

#include "samples/filescanner.h"

#include <QStringList>

namespace SeqDrop {

class SampleUpload;
class UploadQueue;

// Turns dropped or picked paths into queued samples: scans folders, refuses files already in
// the queue, pairs R1/R2 and adds one sample per group. The same path for drops, the file
// dialogs and the command line, so they all behave alike.
class SampleIntake {
public:
    struct Report {
        QList<SampleUpload *> added;
        QStringList duplicates; // already queued (or given twice), refused
        QList<FileScanner::Skipped> skipped;
    };

    static Report add(UploadQueue *queue, const QStringList &paths);
    static QStringList queuedFiles(const UploadQueue *queue);
};

} // namespace SeqDrop
