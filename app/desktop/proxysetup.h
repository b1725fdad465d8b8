#pragma once

#include "net/proxysettings.h"

#include <QObject>

namespace SeqDrop {

class ApiClient;
class KeyStore;

// The proxy of a window's ApiClient: the mode, host, port and user from QSettings, the password
// from the keychain (KeyStore, its own entry), never from or into the settings file.
class ProxySetup : public QObject {
    Q_OBJECT
public:
    explicit ProxySetup(ApiClient *api, QObject *parent = nullptr);

    // Applies the saved settings at once, and again with the password when the keychain has
    // answered (a proxy that asks for it meanwhile is answered on the retry).
    void load();
    // Keeps `settings` (the password in the keychain only) and applies them.
    void save(const ProxySettings &settings);
    // With the password once known.
    const ProxySettings &current() const { return m_settings; }

Q_SIGNALS:
    // Something to tell the user (no keychain: the password lasts for this run only).
    void message(const QString &text);

private:
    ApiClient *m_api;
    KeyStore *m_keys;
    ProxySettings m_settings;
};

} // namespace SeqDrop
