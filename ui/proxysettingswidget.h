#pragma once

#include "net/proxysettings.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace SeqDrop {

// The proxy part of Settings: the system's proxy (default), none, or an HTTP or SOCKS5 proxy
// with host, port, user name and password. Shows and returns a ProxySettings; saving is the
// caller's (ProxySetup keeps the password in the keychain).
class ProxySettingsWidget : public QGroupBox {
    Q_OBJECT
public:
    explicit ProxySettingsWidget(const ProxySettings &settings, QWidget *parent = nullptr);

    ProxySettings settings() const;
    // Empty when the choice is usable; else what to fix (the first field at fault has focus).
    QString check();

    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }

private:
    void updateEnabled();

    QComboBox *m_mode;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
};

} // namespace SeqDrop
