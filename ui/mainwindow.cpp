#include "mainwindow.h"

#include "consentbar.h"
#include "desktop/appsettings.h"
#include "desktop/diagnosticsreport.h"
#include "desktop/keystore.h"
#include "desktop/proxysetup.h"
#include "desktop/session.h"
#include "emptystatewidget.h"
#include "errordetailsdialog.h"
#include "guidancetext.h"
#include "intakesummary.h"
#include "journal/queuerestorer.h"
#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "networkstatuslabel.h"
#include "noticebar.h"
#include "queuecommands.h"
#include "queuestatuswidget.h"
#include "sampleeditorpanel.h"
#include "samples/filepairer.h"
#include "samples/projectlist.h"
#include "sampletablemodel.h"
#include "sampletableview.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "tageditor.h"
#include "upload/queuechecks.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"
#include "windowdialogs.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

// Resources of a static library must be registered by name; outside any namespace (Qt's rule).
static void initSeqDropResources() {
    Q_INIT_RESOURCE(seqdrop);
}

namespace SeqDrop {

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
    , m_api(new ApiClient(m_nam, this))
    , m_queue(new UploadQueue(m_api, this))
    , m_network(new NetworkWatcher(this))
    , m_proxy(new ProxySetup(m_api, this))
    , m_keys(new KeyStore(this))
    , m_session(new Session(m_api, m_keys, this))
    , m_actions(new WindowActions(this))
    , m_checks(new QueueChecks(m_queue, this)) // every added file is checked at once
    , m_model(new SampleTableModel(m_queue, this))
    , m_commands(new QueueCommands(m_queue, this)) {
    initSeqDropResources();
    m_model->setChecks(m_checks);
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/seqdrop.svg")));
    m_network->watchSystem();
    m_queue->setNetworkWatcher(m_network);
    m_proxy->load();
    buildUi();
    connectActions();
    applySettings();
    connect(m_proxy, &ProxySetup::message, this,
            [this](const QString &t) { m_notice->showNotice(t); });
    if (options.restoreSession) {
        m_restorer = new QueueRestorer(m_queue, m_api, this);
        connect(m_restorer, &QueueRestorer::message, this,
                [this](const QString &text) { m_notice->showNotice(text); });
        m_restorer->restore();
    }
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());

    connect(m_session, &Session::changed, this, [this] {
        updateAccount();
        if (!m_session->canUpload())
            return;
        if (m_restorer)
            m_restorer->tidyUp(); // samples the last run left half-way, before any start
        loadAccountLists();
        // Files given on the command line wait for the sign-in (or the sandbox) to finish.
        if (AppSettings::autoStart() && m_queue->pendingCount() > 0)
            m_queue->start();
    });
    connect(m_session, &Session::message, this,
            [this](const QString &text) { m_notice->showNotice(text); });
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
    m_queue->disconnect();
    delete m_queue;
}

