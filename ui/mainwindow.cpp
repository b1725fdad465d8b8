#include "mainwindow.h"

#include "actionavailability.h"
#include "awakelabel.h"
#include "bandwidthbutton.h"
#include "consentbar.h"
#include "desktop/accountlists.h"
#include "desktop/appsettings.h"
#include "desktop/desktopservices.h"
#include "desktop/proxysetup.h"
#include "desktop/session.h"
#include "desktop/sheetprojects.h"
#include "desktop/sleepguard.h"
#include "emptystatewidget.h"
#include "engine/engine.h"
#include "errordetailsdialog.h"
#include "guidancetext.h"
#include "intake/intakejob.h"
#include "intakesummary.h"
#include "journal/queuerestorer.h"
#include "net/apiclient.h"
#include "networkstatuslabel.h"
#include "noticebar.h"
#include "queuecommands.h"
#include "queuestatuswidget.h"
#include "queuesummary.h"
#include "sampleeditorpanel.h"
#include "samplefilterfield.h"
#include "sampletablemodel.h"
#include "sampletableview.h"
#include "sandboxbanner.h"
#include "settingsdialog.h"
#include "sheetbar.h"
#include "signindialog.h"
#include "tageditor.h"
#include "upload/networkretry.h"
#include "upload/queuechecks.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"
#include "windowdialogs.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

// Resources of a static library must be registered by name; outside any namespace (Qt's rule).
static void initSeqDropResources() {
    Q_INIT_RESOURCE(seqdrop);
}

namespace SeqDrop {

MainWindow::MainWindow(std::unique_ptr<DesktopServices> services, const Options &options,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_services(std::move(services))
    , m_api(m_services->engine()->api())
    , m_queue(m_services->engine()->queue())
    , m_checks(m_services->engine()->checks()) // every added file is checked at once
    , m_session(m_services->session())
    , m_actions(new WindowActions(this))
    , m_model(new SampleTableModel(m_queue, this))
    , m_commands(new QueueCommands(m_queue, this)) {
    initSeqDropResources();
    m_model->setChecks(m_checks);
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/seqdrop.svg")));
    buildUi();
    connectActions();
    applySettings();
    connect(proxySetup(), &ProxySetup::message, this,
            [this](const QString &t) { m_notice->showNotice(t); });
    if (options.restoreSession) {
        connect(restorer(), &QueueRestorer::message, this,
                [this](const QString &text) { m_notice->showNotice(text); });
        connect(restorer(), &QueueRestorer::restored, this, [this] {
            updateActions();
            if (!m_intake && !m_waitingPaths.isEmpty())
                addPaths(m_waitingPaths.takeFirst());
        });
        restorer()->restore();
    }
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
    connectEngine();

    if (options.apiUrl.isValid())
        m_session->setServerUrl(options.apiUrl);
    if (options.sandbox)
        m_session->startSandbox();
    else if (options.restoreSession)
        m_session->restore();
    updateAccount();
    if (!options.files.isEmpty())
        addPaths(options.files);
    updateActions();
}

MainWindow::~MainWindow() {
    // The queue deletes its samples as it dies; the model, the view and this half-destroyed
    // window must not react to that, so they let go first.
    m_view->selectionModel()->disconnect(this);
    m_editor->setSamples({});
    delete m_model;
    m_services.reset();
}

NetworkWatcher *MainWindow::networkWatcher() const {
    return m_services->engine()->network();
}

ProxySetup *MainWindow::proxySetup() const {
    return m_services->proxy();
}

QueueRestorer *MainWindow::restorer() const {
    return m_services->restorer();
}

void MainWindow::connectEngine() {
    connect(m_session, &Session::changed, this, [this] {
        updateAccount();
        m_services->sessionChanged();
    });
    connect(m_session, &Session::message, this,
            [this](const QString &text) { m_notice->showNotice(text); });
    AccountLists *lists = m_services->accountLists();
    connect(lists, &AccountLists::projectsLoaded, m_editor, &SampleEditorPanel::setProjects);
    connect(lists, &AccountLists::tagsLoaded, m_editor, &SampleEditorPanel::setKnownTags);
    connect(m_queue, &UploadQueue::sampleFinished, this, [this] { ++m_finishedSinceStart; });
    connect(m_queue, &UploadQueue::idle, this, &MainWindow::onQueueIdle);
    connect(m_queue, &UploadQueue::halted, this, [this](const UploadError &e) {
        m_notice->showNotice(tr("Uploads are paused: %1").arg(e.message), e.detail);
        updateActions();
    });
    connect(m_queue, &UploadQueue::sampleFinished, this, &MainWindow::updateActions);
    connect(m_queue, &UploadQueue::sampleStarted, this, &MainWindow::updateActions);
    connect(m_queue, &UploadQueue::sampleFinished, m_editor, &SampleEditorPanel::refreshState);
    connect(m_queue, &UploadQueue::sampleStarted, m_editor, &SampleEditorPanel::refreshState);
}

void MainWindow::buildUi() {
    m_actions->fillMenuBar(menuBar());
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->fillToolBar(toolbar);

    m_view = new SampleTableView(m_model, m_actions->sampleActions());
    m_filter = new SampleFilterField(m_view->filterModel());
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer); // the filter at the toolbar's far end, where search fields sit
    toolbar->addWidget(m_filter);

    m_empty = new EmptyStateWidget(m_actions);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    m_banner = new SandboxBanner;
    m_notice = new NoticeBar;
    m_consent = new ConsentBar(m_queue, m_checks, m_model);
    m_sheetBar = new SheetBar(m_services->sheetProjects(), m_queue);
    m_nextStep = new QLabel;
    m_nextStep->setObjectName(QStringLiteral("nextStep"));
    m_nextStep->setWordWrap(true);
    m_nextStep->setAccessibleName(tr("Next step"));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_banner);
    leftLayout->addWidget(m_notice);
    leftLayout->addWidget(m_consent);
    leftLayout->addWidget(m_sheetBar);
    leftLayout->addWidget(m_nextStep);
    leftLayout->addWidget(m_stack, 1);

