#include "sampletablemodel.h"

#include "checktext.h"
#include "routetext.h"
#include "samples/filepairer.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>
#include <QStyle>

#include <algorithm>

namespace SeqDrop {

SampleTableModel::SampleTableModel(UploadQueue *queue, QObject *parent)
    : QAbstractTableModel(parent) {
    m_refresh.setInterval(RefreshIntervalMs);
    connect(&m_refresh, &QTimer::timeout, this, &SampleTableModel::flush);
    connect(queue, &UploadQueue::samplesAdded, this, &SampleTableModel::onSamplesAdded);
    connect(queue, &UploadQueue::samplesRemoved, this, [this](const QList<SampleUpload *> &gone) {
        // Deleted later: nothing they say until then concerns a row.
        for (SampleUpload *sample : gone)
            disconnect(sample, nullptr, this, nullptr);
        removeSampleRows(gone);
    });
    onSamplesAdded(queue->samples());
}

int SampleTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SampleTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void SampleTableModel::setChecks(const QueueChecks *checks) {
    m_checks = checks;
    // Not just markDirty: a file added again is checked afresh (QueueChecks::recheck) and may
    // have another size now.
    connect(checks, &QueueChecks::rowChanged, this, &SampleTableModel::refreshSample);
}

SampleUpload *SampleTableModel::sampleAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : nullptr;
}

int SampleTableModel::rowOf(SampleUpload *sample) const {
    return m_rowOf.value(sample, -1);
}

void SampleTableModel::onSamplesAdded(const QList<SampleUpload *> &samples) {
    if (samples.isEmpty())
        return;
    // One insertion for the batch: a view (and its selection model) pays per insertion, and a
    // run folder's thousands of rows one by one kept the window from answering for a minute.
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(samples.size()) - 1);
    for (SampleUpload *sample : samples) {
        m_rowOf.insert(sample, int(m_rows.size()));
        m_rows.append(sample);
        m_sizes.insert(sample, {sample->queuedFingerprint(), sample->spec().sizeOnDisk()});
    }
    endInsertRows();
    for (SampleUpload *sample : samples)
        follow(sample);
}

void SampleTableModel::follow(SampleUpload *sample) {
    const auto mark = [this, sample] { markDirty(sample); };
    connect(sample, &SampleUpload::progressChanged, this, mark);
    connect(sample, &SampleUpload::holdChanged, this, mark);
    connect(sample, &SampleUpload::serverStatusChanged, this, mark);
    connect(sample, &SampleUpload::specChanged, this, [this, sample] { refreshSample(sample); });
    connect(sample, &SampleUpload::stateChanged, this, [this, sample](SampleUpload::State state) {
        // A notice describes the attempt in progress; a new state makes it stale.
        if (state == SampleUpload::State::Confirmed || state == SampleUpload::State::Queued)
            m_notices.remove(sample);
        markDirty(sample);
    });
    connect(sample, &SampleUpload::notice, this, [this, sample](const QString &text) {
        m_notices.insert(sample, text);
        markDirty(sample);
    });
    // Normally gone already through samplesRemoved; this guards against a sample deleted without
    // the queue saying so.
    connect(sample, &QObject::destroyed, this, [this, sample] { removeSampleRows({sample}); });
}

void SampleTableModel::removeSampleRows(const QList<SampleUpload *> &samples) {
    QList<int> rows;
    for (SampleUpload *sample : samples) {
        m_sizes.remove(sample);
        m_notices.remove(sample);
        m_dirty.remove(sample);
        const int r = rowOf(sample);
        if (r >= 0)
            rows.append(r);
        m_rowOf.remove(sample);
    }
    if (rows.isEmpty())
        return;
    const QList<QPair<int, int>> runs = rowRuns(rows);
    int first = runs.constFirst().first;
    int last = runs.constFirst().second;
    if (runs.size() > 1) {
        moveToEnd(rows); // scattered rows (Clear Uploaded, lanes merged): one removal, not 1,000
        first = int(m_rows.size() - rows.size());
        last = int(m_rows.size() - 1);
    }
    beginRemoveRows({}, first, last);
    m_rows.remove(first, last - first + 1);
    endRemoveRows();
    for (int i = runs.constFirst().first; i < m_rows.size(); ++i) // the first row that moved on
        m_rowOf[m_rows.at(i)] = i;
}

