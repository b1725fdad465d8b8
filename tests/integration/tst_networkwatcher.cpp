// Offline pause and resume over the real engine and sandbox. The system's word on the network
// (what QNetworkInformation reports) cannot be produced on a test machine, so the tests give
// NetworkWatcher that input themselves; everything from there on is the real queue, real jobs
// and real sockets. The sandbox is on loopback, which SeqDrop reaches without a network, so the
// watcher is told to treat it as the remote server it stands in for.
#include "net/apiclient.h"
#include "net/networkwatcher.h"
#include "sandboxclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;
using Reachability = QNetworkInformation::Reachability;

class TestNetworkWatcher : public QObject {
    Q_OBJECT

private:
    SampleSpec spec(const QString &name, int records = 2000) {
        SampleSpec s;
        s.file = writeFastq(m_dir.path(), name, records);
        return s;
    }
    int count(const char *what) {
        return m_net.sandbox->counts().value(QLatin1String(what)).toInt();
    }

    QTemporaryDir m_dir;
    SandboxClient m_net;
    std::unique_ptr<NetworkWatcher> m_watcher;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("SEQDROP_STALL_TIMEOUT_MS", "1500"); // read by ApiClient's TransferSettings
        QVERIFY(m_dir.isValid());
    }

    void init() {
        QVERIFY(m_net.start());
        m_watcher = std::make_unique<NetworkWatcher>();
        m_watcher->setTreatLoopbackAsRemote(true);
    }

    void cleanup() {
        m_watcher.reset();
        m_net.stop();
    }

    void onlyDisconnectedCountsAsDown() {
        QVERIFY(!NetworkWatcher::isUp(Reachability::Disconnected));
        for (Reachability r :
             {Reachability::Unknown, Reachability::Local, Reachability::Site, Reachability::Online})
            QVERIFY(NetworkWatcher::isUp(r));
        NetworkWatcher watcher;
        watcher.setNetworkUp(false);
        QVERIFY(!watcher.isOnline(QUrl(QStringLiteral("https://app.onecodex.com"))));
        // The sandbox on this computer needs no network.
        QVERIFY(watcher.isOnline(QUrl(QStringLiteral("http://127.0.0.1:8080"))));
        QVERIFY(watcher.isOnline(QUrl(QStringLiteral("http://localhost:8080"))));
    }

    void offlineQueueWaitsThenResumes() {
        UploadQueue queue(m_net.api.get());
        queue.setNetworkWatcher(m_watcher.get());
        m_watcher->setNetworkUp(false);
        for (int i = 0; i < 3; ++i)
            queue.add(spec(QStringLiteral("off%1.fastq").arg(i)));
        QSignalSpy idle(&queue, &UploadQueue::idle);
        queue.start();
        QTest::qWait(500);
        QVERIFY(queue.isOffline());
        QCOMPARE(count("init_upload"), 0);
        QCOMPARE(queue.pendingCount(), 3);
        QCOMPARE(idle.size(), 0); // waiting for the network is not "done"
        m_watcher->setNetworkUp(true);
        QVERIFY(!queue.isOffline());
        QTRY_COMPARE_WITH_TIMEOUT(queue.countIn(State::Confirmed), 3, 60000);
        QVERIFY(idle.size() >= 1);
        QCOMPARE(count("init_upload"), 3);
        QCOMPARE(count("confirm_upload"), 3);
    }

    void goingOfflineLetsRunningSamplesFinish() {
        UploadQueue queue(m_net.api.get());
        queue.setNetworkWatcher(m_watcher.get());
        queue.setMaxParallel(1);
        for (int i = 0; i < 3; ++i)
            queue.add(spec(QStringLiteral("mid%1.fastq").arg(i)));
        bool first = true;
        connect(&queue, &UploadQueue::sampleStarted, this, [&] {
            if (std::exchange(first, false))
                m_watcher->setNetworkUp(false);
        });
        queue.start();
        QTRY_COMPARE_WITH_TIMEOUT(queue.samples().at(0)->state(), State::Confirmed, 30000);
        QTest::qWait(500);
        QCOMPARE(queue.samples().at(1)->state(), State::Queued);
        QCOMPARE(queue.samples().at(2)->state(), State::Queued);
        QCOMPARE(count("init_upload"), 1);
        m_watcher->setNetworkUp(true);
        QTRY_COMPARE_WITH_TIMEOUT(queue.countIn(State::Confirmed), 3, 60000);
        QCOMPARE(count("init_upload"), 3);
    }

    void userPauseOutlastsTheNetwork() {
        UploadQueue queue(m_net.api.get());
        queue.setNetworkWatcher(m_watcher.get());
        queue.add(spec(QStringLiteral("paused.fastq")));
        QVERIFY(queue.isPaused()); // a new queue waits for Start
        m_watcher->setNetworkUp(false);
        m_watcher->setNetworkUp(true);
        QTest::qWait(300);
        QCOMPARE(queue.samples().first()->state(), State::Queued);
        QCOMPARE(count("init_upload"), 0);
    }

    void retryWaitsForTheNetwork() {
        m_net.api->setNetworkWatcher(m_watcher.get());
        QVERIFY(m_net.sandbox->setFaults({{"fail_api", 1}}));
        m_watcher->setNetworkUp(false);
        ApiJob *job = m_net.api->account();
        QSignalSpy done(job, &NetworkJob::finished);
        job->start(); // a first attempt is not held back: it fails by itself when offline
        QTRY_VERIFY_WITH_TIMEOUT(job->isWaitingForNetwork(), 5000);
        QTest::qWait(500); // many retry delays: none is spent while offline
        QCOMPARE(count("api_calls"), 1);
        QCOMPARE(done.size(), 0);
        m_watcher->setNetworkUp(true);
        QVERIFY(done.wait(10000));
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        QCOMPARE(count("api_calls"), 2);
        QCOMPARE(job->retries(), 1);
        job->deleteLater();
    }

    void sleepDuringUploadEndsInRetriedUpload() {
        // A laptop's sleep as the client sees it: the connection stops moving (the sandbox
        // holds it, as a dead peer would) and the system reports the network gone. The stall
        // timeout aborts the attempt; its retry waits for the network, then sends the file again.
        QVERIFY(m_net.sandbox->setFaults({{"stall_uploads", 1}, {"stall_seconds", 20}}));
        UploadQueue queue(m_net.api.get());
        queue.setNetworkWatcher(m_watcher.get());
        // Large enough that the socket buffers cannot swallow the rest once the sandbox stops
        // reading: the client must see the upload stop moving.
        SampleSpec big;
        big.file = writeBytes(m_dir.filePath(QStringLiteral("asleep.bin")), 48 << 20, 'A');
        SampleUpload *sample = queue.add(big);
        queue.start();
        QTRY_COMPARE_WITH_TIMEOUT(count("storage_posts"), 1, 20000);
        QCOMPARE(sample->state(), State::Uploading);
        m_watcher->setNetworkUp(false);
        // The stall timeout aborts the attempt that stopped moving...
        QTRY_VERIFY_WITH_TIMEOUT(sample->retries() >= 1, 60000);
        QTest::qWait(1500); // ...and its retry, due after 50 ms, waits for the network
        QCOMPARE(sample->state(), State::Uploading); // not failed, not stuck: waiting
        QCOMPARE(count("storage_posts"), 1);
        m_watcher->setNetworkUp(true);
        QTRY_COMPARE_WITH_TIMEOUT(sample->state(), State::Confirmed, 30000);
        QCOMPARE(count("storage_posts"), 2);
        QCOMPARE(count("storage_ok"), 1);
        QCOMPARE(count("init_upload"), 1);
        const QJsonObject stored = m_net.sandbox->sample(sample->sampleId());
        QCOMPARE(stored.value("status").toString(), QStringLiteral("available"));
        QCOMPARE(stored.value("r1").toObject().value("md5").toString().toLatin1(),
                 md5OfFile(sample->spec().file));
    }
};

QTEST_GUILESS_MAIN(TestNetworkWatcher)
#include "tst_networkwatcher.moc"