    m_editor = new SampleEditorPanel;
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 340});
    setCentralWidget(splitter);

    m_status = new QueueStatusWidget(m_queue, m_model);
    m_account = new QLabel;
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_networkStatus = new NetworkStatusLabel(networkWatcher(), m_queue);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(new AwakeLabel(m_services->sleepGuard()->inhibitor()));
    statusBar()->addPermanentWidget(new BandwidthButton(m_services->bandwidth()));
    statusBar()->addPermanentWidget(m_networkStatus);
    statusBar()->addPermanentWidget(m_account);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("SeqDrop"));
        m_tray->show();
    }
    resize(1180, 720);
}

void MainWindow::connectActions() {
    WindowActions *a = m_actions;
    connect(a->addFiles, &QAction::triggered, this, [this] {
        if (const QStringList files = WindowDialogs::askFiles(this); !files.isEmpty())
            addPaths(files);
    });
    connect(a->addFolder, &QAction::triggered, this, [this] {
        if (const QStringList folder = WindowDialogs::askFolder(this); !folder.isEmpty())
            addPaths(folder);
    });
    connect(a->applySheet, &QAction::triggered, m_sheetBar, &SheetBar::askAndApply);
    connect(a->exportSheet, &QAction::triggered, m_sheetBar, &SheetBar::askAndExport);
    connect(a->exportResults, &QAction::triggered, this, [this] {
        statusBar()->showMessage(WindowDialogs::exportResults(this, m_queue->samples()), 6000);
    });
    connect(a->saveDiagnostics, &QAction::triggered, this, [this] {
        statusBar()->showMessage(WindowDialogs::saveDiagnostics(this, diagnosticsText()), 8000);
    });
    connect(a->settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->start, &QAction::triggered, this, &MainWindow::startUploads);
    connect(a->pause, &QAction::triggered, this, [this] {
        m_queue->pause();
        updateActions();
    });
    connect(a->cancel, &QAction::triggered, this,
            [this] { report(m_commands->cancel(selectedSamples())); });
    connect(a->cancelAll, &QAction::triggered, this, [this] {
        m_queue->cancelAll();
        updateActions();
    });
    // Retrying is a request to upload now, even after the finished queue paused itself.
    connect(a->retry, &QAction::triggered, this, [this] {
        report(m_commands->retry(selectedSamples()));
        if (m_session->canUpload())
            m_queue->start();
    });
    connect(a->retryFailed, &QAction::triggered, this, [this] {
        report(m_commands->retryAllFailed());
        if (m_session->canUpload())
            m_queue->start();
    });
    connect(a->remove, &QAction::triggered, this,
            [this] { report(m_commands->remove(selectedSamples())); });
    connect(a->clearUploaded, &QAction::triggered, this,
            [this] { report(m_commands->clearUploaded()); });
    connect(a->pair, &QAction::triggered, this,
            [this] { report(m_commands->pair(selectedSamples())); });
    connect(a->split, &QAction::triggered, this,
            [this] { report(m_commands->split(selectedSamples())); });
    connect(a->interleaved, &QAction::triggered, this,
            [this](bool on) { report(m_commands->setInterleaved(selectedSamples(), on)); });
    connect(a->applyDescription, &QAction::triggered, m_editor, &SampleEditorPanel::apply);
    connect(a->errorDetails, &QAction::triggered, this, &MainWindow::showErrorDetails);
    connect(a->selectAll, &QAction::triggered, m_view, &QTableView::selectAll);
    connect(a->focusQueue, &QAction::triggered, this, [this] { m_view->setFocus(); });
    connect(a->filter, &QAction::triggered, this, [this] {
        m_filter->input()->setFocus(Qt::ShortcutFocusReason);
        m_filter->input()->selectAll();
    });
    connect(a->focusEditor, &QAction::triggered, this,
            [this] { m_editor->tagEditor()->input()->setFocus(Qt::ShortcutFocusReason); });
    connect(a->signIn, &QAction::triggered, this, &MainWindow::showSignIn);
    connect(a->signOut, &QAction::triggered, m_session, &Session::signOut);
    connect(a->trySandbox, &QAction::triggered, m_session, &Session::startSandbox);
    connect(a->about, &QAction::triggered, this, [this] { WindowDialogs::about(this); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        SampleUpload *s = m_view->sampleAt(index);
        if (s && s->error().isError())
            showErrorDetails();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    // State changes arrive with the throttled refresh; the actions follow at the same pace.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_consent, &ConsentBar::answered, this, [this](const QString &summary) {
        statusBar()->showMessage(summary, 4000);
        report({});
    });
    connect(m_sheetBar, &SheetBar::answered, this,
            [this](const QString &summary) { statusBar()->showMessage(summary, 4000); });
    connect(m_sheetBar, &SheetBar::addRequested, this, &MainWindow::addPaths);
    connect(m_services->networkRetry(), &NetworkRetry::retried, this, [this](int count) {
        statusBar()->showMessage(
            tr("The network is back: %n failed sample(s) go again.", nullptr, count), 6000);
    });
    connect(m_editor, &SampleEditorPanel::applied, this, [this](int count, int skipped) {
        statusBar()->showMessage(tr("Description applied to %n sample(s).", nullptr, count), 4000);
        if (skipped)
            m_notice->showNotice(tr("%n sample(s) had already started and kept their description.",
                                    nullptr, skipped));
    });
}

