#include "validation/contentcheck.h"

#include "validation/validationjob.h"

#include <QFileInfo>
#include <QTimer>

namespace SeqDrop {

QString ContentCheck::Cache::key(const QString &r1, const QString &r2) {
    SampleSpec files; // paths, sizes and modification times: what SampleSpec calls a fingerprint
    files.file = r1;
    files.pairedFile = r2;
    return files.fingerprint();
}

std::optional<ContentCheck::Cache::Entry> ContentCheck::Cache::find(const QString &r1,
                                                                    const QString &r2) const {
    const auto it = m_entries.constFind(key(r1, r2));
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

void ContentCheck::Cache::store(const QString &r1, const QString &r2, const Entry &entry) {
    m_entries.insert(key(r1, r2), entry);
}

ContentCheck::ContentCheck(const SampleSpec &spec, QObject *parent)
    : QObject(parent)
    , m_spec(spec) {
    const QStringList r1 = spec.readOneFiles();
    const QStringList r2 = spec.isPair() ? spec.readTwoFiles() : QStringList();
    for (int i = 0; i < r1.size(); ++i) {
        Lane lane;
        lane.r1 = r1.at(i);
        lane.r2 = r2.value(i);
        lane.size = QFileInfo(lane.r1).size() + (lane.r2.isEmpty() ? 0 : QFileInfo(lane.r2).size());
        m_lanes.append(lane);
    }
    m_verdicts.resize(m_lanes.size());
}

// The jobs are children: destroying them takes them off the pool or waits for their worker.
ContentCheck::~ContentCheck() = default;

void ContentCheck::start() {
    if (m_started)
        return;
    m_started = true;
    m_starting = true;
    m_pending = int(m_lanes.size());
    for (int i = 0; i < m_lanes.size(); ++i) {
        Lane &lane = m_lanes[i];
        const std::optional<Cache::Entry> cached =
            m_cache ? m_cache->find(lane.r1, lane.r2) : std::nullopt;
        if (cached) {
            finishLane(i, *cached);
            continue;
        }
        lane.job = lane.r2.isEmpty() ? new ValidationJob(lane.r1, this)
                                     : new ValidationJob(lane.r1, lane.r2, this);
        connect(lane.job, &ValidationJob::progress, this, [this, i](qint64 done, qint64) {
            m_lanes[i].done = done;
            reportProgress();
        });
        connect(lane.job, &ValidationJob::finished, this, [this, i] { onLaneFinished(i); });
        lane.job->start();
    }
    m_starting = false;
    if (m_pending == 0) // everything cached (or no file at all)
        QTimer::singleShot(0, this, &ContentCheck::finished);
}

void ContentCheck::cancel() {
    for (const Lane &lane : std::as_const(m_lanes))
        if (lane.job)
            lane.job->cancel();
}

void ContentCheck::onLaneFinished(int index) {
    Lane &lane = m_lanes[index];
    ValidationJob *job = lane.job;
    lane.job = nullptr;
    job->deleteLater();
    Cache::Entry entry;
    entry.verdict = job->report();
    entry.files = job->isPair() ? pairFiles(job, lane) : QList<ValidationReport>{job->report()};
    if (m_cache && !entry.verdict.cancelled) {
        m_cache->store(lane.r1, lane.r2, entry);
        // A good pair's files were each read to their end: split, they need no second read.
        if (job->isPair() && entry.verdict.ok) {
            m_cache->store(lane.r1, {}, {job->r1Report(), {job->r1Report()}});
            m_cache->store(lane.r2, {}, {job->r2Report(), {job->r2Report()}});
        }
    }
    finishLane(index, entry);
}

QList<ValidationReport> ContentCheck::pairFiles(const ValidationJob *job, const Lane &lane) {
    if (!job->r1Report().file.isEmpty())
        return {job->r1Report(), job->r2Report()};
    // The pair check stopped before either file ended (names differ, a file unreadable,
    // cancelled): the file the verdict names carries it, the other says why it is incomplete.
    const ValidationReport verdict = job->report();
    QList<ValidationReport> files;
    for (const QString &path : {lane.r1, lane.r2}) {
        ValidationReport r;
        r.file = QFileInfo(path).fileName();
        if (r.file == verdict.file) {
            r = verdict;
        } else {
            r.cancelled = verdict.cancelled;
            r.problem =
                tr("not read to its end: the pair check stopped at %1.").arg(verdict.location());
        }
        files.append(r);
    }
    return files;
}

void ContentCheck::finishLane(int index, const Cache::Entry &entry) {
    Lane &lane = m_lanes[index];
    lane.finished = true;
    lane.done = lane.size;
    lane.files = entry.files;
    m_verdicts[index] = entry.verdict;
    --m_pending;
    reportProgress();
    if (m_pending == 0 && !m_starting)
        Q_EMIT finished();
}

void ContentCheck::reportProgress() {
    qint64 total = 0, done = 0;
    for (const Lane &lane : std::as_const(m_lanes)) {
        total += lane.size;
        done += qMin(lane.done, lane.size);
    }
    const int percent = total > 0 ? int(done * 100 / total) : 100;
    if (percent == m_lastPercent)
        return;
    m_lastPercent = percent;
    Q_EMIT progress(percent);
}

bool ContentCheck::ok() const {
    for (const ValidationReport &v : m_verdicts)
        if (!v.ok)
            return false;
    return isFinished();
}

bool ContentCheck::wasCancelled() const {
    for (const ValidationReport &v : m_verdicts)
        if (v.cancelled)
            return true;
    return false;
}

QList<ValidationReport> ContentCheck::fileReports() const {
    QList<ValidationReport> reports;
    for (const Lane &lane : m_lanes)
        reports += lane.files;
    return reports;
}

ValidationReport ContentCheck::firstProblem() const {
    for (const ValidationReport &v : m_verdicts)
        if (!v.ok)
            return v;
    ValidationReport none;
    none.ok = true;
    return none;
}

QStringList ContentCheck::problems() const {
    QStringList problems;
    for (const ValidationReport &v : m_verdicts) {
        if (v.cancelled)
            problems << tr("%1: validation was cancelled.").arg(m_spec.displayName());
        else if (!v.ok)
            problems << v.location() + QStringLiteral(": ") + v.problem;
    }
    return problems;
}

QStringList ContentCheck::notes() const {
    QStringList notes;
    for (const ValidationReport &r : fileReports())
        for (const QString &note : r.notes)
            notes << QStringLiteral("%1: %2").arg(r.file, note);
    return notes;
}

} // namespace SeqDrop
