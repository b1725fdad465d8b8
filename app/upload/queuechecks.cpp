#include "upload/queuechecks.h"

#include "samples/filepairer.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "validation/filenamecheck.h"
#include "validation/samplechecker.h"

#include <QDir>
#include <QFileInfo>

namespace SeqDrop {

namespace {

// What a row's content verdict is about: its files, and whether they are a pair.
QStringList filesOf(const SampleUpload *sample) {
    QStringList files = sample->spec().allFiles();
    if (sample->spec().isPair())
        files << QStringLiteral("|pair");
    return files;
}

} // namespace

QueueChecks::QueueChecks(UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue) {
    m_verdictTimer.setSingleShot(true);
    m_verdictTimer.setInterval(0);
    connect(&m_verdictTimer, &QTimer::timeout, this, &QueueChecks::takeVerdicts);
    connect(queue, &UploadQueue::samplesAdded, this, [this](const QList<SampleUpload *> &added) {
        for (SampleUpload *s : added)
            watch(s);
    });
    connect(queue, &UploadQueue::sampleStarted, this, &QueueChecks::onStarted);
    for (SampleUpload *s : queue->samples())
        watch(s);
}

void QueueChecks::watch(SampleUpload *sample) {
    // Pairing, splitting and merging lanes change the files: their content is checked afresh.
    // Other edits (a description, an accepted name) only need the names looked at again.
    connect(sample, &SampleUpload::specChanged, this,
            [this, sample] { evaluate(sample, m_checkedFiles.value(sample) != filesOf(sample)); });
    connect(sample, &SampleUpload::finished, this, [this, sample] { onFinished(sample); });
    connect(sample, &QObject::destroyed, this, [this, sample] {
        stopContent(sample);
        m_rows.remove(sample);
        m_checkedFiles.remove(sample);
    });
    evaluate(sample, true);
}

void QueueChecks::evaluate(SampleUpload *sample, bool content) {
    Row &row = m_rows[sample];
    const SampleSpec &spec = sample->spec();
    row.missingMate.clear();
    row.mateOnDisk = false;
    if (!spec.isPair() && !spec.interleaved) {
        const QFileInfo info(spec.file);
        row.missingMate = FilePairer::partnerName(info.fileName());
        row.mateOnDisk = !row.missingMate.isEmpty() && info.dir().exists(row.missingMate);
    }
    evaluateNames(sample);
    if (content) {
        stopContent(sample);
        Row &fresh = m_rows[sample];
        fresh.files.clear();
        fresh.notes.clear();
        fresh.problem = ValidationReport();
        fresh.percent = 0;
        m_checkedFiles.insert(sample, filesOf(sample));
        if (!fresh.sizeProblem.isEmpty())
            fresh.content = Row::Content::NotChecked; // 20 GB read for a certain refusal: no
        else if (sample->isEditable())
            startContent(sample);
        else
            fresh.content = Row::Content::NotChecked; // running or done: not ours to check
    }
    updateHold(sample);
    Q_EMIT rowChanged(sample);
}

void QueueChecks::evaluateNames(SampleUpload *sample) {
    Row &row = m_rows[sample];
    SampleChecker::Result checked;
    checked.spec = sample->spec();
    // With the safe names taken, only the sizes are left as problems.
    SampleChecker::checkNamesAndSizes(checked, true);
    row.sizeProblem = checked.problems.join(QLatin1Char(' '));
    row.safeName = checked.proposedName;
    row.safePairedName = checked.proposedPairedName;
    const SampleSpec &spec = sample->spec();
    QStringList names{spec.effectiveUploadName()};
    if (spec.isPair())
        names << spec.effectivePairedUploadName();
    QStringList why;
    for (const QString &name : std::as_const(names)) {
        const QString problem = FileNameCheck::problem(name);
        if (!problem.isEmpty())
            why << problem.left(1).toUpper() + problem.mid(1);
    }
    row.nameProblem = why.join(QLatin1Char(' '));
}

void QueueChecks::startContent(SampleUpload *sample) {
    auto *check = new ContentCheck(sample->spec(), this);
    check->setCache(&m_cache);
    m_checks.insert(sample, check);
    m_rows[sample].content = Row::Content::Checking;
    connect(check, &ContentCheck::progress, this, [this, sample](int percent) {
        m_rows[sample].percent = percent;
        Q_EMIT rowChanged(sample);
    });
    connect(check, &ContentCheck::finished, this, [this, sample] {
        // Verdicts come in bursts (two workers through thousands of small files) and each
        // changes a row and a spec: taken a few dozen per event-loop turn, so the window's
        // input and paints are not held behind a thousand of them.
        m_verdicts.append(sample);
        m_verdictPending.insert(sample);
        if (!m_verdictTimer.isActive())
            m_verdictTimer.start();
    });
    check->start();
}

void QueueChecks::takeVerdicts() {
    for (int n = 0; n < VerdictsPerTurn && !m_verdicts.isEmpty(); ++n) {
        SampleUpload *sample = m_verdicts.takeFirst();
        if (!m_verdictPending.remove(sample))
            continue; // stopped meanwhile (removed, started)
        if (ContentCheck *check = m_checks.value(sample))
            onContentFinished(sample, check);
    }
    if (!m_verdicts.isEmpty())
        m_verdictTimer.start();
}

void QueueChecks::stopContent(SampleUpload *sample) {
    ContentCheck *check = m_checks.take(sample);
    if (!check)
        return;
    check->disconnect(this);
    if (m_verdictPending.remove(sample)) {
        check->deleteLater(); // finished already, its verdict not taken yet
        return;
    }
    // The worker stops at its next block; the check goes once it has (without a verdict).
    check->cancel();
    connect(check, &ContentCheck::finished, check, &QObject::deleteLater);
}

void QueueChecks::onContentFinished(SampleUpload *sample, ContentCheck *check) {
    m_checks.remove(sample);
    check->deleteLater();
    Row &row = m_rows[sample];
    row.files = check->fileReports();
    row.notes = check->notes();
    row.percent = 100;
    if (check->ok()) {
        row.content = Row::Content::Passed;
        // Read once already and unchanged since (the start compares the fingerprint).
        setValidateWhileUploading(sample, false);
    } else {
        row.content = Row::Content::Failed;
        row.problem = check->firstProblem();
    }
    updateHold(sample);
    Q_EMIT rowChanged(sample);
}

void QueueChecks::onStarted(SampleUpload *sample) {
    // Called before the sample starts: the spec may still change.
    Row &row = m_rows[sample];
    if (m_checks.contains(sample)) {
        stopContent(sample);
        row.content = Row::Content::WhileUploading;
        row.percent = 0;
    }
    setValidateWhileUploading(sample, row.content != Row::Content::Passed);
    Q_EMIT rowChanged(sample);
}

void QueueChecks::onFinished(SampleUpload *sample) {
    // A file problem during the upload (a bad record found on the way, a differing read name
    // located only to a block of a pair, a file gone): the background check says exactly what
    // and where, and holds the sample so that a retry does not send the same bad file.
    if (sample->state() == SampleUpload::State::Failed &&
        sample->error().kind == UploadError::Kind::LocalFile && !m_checks.contains(sample))
        evaluate(sample, true);
}

void QueueChecks::setValidateWhileUploading(SampleUpload *sample, bool on) {
    if (sample->spec().validateWhileUploading == on || !sample->isEditable())
        return;
    SampleSpec spec = sample->spec();
    spec.validateWhileUploading = on;
    sample->setSpec(spec);
}

void QueueChecks::updateHold(SampleUpload *sample) {
    const Row &row = m_rows.value(sample);
    QStringList reasons;
    if (row.content == Row::Content::Failed)
        reasons << tr("%1: %2 Remove the sample, or fix the file and add it again.")
                       .arg(row.problem.location(), row.problem.problem);
    if (!row.sizeProblem.isEmpty())
        reasons << row.sizeProblem;
    if (!row.nameProblem.isEmpty())
        reasons << row.nameProblem;
    // A project named by a sample sheet and not found yet: gone once the sample has a project
    // (found later, or chosen in the panel).
    const SampleSpec &spec = sample->spec();
    if (!spec.pendingProject.isEmpty() && spec.projectId.isEmpty())
        reasons
            << (row.projectProblem.isEmpty()
                    ? tr("It waits for its project \"%1\" to be found.").arg(spec.pendingProject)
                    : row.projectProblem);
    sample->setHold(reasons.join(QLatin1Char(' ')));
}

void QueueChecks::setProjectProblem(SampleUpload *sample, const QString &problem) {
    if (!m_rows.contains(sample))
        return;
    m_rows[sample].projectProblem = problem;
    updateHold(sample);
    Q_EMIT rowChanged(sample);
}

QList<SampleUpload *> QueueChecks::awaitingSafeNames() const {
    QList<SampleUpload *> samples;
    for (SampleUpload *s : m_queue->samples()) {
        const Row row = m_rows.value(s);
        if (s->isEditable() && !row.nameProblem.isEmpty() &&
            (!row.safeName.isEmpty() || !row.safePairedName.isEmpty()))
            samples << s;
    }
    return samples;
}

int QueueChecks::acceptSafeNames(const QList<SampleUpload *> &samples) {
    int accepted = 0;
    for (SampleUpload *s : samples) {
        const Row row = m_rows.value(s);
        if (!s->isEditable() || (row.safeName.isEmpty() && row.safePairedName.isEmpty()))
            continue;
        SampleSpec spec = s->spec();
        if (!row.safeName.isEmpty())
            spec.uploadName = row.safeName;
        if (!row.safePairedName.isEmpty())
            spec.pairedUploadName = row.safePairedName;
        accepted += s->setSpec(spec) ? 1 : 0; // re-evaluated through specChanged
    }
    return accepted;
}

QList<SampleUpload *> QueueChecks::recheck(const QStringList &paths) {
    QList<SampleUpload *> rechecked;
    for (SampleUpload *s : m_queue->samples()) {
        const Row row = m_rows.value(s);
        const bool refused =
            row.content == Row::Content::Failed || row.content == Row::Content::NotChecked;
        if (s->state() != SampleUpload::State::Queued || !refused)
            continue;
        const QStringList files = s->spec().allFiles();
        if (std::none_of(files.begin(), files.end(),
                         [&paths](const QString &f) { return paths.contains(f); }))
            continue;
        s->refreshFingerprint();
        evaluate(s, true);
        rechecked << s;
    }
    return rechecked;
}

} // namespace SeqDrop
