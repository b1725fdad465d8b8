#include "desktop/desktopservices.h"

#include "desktop/accountlists.h"
#include "desktop/appsettings.h"
#include "desktop/bandwidthcontrol.h"
#include "desktop/keystore.h"
#include "desktop/proxysetup.h"
#include "desktop/session.h"
#include "desktop/sheetprojects.h"
#include "desktop/sleepguard.h"
#include "engine/engine.h"
#include "journal/crashresume.h"
#include "journal/journalrecorder.h"
#include "journal/queuerestorer.h"
#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "upload/networkretry.h"
#include "upload/serverstatuswatcher.h"
#include "upload/uploadqueue.h"

namespace SeqDrop {

namespace {

Engine::Options windowEngine() {
    Engine::Options options;
    options.origin = QString::fromLatin1(Engine::WindowOrigin);
    options.checkOnAdd = true;
    options.serverChanges = true;
    return options;
}

} // namespace

DesktopServices::DesktopServices(QObject *parent)
    : QObject(parent)
    , m_engine(new Engine(windowEngine(), this))
    , m_proxy(new ProxySetup(m_engine->api(), this))
    , m_keys(new KeyStore(this))
    , m_session(new Session(m_engine->api(), m_keys, this))
    , m_restorer(new QueueRestorer(m_engine->queue(), m_engine->crashResume(), this))
    , m_accountLists(new AccountLists(m_engine->api(), this))
    , m_sheetProjects(new SheetProjects(m_engine->queue(), m_engine->checks(), this))
    , m_bandwidth(new BandwidthControl(m_engine->api()->bandwidth(), this))
    , m_serverStatus(new ServerStatusWatcher(m_engine->api(), m_engine->queue(), this))
    , m_networkRetry(new NetworkRetry(m_engine->queue(), m_engine->network(), this))
    , m_sleepGuard(new SleepGuard(m_engine->queue(), this)) {
    connect(m_accountLists, &AccountLists::projectsLoaded, m_sheetProjects,
            &SheetProjects::setProjects);
    m_engine->watchNetwork();
    m_proxy->load();
}

void DesktopServices::applySettings(bool keepServer) {
    m_engine->queue()->setMaxParallel(AppSettings::maxParallel());
    // Only the two knobs the window offers: the rest (timeouts, part size) stays as the engine
    // read it from the environment.
    TransferSettings transfer = m_engine->api()->transferSettings();
    transfer.route = AppSettings::uploadRoute();
    transfer.partsInFlight = AppSettings::partsInFlight();
    m_engine->api()->setTransferSettings(transfer);
    m_bandwidth->setSchedule(AppSettings::bandwidth());
    m_networkRetry->setLimit(AppSettings::networkRetries());
    m_sleepGuard->setEnabled(AppSettings::keepAwake());
    if (!keepServer)
        m_session->setServerUrl(AppSettings::serverUrl());
}

void DesktopServices::sessionChanged() {
    if (!m_session->canUpload())
        return;
    m_restorer->tidyUp(); // samples the last run left half-way, before any start
    m_accountLists->load();
    // Files given on the command line wait for the sign-in (or the sandbox) to finish.
    startIfAutomatic();
}

void DesktopServices::startIfAutomatic() {
    UploadQueue *queue = m_engine->queue();
    if (AppSettings::autoStart() && m_session->canUpload() && queue->pendingCount() > 0)
        queue->start();
}

DiagnosticsReport::Context DesktopServices::diagnostics() const {
    const ApiClient *api = m_engine->api();
    const NetworkWatcher *network = m_engine->network();
    DiagnosticsReport::Context context;
    context.server = api->baseUrl().toString();
    context.proxy = api->proxy().describe();
    context.network =
        QStringLiteral("%1 (system backend: %2)")
            .arg(network->isNetworkUp() ? QStringLiteral("up") : QStringLiteral("down"),
                 network->backendName());
    // The journal as the queue stands: ends and descriptions still held are written first.
    if (JournalRecorder *recorder = m_engine->crashResume()->recorder())
        recorder->flush();
    context.journal = m_engine->journal();
    context.queue = DiagnosticsReport::describeQueue(m_engine->queue());
    return context;
}

} // namespace SeqDrop
