#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QPair>
#include <QSet>
#include <QTimer>

namespace SeqDrop {

class QueueChecks;
class SampleUpload;
struct SampleSpec;
class UploadQueue;

// The queue as a table, one row per sample. It follows the queue by itself: a row comes with
// UploadQueue::samplesAdded (a batch, one insertion) and goes with samplesRemoved, and whatever
// changes a sample (its spec, state, progress, hold, its file checks) reaches the row through that
// object's signals, never through a call from whoever made the change. Changes never reach the view
// directly: samples only mark their row dirty, and a timer publishes the dirty rows a few times a
// second, so a thousand uploading rows cost a handful of repaints, not one per network packet.
class SampleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        FilesColumn,
        SizeColumn,
        ContentColumn, // what the file checks found (CheckText)
        StatusColumn,
        ProgressColumn,
        SpeedColumn,
        EtaColumn,
        SampleIdColumn,
        ColumnCount
    };
    enum Role {
        ProgressRole = Qt::UserRole + 1, // int 0..100, or -1 when there is nothing to show
        SampleRole,                      // SampleUpload*
        SortRole, // what a click on the column's header sorts by (sizes as numbers, and so on)
    };

    explicit SampleTableModel(UploadQueue *queue, QObject *parent = nullptr);

    static constexpr int RefreshIntervalMs = 250;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The file checks shown in the Content column (none: the column stays empty).
    void setChecks(const QueueChecks *checks);

    SampleUpload *sampleAt(int row) const;
    int rowOf(SampleUpload *sample) const;
    // Bytes to send: the engine's total once started, else the files' size on disk (cached).
    qint64 sizeOf(SampleUpload *sample) const;
    // Publishes pending changes now (tests, and before an export).
    void flush();
    // Rows as runs of adjacent rows (first, last), in order: one signal or one selection range
    // each instead of one per row.
    static QList<QPair<int, int>> rowRuns(QList<int> rows);

    // The last retry or notice message of a sample, shown with its status.
    QString noticeOf(SampleUpload *sample) const { return m_notices.value(sample); }

    static QString formatBytes(qint64 bytes);
    static QString formatDuration(qint64 seconds);
    // Uploaded, but One Codex's own validation refused it: shown like a failure.
    static bool failedOnServer(const SampleUpload *sample);
    static QString statusText(const SampleUpload *sample);
    // The File(s) cell: the upload names without the parts every file shares, ending in what
    // tells them apart ("Plate7-001_S12_L001_R1/2").
    static QString filesText(const SampleSpec &spec);
    // The sample's name as the lab would say it: metadata name, else the file name without
    // extension and without the R1 marker.
    static QString sampleName(const SampleSpec &spec);

private:
    // The files' size on disk, and the fingerprint of the files it was read from.
    struct DiskSize {
        QString fingerprint;
        qint64 bytes = 0;
    };

    void onSamplesAdded(const QList<SampleUpload *> &samples);
    // Connects a new row's sample: its changes mark the row dirty.
    void follow(SampleUpload *sample);
    void removeSampleRows(const QList<SampleUpload *> &samples);
    void moveToEnd(const QList<int> &rows);
    // Marks the row dirty, reading the size again first if the sample's files changed.
    void refreshSample(SampleUpload *sample);
    void markDirty(SampleUpload *sample);
    QVariant displayData(SampleUpload *sample, int column) const;
    QVariant sortData(SampleUpload *sample, int column) const;

    const QueueChecks *m_checks = nullptr;
    QList<SampleUpload *> m_rows;
    QHash<SampleUpload *, int> m_rowOf;      // m_rows' index, so a row is found in O(1)
    QHash<SampleUpload *, DiskSize> m_sizes; // before the upload knows its total
    QHash<SampleUpload *, QString> m_notices;
    QSet<SampleUpload *> m_dirty;
    QTimer m_refresh;
};

} // namespace SeqDrop
