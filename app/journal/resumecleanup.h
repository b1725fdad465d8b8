#pragma once

#include "journal/journal.h"
#include "upload/multipartresume.h"

#include <QSet>

#include <QObject>

namespace SeqDrop {

class ApiClient;

// After a run was killed, settles what the journal says was under way: a sample that was
// initialised but not confirmed is cancelled (or found confirmed after all, when the server
// answers "already successful"), and a sample whose init_upload answer never arrived is found
// by OrphanSweep. A multipart sample's open uploads are aborted on S3 first. Nothing is left
// "awaiting data" on the server.
class ResumeCleanup : public QObject {
    Q_OBJECT
public:
    ResumeCleanup(ApiClient *api, Journal *journal, const QList<Journal::Entry> &unfinished,
                  QObject *parent = nullptr);

    void start();
    // Entries whose sample turned out to be confirmed: report them, do not send them again.
    const QList<Journal::Entry> &confirmedAfterAll() const { return m_confirmed; }
    // Entries the server could not be asked about (network down, server unavailable): left
    // as they are in the journal, to be tidied up later; sending them again now could
    // duplicate a sample whose confirmation only lost its answer.
    const QList<Journal::Entry> &unsettled() const { return m_unsettled; }
    const QStringList &problems() const { return m_problems; }

Q_SIGNALS:
    void finished();

private:
    void next();
    void sweep(const Journal::Entry &entry);
    void abortUploads(const Journal::Entry &entry, const MultipartResume &resume);

    ApiClient *m_api;
    Journal *m_journal;
    QList<Journal::Entry> m_pending;
    QList<Journal::Entry> m_confirmed;
    QList<Journal::Entry> m_unsettled;
    QStringList m_problems;
    QSet<qint64> m_aborted; // entries whose multipart uploads were aborted (or tried)
};

} // namespace SeqDrop
