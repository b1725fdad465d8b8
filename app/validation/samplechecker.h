#pragma once

#include "samples/samplespec.h"
#include "validation/validationreport.h"

#include <QList>
#include <QObject>

namespace SeqDrop {

class ContentCheck;

// Everything checked on the desktop before a sample may be created: each file's content
// (ContentCheck, on worker threads), R1/R2 agreement, the names the server will accept and
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
    // The names the server would refuse (with safe proposals) and the size limit, for one
    // sample; with acceptSafeNames the spec takes the safe names and only sizes are problems.
    static void checkNamesAndSizes(Result &result, bool acceptSafeNames);

Q_SIGNALS:
    void finished();

private:
    void onCheckFinished(int index, ContentCheck *check);

    QList<Result> m_results;
    QList<ContentCheck *> m_checks;
    int m_pending = 0;
};

} // namespace SeqDrop
