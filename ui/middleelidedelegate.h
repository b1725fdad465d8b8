#pragma once

#include <QStyledItemDelegate>

namespace SeqDrop {

// Elides a cell's text in the middle: instrument file names differ at their end
// ("Plate7-001_S12_L001_R1_001.fastq.gz"), so the start and the sample/lane/read part stay
// visible in a narrow column. The view elides the other columns (the status) at the right.
class MiddleElideDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace SeqDrop
