#pragma once

#include <QObject>
#include <QUrl>

namespace SeqDrop {

class ApiClient;
class KeyStore;
class SandboxLauncher;

// Who SeqDrop talks to and as whom: the server address and the API key, from the keychain,
// ONE_CODEX_API_KEY, a sign-in, or a local sandbox. Keeps the key out of settings and logs and
// hands out only a masked form for display.
class Session : public QObject {
    Q_OBJECT
public:
    enum class Mode { SignedOut, Checking, SignedIn, Sandbox, StartingSandbox };
    Q_ENUM(Mode)
    enum class KeySource { None, Environment, Keychain, Memory, Sandbox };
    Q_ENUM(KeySource)

    Session(ApiClient *api, KeyStore *keys, QObject *parent = nullptr);

    // The address used when not in the sandbox (settings or --api-url; empty = default).
    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const;

    // At start-up: ONE_CODEX_API_KEY, else the keychain's key, each checked with /account.
    void restore();
    // After SignInDialog verified `key` (the email is what /account answered).
    void signIn(const QString &key, const QString &email);
    void signOut();
    void startSandbox();

    Mode mode() const { return m_mode; }
    KeySource keySource() const { return m_source; }
    bool isSandbox() const { return m_mode == Mode::Sandbox || m_mode == Mode::StartingSandbox; }
    bool canUpload() const { return m_mode == Mode::SignedIn || m_mode == Mode::Sandbox; }
    QString email() const { return m_email; }
    QString maskedKey() const;
    // Shown to the user; masks the key: "abcd…wxyz".
    static QString mask(const QString &key);

Q_SIGNALS:
    void changed();
    // Something to tell the user (keychain missing, saved key refused, sandbox failed).
    void message(const QString &text);

private:
    void useKey(const QString &key, KeySource source);
    void verify();
    void setMode(Mode mode);

    ApiClient *m_api;
    KeyStore *m_keys;
    SandboxLauncher *m_sandbox = nullptr;
    QUrl m_serverUrl;
    QString m_key;
    QString m_email;
    Mode m_mode = Mode::SignedOut;
    KeySource m_source = KeySource::None;
};

} // namespace SeqDrop
