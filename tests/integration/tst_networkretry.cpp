// Samples that failed only because the connection did go again by themselves when the network
// comes back (NetworkRetry), through the real engine against the real sandbox: a link that
// drops every attempt (the sandbox cuts the uploads) fails a sample past its retries; the
// network's return sends it again and it arrives, once. The limit per sample holds, and a
// failure the network cannot cure is left for the user.
#include "net/networkwatcher.h"
#include "net/transfersettings.h"
#include "sandboxclient.h"
#include "sandboxledger.h"
#include "testfiles.h"
#include "upload/networkretry.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;

class TestNetworkRetry : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxClient m_net;

    // More cuts than one upload's attempts (its retries, and Qt's own silent re-sends).
    static constexpr int EveryAttempt = 1000;
    // The network goes and comes back, as the system reports it.
    static void outage(NetworkWatcher *watcher) {
        watcher->setNetworkUp(false);
        watcher->setNetworkUp(true);
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        QVERIFY(m_dir.isValid());
    }
    void init() {
        QVERIFY(m_net.start());
        // The form route alone: on the automatic one a link that keeps dropping makes the
        // sample fall back to multipart instead of failing.
        TransferSettings settings = m_net.api->transferSettings();
        settings.route = TransferSettings::Route::Form;
        m_net.api->setTransferSettings(settings);
    }
    void cleanup() { m_net.stop(); }

    void failedOnTheLinkGoesAgainWhenTheNetworkIsBack() {
        UploadQueue queue(m_net.api.get());
        NetworkWatcher watcher;
        watcher.setTreatLoopbackAsRemote(true); // the sandbox stands in for One Codex
        queue.setNetworkWatcher(&watcher);
        NetworkRetry retry(&queue, &watcher);
        retry.setLimit(1);
        QSignalSpy retried(&retry, &NetworkRetry::retried);
        SampleSpec spec;
        spec.file =
            writeFastq(m_dir.path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 400);
        SampleUpload *sample = queue.add(QList<SampleSpec>{spec}).first();

        // Every attempt cut: it fails on the link, and waits (nothing happens by itself).
        QVERIFY(m_net.sandbox->setFaults({{"cut_uploads", EveryAttempt}}));
        queue.start();
        QTRY_COMPARE_WITH_TIMEOUT(sample->state(), State::Failed, 30000);
        QVERIFY2(NetworkRetry::isNetworkFailure(sample->error()),
                 qPrintable(sample->error().toString()));
        QTest::qWait(300);
        QCOMPARE(sample->state(), State::Failed);

        // The network comes back (and the link holds): it goes again, and arrives.
        QVERIFY(m_net.sandbox->setFaults({{"cut_uploads", 0}}));
        outage(&watcher);
        QCOMPARE(retried.size(), 1);
        QCOMPARE(retried.first().first().toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(sample->state(), State::Confirmed, 30000);
        SandboxLedger ledger;
        ledger.add({spec.file, QString(), QString(), QStringLiteral("confirmed"),
                    sample->sampleId(), QString()});
        const QStringList problems = ledger.check(m_net.sandbox->state());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void limitHoldsAndOtherFailuresWait() {
        UploadQueue queue(m_net.api.get());
        NetworkWatcher watcher;
        watcher.setTreatLoopbackAsRemote(true);
        queue.setNetworkWatcher(&watcher);
        NetworkRetry retry(&queue, &watcher);
        retry.setLimit(1);
        SampleSpec onLink, missing;
        onLink.file =
            writeFastq(m_dir.path(), QStringLiteral("Plate7-002_S2_L001_R1_001.fastq"), 400);
        missing.file =
            writeFastq(m_dir.path(), QStringLiteral("Plate7-003_S3_L001_R1_001.fastq"), 40);
        const QList<SampleUpload *> samples = queue.add({onLink, missing});
        QVERIFY(QFile::remove(missing.file)); // a failure the network cannot cure
        QVERIFY(m_net.sandbox->setFaults({{"cut_uploads", EveryAttempt}}));
        queue.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.at(0)->state() == State::Failed &&
                                     samples.at(1)->state() == State::Failed,
                                 30000);
        QCOMPARE(samples.at(1)->error().kind, UploadError::Kind::LocalFile);

        outage(&watcher); // the one retry allowed: cut again
        QVERIFY(samples.at(0)->state() != State::Failed);
        QTRY_COMPARE_WITH_TIMEOUT(samples.at(0)->state(), State::Failed, 30000);
        const int inits = m_net.sandbox->counts().value("init_upload").toInt();
        outage(&watcher); // over the limit: it waits for the user now
        QTest::qWait(300);
        QCOMPARE(samples.at(0)->state(), State::Failed);
        QCOMPARE(samples.at(1)->state(), State::Failed);
        QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), inits);
    }
};

QTEST_GUILESS_MAIN(TestNetworkRetry)
#include "tst_networkretry.moc"
