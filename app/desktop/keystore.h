#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace QKeychain {
class Job;
}

namespace SeqDrop {

// The API key in the OS keychain (QtKeychain: Secret Service, KWallet, Keychain, Credential
// Manager). Where no keychain service answers (a bare desktop, CI, a container) it falls back
// to keeping the key in memory for this run only and says so: it never writes the key to a
// file. Every call answers through a signal, and within a few seconds: a keychain daemon that
// does not reply must not freeze sign-in.
class KeyStore : public QObject {
    Q_OBJECT
public:
    static constexpr const char *ApiKeyAccount = "one-codex-api-key";
    static constexpr const char *ProxyPasswordAccount = "proxy-password";

    explicit KeyStore(QObject *parent = nullptr);
    // Another secret of SeqDrop's in the same keychain service (the proxy password).
    KeyStore(const QString &account, QObject *parent = nullptr);
    ~KeyStore() override;

    // How long to wait for the keychain before treating it as absent.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // False once the keychain failed to answer; the key then lives in memory only.
    bool isAvailable() const { return m_available; }
    QString unavailableReason() const { return m_reason; }

    void load();                    // -> loaded()
    void store(const QString &key); // -> stored()
    void remove();                  // -> removed()

Q_SIGNALS:
    void loaded(const QString &key); // empty: nothing stored
    // persisted false: kept in memory for this run; `message` says why, in user words.
    void stored(bool persisted, const QString &message);
    void removed();

private:
    void run(QKeychain::Job *job, int op);
    void onJobDone(int op, bool ok, const QString &value, const QString &why);
    void markUnavailable(const QString &why);

    QString m_account;
    QPointer<QKeychain::Job> m_job;
    QTimer m_timeout;
    QString m_memoryKey;
    QString m_reason;
    int m_timeoutMs = 5000;
    int m_pendingOp = -1;
    bool m_available = true;
};

} // namespace SeqDrop
