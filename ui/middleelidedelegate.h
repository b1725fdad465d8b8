#pragma once

#include <QStyledItemDelegate>

namespace SeqDrop {

// Elides a cell's text in the middle, keeping a short start and as much of the end as fits:
// instrument names differ at their end ("Plate7-001_S12_L001_R1"), so the sample/lane/read
// part stays visible in a narrow column ("Plate7…S12_L001_R1/2"). The view elides the other
// columns (the status) at the right.
class MiddleElideDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace SeqDrop
