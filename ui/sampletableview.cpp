#include "sampletableview.h"

#include "middleelidedelegate.h"
#include "progressdelegate.h"
#include "samplefiltermodel.h"
#include "sampletablemodel.h"

#include <QAction>
#include <QHeaderView>

#include <algorithm>

namespace SeqDrop {

SampleTableView::SampleTableView(SampleTableModel *model, const QList<QAction *> &actions,
                                 QWidget *parent)
    : QTableView(parent)
    , m_filter(new SampleFilterModel(model, this)) {
    setObjectName(QStringLiteral("sampleTable"));
    setAccessibleName(tr("Samples to upload"));
    setModel(m_filter);
    setItemDelegateForColumn(SampleTableModel::ProgressColumn, new ProgressDelegate(this));
    auto *middle = new MiddleElideDelegate(this);
    setItemDelegateForColumn(SampleTableModel::NameColumn, middle);
    setItemDelegateForColumn(SampleTableModel::FilesColumn, middle);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    // Right: a status must start readable ("Failed: Sample05 does not exist…"); the full text
    // is in the tooltip and the details dialog.
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SampleTableModel::StatusColumn, QHeaderView::Stretch);
    // Fits a 1280-pixel screen beside the description panel with the status still readable:
    // the status (stretched) gets what these leave, about 21 em there.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->setMinimumSectionSize(em * 3);
    // Fitting a column to its contents reads this many rows, not a thousand: names in a run
    // folder are alike, and the window fits the name column after every intake.
    header->setResizeContentsPrecision(100);
    header->resizeSection(SampleTableModel::NameColumn, em * 12);
    header->resizeSection(SampleTableModel::FilesColumn, em * 13);
    header->resizeSection(SampleTableModel::SizeColumn, em * 6);
    header->resizeSection(SampleTableModel::ContentColumn, em * 10);
    header->resizeSection(SampleTableModel::ProgressColumn, em * 6);
    header->resizeSection(SampleTableModel::SpeedColumn, em * 6);
    header->resizeSection(SampleTableModel::EtaColumn, em * 6);
    header->resizeSection(SampleTableModel::SampleIdColumn, em * 9);
    // Unsorted at first (the queue's order, which is the upload order); ascending, descending,
    // then unsorted again on the header's clicks.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    setSortingEnabled(true);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *a : actions) {
        if (a) {
            addAction(a);
            continue;
        }
        auto *separator = new QAction(this);
        separator->setSeparator(true);
        addAction(separator);
    }
}

QList<SampleUpload *> SampleTableView::selectedSamples() const {
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<SampleUpload *> result;
    for (int row : std::as_const(rows))
        if (SampleUpload *s = m_filter->sampleAt(row))
            result << s;
    return result;
}

void SampleTableView::selectSamples(const QList<SampleUpload *> &samples) {
    selectionModel()->select(m_filter->selectionOf(samples),
                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void SampleTableView::fitNameColumn() {
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    resizeColumnToContents(SampleTableModel::NameColumn);
    if (columnWidth(SampleTableModel::NameColumn) > em * 16)
        setColumnWidth(SampleTableModel::NameColumn, em * 16);
}

SampleUpload *SampleTableView::sampleAt(const QModelIndex &index) const {
    return index.isValid() ? m_filter->sampleAt(index.row()) : nullptr;
}

} // namespace SeqDrop
