#include "journal/journal.h"

#include "journal/journalschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

namespace SeqDrop {

namespace {

QString now() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Journal::Entry readEntry(const QSqlQuery &q) {
    Journal::Entry e;
    e.id = q.value(0).toLongLong();
    e.origin = q.value(1).toString();
    e.apiUrl = q.value(2).toString();
    e.fingerprint = q.value(3).toString();
    e.spec = SampleSpec::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
    e.state =
        SampleUpload::stateNamed(q.value(5).toString()).value_or(SampleUpload::State::Cancelling);
    e.sampleId = q.value(6).toString();
    e.error = q.value(7).toString();
    e.createdAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    e.updatedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    e.serverStatus = q.value(10).toString();
    e.serverError = q.value(11).toString();
    e.confirmedAt = QDateTime::fromString(q.value(12).toString(), Qt::ISODateWithMs);
    return e;
}

const QString Columns =
    QStringLiteral("id, origin, api_url, fingerprint, spec, state, sample_id, error, created_at, "
                   "updated_at, server_status, server_error, confirmed_at");

} // namespace

bool Journal::Entry::isFinal() const {
    return SampleUpload::isFinalState(state);
}

Journal::Journal()
    : m_connection(QStringLiteral("seqdrop-journal-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

Journal::~Journal() {
    closeDatabase();
}

QString Journal::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                        QStringLiteral("/SeqDrop");
    return dir + QStringLiteral("/journal.sqlite");
}

QString Journal::lastError() const {
    QMutexLocker lock(&m_errorLock);
    return m_lastError;
}

void Journal::setError(const QString &error) const {
    QMutexLocker lock(&m_errorLock);
    m_lastError = error;
}

QString Journal::threadConnection() const {
    if (QThread::currentThread() == m_thread)
        return m_connection;
    return m_connection +
           QStringLiteral("-thread-%1").arg(quintptr(QThread::currentThread()), 0, 16);
}

QSqlDatabase Journal::database() const {
    if (!m_open)
        return {};
    const QString name = threadConnection();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_connection, name);
    // synchronous is the connection's own setting (WAL is the file's): as durable as open()'s.
    if (!db.open() || !QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=FULL")))
        setError(db.lastError().text());
    return db;
}

void Journal::closeThreadConnection() {
    const QString name = threadConnection();
    if (name == m_connection || !QSqlDatabase::contains(name))
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

void Journal::closeDatabase() {
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_open = false;
}

bool Journal::exec(const QString &sql) {
    QSqlQuery q(database());
    if (!q.exec(sql)) {
        setError(q.lastError().text());
        return false;
    }
    return true;
}

bool Journal::openAt(const QString &path) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    m_thread = QThread::currentThread();
    if (!db.open()) {
        setError(db.lastError().text());
        return false;
    }
    m_open = true;
    // A file that is not a database, or a torn one, fails here rather than later.
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok")) {
        m_lastError =
            check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
        return false;
    }
    check.finish(); // an unfinished SELECT holds a transaction open, and WAL cannot be set in one
    // WAL + FULL: a committed transition survives a crash or power loss.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return false;
    return JournalSchema::upgrade(db, &m_lastError);
}

bool Journal::setAside(const QString &why) {
    closeDatabase();
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString aside = m_path + QStringLiteral(".damaged-") + stamp;
    bool moved = QFile::rename(m_path, aside);
    for (const char *suffix : {"-wal", "-shm"})
        QFile::rename(m_path + QLatin1String(suffix), aside + QLatin1String(suffix));
    m_notice = moved
                   ? QStringLiteral(
                         "The upload journal %1 could not be read (%2). It was set aside as %3 and "
                         "a new one started; samples listed only there are not resumed.")
                         .arg(m_path, why, aside)
                   : QStringLiteral("The upload journal %1 could not be read (%2) nor set aside.")
                         .arg(m_path, why);
    return moved;
}

bool Journal::open(const QString &path) {
    m_path = path;
    m_notice.clear();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        setError(QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath()));
        return false;
    }
    if (openAt(path))
        return true;
    if (!setAside(m_lastError))
        return false;
    if (openAt(path))
        return true;
    closeDatabase();
    return false;
}

qint64 Journal::add(const QString &origin, const QString &apiUrl, const SampleSpec &spec) {
    const QList<qint64> ids = add(origin, apiUrl, QList<SampleSpec>{spec});
    return ids.isEmpty() ? 0 : ids.first();
}

QList<qint64> Journal::add(const QString &origin, const QString &apiUrl,
                           const QList<SampleSpec> &specs) {
    if (!m_open || specs.isEmpty())
        return {};
    // One transaction for the lot: synchronous=FULL syncs the disk once per commit, and a run
    // folder of 3,072 files would otherwise wait for 1,536 of them.
    QSqlDatabase db = database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO samples (origin, api_url, fingerprint, spec, state, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)"));
    const QString stamp = now();
    QList<qint64> ids;
    ids.reserve(specs.size());
    for (const SampleSpec &spec : specs) {
        q.addBindValue(origin);
        q.addBindValue(apiUrl);
        q.addBindValue(spec.fingerprint());
        q.addBindValue(
            QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact)));
        q.addBindValue(stamp);
        q.addBindValue(stamp);
        if (!q.exec()) {
            setError(q.lastError().text());
            db.rollback();
            return {};
        }
        ids.append(q.lastInsertId().toLongLong());
    }
    if (!db.commit()) {
        setError(db.lastError().text());
        return {};
    }
    ++m_commits;
    return ids;
}