void MainWindow::applySettings() {
    m_services->applySettings(m_options.apiUrl.isValid());
}

QList<SampleUpload *> MainWindow::selectedSamples() const {
    return m_view->selectedSamples();
}

void MainWindow::addPaths(const QStringList &paths) {
    // One at a time, after the journal's rows are back: the rows keep the order they came in.
    if (isTakingIn()) {
        m_waitingPaths.append(paths);
        return;
    }
    IntakeOptions options;
    options.findSheet = true; // a run folder's SampleSheet.csv describes its samples
    options.projects = m_services->sheetProjects()->projects();
    m_intake = new IntakeJob(m_queue, paths, options, this);
    connect(m_intake, &IntakeJob::finished, this, &MainWindow::onIntakeFinished);
    m_intake->start();
}

bool MainWindow::isTakingIn() const {
    return m_intake != nullptr || restorer()->isRestoring();
}

void MainWindow::onIntakeFinished() {
    IntakeJob *job = std::exchange(m_intake, nullptr);
    job->deleteLater();
    const SampleIntake::Report report = job->report();
    // A refused file added again was fixed or replaced: its row is checked afresh.
    const QList<SampleUpload *> rechecked = m_checks->recheck(report.duplicates);
    const QString notice = IntakeSummary::text(report, int(rechecked.size()));
    if (!notice.isEmpty())
        m_notice->showNotice(notice, IntakeSummary::details(report, int(rechecked.size())));
    if (!report.added.isEmpty()) {
        statusBar()->showMessage(tr("Added %n sample(s).", nullptr, int(report.added.size())),
                                 4000);
        m_view->selectSamples(report.added); // the next step is describing them
        if (AppSettings::autoStart() && m_session->canUpload())
            m_queue->start();
        m_view->fitNameColumn();
    }
    m_sheetBar->showIntake(report);
    updateActions();
    Q_EMIT intakeFinished(report);
    if (!m_waitingPaths.isEmpty())
        addPaths(m_waitingPaths.takeFirst());
}

