#pragma once

#include "samples/samplespec.h"
#include "validation/validationreport.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

namespace SeqDrop {

class ValidationJob;

// Checks the content of one sample's files on worker threads (ValidationJob): each lane on its
// own, with its R2 for a pair (a lane missing its last newline would only show as a broken
// record in the joined stream). Lanes are checked side by side in ValidationJob's pool.
class ContentCheck : public QObject {
    Q_OBJECT
public:
    // Verdicts of files already read, keyed by path, size and modification time, so a changed
    // file is read again but merging lanes or splitting a checked pair costs no second read.
    class Cache {
    public:
        struct Entry {
            ValidationReport verdict;
            QList<ValidationReport> files; // the file's report, or R1's and R2's
        };
        std::optional<Entry> find(const QString &r1, const QString &r2) const;
        void store(const QString &r1, const QString &r2, const Entry &entry);

    private:
        static QString key(const QString &r1, const QString &r2);
        QHash<QString, Entry> m_entries;
    };

    explicit ContentCheck(const SampleSpec &spec, QObject *parent = nullptr);
    ~ContentCheck() override;

    void setCache(Cache *cache) { m_cache = cache; }
    // finished() always comes from the event loop, even when every lane was cached.
    void start();
    void cancel();
    bool isFinished() const { return m_pending == 0 && m_started; }
    const SampleSpec &spec() const { return m_spec; }

    // After finished():
    bool ok() const;
    bool wasCancelled() const;
    // One verdict per lane (for a pair, the pair's: names and counts included), in lane order.
    const QList<ValidationReport> &verdicts() const { return m_verdicts; }
    // Each file's report with its statistics: the single file's, or R1's then R2's of each
    // lane (when a pair's check stopped early, the files say so).
    QList<ValidationReport> fileReports() const;
    // The first problem in lane order, or an ok report.
    ValidationReport firstProblem() const;
    // One sentence per problem, each naming its file (the CLI's wording).
    QStringList problems() const;
    QStringList notes() const;

Q_SIGNALS:
    void progress(int percent);
    void finished();

private:
    struct Lane {
        QString r1;
        QString r2;
        qint64 size = 0;
        qint64 done = 0;
        ValidationJob *job = nullptr;
        bool finished = false;
        QList<ValidationReport> files;
    };
    void onLaneFinished(int index);
    static QList<ValidationReport> pairFiles(const ValidationJob *job, const Lane &lane);
    void finishLane(int index, const Cache::Entry &entry);
    void reportProgress();

    SampleSpec m_spec;
    Cache *m_cache = nullptr;
    QList<Lane> m_lanes;
    QList<ValidationReport> m_verdicts;
    int m_pending = 0;
    int m_lastPercent = -1;
    bool m_started = false;
    bool m_starting = false; // lanes found in the cache wait for the event loop to finish
};

} // namespace SeqDrop
