#pragma once

#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace SeqDrop {

class ApiClient;
class CrashResume;
class Journal;
class JournalRecorder;
class NetworkWatcher;
class QueueChecks;
class UploadQueue;

// The composition root: builds, once and in one place, the engine a front end drives, so the
// window and seqdrop-cli run the same assembly (as qBittorrent's Application builds its
// services):
//   network access -> ApiClient -> UploadQueue, with the system's network watch;
//   the journal, its recorder and crash resume (CrashResume) under the front end's origin;
//   QueueChecks when asked for (the window checks each file as it is added; seqdrop-cli checks
//   every input before anything is queued).
// What only the window has (session, key store, proxy settings, its queue restore) is built on
// top of this, in desktop/ (DesktopServices).
class Engine : public QObject {
    Q_OBJECT
public:
    // Each front end records and resumes only its own journal entries.
    static constexpr const char *WindowOrigin = "gui";
    static constexpr const char *CliOrigin = "cli";

    struct Options {
        QString origin; // WindowOrigin or CliOrigin
        // QueueChecks: every sample added is checked at once (names, size, content).
        bool checkOnAdd = false;
        // The front end changes servers while it runs (sign-in, sandbox): each sample records
        // the server it is initialised on.
        bool serverChanges = false;
    };

    explicit Engine(const Options &options, QObject *parent = nullptr);
    ~Engine() override;

    QNetworkAccessManager *networkAccess() const { return m_nam; }
    ApiClient *api() const { return m_api; }
    UploadQueue *queue() const { return m_queue; }
    NetworkWatcher *network() const { return m_network; }
    QueueChecks *checks() const { return m_checks; } // null unless Options::checkOnAdd
    CrashResume *crashResume() const { return m_resume; }
    Journal *journal() const;

    // Follows the system's network from now on: while it is down the queue starts nothing new
    // and running jobs hold their retries. seqdrop-cli asks only when its queue starts, so
    // that its account check fails rather than waits when there is no network.
    void watchNetwork();
    // The queue recorded in the journal from now on (CrashResume::recordQueue).
    JournalRecorder *recordQueue();

private:
    QNetworkAccessManager *m_nam;
    ApiClient *m_api;
    UploadQueue *m_queue;
    NetworkWatcher *m_network;
    CrashResume *m_resume;
    QueueChecks *m_checks = nullptr;
};

} // namespace SeqDrop
