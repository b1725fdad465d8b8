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
