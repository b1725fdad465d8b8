#include "desktop/proxysetup.h"

#include "desktop/keystore.h"
#include "net/apiclient.h"

namespace SeqDrop {

ProxySetup::ProxySetup(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_keys(new KeyStore(QString::fromLatin1(KeyStore::ProxyPasswordAccount), this)) {
    connect(m_keys, &KeyStore::loaded, this, [this](const QString &password) {
        if (password.isEmpty() || password == m_settings.password)
            return;
        m_settings.password = password;
        m_api->setProxy(m_settings);
    });
    connect(m_keys, &KeyStore::stored, this, [this](bool persisted, const QString &why) {
        if (!persisted)
            Q_EMIT message(tr("No keychain service is available, so the proxy password is kept "
                              "for this run only. (%1)")
                               .arg(why.trimmed()));
    });
}

void ProxySetup::load() {
    m_settings = ProxySettings::load();
    m_api->setProxy(m_settings);
    if (m_settings.isManual() && !m_settings.user.isEmpty())
        m_keys->load();
}

void ProxySetup::save(const ProxySettings &settings) {
    const bool passwordChanged = settings.password != m_settings.password;
    m_settings = settings;
    m_settings.save();
    m_api->setProxy(m_settings);
    if (!passwordChanged)
        return;
    if (settings.password.isEmpty())
        m_keys->remove();
    else
        m_keys->store(settings.password);
}

} // namespace SeqDrop