void MainWindow::buildUi() {
    m_actions->fillMenuBar(menuBar());
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->fillToolBar(toolbar);

    m_view = new SampleTableView(m_model, m_actions->sampleActions());

    m_empty = new EmptyStateWidget(m_actions);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("sandboxBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::Highlight);
    m_banner->setForegroundRole(QPalette::HighlightedText);
    m_banner->hide();
    m_notice = new NoticeBar;
    m_consent = new ConsentBar(m_queue, m_checks, m_model);
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
    m_networkStatus = new NetworkStatusLabel(m_network, m_queue);
    statusBar()->addWidget(m_status, 1);
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
    connect(a->focusEditor, &QAction::triggered, this,
            [this] { m_editor->tagEditor()->input()->setFocus(Qt::ShortcutFocusReason); });
    connect(a->signIn, &QAction::triggered, this, &MainWindow::showSignIn);
    connect(a->signOut, &QAction::triggered, m_session, &Session::signOut);
    connect(a->trySandbox, &QAction::triggered, m_session, &Session::startSandbox);
    connect(a->about, &QAction::triggered, this, [this] { WindowDialogs::about(this); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        SampleUpload *s = m_model->sampleAt(index.row());
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
    connect(m_editor, &SampleEditorPanel::applied, this, [this](int count, int skipped) {
        statusBar()->showMessage(tr("Description applied to %n sample(s).", nullptr, count), 4000);
        if (skipped)
            m_notice->showNotice(tr("%n sample(s) had already started and kept their description.",
                                    nullptr, skipped));
    });
}

void MainWindow::applySettings() {
    m_queue->setMaxParallel(AppSettings::maxParallel());
    if (!m_options.apiUrl.isValid())
        m_session->setServerUrl(AppSettings::serverUrl());
}

QList<SampleUpload *> MainWindow::selectedSamples() const {
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<SampleUpload *> result;
    for (int row : std::as_const(rows))
        if (SampleUpload *s = m_model->sampleAt(row))
            result << s;
    return result;
}

SampleIntake::Report MainWindow::addPaths(const QStringList &paths) {
    const SampleIntake::Report report = SampleIntake(m_queue).add(paths, IntakeOptions());
    // A refused file added again was fixed or replaced: its row is checked afresh.
    const QList<SampleUpload *> rechecked = m_checks->recheck(report.duplicates);
    const QString notice = IntakeSummary::text(report, int(rechecked.size()));
    if (!notice.isEmpty())
        m_notice->showNotice(notice, IntakeSummary::details(report, int(rechecked.size())));
    if (!report.added.isEmpty()) {
        statusBar()->showMessage(tr("Added %n sample(s).", nullptr, int(report.added.size())),
                                 4000);
        // Select what was just added: the next step is describing it.
        m_view->clearSelection();
        for (SampleUpload *s : report.added)
            m_view->selectionModel()->select(m_model->index(m_model->rowOf(s), 0),
                                             QItemSelectionModel::Select |
                                                 QItemSelectionModel::Rows);
        if (AppSettings::autoStart() && m_session->canUpload())
            m_queue->start();
        // Fit the sample names once per addition (cheap: Qt samples at most 1000 rows), within
        // reason.
        const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
        m_view->resizeColumnToContents(SampleTableModel::NameColumn);
        if (m_view->columnWidth(SampleTableModel::NameColumn) > em * 16)
            m_view->setColumnWidth(SampleTableModel::NameColumn, em * 16);
    }
    updateActions();
    return report;
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
    using S = SampleUpload::State;
    const int done = m_queue->countIn(S::Confirmed);
    const int failed = m_queue->countIn(S::Failed);
    const int cancelled = m_queue->countIn(S::Cancelled);
    QString summary = tr("Queue finished: %n sample(s) uploaded", nullptr, done);
    if (failed)
        summary += tr(", %n failed (select a row and press Ctrl+R to retry)", nullptr, failed);
    if (cancelled)
        summary += tr(", %n cancelled", nullptr, cancelled);
    summary += tr(". File > Export Results… (Ctrl+E) saves the sample IDs.");
    m_lastSummary = summary;
    m_notice->showNotice(summary);
    if (m_tray)
        m_tray->showMessage(tr("SeqDrop: uploads finished"), summary,
                            failed ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    QApplication::alert(this);
}

void MainWindow::onSelectionChanged() {
    m_editor->setSamples(selectedSamples());
    updateActions();
}

void MainWindow::updateActions() {
    const QList<SampleUpload *> selected = selectedSamples();
    int editable = 0, running = 0, retryable = 0, pairs = 0, singles = 0, failed = 0;
    for (SampleUpload *s : selected) {
        editable += s->isEditable() ? 1 : 0;
        running += s->isRunning() ? 1 : 0;
        retryable += s->state() == SampleUpload::State::Failed ||
                             s->state() == SampleUpload::State::Cancelled
                         ? 1
                         : 0;
        pairs += s->spec().isPair() && s->isEditable() ? 1 : 0;
        singles += !s->spec().isPair() && s->isEditable() ? 1 : 0;
        failed += s->error().isError() ? 1 : 0;
    }
    const int total = int(m_queue->samples().size());
    const int waiting = m_queue->pendingCount();
    const bool paused = m_queue->isPaused();
    WindowActions *a = m_actions;
    a->start->setEnabled(waiting > 0 && (paused || !m_session->canUpload()));
    a->pause->setEnabled(!paused);
    a->cancel->setEnabled(std::any_of(selected.begin(), selected.end(),
                                      [](SampleUpload *s) { return !s->isFinished(); }));
    a->cancelAll->setEnabled(m_queue->runningCount() + waiting > 0);
    a->retry->setEnabled(retryable > 0);
    a->retryFailed->setEnabled(m_queue->countIn(SampleUpload::State::Failed) > 0);
    a->remove->setEnabled(int(selected.size()) > running);
    a->clearUploaded->setEnabled(m_queue->countIn(SampleUpload::State::Confirmed) > 0);
    a->pair->setEnabled(selected.size() == 2 && singles == 2);
    a->split->setEnabled(pairs > 0);
    a->interleaved->setEnabled(singles > 0 && pairs == 0);
    a->interleaved->setChecked(singles > 0 &&
                               std::all_of(selected.begin(), selected.end(),
                                           [](SampleUpload *s) { return s->spec().interleaved; }));
    a->errorDetails->setEnabled(failed > 0);
    a->exportResults->setEnabled(total > 0);
    a->signOut->setEnabled(m_session->mode() != Session::Mode::SignedOut);
    m_stack->setCurrentIndex(total > 0 ? 1 : 0);
    m_editor->setVisible(total > 0); // nothing to describe yet: the drop target gets the room

    const QString next = GuidanceText::nextStep(m_queue, m_session);
    m_nextStep->setText(next);
    m_nextStep->setVisible(!next.isEmpty());
}

void MainWindow::updateAccount() {
    const bool sandbox = m_session->isSandbox();
    setWindowTitle(sandbox ? tr("SeqDrop — local sandbox (nothing is sent to One Codex)")
                           : tr("SeqDrop"));
    m_banner->setVisible(sandbox);
    m_banner->setText(GuidanceText::sandboxBanner(m_session, m_api->baseUrl()));
    m_account->setText(GuidanceText::account(m_session));
    m_networkStatus->refresh(); // a server on this computer needs no network
    m_empty->setSignedIn(m_session->canUpload() ||
                         m_session->mode() == Session::Mode::StartingSandbox);
    m_actions->signIn->setText(m_session->mode() == Session::Mode::SignedIn ? tr("&Change Account…")
                                                                            : tr("&Sign In…"));
    updateActions();
}

void MainWindow::loadAccountLists() {
    ApiJob *projects = m_api->projects();
    connect(projects, &NetworkJob::finished, this, [this, projects] {
        projects->deleteLater();
        if (!projects->error().isError())
            m_editor->setProjects(ProjectList::parse(projects->json()));
    });
    projects->start();
    ApiJob *tags = m_api->tags();
    connect(tags, &NetworkJob::finished, this, [this, tags] {
        tags->deleteLater();
        if (tags->error().isError())
            return;
        QStringList names;
        for (const QJsonValue &v : tags->json().array())
            names << v.toObject().value(QStringLiteral("name")).toString();
        names.removeDuplicates();
        names.sort(Qt::CaseInsensitive);
        m_editor->setKnownTags(names);
    });
    tags->start();
}

void MainWindow::showSignIn() {
    SignInDialog dialog(m_session->serverUrl(), m_nam, this);
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
    SettingsDialog dialog(this, m_proxy);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_options.apiUrl = QUrl(); // the user chose a server: it replaces --api-url
    applySettings();
    if (AppSettings::autoStart() && m_session->canUpload() && m_queue->pendingCount() > 0)
        m_queue->start();
    updateAccount();
}

QString MainWindow::diagnosticsText() const {
    DiagnosticsReport::Context context;
    context.server = m_api->baseUrl().toString();
    context.session = GuidanceText::account(m_session);
    context.proxy = m_api->proxy().describe();
    context.network =
        QStringLiteral("%1 (system backend: %2)")
            .arg(m_network->isNetworkUp() ? QStringLiteral("up") : QStringLiteral("down"),
                 m_network->backendName());
    context.journal = m_restorer ? m_restorer->journal() : nullptr;
    context.queue = DiagnosticsReport::describeQueue(m_queue);
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
    const auto answer = QMessageBox::question(this, tr("Uploads are running"),
                                              tr("%n upload(s) are still running. Quit and cancel "
                                                 "them? Cancelled samples are removed from "
                                                 "One Codex; you can upload them again later.",
                                                 nullptr, m_queue->runningCount()),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
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
