#pragma once

#include "intake/sampleintake.h"
#include "upload/sampleupload.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

class QLabel;
class QStackedWidget;
class QSystemTrayIcon;

namespace SeqDrop {

class ApiClient;
class ConsentBar;
class DesktopServices;
class EmptyStateWidget;
class IntakeJob;
class NetworkStatusLabel;
class NetworkWatcher;
class NoticeBar;
class QueueChecks;
class ProxySetup;
class QueueCommands;
class QueueRestorer;
class QueueStatusWidget;
class SampleEditorPanel;
class SampleFilterField;
class SampleTableModel;
class SampleTableView;
class SampleUpload;
class SandboxBanner;
class SheetBar;
class Session;
class UploadQueue;
class WindowActions;

// The window a technician lives in: the queue on the left, the description of the selected
// samples on the right, the next step always spelled out above the queue. A view: it shows the
// engine it is given (DesktopServices, built by ui/main.cpp) and wires its actions to it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool sandbox = false;
        QUrl apiUrl;       // --api-url; overrides the settings for this run
        QStringList files; // from the command line or "Open with"
        // Pick up where the last run stopped: the saved key, and the queue from the journal
        // (which then records this run's queue). Off in tests that want a fresh window.
        bool restoreSession = true;
    };

    // The window takes `services` over: they end with it (as a crash would end both).
    MainWindow(std::unique_ptr<DesktopServices> services, const Options &options,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Drops, the file dialogs and the command line all come here. The samples go in from the
    // event loop (IntakeJob), batch by batch; intakeFinished() tells what came of the paths.
    // Paths given while an intake runs wait for it.
    void addPaths(const QStringList &paths);
    // An intake runs, or the journal's rows are still coming back.
    bool isTakingIn() const;

    DesktopServices *services() const { return m_services.get(); }
    UploadQueue *queue() const { return m_queue; }
    SampleTableModel *model() const { return m_model; }
    SampleTableView *view() const { return m_view; }
    SampleFilterField *filterField() const { return m_filter; }
    SampleEditorPanel *editor() const { return m_editor; }
    NoticeBar *noticeBar() const { return m_notice; }
    ConsentBar *consentBar() const { return m_consent; }
    SheetBar *sheetBar() const { return m_sheetBar; }
    QueueChecks *checks() const { return m_checks; }
    Session *session() const { return m_session; }
    WindowActions *actions() const { return m_actions; }
    QueueStatusWidget *queueStatus() const { return m_status; }
    NetworkWatcher *networkWatcher() const;
    NetworkStatusLabel *networkStatus() const { return m_networkStatus; }
    ProxySetup *proxySetup() const;
    QueueRestorer *restorer() const;
    // What Help > Save Diagnostics… writes; returns an error sentence or empty.
    QString saveDiagnosticsTo(const QString &path) const;
    QList<SampleUpload *> selectedSamples() const;
    QString lastSummary() const { return m_lastSummary; }

public Q_SLOTS:
    void startUploads();
    void showSignIn();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

Q_SIGNALS:
    void intakeFinished(const SeqDrop::SampleIntake::Report &report);

private:
    void onIntakeFinished();
    void buildUi();
    void connectActions();
    void connectEngine();
    void applySettings();
    void updateActions();
    void updateAccount();
    void onSelectionChanged();
    void onQueueIdle();
    // Shows what a queue command could not do, and refreshes the actions.
    void report(const QString &problem);
    void showErrorDetails();
    void showSettings();
    QString diagnosticsText() const;

    Options m_options;
    std::unique_ptr<DesktopServices> m_services;
    ApiClient *m_api;
    UploadQueue *m_queue;
    QueueChecks *m_checks;
    Session *m_session;
    WindowActions *m_actions;
    SampleTableModel *m_model;
    QueueCommands *m_commands;
    SampleTableView *m_view;
    SampleFilterField *m_filter;
    SampleEditorPanel *m_editor;
    NoticeBar *m_notice;
    ConsentBar *m_consent;
    SheetBar *m_sheetBar;
    SandboxBanner *m_banner;
    QLabel *m_nextStep;
    QLabel *m_account;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QueueStatusWidget *m_status;
    NetworkStatusLabel *m_networkStatus;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastSummary;
    int m_finishedSinceStart = 0;
    IntakeJob *m_intake = nullptr;
    QList<QStringList> m_waitingPaths; // given while an intake ran
    bool m_closing = false;
};

} // namespace SeqDrop
