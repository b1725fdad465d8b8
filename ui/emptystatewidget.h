#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace SeqDrop {

class WindowActions;

// What an empty queue shows: where to drop files and the buttons for the next step, so a new
// user is never left with a blank table. The sign-in buttons disappear once signed in.
class EmptyStateWidget : public QWidget {
    Q_OBJECT
public:
    EmptyStateWidget(WindowActions *actions, QWidget *parent = nullptr);

    void setSignedIn(bool signedIn);

private:
    QToolButton *button(QAction *action);

    QLabel *m_account;
    QToolButton *m_signIn;
    QToolButton *m_sandbox;
};

} // namespace SeqDrop
