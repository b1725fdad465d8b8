#include "middleelidedelegate.h"

#include <QApplication>
#include <QStyle>

namespace SeqDrop {

namespace {
// The first characters say which run (a plate, a project), the rest is kept from the end.
constexpr int HeadChars = 6;
} // namespace

void MiddleElideDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    // The text rectangle of a cell: its width less the style's margins on both sides.
    const int margin =
        style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
    const int room = option->rect.width() - 2 * margin;
    const QFontMetrics &fm = option->fontMetrics;
    const QString text = option->text;
    if (room <= 0 || fm.horizontalAdvance(text) <= room)
        return;
    // Qt's ElideMiddle keeps as much of the start as of the end; for instrument names the end
    // ("_S12_L001_R1") is what tells rows apart, so keep a short start and as much end as fits.
    const QString head = text.left(HeadChars) + QChar(0x2026);
    qsizetype keep = text.size() - HeadChars - 1;
    while (keep > 0 && fm.horizontalAdvance(head + text.right(keep)) > room)
        --keep;
    option->text = keep > 0 ? head + text.right(keep) : fm.elidedText(text, Qt::ElideRight, room);
    option->textElideMode = Qt::ElideRight; // a last resort if the style's margins differ
}

} // namespace SeqDrop
