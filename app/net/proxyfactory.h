#pragma once

#include "net/proxysettings.h"

#include <QNetworkProxyFactory>

namespace SeqDrop {

// Chooses the proxy of each request for one QNetworkAccessManager. Set on the manager itself
// because Qt skips application-wide proxies (QNetworkProxy::setApplicationProxy, the system
// configuration) for localhost and loopback addresses (QGlobalNetworkProxy::proxyForQuery),
// while a manager's own factory is asked for every request. The rules:
// - system: the platform's settings (environment, PAC, ...), loopback always direct;
// - none: direct;
// - manual: through the proxy, except that a server on this computer is reached directly when
//   the proxy is on another one: a remote proxy cannot reach this computer's loopback, and the
//   plain HTTP allowed to loopback would hand it the API key in clear. A proxy on this
//   computer (cntlm, a test) is used for loopback too. HTTPS goes through an HTTP proxy as a
//   CONNECT tunnel, so the proxy never sees the key.
class ProxyFactory : public QNetworkProxyFactory {
public:
    explicit ProxyFactory(const ProxySettings &settings);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    static QList<QNetworkProxy> choose(const ProxySettings &settings,
                                       const QNetworkProxyQuery &query);

private:
    ProxySettings m_settings;
};

} // namespace SeqDrop
