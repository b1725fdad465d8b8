#include "net/proxysettings.h"

#include <QSettings>

namespace SeqDrop {

QString ProxySettings::modeName(Mode mode) {
    switch (mode) {
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Http:
        return QStringLiteral("http");
    case Mode::Socks5:
        return QStringLiteral("socks5");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

ProxySettings::Mode ProxySettings::modeFromName(const QString &name) {
    for (Mode m : {Mode::None, Mode::Http, Mode::Socks5})
        if (name == modeName(m))
            return m;
    return Mode::System;
}

QString ProxySettings::problem() const {
    if (!isManual())
        return {};
    if (host.trimmed().isEmpty())
        return QStringLiteral("Enter the proxy's host name or address.");
    if (port == 0)
        return QStringLiteral("Enter the proxy's port (1-65535).");
    if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')))
        return QStringLiteral("\"%1\" is not a host name: enter only the name or address, "
                              "without http:// or a path.")
            .arg(host);
    return {};
}

QNetworkProxy ProxySettings::manualProxy() const {
    return QNetworkProxy(mode == Mode::Socks5 ? QNetworkProxy::Socks5Proxy
                                              : QNetworkProxy::HttpProxy,
                         host.trimmed(), port, user, password);
}

QString ProxySettings::describe() const {
    if (!isManual())
        return modeName(mode);
    const QString who = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("%1://%2%3:%4%5")
        .arg(modeName(mode), who, host)
        .arg(port)
        .arg(user.isEmpty() ? QString() : QStringLiteral(" (password in the keychain)"));
}

ProxySettings ProxySettings::load() {
    QSettings s;
    ProxySettings p;
    p.mode = modeFromName(s.value(QStringLiteral("proxy/mode")).toString());
    p.host = s.value(QStringLiteral("proxy/host")).toString();
    p.port = quint16(qBound(0, s.value(QStringLiteral("proxy/port")).toInt(), 65535));
    p.user = s.value(QStringLiteral("proxy/user")).toString();
    return p;
}

void ProxySettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("proxy/mode"), modeName(mode));
    s.setValue(QStringLiteral("proxy/host"), host.trimmed());
    s.setValue(QStringLiteral("proxy/port"), int(port));
    s.setValue(QStringLiteral("proxy/user"), user);
}

} // namespace SeqDrop