void MainWindow::startUploads() {
    if (!m_session->canUpload()) {
        showSignIn();
        if (!m_session->canUpload())
            return;
    }
    // A description typed but not applied would be lost once the samples start.
    if (m_editor->hasChanges()) {
        const QString problem = m_editor->problem();
        if (!problem.isEmpty()) {
            m_notice->showNotice(tr("Fix the description first: %1").arg(problem));
            return;
        }
        m_editor->apply();
    }
    m_finishedSinceStart = 0;
    m_queue->start();
    updateActions();
}

void MainWindow::onQueueIdle() {
    if (!AppSettings::autoStart())
        m_queue->pause(); // files added later wait for Start again, so they can be described
    updateActions();
    if (m_finishedSinceStart == 0)
        return;
    m_finishedSinceStart = 0;
    const QString summary = QueueSummary::text(m_queue);
    m_lastSummary = summary;
    m_notice->showNotice(summary);
    if (m_tray)
        m_tray->showMessage(tr("SeqDrop: uploads finished"), summary,
                            m_queue->countIn(SampleUpload::State::Failed) > 0
                                ? QSystemTrayIcon::Warning
                                : QSystemTrayIcon::Information);
    QApplication::alert(this);
}

void MainWindow::onSelectionChanged() {
    m_editor->setSamples(selectedSamples());
    updateActions();
}

void MainWindow::updateActions() {
    ActionAvailability::apply(m_actions, selectedSamples(), m_queue, m_session);
    const bool any = !m_queue->samples().isEmpty();
    m_stack->setCurrentIndex(any ? 1 : 0);
    m_editor->setVisible(any); // nothing to describe yet: the drop target gets the room

    const QString next = GuidanceText::nextStep(m_queue, m_session);
    m_nextStep->setText(next);
    m_nextStep->setVisible(!next.isEmpty());
}

void MainWindow::updateAccount() {
    setWindowTitle(m_session->isSandbox()
                       ? tr("SeqDrop — local sandbox (nothing is sent to One Codex)")
                       : tr("SeqDrop"));
    m_banner->follow(m_session, m_api->baseUrl());
    m_account->setText(GuidanceText::account(m_session));
    m_networkStatus->refresh(); // a server on this computer needs no network
    m_empty->setSignedIn(m_session->canUpload() ||
                         m_session->mode() == Session::Mode::StartingSandbox);
    m_actions->signIn->setText(m_session->mode() == Session::Mode::SignedIn ? tr("&Change Account…")
                                                                            : tr("&Sign In…"));
    updateActions();
}

void MainWindow::showSignIn() {
    SignInDialog dialog(m_session->serverUrl(), m_services->engine()->networkAccess(), this);
    const int result = dialog.exec();
    if (result == SignInDialog::TrySandbox)
        m_session->startSandbox();
    else if (result == QDialog::Accepted && dialog.isVerified())
        m_session->signIn(dialog.apiKey(), dialog.email());
}

void MainWindow::report(const QString &problem) {
    if (!problem.isEmpty())
        m_notice->showNotice(problem);
    m_model->flush();
    onSelectionChanged(); // the description panel follows what the command changed
}

void MainWindow::showErrorDetails() {
    for (SampleUpload *s : selectedSamples()) {
        if (s->error().isError()) {
            ErrorDetailsDialog(s, this).exec();
            return;
        }
    }
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this, proxySetup());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_options.apiUrl = QUrl(); // the user chose a server: it replaces --api-url
    applySettings();
    m_services->startIfAutomatic();
    updateAccount();
}

QString MainWindow::diagnosticsText() const {
    DiagnosticsReport::Context context = m_services->diagnostics();
    context.session = GuidanceText::account(m_session);
    return DiagnosticsReport::build(context);
}

QString MainWindow::saveDiagnosticsTo(const QString &path) const {
    return DiagnosticsReport::write(path, diagnosticsText());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    if (m_queue->runningCount() == 0 || m_closing) {
        event->accept();
        return;
    }
    if (!WindowDialogs::confirmQuit(this, m_queue->runningCount())) {
        event->ignore();
        return;
    }
    // Cancel properly (the server is told) before quitting, but never wait more than 10 s.
    m_closing = true;
    event->ignore();
    connect(m_queue, &UploadQueue::idle, this, &QWidget::close);
    QTimer::singleShot(10000, this, &QWidget::close);
    m_queue->cancelAll();
}

} // namespace SeqDrop
