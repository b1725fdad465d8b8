#pragma once

#include "validation/contentcheck.h"
#include "validation/validationreport.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace SeqDrop {

class SampleUpload;
class UploadQueue;

// Checks every sample of a queue as soon as it is added, so a problem shows on its row before
// anyone presses Start:
// - content (ContentCheck, on worker threads): statistics for the row; a bad file holds its
//   sample (SampleUpload::setHold) until it is removed, or fixed and added again;
// - upload names the server would refuse: held until the user accepts the safe names
//   (acceptSafeNames; the files on disk keep their names);
// - the standard route's 20 GB limit: held, and not read at all;
// - an R1 without its R2 (or the reverse): flagged, not held, because a single-end run is
//   R1 only.
// The queue never waits for a check: a sample that starts before its check finished stops the
// check and is validated while it uploads (one read of the disk; a pair's names and counts
// too), and a sample that passed is not validated a second time on the way.
class QueueChecks : public QObject {
    Q_OBJECT
public:
    struct Row {
        enum class Content {
            Checking,       // waiting for a worker thread, or being read
            Passed,         // statistics in `files`
            Failed,         // `problem` says where
            WhileUploading, // started first: checked as it is sent
            NotChecked,     // refused before reading (too large), or added already started
        };
        Content content = Content::Checking;
        int percent = 0;
        QList<ValidationReport> files; // per file, with statistics
        ValidationReport problem;
        QStringList notes;
        QString sizeProblem;
        QString nameProblem; // why the server would refuse a name still in use
        QString safeName;    // proposals waiting for consent; empty when the names pass
        QString safePairedName;
        QString missingMate;     // the R2 (or R1) file name this single file seems to lack
        bool mateOnDisk = false; // ... and that file is next to it, just not added
        // Why a sample sheet's project (SampleSpec::pendingProject) is not found yet: said by
        // the hold while the sample has no project.
        QString projectProblem;
    };

    explicit QueueChecks(UploadQueue *queue, QObject *parent = nullptr);

    Row row(const SampleUpload *sample) const { return m_rows.value(sample); }
    bool isChecking(const SampleUpload *sample) const { return m_checks.contains(sample); }
    // Samples held only until the user accepts safe names (in queue order).
    QList<SampleUpload *> awaitingSafeNames() const;
    // Upload these samples under the proposed safe names; returns how many took them.
    int acceptSafeNames(const QList<SampleUpload *> &samples);
    // Why the sample's pending project is not found (SheetProjects); the hold says it.
    void setProjectProblem(SampleUpload *sample, const QString &problem);
    // Files added again: the samples holding them that failed a check take the files as they
    // are now and are checked afresh. Returns those samples.
    QList<SampleUpload *> recheck(const QStringList &paths);

Q_SIGNALS:
    void rowChanged(SeqDrop::SampleUpload *sample);

private:
    void watch(SampleUpload *sample);
    void evaluate(SampleUpload *sample, bool content);
    void evaluateNames(SampleUpload *sample);
    void startContent(SampleUpload *sample);
    void stopContent(SampleUpload *sample);
    void onContentFinished(SampleUpload *sample, ContentCheck *check);
    void takeVerdicts();
    void onStarted(SampleUpload *sample);
    void onFinished(SampleUpload *sample);
    void updateHold(SampleUpload *sample);
    void setValidateWhileUploading(SampleUpload *sample, bool on);

    UploadQueue *m_queue;
    QHash<const SampleUpload *, Row> m_rows;
    QHash<const SampleUpload *, ContentCheck *> m_checks;
    // Checks finished whose verdicts wait for takeVerdicts(), in the order they came.
    static constexpr int VerdictsPerTurn = 32;
    QList<SampleUpload *> m_verdicts;
    QSet<const SampleUpload *> m_verdictPending;
    QTimer m_verdictTimer;
    QHash<const SampleUpload *, QStringList> m_checkedFiles; // what the row's content is about
    ContentCheck::Cache m_cache;
};

} // namespace SeqDrop
