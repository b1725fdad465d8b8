// One Codex's verdict after the confirmation, asked by ServerStatusWatcher against the real
// sandbox playing the platform's import (--import-seconds) and a failed validation
// (--fail-validation): a sample goes importing, validating, then available, or failed_validation
// with the platform's error_msg; the watcher stops asking once each has its verdict.
#include "sandboxclient.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/serverstatuswatcher.h"
#include "upload/uploadqueue.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;

class TestServerStatus : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxClient m_net;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_STATUS_POLL_MS", "200");
        QVERIFY(m_dir.isValid());
    }
    void init() {
        QVERIFY(m_net.start({QStringLiteral("--import-seconds"), QStringLiteral("2"),
                             QStringLiteral("--fail-validation"), QStringLiteral("1")}));
    }
    void cleanup() { m_net.stop(); }

    void verdictsArriveAndTheWatcherStops() {
        UploadQueue queue(m_net.api.get());
        queue.setMaxParallel(1); // the first confirmed is the one that fails validation
        ServerStatusWatcher watcher(m_net.api.get(), &queue);
        QSignalSpy settled(&watcher, &ServerStatusWatcher::settled);
        QSignalSpy idle(&watcher, &ServerStatusWatcher::idle);
        SampleSpec bad, good;
        bad.file = writeFastq(m_dir.path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 50);
        good.file =
            writeFastq(m_dir.path(), QStringLiteral("Plate7-002_S2_L001_R1_001.fastq"), 50, 100, 2);
        const QList<SampleUpload *> samples = queue.add({bad, good});
        QStringList seen; // every status the first sample showed, in order
        connect(samples.at(0), &SampleUpload::serverStatusChanged, this,
                [&] { seen << samples.at(0)->serverStatus(); });
        queue.start();

        QVERIFY(QTest::qWaitFor([&] { return settled.size() == 2; }, 30000));
        QCOMPARE(idle.size(), 1);
        QCOMPARE(watcher.pendingCount(), 0);
        for (const SampleUpload *s : samples) {
            QCOMPARE(s->state(), SampleUpload::State::Confirmed);
            QVERIFY(s->confirmedAt().isValid());
        }
        QCOMPARE(samples.at(0)->serverStatus(), QStringLiteral("failed_validation"));
        QVERIFY2(samples.at(0)->serverError().contains(QStringLiteral("Plate7-001_S1_L001_R1_001")),
                 qPrintable(samples.at(0)->serverError()));
        QCOMPARE(samples.at(1)->serverStatus(), QStringLiteral("available"));
        QVERIFY(samples.at(1)->serverError().isEmpty());
        // Asked while the platform was still at it.
        QVERIFY2(seen.contains(QStringLiteral("importing")) ||
                     seen.contains(QStringLiteral("validating")),
                 qPrintable(seen.join(QLatin1Char(','))));
        QCOMPARE(seen.last(), QStringLiteral("failed_validation"));

        // No more asking once every sample has its verdict.
        const int asked = m_net.sandbox->counts().value("api_calls").toInt();
        QTest::qWait(1000);
        QCOMPARE(m_net.sandbox->counts().value("api_calls").toInt(), asked);
    }
};

QTEST_GUILESS_MAIN(TestServerStatus)
#include "tst_serverstatus.moc"
