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
    m_specTimer.setSingleShot(true);
    m_specTimer.setInterval(SpecDelayMs);
    connect(&m_specTimer, &QTimer::timeout, this, &JournalRecorder::flushSpecs);
    connect(queue, &UploadQueue::samplesAdded, this, &JournalRecorder::trackNew);
    connect(queue, &UploadQueue::sampleRemoved, this, [this](SampleUpload *sample) {
        const qint64 id = m_entries.take(sample);
        if (id && !m_journal->remove(id))
            qCWarning(lcUpload) << "journal: cannot remove an entry:" << m_journal->lastError();
    });
}

JournalRecorder::~JournalRecorder() {
    flushSpecs();
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
        if (!m_specTimer.isActive())
            m_specTimer.start();
    });
    connect(sample, &SampleUpload::resumePointChanged, this,
            [this, sample] { recordResumePoint(sample); });
    connect(sample, &QObject::destroyed, this, [this, sample] {
        m_entries.remove(sample);
        m_pendingSpecs.remove(sample);
    });
}

void JournalRecorder::flushSpecs() {
    m_specTimer.stop();
    if (m_pendingSpecs.isEmpty())
        return;
    const QSet<SampleUpload *> pending = std::exchange(m_pendingSpecs, {});
    m_journal->beginBatch();
    for (SampleUpload *sample : pending)
        if (const qint64 entry = m_entries.value(sample))
            m_journal->updateSpec(entry, sample->spec(), sample->queuedFingerprint());
    if (!m_journal->endBatch())
        qCWarning(lcUpload) << "journal: cannot record descriptions:" << m_journal->lastError();
}

void JournalRecorder::recordResumePoint(SampleUpload *sample) {
    const qint64 id = m_entries.value(sample);
    if (id == 0)
        return;
    if (!m_resumes.save(id, sample->resumePoint()))
        qCWarning(lcUpload) << "journal: cannot record where the upload of"
                            << sample->spec().displayName() << "stands:" << m_resumes.lastError();
}

void JournalRecorder::record(SampleUpload *sample) {
    const qint64 id = m_entries.value(sample);
    if (id == 0)
        return;
    // A sample that starts goes with the description it starts with.
    if (m_pendingSpecs.contains(sample))
        flushSpecs();
    if (m_api && sample->state() == SampleUpload::State::Initializing)
        m_journal->setApiUrl(id, m_api->baseUrl().toString());
    const QString error = sample->error().isError() ? sample->error().toString() : QString();
    // A failed sample still on the server is recorded as still cancelling: not final, so the
    // next run cancels it (ResumeCleanup) instead of leaving it awaiting data for ever.
    const SampleUpload::State state =
        sample->leftOnServer() ? SampleUpload::State::Cancelling : sample->state();
    if (!m_journal->update(id, state, sample->sampleId(), error))
        qCWarning(lcUpload) << "journal: cannot record a transition:" << m_journal->lastError();
}

} // namespace SeqDrop
