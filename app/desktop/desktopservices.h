#pragma once

#include "desktop/diagnosticsreport.h"

#include <QObject>

namespace SeqDrop {

class AccountLists;
class BandwidthControl;
class NetworkRetry;
class ServerStatusWatcher;
class SleepGuard;
class SheetProjects;
class Engine;
class KeyStore;
class ProxySetup;
class QueueRestorer;
class Session;

// What the window drives, built once before it: the engine as the window needs it (origin
// "gui", each added file checked at once, servers that change with sign-in and sandbox, the
// system's network watched from the start), and on top of it what only the window has: who it
// talks to and as whom (Session, the key in the keychain), the proxy of Settings, its queue
// given back after a restart or a crash (QueueRestorer over the engine's CrashResume), and the
// account's projects and tags for the description form.
class DesktopServices : public QObject {
    Q_OBJECT
public:
    explicit DesktopServices(QObject *parent = nullptr);

    Engine *engine() const { return m_engine; }
    Session *session() const { return m_session; }
    ProxySetup *proxy() const { return m_proxy; }
    QueueRestorer *restorer() const { return m_restorer; }
    AccountLists *accountLists() const { return m_accountLists; }
    // The projects dropped sample sheets name, found once the account's list is there.
    SheetProjects *sheetProjects() const { return m_sheetProjects; }
    BandwidthControl *bandwidth() const { return m_bandwidth; }
    // One Codex's verdict on each confirmed sample, asked for up to a day (restored ones too).
    ServerStatusWatcher *serverStatus() const { return m_serverStatus; }
    // Samples that failed for lack of network go again when it is back (Settings' limit).
    NetworkRetry *networkRetry() const { return m_networkRetry; }
    // The computer kept awake while uploads run (Settings turns it off).
    SleepGuard *sleepGuard() const { return m_sleepGuard; }

    // Settings that apply to the engine: parallel uploads, the upload route and parts in flight
    // (for uploads that start from now on), and the saved server unless this run
    // was given one (--api-url) that the user has not replaced in Settings yet.
    void applySettings(bool keepServer);
    // Call when the session changed: once it can upload, settles what the last run left
    // half-way (before anything starts), fetches the account's lists, and starts what waits if
    // Settings say so.
    void sessionChanged();
    // Settings' "start uploads automatically": starts what waits, if the session can upload.
    void startIfAutomatic();
    // What Save Diagnostics… says about the connection, the journal and the queue; the window
    // adds how the session reads to the user.
    DiagnosticsReport::Context diagnostics() const;

private:
    Engine *m_engine;
    ProxySetup *m_proxy;
    KeyStore *m_keys;
    Session *m_session;
    QueueRestorer *m_restorer;
    AccountLists *m_accountLists;
    SheetProjects *m_sheetProjects;
    BandwidthControl *m_bandwidth;
    ServerStatusWatcher *m_serverStatus;
    NetworkRetry *m_networkRetry;
    SleepGuard *m_sleepGuard;
};

} // namespace SeqDrop