bool Journal::update(qint64 id, SampleUpload::State state, const QString &sampleId,
                     const QString &error, const QString &apiUrl) {
    if (!m_open)
        return false;
    QSqlQuery q(database());
    // One statement, one commit, one disk sync per transition, the server included when given.
    q.prepare(QStringLiteral("UPDATE samples SET state = ?, sample_id = ?, error = ?, "
                             "updated_at = ?, api_url = COALESCE(?, api_url) WHERE id = ?"));
    q.addBindValue(SampleUpload::stateName(state));
    q.addBindValue(sampleId);
    q.addBindValue(error);
    q.addBindValue(now());
    q.addBindValue(apiUrl.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(apiUrl));
    q.addBindValue(id);
    if (!q.exec()) {
        setError(q.lastError().text());
        return false;
    }
    return true;
}

bool Journal::updateSpec(qint64 id, const SampleSpec &spec, const QString &fingerprint) {
    if (!m_open)
        return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "UPDATE samples SET spec = ?, fingerprint = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(fingerprint);
    q.addBindValue(now());
    q.addBindValue(id);
    return q.exec();
}

bool Journal::beginBatch() {
    return m_open && database().transaction();
}

bool Journal::endBatch() {
    if (!m_open)
        return false;
    QSqlDatabase db = database();
    if (!db.commit()) {
        setError(db.lastError().text());
        db.rollback();
        return false;
    }
    ++m_commits;
    return true;
}

bool Journal::setApiUrl(qint64 id, const QString &apiUrl) {
    if (!m_open)
        return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE samples SET api_url = ? WHERE id = ?"));
    q.addBindValue(apiUrl);
    q.addBindValue(id);
    return q.exec();
}

bool Journal::setServerStatus(qint64 id, const QString &status, const QString &error,
                              const QDateTime &confirmedAt) {
    if (!m_open)
        return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE samples SET server_status = ?, server_error = ?, "
                             "confirmed_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(error);
    q.addBindValue(confirmedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    if (q.exec())
        return true;
    setError(q.lastError().text());
    return false;
}

bool Journal::remove(qint64 id) {
    return remove(QList<qint64>{id});
}

bool Journal::remove(const QList<qint64> &ids) {
    if (!m_open)
        return false;
    if (ids.isEmpty())
        return true;
    QSqlDatabase db = database();
    // The samples and what a resume of them would need, together, in one transaction: a bulk
    // remove (Clear Uploaded, lanes merged) syncs the disk once, not once per row.
    db.transaction();
    QSqlQuery q(db);
    // Ids as IN lists of up to 500 (numbers we made, nothing to escape): one statement per
    // table and chunk instead of one per row.
    for (qsizetype from = 0; from < ids.size(); from += 500) {
        QStringList chunk;
        for (const qint64 id : ids.mid(from, 500))
            chunk << QString::number(id);
        const QString in = chunk.join(QLatin1Char(','));
        for (const char *sql : {"DELETE FROM multipart_parts WHERE entry_id IN (%1)",
                                "DELETE FROM multipart_files WHERE entry_id IN (%1)",
                                "DELETE FROM multipart_samples WHERE entry_id IN (%1)",
                                "DELETE FROM samples WHERE id IN (%1)"}) {
            if (!q.exec(QString::fromLatin1(sql).arg(in))) {
                setError(q.lastError().text());
                db.rollback();
                return false;
            }
        }
    }
    if (!db.commit()) {
        setError(db.lastError().text());
        return false;
    }
    ++m_commits;
    return true;
}

std::optional<Journal::Entry> Journal::latest(const QString &origin, const QString &apiUrl,
                                              const QString &fingerprint) const {
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
                  "SELECT %1 FROM samples WHERE origin = ? AND api_url = ? AND fingerprint = ? "
                  "ORDER BY id DESC LIMIT 1")
                  .arg(Columns));
    q.addBindValue(origin);
    q.addBindValue(apiUrl);
    q.addBindValue(fingerprint);
    if (!q.exec() || !q.next()) {
        setError(q.lastError().text());
        return std::nullopt;
    }
    return readEntry(q);
}

QList<Journal::Entry> Journal::entries(const QString &origin) const {
    QList<Entry> out;
    if (!m_open)
        return out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM samples WHERE origin = ? ORDER BY id").arg(Columns));
    q.addBindValue(origin);
    if (q.exec())
        while (q.next())
            out.append(readEntry(q));
    return out;
}

} // namespace SeqDrop
