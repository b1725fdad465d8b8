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
    , m_apiUrl(apiUrl) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &JournalRecorder::flush);
    connect(queue, &UploadQueue::samplesAdded, this, &JournalRecorder::trackNew);
    connect(
        queue, &UploadQueue::samplesRemoved, this, [this](const QList<SampleUpload *> &samples) {
            QList<qint64> ids;
            for (SampleUpload *sample : samples)
                if (const qint64 id = forget(sample))
                    ids.append(id);
            if (!m_journal->remove(ids)) // one transaction for the lot
                qCWarning(lcUpload) << "journal: cannot remove entries:" << m_journal->lastError();
        });
}

JournalRecorder::~JournalRecorder() {
    flush();
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
    const QList<qint64> ids = m_journal->add(m_origin, m_apiUrl, specs); // one transaction
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
    connect(sample, &SampleUpload::stateChanged, this, [this, sample] { record(sample); });
    connect(sample, &SampleUpload::specChanged, this, [this, sample] {
        // Collected and written together: the file checks change the specs of a whole run
        // folder within a second, and one transaction each would sync the disk as often.
        m_pendingSpecs.insert(sample);
        later();
    });
    connect(sample, &SampleUpload::resumePointChanged, this,
            [this, sample] { recordResumePoint(sample); });
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

void JournalRecorder::flush() {
    m_flushTimer.stop();
    if (m_pendingSpecs.isEmpty() && m_pendingEnds.isEmpty())
        return;
    m_journal->beginBatch();
    writePending();
    if (!m_journal->endBatch())
        qCWarning(lcUpload) << "journal: cannot record descriptions:" << m_journal->lastError();
}

void JournalRecorder::writePending() {
    const QSet<SampleUpload *> specs = std::exchange(m_pendingSpecs, {});
    for (SampleUpload *sample : specs)
        if (const qint64 entry = m_entries.value(sample))
            m_journal->updateSpec(entry, sample->spec(), sample->queuedFingerprint());
    const QSet<SampleUpload *> ends = std::exchange(m_pendingEnds, {});
    for (SampleUpload *sample : ends)
        if (const qint64 entry = m_entries.value(sample))
            writeState(sample, entry);
}

void JournalRecorder::recordResumePoint(SampleUpload *sample) {
    const qint64 id = m_entries.value(sample);
    if (id == 0)
        return;
    if (!m_resumes.save(id, sample->resumePoint()))
        qCWarning(lcUpload) << "journal: cannot record where the upload of"
                            << sample->spec().displayName() << "stands:" << m_resumes.lastError();
}

SampleUpload::State JournalRecorder::recordedState(const SampleUpload *sample) {
    // A failed sample still on the server is recorded as still cancelling: not final, so the
    // next run cancels it (ResumeCleanup) instead of leaving it awaiting data for ever.
    return sample->leftOnServer() ? SampleUpload::State::Cancelling : sample->state();
}

bool JournalRecorder::writeState(SampleUpload *sample, qint64 id) {
    const QString apiUrl = m_api && sample->state() == SampleUpload::State::Initializing
                               ? m_api->baseUrl().toString()
                               : QString();
    const QString error = sample->error().isError() ? sample->error().toString() : QString();
    if (m_journal->update(id, recordedState(sample), sample->sampleId(), error, apiUrl))
        return true;
    qCWarning(lcUpload) << "journal: cannot record a transition:" << m_journal->lastError();
    return false;
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
    m_journal->beginBatch();
    writePending();
    writeState(sample, id);
    if (!m_journal->endBatch())
        qCWarning(lcUpload) << "journal: cannot record a transition:" << m_journal->lastError();
}

} // namespace SeqDrop
