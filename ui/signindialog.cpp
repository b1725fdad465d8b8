#include "signindialog.h"

#include "desktop/session.h"
#include "net/apiclient.h"
#include "net/urlpolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace SeqDrop {

SignInDialog::SignInDialog(const QUrl &serverUrl, QNetworkAccessManager *nam, QWidget *parent)
    : QDialog(parent)
    , m_api(new ApiClient(nam, this))
    , m_key(new QLineEdit(this))
    , m_check(new QPushButton(tr("&Check key"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Sign in to One Codex"));
    m_api->setBaseUrl(serverUrl);

    auto *intro =
        new QLabel(tr("Paste your One Codex API key. You find it in your account settings "
                      "on the One Codex website. SeqDrop checks it with %1 and keeps it in "
                      "the system keychain.")
                       .arg(serverUrl.toDisplayString()),
                   this);
    intro->setWordWrap(true);
    m_key->setObjectName(QStringLiteral("apiKeyEdit"));
    m_key->setEchoMode(QLineEdit::Password); // never shown in full, not even while typing
    m_key->setAccessibleName(tr("API key"));
    m_key->setPlaceholderText(tr("32 characters"));
    m_check->setAccessibleName(tr("Check the API key"));
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Sign-in status"));

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_check);
    auto *label = new QLabel(tr("API &key:"), this);
    label->setBuddy(m_key);
    auto *form = new QFormLayout;
    form->addRow(label, keyRow);

    QPushButton *sandbox =
        m_buttons->addButton(tr("&Try without an account"), QDialogButtonBox::ResetRole);
    sandbox->setAccessibleName(tr("Try SeqDrop against a local sandbox, without an account"));
    sandbox->setToolTip(tr("Starts a local test server on this computer: nothing leaves it."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    resize(480, sizeHint().height());

    connect(m_check, &QPushButton::clicked, this, &SignInDialog::check);
    connect(m_key, &QLineEdit::returnPressed, this, [this] {
        if (isVerified())
            accept();
        else
            check();
    });
    connect(m_key, &QLineEdit::textEdited, this, [this] {
        // A changed key is an unchecked key.
        m_verifiedKey.clear();
        m_email.clear();
        m_status->clear();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(sandbox, &QPushButton::clicked, this, [this] { done(TrySandbox); });
}

void SignInDialog::setBusy(bool busy) {
    m_check->setEnabled(!busy);
    m_key->setReadOnly(busy);
    if (busy)
        m_status->setText(tr("Checking the key…"));
}

void SignInDialog::check() {
    const QString key = m_key->text().trimmed();
    m_verifiedKey.clear();
    m_email.clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (key.isEmpty()) {
        m_status->setText(tr("Paste your API key first."));
        Q_EMIT checked(false);
        return;
    }
    const QString refusal = UrlPolicy::check(m_api->baseUrl(), tr("server address"));
    if (!refusal.isEmpty()) {
        m_status->setText(refusal);
        Q_EMIT checked(false);
        return;
    }
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    m_api->setApiKey(key);
    ApiJob *job = m_api->account();
    m_job = job;
    connect(job, &NetworkJob::finished, this, [this, job, key] { onAnswer(job, key); });
    setBusy(true);
    job->start();
}

void SignInDialog::onAnswer(ApiJob *job, const QString &key) {
    job->deleteLater();
    setBusy(false);
    const UploadError &e = job->error();
    if (e.kind == UploadError::Kind::Auth) {
        m_status->setText(tr("One Codex refused this key (%1). Check that you copied all of it, "
                             "or create a new key in your account settings.")
                              .arg(Session::mask(key)));
        Q_EMIT checked(false);
        return;
    }
    if (e.isError()) {
        m_status->setText(tr("The key could not be checked: %1").arg(e.message));
        m_status->setToolTip(e.detail);
        Q_EMIT checked(false);
        return;
    }
    m_email = job->json().object().value(QStringLiteral("email")).toString();
    m_verifiedKey = key;
    m_status->setText(tr("Key accepted: this is the account of %1.").arg(m_email));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Ok)->setFocus();
    Q_EMIT checked(true);
}

} // namespace SeqDrop
