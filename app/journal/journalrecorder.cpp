#include "journal/journalrecorder.h"

#include "journal/journal.h"
#include "net/apiclient.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "util/logging.h"

#include <utility>

namespace SeqDrop {

JournalRecorder::JournalRecorder(Journal *journal, UploadQueue *queue, const QString &origin,
                                 const QString &apiUrl, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_resumes(journal)
    , m_origin(origin)
    , m_apiUrl(apiUrl)
    , m_writer(journal) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &JournalRecorder::writeHeld);
    connect(queue, &UploadQueue::samplesRemoved, this,
            [this](const QList<SampleUpload *> &samples) {
                QList<qint64> ids;
                for (SampleUpload *sample : samples) {
                    sample->setRecordGate(nullptr);
                    if (const qint64 id = forget(sample))
                        ids.append(id);
                }
                if (ids.isEmpty())
                    return;
                m_writer.post([journal = m_journal, ids](QString *why) {
                    if (journal->remove(ids)) // one transaction for the lot
                        return true;
                    *why = QStringLiteral("cannot remove entries: ") + journal->lastError();
                    return false;
                });
            });
    connect(queue, &UploadQueue::samplesAdded, this, &JournalRecorder::trackNew);
}

JournalRecorder::~JournalRecorder() {
    flush();
    for (auto it = m_entries.keyBegin(); it != m_entries.keyEnd(); ++it)
        const_cast<SampleUpload *>(*it)->setRecordGate(nullptr);
}

void JournalRecorder::afterRecorded(QObject *sample, std::function<void()> step) {
    m_writer.whenWritten(m_writer.lastPosted(), sample, std::move(step));
}

void JournalRecorder::trackNew(const QList<SampleUpload *> &added) {
    // Restored samples go on under their entries (or wait, when their restorer says so).
    QList<SampleUpload *> samples;
    QList<SampleSpec> specs;
    for (SampleUpload *sample : added) {
        if (sample->isRecordedLater())
            continue;
        if (sample->journalEntry() > 0) {
            track(sample, sample->journalEntry());
            continue;
        }
        samples.append(sample);
        specs.append(sample->spec());
    }
    if (samples.isEmpty())
        return;
    // Here, not on the writer: the entries' ids are needed now. One transaction.
    const QList<qint64> ids = m_journal->add(m_origin, m_apiUrl, specs);
    if (ids.size() != samples.size()) {
        qCWarning(lcUpload) << "journal: cannot record" << samples.size()
                            << "sample(s):" << m_journal->lastError();
        return;
    }
    for (int i = 0; i < samples.size(); ++i)
        track(samples.at(i), ids.at(i));
}

void JournalRecorder::track(SampleUpload *sample, qint64 existingEntry) {
    if (m_entries.contains(sample))
        return;
    const qint64 id =
        existingEntry ? existingEntry : m_journal->add(m_origin, m_apiUrl, sample->spec());
    if (id == 0) {
        qCWarning(lcUpload) << "journal: cannot record" << sample->spec().displayName()
                            << m_journal->lastError();
        return;
    }
    m_entries.insert(sample, id);
    sample->setRecordGate(this);
    connect(sample, &SampleUpload::stateChanged, this, [this, sample] { record(sample); });
    connect(sample, &SampleUpload::specChanged, this, [this, sample] {
        // Collected and written together: the file checks change the specs of a whole run
        // folder within a second, and one transaction each would sync the disk as often.
        m_pendingSpecs.insert(sample);
        later();
    });
    connect(sample, &SampleUpload::resumePointChanged, this,
            [this, sample] { recordResumePoint(sample); });
    connect(sample, &SampleUpload::serverStatusChanged, this,
            [this, sample] { recordServerStatus(sample); });
    connect(sample, &QObject::destroyed, this, [this, sample] { forget(sample); });
}

qint64 JournalRecorder::forget(SampleUpload *sample) {
    m_pendingSpecs.remove(sample);
    m_pendingEnds.remove(sample);
    return m_entries.take(sample);
}

