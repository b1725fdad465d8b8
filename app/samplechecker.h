#pragma once

#include "samplespec.h"
#include "validationreport.h"

#include <QList>
#include <QObject>

namespace SeqDrop {

class ValidationJob;

// Everything checked on the desktop before a sample may be created: each file's content
// (ValidationJob, on worker threads), R1/R2 agreement, the names the server will accept and
// the standard route's size limit. Shared by `seqdrop-cli validate`, `seqdrop-cli upload`
// and the window.
class SampleChecker : public QObject {
    Q_OBJECT
public:
    struct Result {
        SampleSpec spec;
        QList<ValidationReport> reports; // per file (R1, R2), or the one file
        QStringList problems;            // each names its file; empty when the sample may go
        QStringList notes;
        QString proposedName;       // safe upload name when the file's own name is refused
        QString proposedPairedName; // the same for R2
        bool ok() const { return problems.isEmpty(); }
    };

    explicit SampleChecker(QObject *parent = nullptr);

    // acceptSafeNames: names the server would refuse are replaced by their safe form (the
    // local file keeps its name) instead of being reported as problems.
    void check(const QList<SampleSpec> &specs, bool checkContent, bool acceptSafeNames);
    void cancel();
    const QList<Result> &results() const { return m_results; }
    bool allOk() const;

Q_SIGNALS:
    void finished();

private:
    void checkNamesAndSizes(Result &result, bool acceptSafeNames);
    void onJobFinished(int index, ValidationJob *job);

    QList<Result> m_results;
    QList<ValidationJob *> m_jobs;
    int m_pending = 0;
};

} // namespace SeqDrop
