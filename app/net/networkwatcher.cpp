#include "net/networkwatcher.h"

#include "net/urlpolicy.h"
#include "util/logging.h"

#include <QAbstractEventDispatcher>

namespace SeqDrop {

NetworkWatcher::NetworkWatcher(QObject *parent)
    : QObject(parent) {}

bool NetworkWatcher::isUp(QNetworkInformation::Reachability reachability) {
    // Unknown, Local, Site and Online all let requests try: only a definite "no network"
    // (which is also what a sleeping laptop reports) pauses anything.
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

bool NetworkWatcher::hasGlibEventLoop() {
    const QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    return dispatcher && dispatcher->inherits("QEventDispatcherGlib");
}

QNetworkInformation *NetworkWatcher::loadBackend() {
    // GIO reports changes through the GLib main loop: under Qt's UNIX loop (seqdrop-cli) they
    // would never arrive, and a start while offline would wait forever.
    const bool glibLoop = hasGlibEventLoop();
    const auto usable = [glibLoop]() -> QNetworkInformation * {
        QNetworkInformation *info = QNetworkInformation::instance();
        const bool ok = info && info->supports(QNetworkInformation::Feature::Reachability) &&
                        (glibLoop || info->backendName() != QLatin1String("glib"));
        return ok ? info : nullptr;
    };
    // One instance per process, shared by every watcher; loading twice is a no-op.
    if (QNetworkInformation::instance() || QNetworkInformation::loadDefaultBackend())
        return usable();
    const QStringList names = QNetworkInformation::availableBackends();
    for (const QString &name : names) {
        if (name == QLatin1String("glib") && !glibLoop)
            continue;
        if (QNetworkInformation::loadBackendByName(name))
            return usable();
    }
    return nullptr;
}

bool NetworkWatcher::watchSystem() {
    if (qEnvironmentVariable("SEQDROP_NETWORK_WATCH") == QLatin1String("off"))
        return false;
    QNetworkInformation *info = loadBackend();
    if (!info) {
        qCDebug(lcUpload) << "network watch: no backend; retries alone ride out outages";
        return false;
    }
    qCDebug(lcUpload) << "network watch: backend" << info->backendName();
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
