#include "networkwatcher.h"

#include "logging.h"
#include "urlpolicy.h"

namespace SeqDrop {

NetworkWatcher::NetworkWatcher(QObject *parent)
    : QObject(parent) {}

bool NetworkWatcher::isUp(QNetworkInformation::Reachability reachability) {
    // Unknown, Local, Site and Online all let requests try: only a definite "no network"
    // (which is also what a sleeping laptop reports) pauses anything.
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

bool NetworkWatcher::watchSystem() {
    if (qEnvironmentVariable("SEQDROP_NETWORK_WATCH") == QLatin1String("off"))
        return false;
    // One instance per process, shared by every watcher; loading twice is a no-op.
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return false;
    m_backend = info->backendName();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) { setNetworkUp(isUp(r)); });
    setNetworkUp(isUp(info->reachability()));
    return true;
}

void NetworkWatcher::setNetworkUp(bool up) {
    if (up == m_up)
        return;
    m_up = up;
    qCDebug(lcUpload) << (up ? "network is back: uploads go on"
                             : "network is down: no new uploads until it is back");
    Q_EMIT networkChanged(up);
}

bool NetworkWatcher::isOnline(const QUrl &server) const {
    return m_up || (!m_loopbackIsRemote && UrlPolicy::isLoopback(server));
}

} // namespace SeqDrop
