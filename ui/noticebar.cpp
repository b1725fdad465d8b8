#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>

namespace SeqDrop {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_more(new QPushButton(tr("Show list"), this))
    , m_close(new QPushButton(tr("Dismiss"), this)) {
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's tooltip colours set it apart from the table in light and dark themes alike.
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Notice"));
    m_more->setAccessibleName(tr("Show the full list"));
    m_close->setAccessibleName(tr("Dismiss the notice"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_more);
    layout->addWidget(m_close);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_more, &QPushButton::clicked, this, [this] {
        QMessageBox box(QMessageBox::Information, tr("Details"), m_text->text(), QMessageBox::Close,
                        this);
        box.setDetailedText(m_details);
        box.exec();
    });
    hide();
}

void NoticeBar::showNotice(const QString &text, const QString &details) {
    m_text->setText(text);
    m_details = details;
    m_more->setVisible(!details.isEmpty());
    show();
}

QString NoticeBar::text() const {
    return m_text->text();
}

} // namespace SeqDrop
