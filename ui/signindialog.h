#pragma once

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace SeqDrop {

class ApiClient;
class ApiJob;

// Takes an API key and proves it with GET /api/v1/account before anything is stored: OK is
// only possible once the server answered with the account's email. Also offers the way out for
// someone without an account: trying SeqDrop against a local sandbox.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    enum Result { TrySandbox = 2 };

    SignInDialog(const QUrl &serverUrl, QNetworkAccessManager *nam, QWidget *parent = nullptr);

    QString apiKey() const { return m_verifiedKey; }
    QString email() const { return m_email; }
    bool isVerified() const { return !m_verifiedKey.isEmpty(); }

    QLineEdit *keyEdit() const { return m_key; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *checkButton() const { return m_check; }

public Q_SLOTS:
    void check();

Q_SIGNALS:
    // After each check; tests and the window wait on it.
    void checked(bool ok);

private:
    void onAnswer(ApiJob *job, const QString &key);
    void setBusy(bool busy);

    ApiClient *m_api;
    QLineEdit *m_key;
    QPushButton *m_check;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPointer<ApiJob> m_job;
    QString m_verifiedKey;
    QString m_email;
};

} // namespace SeqDrop
