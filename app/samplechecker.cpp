#include "samplechecker.h"

#include "filenamecheck.h"
#include "validationjob.h"

#include <QFileInfo>
#include <QTimer>

namespace SeqDrop {

SampleChecker::SampleChecker(QObject *parent)
    : QObject(parent) {}

bool SampleChecker::allOk() const {
    for (const Result &r : m_results)
        if (!r.ok())
            return false;
    return true;
}

void SampleChecker::checkNamesAndSizes(Result &result, bool acceptSafeNames) {
    SampleSpec &spec = result.spec;
    for (int side = 0; side < (spec.isPair() ? 2 : 1); ++side) {
        const QString name =
            side == 0 ? spec.effectiveUploadName() : spec.effectivePairedUploadName();
        const QString nameProblem = FileNameCheck::problem(name);
        if (!nameProblem.isEmpty()) {
            const QString safe = FileNameCheck::safeName(name);
            (side == 0 ? result.proposedName : result.proposedPairedName) = safe;
            if (acceptSafeNames) {
                (side == 0 ? spec.uploadName : spec.pairedUploadName) = safe;
                result.notes << QStringLiteral(
                                    "%1 is uploaded as %2 (the file itself keeps its name).")
                                    .arg(name, safe);
            } else {
                result.problems
                    << QStringLiteral(
                           "%1: %2 It would be uploaded as \"%3\" if you accept a safe name.")
                           .arg(name, nameProblem, safe);
            }
        }
        qint64 size = 0;
        for (const QString &file : side == 0 ? spec.readOneFiles() : spec.readTwoFiles())
            size += QFileInfo(file).size();
        const QString sizeProblem = FileNameCheck::sizeProblem(size);
        if (!sizeProblem.isEmpty())
            result.problems << QStringLiteral("%1: %2").arg(name, sizeProblem);
    }
}

void SampleChecker::check(const QList<SampleSpec> &specs, bool checkContent, bool acceptSafeNames) {
    m_results.clear();
    m_pending = 0;
    for (const SampleSpec &spec : specs) {
        Result result;
        result.spec = spec;
        checkNamesAndSizes(result, acceptSafeNames);
        m_results.append(result);
    }
    if (checkContent) {
        for (int i = 0; i < m_results.size(); ++i) {
            const SampleSpec &spec = m_results.at(i).spec;
            // Each lane is checked on its own (and with its R2): a lane missing its last newline
            // would only show as a broken record in the joined stream.
            const QStringList r1 = spec.readOneFiles();
            const QStringList r2 = spec.isPair() ? spec.readTwoFiles() : QStringList();
            for (int lane = 0; lane < r1.size(); ++lane) {
                auto *job = spec.isPair() ? new ValidationJob(r1.at(lane), r2.value(lane), this)
                                          : new ValidationJob(r1.at(lane), this);
                m_jobs.append(job);
                ++m_pending;
                connect(job, &ValidationJob::finished, this,
                        [this, i, job] { onJobFinished(i, job); });
                job->start();
            }
        }
    }
    if (m_pending == 0)
        QTimer::singleShot(0, this, &SampleChecker::finished);
}

void SampleChecker::onJobFinished(int index, ValidationJob *job) {
    Result &result = m_results[index];
    const QList<ValidationReport> reports =
        job->isPair() ? QList<ValidationReport>{job->r1Report(), job->r2Report()}
                      : QList<ValidationReport>{job->report()};
    result.reports += reports;
    const ValidationReport verdict = job->report();
    if (verdict.cancelled)
        result.problems
            << QStringLiteral("%1: validation was cancelled.").arg(result.spec.displayName());
    else if (!verdict.ok)
        result.problems << verdict.location() + QStringLiteral(": ") + verdict.problem;
    for (const ValidationReport &r : reports)
        for (const QString &note : r.notes)
            result.notes << QStringLiteral("%1: %2").arg(r.file, note);
    m_jobs.removeOne(job);
    job->deleteLater();
    if (--m_pending == 0)
        Q_EMIT finished();
}

void SampleChecker::cancel() {
    for (ValidationJob *job : std::as_const(m_jobs))
        job->cancel();
}

} // namespace SeqDrop
