#include "intake/sampleintake.h"

#include "samples/filepairer.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QSet>

namespace SeqDrop {

QStringList SampleIntake::queuedFiles(const UploadQueue *queue) {
    QStringList files;
    for (const SampleUpload *s : queue->samples()) {
        // A cancelled sample no longer holds its files: adding them again is a fresh start.
        if (s->state() == SampleUpload::State::Cancelled)
            continue;
        files << s->spec().readOneFiles();
        if (s->spec().isPair())
            files << s->spec().readTwoFiles();
    }
    return files;
}

SampleIntake::Report SampleIntake::add(UploadQueue *queue, const QStringList &paths) {
    Report report;
    const FileScanner::Result scanned = FileScanner::scan(paths);
    report.skipped = scanned.skipped;

    QSet<QString> seen;
    for (const QString &f : queuedFiles(queue))
        seen.insert(f);
    QStringList fresh;
    for (const QString &file : scanned.files) {
        if (seen.contains(file)) {
            report.duplicates << file;
            continue;
        }
        seen.insert(file);
        fresh << file;
    }
    for (const FilePairer::Group &group : FilePairer::group(fresh)) {
        SampleSpec spec;
        spec.file = group.first;
        spec.pairedFile = group.second;
        // The window checks contents as they are sent: one read of the disk, and a bad file
        // fails on its row with the record and line, its sample cancelled before confirm.
        spec.validateWhileUploading = true;
        report.added << queue->add(spec);
    }
    return report;
}

} // namespace SeqDrop
