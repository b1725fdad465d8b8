#include "intake/sampleintake.h"

#include "intake/sheetintake.h"

#include "samples/filepairer.h"
#include "samples/lanemerger.h"
#include "samples/localfile.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QFileInfo>
#include <QSet>

namespace SeqDrop {

namespace {

// Files as given: each must be sendable and named once. A path that is refused still counts
// as given, so naming a missing file twice reads as two missing files.
QStringList checkFiles(const QStringList &files, const QSet<QString> &queued, QSet<QString> &given,
                       SampleIntake::Plan &plan) {
    QStringList taken;
    for (const QString &file : files) {
        const QString absolute = QFileInfo(file).absoluteFilePath();
        const QString problem = LocalFile::problem(file);
        if (!problem.isEmpty())
            plan.problems << problem;
        else if (given.contains(absolute))
            plan.problems << SampleIntake::tr("%1 is given twice.").arg(file);
        else if (queued.contains(absolute))
            plan.duplicates << file;
        else
            taken << file;
        given.insert(absolute);
    }
    return taken;
}

QStringList scanPaths(const QStringList &paths, const QSet<QString> &queued, QSet<QString> &given,
                      SampleIntake::Plan &plan) {
    const FileScanner::Result scanned = FileScanner::scan(paths);
    plan.skipped = scanned.skipped;
    QStringList taken;
    for (const QString &file : scanned.files) {
        if (queued.contains(file) || given.contains(file)) {
            plan.duplicates << file;
            continue;
        }
        given.insert(file);
        taken << file;
    }
    return taken;
}

} // namespace

SampleIntake::SampleIntake(UploadQueue *queue)
    : m_queue(queue) {}

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

QSet<QString> SampleIntake::queuedPaths(const UploadQueue *queue) {
    QSet<QString> queued;
    if (queue)
        for (const QString &f : queuedFiles(queue))
            queued.insert(QFileInfo(f).absoluteFilePath());
    return queued;
}

SampleIntake::Plan SampleIntake::plan(const QStringList &paths,
                                      const IntakeOptions &options) const {
    return planAgainst(paths, options, queuedPaths(m_queue));
}

SampleIntake::Plan SampleIntake::planAgainst(const QStringList &paths, const IntakeOptions &options,
                                             const QSet<QString> &queued) {
    Plan plan;
    QSet<QString> given;
    const QStringList files = options.paths == IntakeOptions::Paths::Scan
                                  ? scanPaths(paths, queued, given, plan)
                                  : checkFiles(paths, queued, given, plan);
    // A pair one of whose files is queued already is left out; that file is a duplicate.
    const bool pair =
        !options.forward.isEmpty() &&
        checkFiles({options.forward, options.reverse}, queued, given, plan).size() == 2;
    if (!plan.problems.isEmpty())
        return plan;

    auto describe = [&](const QString &first, const QString &second, bool interleaved) {
        SampleSpec spec;
        spec.file = first;
        spec.pairedFile = second;
        spec.interleaved = interleaved;
        spec.validateWhileUploading = options.validateWhileUploading;
        options.description.applyTo(spec);
        plan.samples.append(spec);
    };
    if (pair)
        describe(options.forward, options.reverse, false);
    for (const FilePairer::Group &group : FilePairer::group(files))
        describe(group.first, group.second, options.interleaved && group.second.isEmpty());

    if (options.lanes != IntakeOptions::Lanes::Leave) {
        const LaneMerger::Result lanes = LaneMerger::merge(plan.samples);
        plan.laneSets = lanes.merged;
        if (options.lanes == IntakeOptions::Lanes::Merge) {
            plan.problems = lanes.problems;
            plan.samples = lanes.samples;
        }
    }
    if (plan.problems.isEmpty())
        SheetIntake::apply(plan, options);
    return plan;
}

SampleIntake::Report SampleIntake::add(const QStringList &paths, const IntakeOptions &options) {
    Q_ASSERT(m_queue);
    const Plan planned = plan(paths, options);
    Report report;
    report.duplicates = planned.duplicates;
    report.skipped = planned.skipped;
    report.problems = planned.problems;
    report.sheet = planned.sheet;
    if (!report.problems.isEmpty())
        return report;
    report.added = m_queue->add(planned.samples); // one batch: one insert, one journal write
    return report;
}

} // namespace SeqDrop
