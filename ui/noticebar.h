#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace SeqDrop {

// A dismissable line above the queue for things the user should read but that need no
// decision: skipped files, refused duplicates, the queue's summary. Not modal, so a drop of a
// run folder never stops at a dialog. The full list is one click away.
class NoticeBar : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showNotice(const QString &text, const QString &details = {});
    QString text() const;
    QString details() const { return m_details; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_more;
    QPushButton *m_close;
    QString m_details;
};

} // namespace SeqDrop