void JournalRecorder::later() {
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void JournalRecorder::writeHeld() {
    m_flushTimer.stop();
    Pending pending = takePending();
    if (!pending.isEmpty())
        write(std::move(pending));
}

void JournalRecorder::flush() {
    writeHeld();
    m_writer.drain();
}

JournalRecorder::Pending JournalRecorder::takePending() {
    Pending pending;
    const QSet<SampleUpload *> specs = std::exchange(m_pendingSpecs, {});
    for (SampleUpload *sample : specs)
        if (const qint64 entry = m_entries.value(sample))
            pending.specs.append({entry, sample->spec(), sample->queuedFingerprint()});
    const QSet<SampleUpload *> ends = std::exchange(m_pendingEnds, {});
    for (SampleUpload *sample : ends)
        if (const qint64 entry = m_entries.value(sample))
            pending.states.append(stateOf(sample, entry));
    return pending;
}

void JournalRecorder::write(Pending pending) {
    m_writer.post([journal = m_journal, pending = std::move(pending)](QString *why) {
        journal->beginBatch();
        for (const Pending::Spec &s : pending.specs)
            journal->updateSpec(s.id, s.spec, s.fingerprint);
        for (const Pending::State &s : pending.states)
            journal->update(s.id, s.state, s.sampleId, s.error, s.apiUrl);
        if (journal->endBatch())
            return true;
        *why = QStringLiteral("cannot record a transition: ") + journal->lastError();
        return false;
    });
}

void JournalRecorder::recordResumePoint(SampleUpload *sample) {
    const qint64 id = m_entries.value(sample);
    if (id == 0)
        return;
    // m_resumes is the writer's alone from here on: it remembers what it saved.
    m_writer.post([this, id, resume = sample->resumePoint(),
                   name = sample->spec().displayName()](QString *why) {
        if (m_resumes.save(id, resume))
            return true;
        *why = QStringLiteral("cannot record where the upload of %1 stands: %2")
                   .arg(name, m_resumes.lastError());
        return false;
    });
}

void JournalRecorder::recordServerStatus(SampleUpload *sample) {
    const qint64 id = m_entries.value(sample);
    if (id == 0)
        return;
    m_writer.post([journal = m_journal, id, status = sample->serverStatus(),
                   error = sample->serverError(), at = sample->confirmedAt()](QString *why) {
        if (journal->setServerStatus(id, status, error, at))
            return true;
        *why = QStringLiteral("cannot record One Codex's verdict: ") + journal->lastError();
        return false;
    });
}

SampleUpload::State JournalRecorder::recordedState(const SampleUpload *sample) {
    // A failed sample still on the server is recorded as still cancelling: not final, so the
    // next run cancels it (ResumeCleanup) instead of leaving it awaiting data for ever.
    return sample->leftOnServer() ? SampleUpload::State::Cancelling : sample->state();
}

JournalRecorder::Pending::State JournalRecorder::stateOf(const SampleUpload *sample,
                                                         qint64 id) const {
    const QString apiUrl = m_api && sample->state() == SampleUpload::State::Initializing
                               ? m_api->baseUrl().toString()
                               : QString();
    const QString error = sample->error().isError() ? sample->error().toString() : QString();
    return {id, recordedState(sample), sample->sampleId(), error, apiUrl};
}

void JournalRecorder::record(SampleUpload *sample) {
    const qint64 id = m_entries.value(sample);
    if (id == 0)
        return;
    if (SampleUpload::isFinalState(recordedState(sample))) {
        m_pendingEnds.insert(sample);
        later();
        return;
    }
    m_pendingEnds.remove(sample); // retried: what it is now replaces how it ended
    // One transaction, one disk sync: what waited (other samples' ends, descriptions, this
    // sample's description, which it starts with) and this transition.
    Pending pending = takePending();
    pending.states.append(stateOf(sample, id));
    write(std::move(pending));
}

} // namespace SeqDrop
