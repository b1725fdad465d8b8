// ValidationJob: validation on a worker thread, results by queued signal in the caller's
// thread, start() never blocks, cancel() stops it, deleting a running job is safe.
#include "validation/validationjob.h"
#include "validationfixtures.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <memory>
#include <vector>

using SeqDrop::ValidationJob;
using SeqDrop::ValidationReport;

class TestValidationJob : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void deliversOnCallerThread();
    void pairJob();
    void cancel();
    void deleteWhileRunning();
    void manyJobsQueue();

private:
    QTemporaryDir m_dir;
    QString m_big;
};

void TestValidationJob::initTestCase() {
    QVERIFY(m_dir.isValid());
    // ~60 MB: far more than the first 4 MiB block, so cancel() lands mid-file.
    QFile f(m_dir.filePath("big.fastq"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray chunk = Fixtures::fastq(20000, 250);
    for (int i = 0; i < 10; ++i)
        QVERIFY(f.write(chunk) == chunk.size());
    m_big = f.fileName();
}

void TestValidationJob::deliversOnCallerThread() {
    const QString path =
        Fixtures::write(m_dir.path(), "small.fastq.gz", Fixtures::gzip(Fixtures::fastq(100)));
    ValidationJob job(path);
    QThread *delivered = nullptr;
    ValidationReport got;
    connect(&job, &ValidationJob::finished, this, [&](const ValidationReport &r) {
        delivered = QThread::currentThread();
        got = r;
    });
    QSignalSpy spy(&job, &ValidationJob::finished);
    job.start();
    QCOMPARE(spy.count(), 0); // never synchronous: the caller returns to its event loop
    QVERIFY(job.isRunning());
    QVERIFY(spy.wait(10000));
    QCOMPARE(delivered, QThread::currentThread());
    QVERIFY(got.ok);
    QCOMPARE(got.records, 100);
    QVERIFY(!job.isRunning());
    QCOMPARE(job.report().records, 100);
}

void TestValidationJob::pairJob() {
    ValidationJob job(Fixtures::write(m_dir.path(), "p_R1.fastq", Fixtures::fastq(10)),
                      Fixtures::write(m_dir.path(), "p_R2.fastq", Fixtures::fastq(9)));
    QSignalSpy spy(&job, &ValidationJob::finished);
    job.start();
    QVERIFY(spy.wait(10000));
    const auto r = spy.at(0).at(0).value<ValidationReport>();
    QVERIFY(!r.ok);
    QCOMPARE(r.file, QStringLiteral("p_R2.fastq"));
    QCOMPARE(r.record, 10);
    QVERIFY(job.isPair());
    QCOMPARE(job.r1Report().records, 10);
}

void TestValidationJob::cancel() {
    ValidationJob job(m_big);
    QSignalSpy done(&job, &ValidationJob::finished);
    QSignalSpy progress(&job, &ValidationJob::progress);
    job.start();
    job.cancel();
    QVERIFY(done.wait(10000));
    const auto r = done.at(0).at(0).value<ValidationReport>();
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok);
    QVERIFY(r.bytesRead < QFileInfo(m_big).size());
}

void TestValidationJob::deleteWhileRunning() {
    QElapsedTimer t;
    t.start();
    auto *job = new ValidationJob(m_big);
    int finished = 0;
    connect(job, &ValidationJob::finished, this, [&] { ++finished; });
    job->start();
    delete job; // cancels and joins; nothing may arrive afterwards
    QTest::qWait(50);
    QCOMPARE(finished, 0);
    QVERIFY(t.elapsed() < 5000);
}

void TestValidationJob::manyJobsQueue() {
    // More jobs than pool threads: the extra ones wait; deleting a waiting job takes it off
    // the queue; every other job still reports exactly once.
    std::vector<std::unique_ptr<ValidationJob>> jobs;
    int finished = 0;
    for (int i = 0; i < 6; ++i) {
        jobs.push_back(std::make_unique<ValidationJob>(m_big));
        connect(jobs.back().get(), &ValidationJob::finished, this, [&] { ++finished; });
        jobs.back()->start();
    }
    QVERIFY(ValidationJob::pool()->maxThreadCount() <= 2);
    jobs.back().reset(); // queued behind the others: never runs
    for (int i = 0; i < 5; ++i)
        jobs[size_t(i)]->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished, 5, 20000);
    for (int i = 0; i < 5; ++i)
        QVERIFY(jobs[size_t(i)]->report().cancelled);
}

QTEST_GUILESS_MAIN(TestValidationJob)
#include "tst_validationjob.moc"
