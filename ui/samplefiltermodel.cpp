#include "samplefiltermodel.h"

#include "sampletablemodel.h"

namespace SeqDrop {

SampleFilterModel::SampleFilterModel(SampleTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source) {
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(SampleTableModel::SortRole);
    // Connected before the proxy's own connections (made by setSourceModel), so a changed row's
    // key is gone before the proxy places the row again.
    connect(source, &QAbstractItemModel::dataChanged, this, &SampleFilterModel::forgetKeys);
    // A removed sample's address may come back as a new sample's.
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_keys.clear(); });
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keys.clear(); });
    setSourceModel(source);
}

void SampleFilterModel::setFilterText(const QString &text) {
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

SampleUpload *SampleFilterModel::sampleAt(int row) const {
    return m_source->sampleAt(mapToSource(index(row, 0)).row());
}

QItemSelection SampleFilterModel::selectionOf(const QList<SampleUpload *> &samples) const {
    QList<int> rows;
    rows.reserve(samples.size());
    for (SampleUpload *s : samples) {
        const QModelIndex shown = mapFromSource(m_source->index(m_source->rowOf(s), 0));
        if (shown.isValid()) // filtered out: nothing to select
            rows.append(shown.row());
    }
    QItemSelection selection;
    for (const auto &[first, last] : SampleTableModel::rowRuns(rows))
        selection.select(index(first, 0), index(last, columnCount() - 1));
    return selection;
}

bool SampleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (m_words.isEmpty())
        return true;
    QString text;
    for (int column : {SampleTableModel::NameColumn, SampleTableModel::FilesColumn,
                       SampleTableModel::StatusColumn, SampleTableModel::SampleIdColumn,
                       SampleTableModel::ContentColumn})
        text +=
            m_source->index(sourceRow, column, sourceParent).data().toString() + QLatin1Char('\n');
    for (const QString &word : m_words)
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

void SampleFilterModel::forgetKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight) {
    if (m_keys.isEmpty())
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_keys.remove(m_source->sampleAt(row));
}

const SampleFilterModel::Key &SampleFilterModel::keyOf(const QModelIndex &sourceIndex) const {
    if (sourceIndex.column() != m_keyColumn) {
        m_keys.clear();
        m_keyColumn = sourceIndex.column();
    }
    SampleUpload *sample = m_source->sampleAt(sourceIndex.row());
    auto key = m_keys.find(sample);
    if (key == m_keys.end()) {
        Key made;
        made.value = sourceIndex.data(SampleTableModel::SortRole);
        if (made.value.typeId() == QMetaType::QString)
            made.text = m_collator.sortKey(made.value.toString());
        key = m_keys.insert(sample, made);
    }
    return *key;
}

bool SampleFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const Key a = keyOf(left); // copies: making b's key may move a's
    const Key b = keyOf(right);
    const int order = a.text && b.text ? a.text->compare(*b.text)
                      : QVariant::compare(a.value, b.value) == QPartialOrdering::Less    ? -1
                      : QVariant::compare(a.value, b.value) == QPartialOrdering::Greater ? 1
                                                                                         : 0;
    // Equal keys keep the queue's order, also for a row placed again after it changed (which
    // the proxy does by a binary search, not a stable sort): 300 waiting rows do not shuffle.
    return order != 0 ? order < 0 : left.row() < right.row();
}

} // namespace SeqDrop
