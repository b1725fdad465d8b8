#pragma once

#include <QCollator>
#include <QHash>
#include <QItemSelection>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace SeqDrop {

class SampleTableModel;
class SampleUpload;

// The queue table as the user sorts and filters it: a click on a column header sorts by that
// column (names in natural order: S2 before S10), the filter field keeps the rows whose name,
// files, status or sample id contain every word typed. Only what is shown changes: the queue
// uploads in the order the samples were added.
class SampleFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SampleFilterModel(SampleTableModel *source, QObject *parent = nullptr);

    SampleTableModel *samples() const { return m_source; }
    // Words separated by spaces; a row shows when it contains all of them (case ignored).
    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

    SampleUpload *sampleAt(int row) const;
    // These samples' rows as ranges of adjacent rows (one range per run, not per row: the
    // selection of a whole run folder stays a handful of ranges).
    QItemSelection selectionOf(const QList<SampleUpload *> &samples) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // A row's sort key for the sorted column, made once: sorting 10,000 names compares each
    // about 14 times, and both reading a name and collating it in numeric mode are slow.
    struct Key {
        QVariant value;
        std::optional<QCollatorSortKey> text;
    };
    const Key &keyOf(const QModelIndex &sourceIndex) const;
    void forgetKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    SampleTableModel *m_source;
    QStringList m_words;
    QCollator m_collator;
    mutable QHash<SampleUpload *, Key> m_keys;
    mutable int m_keyColumn = -1;
};

} // namespace SeqDrop
