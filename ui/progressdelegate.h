#pragma once

#include <QStyledItemDelegate>

namespace SeqDrop {

// Paints the progress column as the platform's own progress bar (QStyleOptionProgressBar with
// the view's style), so it follows the system palette, dark mode included.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace SeqDrop
