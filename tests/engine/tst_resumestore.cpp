// ResumeStore: a multipart sample's resume point written part by part into the journal file and
// read back by another process (here: another Journal on the same file), what changed since the
// last save only, parts of an abandoned upload id dropped, and cleared with the entry.
#include "journal/journal.h"
#include "journal/resumestore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;

class TestResumeStore : public QObject {
    Q_OBJECT

    static MultipartResume point() {
        MultipartResume r;
        r.ticket.sampleId = QStringLiteral("0011223344556677");
        r.ticket.callbackUrl = QStringLiteral("/api/import_file_from_s3");
        r.ticket.fileId = QStringLiteral("user_x/r1.fastq.gz");
        r.ticket.pairedEndFileId = QStringLiteral("user_x/r2.fastq.gz");
        r.ticket.s3Bucket = QStringLiteral("seqdrop-multipart");
        r.ticket.credentials = S3Credentials(QStringLiteral("AKIATEMPORARY0000001"),
                                             QStringLiteral("tempsecret/0000000000000000000000"));
        MultipartFileState &r2 = r.files[1];
        r2.bucket = r.ticket.s3Bucket;
        r2.key = r.ticket.pairedEndFileId;
        r2.uploadId = QStringLiteral("upload-r2");
        r2.partSize = 10 << 20;
        r2.fileSize = (25 << 20) + 7;
        r2.modifiedMs = 1764000000123;
        return r;
    }
    static S3Part part(int n, qint64 size = 10 << 20) {
        const QString md5 = QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
        return {n, size, md5, md5};
    }
    static int partRows(const Journal &journal) {
        QSqlQuery q(journal.database());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM multipart_parts")) && q.next()
                   ? q.value(0).toInt()
                   : -1;
    }

private Q_SLOTS:
    void savedPartByPartAndReadBack() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        QFile(dir.filePath(QStringLiteral("a.fastq"))).open(QIODevice::WriteOnly);
        SampleSpec spec;
        spec.file = dir.filePath(QStringLiteral("a.fastq"));
        qint64 id = 0;
        MultipartResume r = point();
        {
            Journal journal;
            QVERIFY(journal.open(path));
            id = journal.add(QStringLiteral("cli"), QStringLiteral("http://127.0.0.1:1"), spec);
            ResumeStore store(&journal);
            QVERIFY2(store.save(id, r), qPrintable(store.lastError()));
            for (int n = 1; n <= 3; ++n) {
                r.files[1].parts.append(part(n, n == 3 ? (5 << 20) + 7 : 10 << 20));
                QVERIFY2(store.save(id, r), qPrintable(store.lastError()));
            }
            r.files[1].completed = true;
            r.files[1].objectEtag = QStringLiteral("d41d8cd98f00b204e9800998ecf8427e");
            r.files[0].bucket = r.ticket.s3Bucket;
            r.files[0].key = r.ticket.fileId;
            r.files[0].uploadId = QStringLiteral("upload-r1");
            r.files[0].parts.append(part(1));
            QVERIFY(store.save(id, r));
            QCOMPARE(partRows(journal), 4);
        }
        Journal reopened; // the next run
        QVERIFY(reopened.open(path));
        const MultipartResume back = ResumeStore(&reopened).load(id);
        QVERIFY(!back.isEmpty());
        QCOMPARE(back.ticket.sampleId, r.ticket.sampleId);
        QCOMPARE(back.ticket.credentials.secretAccessKey, r.ticket.credentials.secretAccessKey);
        QCOMPARE(back.ticket.pairedEndFileId, r.ticket.pairedEndFileId);
        QCOMPARE(back.files[1].uploadId, QStringLiteral("upload-r2"));
        QCOMPARE(back.files[1].parts, r.files[1].parts);
        QCOMPARE(back.files[1].fileSize, r.files[1].fileSize);
        QCOMPARE(back.files[1].modifiedMs, r.files[1].modifiedMs);
        QVERIFY(back.files[1].completed);
        QCOMPARE(back.files[1].objectEtag, r.files[1].objectEtag);
        QCOMPARE(back.files[0].parts, r.files[0].parts);
        QCOMPARE(back.bytesStored(), r.bytesStored());
    }

    void newUploadIdDropsOldParts() {
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))));
        SampleSpec spec;
        spec.file = dir.filePath(QStringLiteral("b.fastq"));
        const qint64 id = journal.add(QStringLiteral("gui"), QStringLiteral("http://x"), spec);
        ResumeStore store(&journal);
        MultipartResume r = point();
        r.files[1].parts = {part(1), part(2)};
        QVERIFY(store.save(id, r));
        // S3 lost the upload (NoSuchUpload): a new one, its parts start again.
        r.files[1].uploadId = QStringLiteral("upload-r2-again");
        r.files[1].parts = {part(1)};
        QVERIFY(store.save(id, r));
        QCOMPARE(partRows(journal), 1);
        // A part S3 holds with other bytes leaves the list.
        r.files[1].parts.clear();
        QVERIFY(store.save(id, r));
        QCOMPARE(partRows(journal), 0);
        QCOMPARE(ResumeStore(&journal).load(id).files[1].uploadId,
                 QStringLiteral("upload-r2-again"));
    }

    void clearedWithTheEntry() {
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))));
        SampleSpec spec;
        spec.file = dir.filePath(QStringLiteral("c.fastq"));
        const qint64 id = journal.add(QStringLiteral("gui"), QStringLiteral("http://x"), spec);
        MultipartResume r = point();
        r.files[1].parts = {part(1)};
        QVERIFY(ResumeStore(&journal).save(id, r));
        const qint64 without = journal.add(QStringLiteral("gui"), QStringLiteral("http://x"), spec);
        QCOMPARE(ResumeStore(&journal).entriesWithResume(), QSet<qint64>{id});
        QVERIFY(journal.remove(without));
        QVERIFY(journal.remove(id));
        QVERIFY(ResumeStore(&journal).entriesWithResume().isEmpty());
        QVERIFY(ResumeStore(&journal).load(id).isEmpty());
        QCOMPARE(partRows(journal), 0);
        // An empty point clears what was saved.
        const qint64 other = journal.add(QStringLiteral("gui"), QStringLiteral("http://x"), spec);
        ResumeStore store(&journal);
        QVERIFY(store.save(other, r));
        QVERIFY(store.save(other, MultipartResume()));
        QVERIFY(ResumeStore(&journal).load(other).isEmpty());
    }

    // Many entries at once (Clear Uploaded, a remove of a whole plate): one transaction, resume
    // points included, the others left alone; more ids than one statement takes.
    void manyClearedInOneTransaction() {
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))));
        QList<SampleSpec> specs;
        for (int i = 0; i < 1203; ++i) {
            SampleSpec spec;
            spec.file = dir.filePath(QStringLiteral("Plate7-%1_S%1_L001_R1_001.fastq").arg(i));
            specs << spec;
        }
        const QList<qint64> ids =
            journal.add(QStringLiteral("gui"), QStringLiteral("http://x"), specs);
        QCOMPARE(ids.size(), specs.size());
        MultipartResume r = point();
        r.files[1].parts = {part(1), part(2)};
        QVERIFY(ResumeStore(&journal).save(ids.at(7), r));
        QVERIFY(ResumeStore(&journal).save(ids.at(1100), r));
        QList<qint64> gone = ids;
        const qint64 kept = gone.takeAt(1100);
        const int commits = journal.batchCommits();
        QVERIFY(journal.remove(gone));
        QCOMPARE(journal.batchCommits(), commits + 1);
        const QList<Journal::Entry> left = journal.entries(QStringLiteral("gui"));
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().id, kept);
        QCOMPARE(ResumeStore(&journal).entriesWithResume(), QSet<qint64>{kept});
        QCOMPARE(partRows(journal), 2);
    }
};

QTEST_GUILESS_MAIN(TestResumeStore)
#include "tst_resumestore.moc"
