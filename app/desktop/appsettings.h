#pragma once

#include "net/bandwidthschedule.h"
#include "net/transfersettings.h"

#include <QByteArray>
#include <QUrl>

namespace SeqDrop {

// The preferences SeqDrop keeps between runs, over QSettings. Deliberately has no place for
// the API key: that lives in the OS keychain (KeyStore) or nowhere.
class AppSettings {
public:
    static QUrl serverUrl(); // empty: the default (ONE_CODEX_API_BASE or app.onecodex.com)
    static void setServerUrl(const QUrl &url);
    static int maxParallel();
    static void setMaxParallel(int n);
    static bool autoStart();
    static void setAutoStart(bool on);
    // Advanced: how the bytes travel (TransferSettings::route; Auto by default) and, on the
    // multipart route, how many parts go at the same time (1..32, 4 by default).
    static TransferSettings::Route uploadRoute();
    static void setUploadRoute(TransferSettings::Route route);
    static int partsInFlight();
    static void setPartsInFlight(int n);
    static constexpr int MaxPartsInFlight = 32;
    // How often a sample that failed for lack of network goes again by itself when the network
    // is back (NetworkRetry); 0: never.
    static int networkRetries();
    static void setNetworkRetries(int n);
    static constexpr int MaxNetworkRetries = 20;
    // Whether the computer is kept awake while uploads run (SleepGuard); on by default.
    static bool keepAwake();
    static void setKeepAwake(bool on);
    // The upload bandwidth limit and when it applies (uploads/limit/*).
    static BandwidthSchedule bandwidth();
    static void setBandwidth(const BandwidthSchedule &schedule);
    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);
    static QString lastFolder();
    static void setLastFolder(const QString &folder);
};

} // namespace SeqDrop
