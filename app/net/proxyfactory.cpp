#include "net/proxyfactory.h"

#include "net/urlpolicy.h"

namespace SeqDrop {

namespace {

bool isLoopbackHost(const QString &host) {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    return UrlPolicy::isLoopback(url);
}

QString peerHost(const QNetworkProxyQuery &query) {
    return query.url().isValid() ? query.url().host() : query.peerHostName();
}

} // namespace

ProxyFactory::ProxyFactory(const ProxySettings &settings)
    : m_settings(settings) {}

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery &query) {
    return choose(m_settings, query);
}

QList<QNetworkProxy> ProxyFactory::choose(const ProxySettings &settings,
                                          const QNetworkProxyQuery &query) {
    const bool local = isLoopbackHost(peerHost(query));
    switch (settings.mode) {
    case ProxySettings::Mode::None:
        break;
    case ProxySettings::Mode::System:
        if (!local)
            return QNetworkProxyFactory::systemProxyForQuery(query);
        break;
    case ProxySettings::Mode::Http:
    case ProxySettings::Mode::Socks5:
        if (!local || isLoopbackHost(settings.host.trimmed()))
            return {settings.manualProxy()};
        break;
    }
    return {QNetworkProxy(QNetworkProxy::NoProxy)};
}

} // namespace SeqDrop
