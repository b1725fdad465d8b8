#include "net/urlpolicy.h"

#include <QHostAddress>

namespace SeqDrop {

bool UrlPolicy::isLoopback(const QUrl &url) {
    const QString host = url.host();
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString UrlPolicy::check(const QUrl &url, const QString &purpose) {
    if (!url.isValid() || url.host().isEmpty())
        return tr("The %1 \"%2\" is not a valid URL.").arg(purpose, url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopback(url))
        return {};
    if (scheme == QLatin1String("http"))
        return tr("Refusing the %1 %2: plain HTTP is only allowed to this computer "
                  "(localhost). Use an https:// address.")
            .arg(purpose, url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    return tr("The %1 \"%2\" must start with https://.")
        .arg(purpose, url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

bool UrlPolicy::sameOrigin(const QUrl &a, const QUrl &b) {
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace SeqDrop
