#include "journal/journalschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace SeqDrop {

namespace {

// Append only: a step, once released, is what journals on users' disks went through.
const QList<QStringList> &steps() {
    static const QList<QStringList> all = {
        // 1 (SeqDrop 0.1): one row per sample and its last state. IF NOT EXISTS: journals
        // written before user_version was set have the table already.
        {QStringLiteral("CREATE TABLE IF NOT EXISTS samples ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " origin TEXT NOT NULL, api_url TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                        " spec TEXT NOT NULL, state TEXT NOT NULL, sample_id TEXT, error TEXT,"
                        " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS samples_by_files"
                        " ON samples(origin, api_url, fingerprint)")},
        // 2 (issue 13): where each multipart sample stands, for a resume part by part
        // (journal/ResumeStore). One row per part, so that a stored part costs one INSERT.
        {QStringLiteral("CREATE TABLE multipart_samples ("
                        " entry_id INTEGER PRIMARY KEY, sample_id TEXT NOT NULL,"
                        " callback_url TEXT NOT NULL, file_id TEXT NOT NULL,"
                        " paired_end_file_id TEXT, s3_bucket TEXT NOT NULL,"
                        " access_key_id TEXT NOT NULL, secret_access_key TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE multipart_files ("
                        " entry_id INTEGER NOT NULL, side INTEGER NOT NULL,"
                        " bucket TEXT NOT NULL, key TEXT NOT NULL, upload_id TEXT,"
                        " part_size INTEGER NOT NULL, file_size INTEGER NOT NULL,"
                        " modified_ms INTEGER NOT NULL, completed INTEGER NOT NULL,"
                        " file_md5 TEXT, PRIMARY KEY (entry_id, side))"),
         QStringLiteral("CREATE TABLE multipart_parts ("
                        " entry_id INTEGER NOT NULL, side INTEGER NOT NULL,"
                        " number INTEGER NOT NULL, size INTEGER NOT NULL, md5 TEXT NOT NULL,"
                        " etag TEXT NOT NULL, PRIMARY KEY (entry_id, side, number))")},
        // 3 (issue 16): One Codex's verdict on a confirmed sample (importing, validating,
        // available, failed_validation and its error_msg), and when it was confirmed: a
        // reopened window asks again for up to a day.
        {QStringLiteral("ALTER TABLE samples ADD COLUMN server_status TEXT"),
         QStringLiteral("ALTER TABLE samples ADD COLUMN server_error TEXT"),
         QStringLiteral("ALTER TABLE samples ADD COLUMN confirmed_at TEXT")},
    };
    return all;
}

} // namespace

int JournalSchema::latestVersion() {
    return int(steps().size());
}

QStringList JournalSchema::step(int version) {
    return version >= 1 && version <= latestVersion() ? steps().at(version - 1) : QStringList();
}

int JournalSchema::version(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool JournalSchema::upgrade(QSqlDatabase &db, QString *error) {
    const int found = version(db);
    if (found < 0) {
        *error = db.lastError().text();
        return false;
    }
    if (found > latestVersion()) {
        *error = QStringLiteral("written by a newer SeqDrop (schema %1)").arg(found);
        return false;
    }
    for (int v = found + 1; v <= latestVersion(); ++v) {
        // One transaction per step, the version bump inside it: a crash mid-upgrade leaves the
        // file at the previous version, and the step runs again on the next start.
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        QStringList statements = step(v);
        statements << QStringLiteral("PRAGMA user_version=%1").arg(v);
        for (const QString &sql : std::as_const(statements)) {
            if (!q.exec(sql)) {
                *error = QStringLiteral("schema step %1: %2").arg(v).arg(q.lastError().text());
                q.finish();
                db.rollback();
                return false;
            }
        }
        q.finish();
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace SeqDrop
