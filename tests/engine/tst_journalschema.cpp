// The journal's numbered migrations: a journal written by each earlier schema (and by the
// 0.1 release, byte for byte as it wrote it) opens with its samples intact and typed, at the
// latest version; one from a newer SeqDrop is set aside, never half-read.
#include "journal/journal.h"
#include "journal/journalschema.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;

namespace {

// A raw connection to a journal file, as an earlier SeqDrop (or a test) would write it.
class RawJournal {
public:
    explicit RawJournal(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawJournal() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }
    bool exec(const QString &sql) {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql) {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_ok = false;
};

// A row as SeqDrop 0.1 inserted it (Journal::add, then Journal::update).
QString row01(const QString &state, const QString &file, const QString &sampleId) {
    return QStringLiteral(
               "INSERT INTO samples (origin, api_url, fingerprint, spec, state, sample_id, "
               "error, created_at, updated_at) VALUES ('cli', 'http://127.0.0.1:1', 'fp-%2', "
               "'{\"file\":\"%2\",\"interleaved\":false,\"metadata\":{\"platform\":\"Illumina "
               "MiSeq\"},\"more_lanes\":[],\"more_paired_lanes\":[],\"paired_file\":\"\","
               "\"paired_upload_name\":\"\",\"project_id\":\"\",\"tags\":[\"soil\"],"
               "\"upload_name\":\"\",\"validate_while_uploading\":false}', '%1', '%3', '', "
               "'2026-11-20T10:00:00.000Z', '2026-11-20T10:05:00.000Z')")
        .arg(state, file, sampleId);
}

} // namespace

class TestJournalSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stepsAreNumberedFromOne();
    void upgradesEachEarlierSchema_data();
    void upgradesEachEarlierSchema();
    void opensAJournalWrittenBySeqDrop01();
    void unknownStateIsSettledNotTrusted();
    void newerJournalIsSetAside();
};

void TestJournalSchema::stepsAreNumberedFromOne() {
    QVERIFY(JournalSchema::latestVersion() >= 1);
    for (int v = 1; v <= JournalSchema::latestVersion(); ++v)
        QVERIFY2(!JournalSchema::step(v).isEmpty(), qPrintable(QString::number(v)));
    QVERIFY(JournalSchema::step(0).isEmpty());
    QVERIFY(JournalSchema::step(JournalSchema::latestVersion() + 1).isEmpty());
}

void TestJournalSchema::upgradesEachEarlierSchema_data() {
    QTest::addColumn<int>("from");
    for (int v = 0; v < JournalSchema::latestVersion(); ++v)
        QTest::addRow("schema %d", v) << v;
}

void TestJournalSchema::upgradesEachEarlierSchema() {
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        // The file as the SeqDrop of schema `from` left it: its steps, its version, a sample.
        RawJournal raw(path);
        QVERIFY(raw.isOpen());
        for (int v = 1; v <= from; ++v)
            for (const QString &sql : JournalSchema::step(v))
                QVERIFY(raw.exec(sql));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=%1").arg(from)));
        if (from >= 1)
            QVERIFY(raw.exec(row01(QStringLiteral("confirmed"), QStringLiteral("/r/a.fq"),
                                   QStringLiteral("00000000000000a1"))));
    }
    Journal journal;
    QVERIFY2(journal.open(path), qPrintable(journal.lastError()));
    QVERIFY2(journal.notice().isEmpty(), qPrintable(journal.notice())); // upgraded, not set aside
    const QList<Journal::Entry> entries = journal.entries(QStringLiteral("cli"));
    QCOMPARE(entries.size(), from >= 1 ? 1 : 0);
    if (from >= 1) {
        QCOMPARE(entries.first().state, State::Confirmed);
        QCOMPARE(entries.first().sampleId, QStringLiteral("00000000000000a1"));
    }
    // The upgraded file takes new samples, and says it is at the latest schema.
    SampleSpec spec;
    spec.file = dir.filePath(QStringLiteral("b.fq"));
    QVERIFY(journal.add(QStringLiteral("cli"), QStringLiteral("x"), spec) > 0);
    RawJournal check(path);
    QCOMPARE(check.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
             JournalSchema::latestVersion());
}

