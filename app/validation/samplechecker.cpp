#include "validation/samplechecker.h"

#include "validation/contentcheck.h"
#include "validation/filenamecheck.h"

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
                result.notes
                    << tr("%1 is uploaded as %2 (the file itself keeps its name).").arg(name, safe);
            } else {
                result.problems
                    << tr("%1: %2 It would be uploaded as \"%3\" if you accept a safe name.")
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
            auto *check = new ContentCheck(m_results.at(i).spec, this);
            m_checks.append(check);
            ++m_pending;
            connect(check, &ContentCheck::finished, this,
                    [this, i, check] { onCheckFinished(i, check); });
            check->start();
        }
    }
    if (m_pending == 0)
        QTimer::singleShot(0, this, &SampleChecker::finished);
}

void SampleChecker::onCheckFinished(int index, ContentCheck *check) {
    Result &result = m_results[index];
    result.reports += check->fileReports();
    result.problems += check->problems();
    result.notes += check->notes();
    m_checks.removeOne(check);
    check->deleteLater();
    if (--m_pending == 0)
        Q_EMIT finished();
}

void SampleChecker::cancel() {
    for (ContentCheck *check : std::as_const(m_checks))
        check->cancel();
}

} // namespace SeqDrop
