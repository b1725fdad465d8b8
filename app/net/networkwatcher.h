#pragma once

#include <QNetworkInformation>
#include <QObject>
#include <QUrl>

namespace SeqDrop {

// Whether the network is there, as the operating system tells it (QNetworkInformation, where
// Qt has a backend for the platform: NetworkManager or GLib on Linux, the system's own on
// Windows and macOS). While it is down the queue starts nothing new and running jobs hold their
// retries, so a long outage or a laptop's sleep costs no attempts; when it is back both go on.
// Without a backend SeqDrop relies on retry with backoff alone. GLib's backend needs the GLib
// event loop (the window has it); seqdrop-cli runs Qt's UNIX loop and so follows
// NetworkManager only.
//
// Only "disconnected" counts as down: a backend that reports less than full reachability on a
// network that works (a VPN, an interface NetworkManager does not manage) must not stop
// uploads. A server on this computer (the sandbox) is reachable whatever the network does.
class NetworkWatcher : public QObject {
    Q_OBJECT
public:
    explicit NetworkWatcher(QObject *parent = nullptr);

    // Follows the platform's backend, unless SEQDROP_NETWORK_WATCH=off. False when there is
    // none (then the network always counts as up).
    bool watchSystem();
    // The backend followed, for diagnostics ("networkmanager", "glib", ... or "none").
    QString backendName() const { return m_backend; }

    // What the system said last (or a test: the input that QNetworkInformation gives).
    void setNetworkUp(bool up);
    bool isNetworkUp() const { return m_up; }
    // Whether requests to `server` can go out now.
    bool isOnline(const QUrl &server) const;
    // Tests make the sandbox (on loopback) stand in for a remote server with this.
    void setTreatLoopbackAsRemote(bool remote) { m_loopbackIsRemote = remote; }

    static bool isUp(QNetworkInformation::Reachability reachability);

Q_SIGNALS:
    void networkChanged(bool up);

private:
    static bool hasGlibEventLoop();
    // The system's backend, loaded if need be, when it can report reachability here.
    static QNetworkInformation *loadBackend();

    QString m_backend = QStringLiteral("none");
    bool m_up = true;
    bool m_loopbackIsRemote = false;
};

} // namespace SeqDrop