void TestJournalSchema::opensAJournalWrittenBySeqDrop01() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        // Exactly what SeqDrop 0.1 executed on a new file (frozen here on purpose: the
        // migration list may change how step 1 is written, but never what 0.1 wrote).
        RawJournal raw(path);
        QVERIFY(raw.isOpen());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS samples ( id INTEGER PRIMARY KEY AUTOINCREMENT, origin "
            "TEXT NOT NULL, api_url TEXT NOT NULL, fingerprint TEXT NOT NULL, spec TEXT NOT NULL, "
            "state TEXT NOT NULL, sample_id TEXT, error TEXT, created_at TEXT NOT NULL, "
            "updated_at TEXT NOT NULL)")));
        QVERIFY(raw.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS samples_by_files ON "
                                        "samples(origin, api_url, fingerprint)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=1")));
        QVERIFY(raw.exec(row01(QStringLiteral("confirmed"), QStringLiteral("/r/a.fq"),
                               QStringLiteral("00000000000000a1"))));
        QVERIFY(raw.exec(row01(QStringLiteral("uploading"), QStringLiteral("/r/b.fq"),
                               QStringLiteral("00000000000000b2"))));
        QVERIFY(raw.exec(row01(QStringLiteral("cancelled"), QStringLiteral("/r/c.fq"), {})));
    }
    {
        Journal journal;
        QVERIFY2(journal.open(path), qPrintable(journal.lastError()));
        QVERIFY(journal.notice().isEmpty());
        const QList<Journal::Entry> entries = journal.entries(QStringLiteral("cli"));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).state, State::Confirmed);
        QVERIFY(entries.at(0).isFinal());
        QCOMPARE(entries.at(1).state, State::Uploading);
        QVERIFY(!entries.at(1).isFinal()); // interrupted: the next run settles it on the server
        QCOMPARE(entries.at(2).state, State::Cancelled);
        QCOMPARE(entries.at(1).spec.file, QStringLiteral("/r/b.fq"));
        QCOMPARE(entries.at(1).spec.tags, QStringList{QStringLiteral("soil")});
        QCOMPARE(entries.at(1).spec.metadata.value(QStringLiteral("platform")).toString(),
                 QStringLiteral("Illumina MiSeq"));
        QCOMPARE(
            entries.at(1).updatedAt,
            QDateTime::fromString(QStringLiteral("2026-11-20T10:05:00.000Z"), Qt::ISODateWithMs));
        // It is written in the same spelling it was read in.
        QVERIFY(
            journal.update(entries.at(1).id, State::Cancelled, QStringLiteral("00000000000000b2")));
    }
    RawJournal check(path);
    QCOMPARE(check
                 .scalar(QStringLiteral("SELECT state FROM samples WHERE sample_id = "
                                        "'00000000000000b2'"))
                 .toString(),
             QStringLiteral("cancelled"));
}

void TestJournalSchema::unknownStateIsSettledNotTrusted() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        Journal first;
        QVERIFY(first.open(path));
    }
    {
        // A state a newer SeqDrop may write without a schema step.
        RawJournal raw(path);
        QVERIFY(raw.exec(row01(QStringLiteral("verifying"), QStringLiteral("/r/v.fq"),
                               QStringLiteral("00000000000000c3"))));
    }
    Journal journal;
    QVERIFY(journal.open(path));
    const QList<Journal::Entry> entries = journal.entries(QStringLiteral("cli"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().state, State::Cancelling);
    QVERIFY(!entries.first().isFinal());
}

void TestJournalSchema::newerJournalIsSetAside() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        RawJournal raw(path);
        QVERIFY(raw.exec(
            QStringLiteral("PRAGMA user_version=%1").arg(JournalSchema::latestVersion() + 1)));
    }
    Journal journal;
    QVERIFY(journal.open(path));
    QVERIFY2(journal.notice().contains(QLatin1String("newer SeqDrop")),
             qPrintable(journal.notice()));
    QCOMPARE(QDir(dir.path())
                 .entryList({QStringLiteral("journal.sqlite.damaged-*")}, QDir::Files)
                 .size(),
             1);
}

QTEST_GUILESS_MAIN(TestJournalSchema)
#include "tst_journalschema.moc"
