#include "engine/engine.h"

#include "journal/crashresume.h"
#include "journal/journalrecorder.h"
#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "upload/queuechecks.h"
#include "upload/uploadqueue.h"

#include <QNetworkAccessManager>

namespace SeqDrop {

Engine::Engine(const Options &options, QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_api(new ApiClient(m_nam, this))
    , m_queue(new UploadQueue(m_api, this))
    , m_network(new NetworkWatcher(this))
    , m_resume(new CrashResume(m_api, m_queue, options.origin, this)) {
    m_resume->setServerChanges(options.serverChanges);
    if (options.checkOnAdd)
        m_checks = new QueueChecks(m_queue, this);
}

Engine::~Engine() {
    // Descriptions and ends the recorder still holds go to the journal while their samples
    // exist.
    if (JournalRecorder *recorder = m_resume->recorder())
        recorder->flush();
    // The queue deletes its samples as it dies; nothing may react to that any more (a window
    // or a recorder writing a half-destroyed queue into the journal), so it goes first.
    m_queue->disconnect();
    delete m_queue;
}

Journal *Engine::journal() const {
    return m_resume->journal();
}

void Engine::watchNetwork() {
    m_network->watchSystem();
    m_queue->setNetworkWatcher(m_network);
}

JournalRecorder *Engine::recordQueue() {
    return m_resume->recordQueue();
}

} // namespace SeqDrop