void SampleTableModel::moveToEnd(const QList<int> &rows) {
    // A layout change (a permutation the views and the sort proxy follow in one pass) puts the
    // rows at the end, in one run; removing each run by itself instead makes every view, proxy
    // and selection walk all its rows once per run.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<bool> moving(m_rows.size(), false);
    for (int row : rows)
        moving[row] = true;
    QList<SampleUpload *> order;
    order.reserve(m_rows.size());
    QList<int> newRow(m_rows.size());
    for (int pass = 0; pass < 2; ++pass)
        for (int row = 0; row < m_rows.size(); ++row)
            if (moving.at(row) == (pass == 1)) {
                newRow[row] = int(order.size());
                order.append(m_rows.at(row));
            }
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(index.isValid() ? createIndex(newRow.at(index.row()), index.column())
                                  : QModelIndex());
    changePersistentIndexList(from, to);
    m_rows = order;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SampleTableModel::refreshSample(SampleUpload *sample) {
    const auto size = m_sizes.find(sample);
    if (size == m_sizes.end())
        return; // removed: its checks may still report until it is deleted
    // The disk is read again only for other files or files added again (both give a new
    // fingerprint), not for every description change or check progress.
    if (size->fingerprint != sample->queuedFingerprint())
        *size = {sample->queuedFingerprint(), sample->spec().sizeOnDisk()};
    markDirty(sample);
}

void SampleTableModel::markDirty(SampleUpload *sample) {
    m_dirty.insert(sample);
    if (!m_refresh.isActive())
        m_refresh.start();
}

void SampleTableModel::flush() {
    if (m_dirty.isEmpty()) {
        m_refresh.stop(); // idle queues cost no timer wake-ups
        return;
    }
    QList<int> rows;
    rows.reserve(m_dirty.size());
    for (SampleUpload *s : std::as_const(m_dirty)) {
        const int r = rowOf(s);
        if (r >= 0)
            rows.append(r);
    }
    m_dirty.clear();
    // One dataChanged per run of adjacent rows.
    for (const auto &[first, last] : rowRuns(rows))
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

QList<QPair<int, int>> SampleTableModel::rowRuns(QList<int> rows) {
    std::sort(rows.begin(), rows.end());
    QList<QPair<int, int>> runs;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        runs.append({rows.at(i), rows.at(j)});
        i = j + 1;
    }
    return runs;
}

qint64 SampleTableModel::sizeOf(SampleUpload *sample) const {
    if (sample->totalBytes() > 0)
        return sample->totalBytes();
    const auto size = m_sizes.constFind(sample);
    return size == m_sizes.cend() ? 0 : size->bytes;
}

QString SampleTableModel::formatBytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString SampleTableModel::formatDuration(qint64 seconds) {
    // Coarse on purpose: "4 min" reads at a glance and does not flicker every second.
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg((seconds + 59) / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString SampleTableModel::filesText(const SampleSpec &spec) {
    // "Plate7-001_S12_L001_R1_001.fastq.gz + ..._R2_001.fastq.gz" -> "Plate7-001_S12_L001_R1/2":
    // what tells the files apart stays at the end, where a narrow column keeps it (the cell
    // elides in the middle; the tooltip has the full names).
    static const QRegularExpression tail(
        QStringLiteral("(_001)?\\.(fastq|fq|fasta|fa|fna|fas)(\\.(gz|gzip))?$"),
        QRegularExpression::CaseInsensitiveOption);
    QString first = spec.effectiveUploadName();
    first.remove(tail);
    QString text = first;
    if (spec.isPair()) {
        QString second = spec.effectivePairedUploadName();
        second.remove(tail);
        const bool mates = first.size() == second.size() && first.size() > 1 &&
                           first.chopped(1) == second.chopped(1);
        text =
            mates ? first + QLatin1Char('/') + second.right(1) : tr("%1 + %2").arg(first, second);
    }
    if (!spec.moreLanes.isEmpty())
        text += tr(" (%n more lane(s))", nullptr, int(spec.moreLanes.size()));
    return text;
}

QString SampleTableModel::sampleName(const SampleSpec &spec) {
    const QString given = spec.metadata.value(QStringLiteral("name")).toString();
    if (!given.isEmpty())
        return given;
    // "S1_L001_R1_001.fastq.gz" -> "S1_L001": what the lab calls the sample, not the file.
    static const QRegularExpression extension(
        QStringLiteral("\\.(fastq|fq|fasta|fa|fna|fas)(\\.(gz|gzip))?$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression readMarker(QStringLiteral("[._][Rr]?1([_.]\\d+)?$"));
    QString name = QFileInfo(spec.file).fileName().remove(extension);
    name.remove(readMarker); // also for a lone R1: a single-end Illumina run still says R1

    return name.isEmpty() ? QFileInfo(spec.file).fileName() : name;
}

bool SampleTableModel::failedOnServer(const SampleUpload *sample) {
    return sample->serverStatus() == QLatin1String("failed_validation");
}

QString SampleTableModel::statusText(const SampleUpload *sample) {
    using S = SampleUpload::State;
    switch (sample->state()) {
    case S::Queued:
        if (sample->isAwaitingTidyUp())
            return tr("Waiting: the interrupted upload is tidied up on the server first");
        if (!sample->hold().isEmpty())
            return tr("Cannot start: %1").arg(sample->hold());
        if (!RouteText::resuming(sample).isEmpty())
            return tr("Waiting: %1").arg(RouteText::resuming(sample));
        // A lone R1 is usually a mate that was not dropped: say so before the upload, not after.
        if (!sample->spec().isPair() && !sample->spec().interleaved &&
            FilePairer::isReadOne(QFileInfo(sample->spec().file).fileName()))
            return tr("Waiting (no R2 file found: pair by hand with Ctrl+J, or mark interleaved "
                      "with Ctrl+I)");
        if (!sample->spec().isPair() && !sample->spec().interleaved &&
            FilePairer::isReadTwo(QFileInfo(sample->spec().file).fileName()))
            return tr("Waiting (an R2 file without its R1: pair by hand with Ctrl+J)");
        return tr("Waiting");
    case S::Initializing:
        return tr("Starting");
    case S::Uploading:
        return sample->isBeingChecked() ? tr("One Codex is checking the file") : tr("Uploading");
    case S::Confirming:
        return tr("Finishing on the server");
    case S::Cancelling:
        return tr("Cancelling");
    case S::Confirmed: {
        // What One Codex made of it since (ServerStatusWatcher).
        const QString &server = sample->serverStatus();
        if (server == QLatin1String("importing"))
            return tr("Uploaded; One Codex is importing it");
        if (server == QLatin1String("validating"))
            return tr("Uploaded; One Codex is validating it");
        if (server == QLatin1String("available"))
            return tr("Uploaded and available on One Codex");
        if (server == QLatin1String("failed_validation"))
            return tr("Uploaded, but failed One Codex's validation: %1")
                .arg(sample->serverError().isEmpty() ? tr("no reason given")
                                                     : sample->serverError());
        if (server == QLatin1String("deleted"))
            return tr("Uploaded, then deleted on One Codex");
        return tr("Uploaded");
    }
    case S::Failed: {
        // The row already names the file: the full path would push the advice out of sight.
        QString message = sample->error().message;
        message.replace(sample->spec().file, QFileInfo(sample->spec().file).fileName());
        if (sample->spec().isPair())
            message.replace(sample->spec().pairedFile,
                            QFileInfo(sample->spec().pairedFile).fileName());
        return tr("Failed: %1").arg(message);
    }
    case S::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant SampleTableModel::displayData(SampleUpload *s, int column) const {
    const bool running = s->state() == SampleUpload::State::Uploading;
    switch (column) {
    case NameColumn: {
        // A pair shows as such in the File(s) column ("R1 + R2"); the name stays short.
        QString name = sampleName(s->spec());
        if (s->spec().interleaved)
            name += tr(" (interleaved)");
        return name;
    }
    case FilesColumn:
        return filesText(s->spec());
    case SizeColumn:
        return formatBytes(sizeOf(s));
    case StatusColumn: {
        const QString notice = m_notices.value(s);
        return notice.isEmpty() || s->isFinished() ? statusText(s)
                                                   : tr("%1 (%2)").arg(statusText(s), notice);
    }
    case ProgressColumn: {
        const int p = data(index(rowOf(s), column), ProgressRole).toInt();
        return p < 0 ? QString() : tr("%1%").arg(p);
    }
    case SpeedColumn:
        return running && s->bytesPerSecond() > 0
                   ? tr("%1/s").arg(formatBytes(qint64(s->bytesPerSecond())))
                   : QString();
    case EtaColumn:
        // The engine says -1 until the estimate is trustworthy: show nothing rather than noise.
        return running && s->etaSeconds() >= 0 ? formatDuration(s->etaSeconds()) : QString();
    case SampleIdColumn:
        return s->sampleId();
    default:
        return {};
    }
}

QVariant SampleTableModel::sortData(SampleUpload *s, int column) const {
    using S = SampleUpload::State;
    switch (column) {
    case SizeColumn:
        return sizeOf(s);
    case StatusColumn: {
        // What needs the user first: failures, then what runs, what waits, what is done.
        static const QList<S> order{S::Failed,     S::Initializing, S::Uploading, S::Confirming,
                                    S::Cancelling, S::Queued,       S::Confirmed, S::Cancelled};
        return int(order.indexOf(s->state()));
    }
    case ProgressColumn:
        return data(index(rowOf(s), column), ProgressRole);
    case SpeedColumn:
        return s->state() == S::Uploading ? s->bytesPerSecond() : 0.0;
    case EtaColumn:
        return s->state() == S::Uploading ? s->etaSeconds() : qint64(-1);
    default:
        return displayData(s, column);
    }
}

QVariant SampleTableModel::data(const QModelIndex &index, int role) const {
    SampleUpload *s = sampleAt(index.row());
    if (!s || !index.isValid())
        return {};
    if (index.column() == ContentColumn && role != SampleRole)
        return CheckText::data(m_checks, s, role == SortRole ? int(Qt::DisplayRole) : role);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(s, index.column());
    case Qt::AccessibleTextRole:
        return displayData(s, index.column());
    case SampleRole:
        return QVariant::fromValue(static_cast<QObject *>(s));
    case SortRole:
        return sortData(s, index.column());
    case ProgressRole: {
        if (s->state() == SampleUpload::State::Confirmed)
            return 100;
        const qint64 total = sizeOf(s);
        if (s->state() == SampleUpload::State::Queued && s->resumedPercent() >= 0)
            return s->resumedPercent(); // what an earlier run stored stays stored
        if (s->state() == SampleUpload::State::Queued || total <= 0)
            return -1;
        return int(qBound(qint64(0), s->bytesSent() * 100 / total, qint64(100)));
    }
    case Qt::ToolTipRole: {
        // The Status column's tooltip is the row's details: the route it takes and its parts.
        const QString route = index.column() == StatusColumn ? RouteText::details(s) : QString();
        const QString routeLines = route.isEmpty() ? QString() : QStringLiteral("\n\n") + route;
        if (s->error().isError())
            return tr("%1\n\nTechnical detail: %2\n(Samples > Show error details for more)")
                       .arg(s->error().message,
                            s->error().detail.isEmpty() ? tr("none") : s->error().detail) +
                   routeLines;
        if (!s->hold().isEmpty() && s->state() == SampleUpload::State::Queued)
            return s->hold(); // the whole reason; the cell is elided
        if (!route.isEmpty())
            return route;
        if (index.column() == FilesColumn)
            return s->spec().isPair()
                       ? tr("R1: %1\nR2: %2")
                             .arg(s->spec().readOneFiles().join(QStringLiteral("\n    ")),
                                  s->spec().readTwoFiles().join(QStringLiteral("\n    ")))
                       : s->spec().readOneFiles().join(QLatin1Char('\n'));
        return {};
    }
    case Qt::DecorationRole:
        if (index.column() != StatusColumn)
            return {};
        if (s->state() == SampleUpload::State::Failed || !s->hold().isEmpty() || failedOnServer(s))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (s->state() == SampleUpload::State::Confirmed)
            return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
        return {};
    case Qt::FontRole:
        if (index.column() == StatusColumn && (s->state() == SampleUpload::State::Failed ||
                                               !s->hold().isEmpty() || failedOnServer(s))) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == SpeedColumn ||
            index.column() == EtaColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Sample");
    case FilesColumn:
        return tr("File(s)");
    case SizeColumn:
        return tr("Size");
    case ContentColumn:
        return tr("Content");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Time left");
    case SampleIdColumn:
        return tr("Sample ID");
    default:
        return {};
    }
}

} // namespace SeqDrop
