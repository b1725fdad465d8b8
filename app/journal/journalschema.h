#pragma once

#include <QString>

class QSqlDatabase;

namespace SeqDrop {

// The journal's tables, as numbered migrations: step N turns a journal of schema N-1 into one
// of schema N, and PRAGMA user_version says which steps a file has had. A release that needs
// a new table or column appends a step and never edits an old one, so a queue written by any
// earlier SeqDrop opens in a later one (tests/engine/tst_journalschema upgrades a journal
// written by each earlier schema). A file from a newer SeqDrop is refused, not downgraded.
class JournalSchema {
public:
    // The schema this SeqDrop writes: the number of steps.
    static int latestVersion();
    // The SQL statements of step `version` (1-based), run in one transaction.
    static QStringList step(int version);
    // Brings `db` to latestVersion(), one transaction per step; false with *error when a step
    // fails (the file keeps the last version it completed) or the file is newer than this code.
    static bool upgrade(QSqlDatabase &db, QString *error);
    // PRAGMA user_version of `db`, or -1 when it cannot be read.
    static int version(QSqlDatabase &db);
};

} // namespace SeqDrop
