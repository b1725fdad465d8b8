#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <mutex>
#include <optional>

// The sandbox S3's own state: multipart uploads and their parts (the ledger tests read from
// /_sandbox/state), the objects of its buckets, and the temporary credentials issued by
// init_multipart_upload. Part bodies live in DATA/multipart/<uploadId>/<n> until Complete
// concatenates them; objects not tied to a sample under DATA/buckets/<bucket>/<key>. Shared by
// all server threads (one mutex) and persisted to DATA/multipart.json after every change, so a
// restarted sandbox still knows the uploads a resuming client lists.
class MultipartStore {
public:
    struct Part {
        int number = 0;
        qint64 size = 0;
        QString md5; // lower-case hex: the part's ETag without quotes
        int timesReceived = 0;
        QString lastModified;
    };

    struct Upload {
        QString bucket, key, uploadId;
        QString state; // open | completed | aborted
        QString sse;
        QString initiated;
        QString sampleId; // the sample whose key this is, if any
        QString etag;     // completed: the object's ETag, quoted
        QMap<int, Part> parts;
        bool isOpen() const { return state == QLatin1String("open"); }
    };

    struct Object {
        QString bucket, key;
        QString path; // where the bytes are
        qint64 size = 0;
        QString md5;  // of the content
        QString etag; // quoted, as S3 answers it
        QString lastModified;
        QString contentType;
    };

    struct Credentials {
        QString accessKeyId, secretAccessKey, sampleId, expires; // expires: ISO date, UTC
    };

    explicit MultipartStore(const QString &dataDir);

    // A fresh file name under DATA/tmp (which the sandbox empties at start).
    QString tempPath() const;
    QString partPath(const QString &uploadId, int number) const;
    // Where an object of `bucket` not tied to a sample lives.
    QString bucketPath(const QString &bucket, const QString &key) const;

    Upload create(const QString &bucket, const QString &key, const QString &sse,
                  const QString &sampleId);
    std::optional<Upload> upload(const QString &uploadId) const;
    // The open uploads of a bucket whose key starts with `prefix`, by key, then initiation.
    QList<Upload> openUploads(const QString &bucket, const QString &prefix) const;
    // Moves tempPath to the part's file and records it (times_received grows on a resend);
    // false (and tempPath removed) when the upload is not open any more.
    bool storePart(const QString &uploadId, const Part &part, const QString &tempPath);
    // open -> aborted, part files removed; false unless it was open.
    bool abort(const QString &uploadId);
    // open -> completed with the object's ETag; part files removed. False unless it was open.
    bool complete(const QString &uploadId, const QString &etag);

    void putObject(const Object &object);
    std::optional<Object> object(const QString &bucket, const QString &key) const;
    bool removeObject(const QString &bucket, const QString &key);
    QList<Object> objects(const QString &bucket, const QString &prefix) const;

    Credentials issueCredentials(const QString &sampleId, const QString &expires);
    std::optional<Credentials> credentials(const QString &accessKeyId) const;

    QJsonArray ledgerJson() const;
    int openUploads() const;

private:
    void loadLocked();
    void saveLocked() const;

    mutable std::mutex m_mutex;
    QString m_dataDir;
    QMap<QString, Upload> m_uploads;
    QMap<QString, Object> m_objects; // "<bucket>/<key>"
    QMap<QString, Credentials> m_credentials;
};
