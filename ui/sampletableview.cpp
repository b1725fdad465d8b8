#include "sampletableview.h"

#include "middleelidedelegate.h"
#include "progressdelegate.h"
#include "sampletablemodel.h"

#include <QAction>
#include <QHeaderView>

#include <algorithm>

namespace SeqDrop {

SampleTableView::SampleTableView(SampleTableModel *model, const QList<QAction *> &actions,
                                 QWidget *parent)
    : QTableView(parent)
    , m_model(model) {
    setObjectName(QStringLiteral("sampleTable"));
    setAccessibleName(tr("Samples to upload"));
    setModel(model);
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
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(SampleTableModel::NameColumn, em * 12);
    header->resizeSection(SampleTableModel::FilesColumn, em * 12);
    header->resizeSection(SampleTableModel::SizeColumn, em * 6);
    header->resizeSection(SampleTableModel::ContentColumn, em * 17);
    header->resizeSection(SampleTableModel::ProgressColumn, em * 8);
    header->resizeSection(SampleTableModel::SpeedColumn, em * 7);
    header->resizeSection(SampleTableModel::EtaColumn, em * 7);
    header->resizeSection(SampleTableModel::SampleIdColumn, em * 13);
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
        if (SampleUpload *s = m_model->sampleAt(row))
            result << s;
    return result;
}

} // namespace SeqDrop
