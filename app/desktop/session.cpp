#include "desktop/session.h"

#include "desktop/keystore.h"
#include "desktop/sandboxlauncher.h"
#include "net/apiclient.h"

#include <QCoreApplication>

namespace SeqDrop {

Session::Session(ApiClient *api, KeyStore *keys, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_keys(keys) {
    connect(m_keys, &KeyStore::loaded, this, [this](const QString &key) {
        if (m_mode != Mode::Checking || m_source != KeySource::None)
            return; // the user did something else meanwhile
        if (key.isEmpty())
            setMode(Mode::SignedOut);
        else
            useKey(key, m_keys->isAvailable() ? KeySource::Keychain : KeySource::Memory);
    });
    connect(m_keys, &KeyStore::stored, this, [this](bool persisted, const QString &why) {
        if (m_source != KeySource::Keychain && m_source != KeySource::Memory)
            return;
        m_source = persisted ? KeySource::Keychain : KeySource::Memory;
        if (!persisted)
            Q_EMIT message(
                tr("No keychain service is available on this computer, so the key is kept "
                   "for this run only: you will be asked again next time. (%1)")
                    .arg(why.trimmed()));
        Q_EMIT changed();
    });
}

void Session::setServerUrl(const QUrl &url) {
    m_serverUrl = url;
    if (!isSandbox())
        m_api->setBaseUrl(serverUrl());
}

QUrl Session::serverUrl() const {
    return m_serverUrl.isEmpty() ? ApiClient::defaultBaseUrl() : m_serverUrl;
}

QString Session::mask(const QString &key) {
    if (key.size() <= 8)
        return QString(key.size(), QChar(0x2022));
    return key.left(4) + QChar(0x2026) + key.right(4);
}

QString Session::maskedKey() const {
    return mask(m_key);
}

void Session::setMode(Mode mode) {
    m_mode = mode;
    Q_EMIT changed();
}

void Session::restore() {
    const QString envKey = qEnvironmentVariable("ONE_CODEX_API_KEY").trimmed();
    if (!envKey.isEmpty()) {
        useKey(envKey, KeySource::Environment);
        return;
    }
    m_source = KeySource::None;
    setMode(Mode::Checking);
    m_keys->load();
}

void Session::useKey(const QString &key, KeySource source) {
    m_key = key;
    m_source = source;
    m_api->setBaseUrl(serverUrl());
    m_api->setApiKey(key);
    setMode(Mode::Checking);
    verify();
}

void Session::verify() {
    ApiJob *job = m_api->account();
    const QString key = m_key;
    connect(job, &NetworkJob::finished, this, [this, job, key] {
        job->deleteLater();
        if (key != m_key || m_mode != Mode::Checking)
            return;
        const UploadError &e = job->error();
        if (e.kind == UploadError::Kind::Auth) {
            const bool fromEnv = m_source == KeySource::Environment;
            m_key.clear();
            m_api->setApiKey({});
            m_source = KeySource::None;
            m_email.clear();
            setMode(Mode::SignedOut);
            Q_EMIT message(fromEnv ? tr("The key in ONE_CODEX_API_KEY was refused by %1. Sign in "
                                        "with a valid key.")
                                         .arg(serverUrl().host())
                                   : tr("The saved API key was refused by %1. Sign in again.")
                                         .arg(serverUrl().host()));
            return;
        }
        // Offline at start-up is not a reason to forget a key: uploads will retry.
        m_email = e.isError() ? QString()
                              : job->json().object().value(QStringLiteral("email")).toString();
        if (e.isError())
            Q_EMIT message(tr("Could not check the account: %1").arg(e.message));
        setMode(Mode::SignedIn);
    });
    job->start();
}

void Session::signIn(const QString &key, const QString &email) {
    if (m_sandbox)
        m_sandbox->stop();
    m_key = key;
    m_email = email;
    m_source = KeySource::Keychain; // until the keychain says otherwise
    m_api->setBaseUrl(serverUrl());
    m_api->setApiKey(key);
    setMode(Mode::SignedIn);
    m_keys->store(key);
}

void Session::signOut() {
    const KeySource was = m_source;
    if (m_sandbox)
        m_sandbox->stop();
    m_key.clear();
    m_email.clear();
    m_source = KeySource::None;
    m_api->setApiKey({});
    m_api->setBaseUrl(serverUrl());
    if (was == KeySource::Keychain || was == KeySource::Memory)
        m_keys->remove();
    if (was == KeySource::Environment)
        Q_EMIT message(
            tr("Signed out. ONE_CODEX_API_KEY is still set in the environment and will be "
               "used next time SeqDrop starts."));
    setMode(Mode::SignedOut);
}

void Session::startSandbox() {
    if (!m_sandbox) {
        m_sandbox = new SandboxLauncher(this);
        connect(m_sandbox, &SandboxLauncher::started, this,
                [this](const QUrl &url, const QString &key) {
                    m_key = key;
                    m_email = tr("local sandbox");
                    m_source = KeySource::Sandbox;
                    m_api->setBaseUrl(url);
                    m_api->setApiKey(key);
                    setMode(Mode::Sandbox);
                });
        connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString &why) {
            m_key.clear();
            m_source = KeySource::None;
            m_api->setApiKey({});
            m_api->setBaseUrl(serverUrl());
            setMode(Mode::SignedOut);
            Q_EMIT message(why);
        });
    }
    m_key.clear();
    m_email.clear();
    m_source = KeySource::None;
    setMode(Mode::StartingSandbox);
    m_sandbox->start();
}

} // namespace SeqDrop
