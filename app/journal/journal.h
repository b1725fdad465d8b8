#pragma once

#include "samples/samplespec.h"
#include "upload/sampleupload.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <optional>

class QSqlDatabase;
class QThread;

namespace SeqDrop {

// The upload journal: every sample's state transitions, written durably (SQLite through
// QtSql, WAL, synchronous=FULL, each write or batch one transaction) BEFORE the engine acts on
// them, so a killed process or a switched-off PC leaves a record of what exists on the server.
// A damaged journal is set aside (renamed) and a fresh one started, never a crash.
// Its methods may also be called on one other thread, the JournalRecorder's writer, which
// gets a connection of its own (a QtSql connection serves the thread that opened it).
class Journal {
public:
    struct Entry {
        qint64 id = 0;
        QString origin; // "cli" or "gui": each front end resumes its own queue
        QString apiUrl;
        QString fingerprint;
        SampleSpec spec;
        // Stored as SampleUpload::stateName(). A name this SeqDrop does not know (written by a
        // newer one) reads as Cancelling: not final, so the sample is settled on the server
        // before anything is sent again.
        SampleUpload::State state = SampleUpload::State::Queued;
        QString sampleId;
        QString error;
        QDateTime createdAt;
        QDateTime updatedAt;
        // A confirmed sample's verdict on One Codex so far (SampleUpload::serverStatus()).
        QString serverStatus;
        QString serverError;
        QDateTime confirmedAt;

        bool isFinal() const;
    };

    Journal();
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    // <data dir>/journal.sqlite, from QStandardPaths (XDG_DATA_HOME is honoured).
    static QString defaultPath();

    bool open(const QString &path = defaultPath());
    bool isOpen() const { return m_open; }
    const QString &path() const { return m_path; }
    // Set when opening had to set a damaged journal aside: say it to the user.
    const QString &notice() const { return m_notice; }
    QString lastError() const;
    // The calling thread's QtSql connection, for the stores that keep their own tables in this
    // file (ResumeStore): the one open() made, or on another thread one made there for it (and
    // closed by closeThreadConnection()). Invalid while closed.
    QSqlDatabase database() const;
    void closeThreadConnection();

    // Returns the new entry's id, or 0 on failure.
    qint64 add(const QString &origin, const QString &apiUrl, const SampleSpec &spec);
    // A batch in one transaction (an intake, a restore): the new ids in order, or none on failure.
    QList<qint64> add(const QString &origin, const QString &apiUrl, const QList<SampleSpec> &specs);
    // Writes between these two are one transaction (one disk sync): descriptions changed on
    // many samples at once. Without begin, every write is its own transaction.
    bool beginBatch();
    bool endBatch();
    // Batches committed by add() and endBatch() so far: one per intake or per batch of
    // description changes, however many samples it held.
    int batchCommits() const { return m_commits.load(); }
    // `apiUrl`, when given, is the server the sample is being initialised on (the window may
    // change servers between samples), written in the same transaction.
    bool update(qint64 id, SampleUpload::State state, const QString &sampleId,
                const QString &error = {}, const QString &apiUrl = {});
    // `fingerprint` is the files as they were queued, which a new description does not change.
    bool updateSpec(qint64 id, const SampleSpec &spec, const QString &fingerprint);
    // The server a sample was initialised on (the window may change servers between samples).
    bool setApiUrl(qint64 id, const QString &apiUrl);
    bool setServerStatus(qint64 id, const QString &status, const QString &error,
                         const QDateTime &confirmedAt);
    bool remove(qint64 id);
    // Many entries in one transaction (counted in batchCommits()).
    bool remove(const QList<qint64> &ids);
    // The newest entry for these files at this server, if any.
    std::optional<Entry> latest(const QString &origin, const QString &apiUrl,
                                const QString &fingerprint) const;
    QList<Entry> entries(const QString &origin) const;

private:
    bool openAt(const QString &path);
    bool setAside(const QString &why);
    bool exec(const QString &sql);
    void closeDatabase();
    void setError(const QString &error) const;
    QString threadConnection() const;

    QString m_connection;
    QThread *m_thread = nullptr; // where open() ran: m_connection is that thread's
    QString m_path;
    QString m_notice;
    mutable QMutex m_errorLock; // the writer thread reports its errors here too
    mutable QString m_lastError;
    std::atomic<bool> m_open = false;
    std::atomic<int> m_commits = 0;
};

} // namespace SeqDrop
