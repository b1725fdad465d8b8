#include "emptystatewidget.h"

#include "windowactions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace SeqDrop {

EmptyStateWidget::EmptyStateWidget(WindowActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_account(new QLabel(this)) {
    setObjectName(QStringLiteral("emptyState"));
    auto *title = new QLabel(tr("Drop FASTA or FASTQ files, or a whole run folder, here"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    auto *hint = new QLabel(tr("Folders are searched for .fastq, .fq, .fasta, .fa (also .gz). "
                               "R1/R2 files become one paired sample."),
                            this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_account->setAlignment(Qt::AlignCenter);
    m_account->setWordWrap(true);
    m_account->setText(tr("To upload, sign in with your One Codex API key, or try SeqDrop first "
                          "against a local sandbox."));

    auto *files = new QHBoxLayout;
    files->addStretch();
    files->addWidget(button(actions->addFiles));
    files->addWidget(button(actions->addFolder));
    files->addStretch();
    auto *account = new QHBoxLayout;
    account->addStretch();
    m_signIn = button(actions->signIn);
    m_sandbox = button(actions->trySandbox);
    account->addWidget(m_signIn);
    account->addWidget(m_sandbox);
    account->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addLayout(files);
    layout->addSpacing(24);
    layout->addWidget(m_account);
    layout->addLayout(account);
    layout->addStretch();
}

QToolButton *EmptyStateWidget::button(QAction *action) {
    auto *b = new QToolButton(this);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAccessibleName(action->text().remove(QLatin1Char('&')));
    b->setMinimumHeight(b->sizeHint().height() * 3 / 2);
    return b;
}

void EmptyStateWidget::setSignedIn(bool signedIn) {
    m_account->setVisible(!signedIn);
    m_signIn->setVisible(!signedIn);
    m_sandbox->setVisible(!signedIn);
}

} // namespace SeqDrop
