#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <mutex>
#include <optional>

class FaultPlan;

// The sandbox's account state: projects, tags, samples and the objects stored
// for them, plus request counters. Shared by all server threads (one mutex)
// and persisted to DATA/state.json after every change, so a restarted sandbox
// still knows its samples.
class SandboxStore {
public:
    static constexpr const char *UserId = "5eed5a9db0c5e001";

    struct StoredObject {
        QString key;
        qint64 size = 0;
        QString md5;
        bool isStored() const { return !key.isEmpty(); }
    };

    struct Sample {
        QString id;
        QString filename;
        QString pairedFilename;
        qint64 size = 0; // for a pair: both files together
        QString status;  // awaiting_data | available | deleted (see publicStatus())
        QString errorMsg;
        QStringList tagIds;
        QString projectId;
        QJsonObject metadata;
        QString externalSampleId;
        bool interleaved = false;
        QString createdAt;
        int uploadCount = 0; // successful storage POSTs for this sample
        StoredObject r1, r2;
        // The multipart route: "multipart" for samples of init_multipart_upload, parts stored
        // for the sample's keys (resends count again) and successful import callbacks.
        QString route = QStringLiteral("form");
        qint64 partsReceived = 0;
        qint64 partsBytes = 0;
        int callbacks = 0;
        // One Codex's import after the confirmation (FaultPlan::importSeconds): when it was
        // confirmed, how long the import takes, and whether it ends failed_validation.
        QString confirmedAt;
        int importSeconds = 0;
        bool failsValidation = false;

        bool isPair() const { return !pairedFilename.isEmpty(); }
        // "user_<uid>/file_<id>/"; R2 of a pair lives under "<prefix>r2/".
        QString keyPrefix() const;
        QString r2Prefix() const { return keyPrefix() + QStringLiteral("r2/"); }
    };

    explicit SandboxStore(const QString &dataDir);
    // Where confirmed samples learn how their import goes (import time, failed validation).
    void setFaultPlan(FaultPlan *faults) { m_faults = faults; }
    // The status a client sees now: an available sample is "importing", then "validating"
    // during its import time, then "available" or "failed_validation".
    static QString publicStatus(const Sample &s, const QDateTime &now);

    QString dataDir() const { return m_dataDir; }
    QString objectsDir() const;
    QString tmpDir() const;

    QJsonArray projectsJson() const;
    bool hasProject(const QString &id) const;
    QJsonArray tagsJson() const;

    // Records the tag names, creates the sample (awaiting_data) and returns it.
    Sample createSample(Sample sample, const QStringList &tagNames);
    std::optional<Sample> sample(const QString &id) const;
    QList<Sample> samples() const; // newest first

    // Which sample and which read (1 or 2) an object key belongs to. Only
    // samples still awaiting data accept objects.
    std::optional<Sample> sampleForKey(const QString &key, int *read) const;
    // Moves tempPath to objects/<key> and records it, unless the sample
    // stopped awaiting data meanwhile (then false and the temp is removed).
    bool commitObject(const QString &sampleId, int read, const QString &tempPath,
                      const StoredObject &object);

    enum class Outcome { Ok, NotFound, Invalid };
    Outcome confirm(const QString &id, QString *message);
    Outcome cancel(const QString &id, QString *message);
    // import_file_from_s3: the sample whose R1 object is `key` becomes available once R1 (and
    // R2 of a pair) are stored; again for an available one (a repeated callback) it is Ok too.
    // Each Ok counts a callback.
    Outcome importObject(const QString &key, QString *sampleId, QString *message);
    // An UploadPart stored for one of the sample's keys.
    void countPart(const QString &sampleId, qint64 bytes);

    void count(const QString &counter);
    QJsonObject countsJson() const;

    QJsonObject sampleJson(const Sample &s) const;      // API shape
    QJsonObject sampleStateJson(const Sample &s) const; // API shape + internals

private:
    // A confirmed sample's import begins: its time and verdict from the fault plan.
    void startImportLocked(Sample &s);
    void loadLocked();
    void saveLocked() const;
    void removeObjectLocked(const StoredObject &object) const;
    QString objectPath(const QString &key) const;

    mutable std::mutex m_mutex;
    FaultPlan *m_faults = nullptr;
    QString m_dataDir;
    QMap<QString, Sample> m_samples;
    QMap<QString, QString> m_tags; // name -> id
    QMap<QString, qint64> m_counts;
};
