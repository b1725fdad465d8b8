// The upload limit on running uploads, through the real engine against the real sandbox: a
// limit changed while a sample uploads applies within a second, both ways, and the sample's
// speed and time left follow the limited rate. (The average over whole uploads, several at once
// and the multipart route: tst_clitransfer; against curl's own limiter: bench/limit_bench.sh.)
#include "net/bandwidthlimiter.h"
#include "sampleuploadtest.h"

using namespace SeqDrop;

class TestBandwidthLimiter : public SampleUploadTest {
    Q_OBJECT

private:
    // About 24 MB of FASTQ.
    SampleSpec bigSample() {
        SampleSpec spec;
        spec.file = writeFastq(m_dir.path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"),
                               12 * 1024, 1000);
        return spec;
    }

private Q_SLOTS:
    void liftedLimitAppliesAtOnce() {
        BandwidthLimiter *limiter = m_net.api->bandwidth();
        limiter->setRate(2000000);
        auto *upload = new SampleUpload(m_net.api.get(), bigSample(), m_net.api.get());
        QSignalSpy finished(upload, &SampleUpload::finished);
        upload->start();
        QElapsedTimer clock;
        clock.start();
        // Until the time left is shown (SpeedMeter trusts it after a few seconds).
        QVERIFY(QTest::qWaitFor([upload] { return upload->etaSeconds() >= 0; }, 8000));
        const qint64 sent = upload->bytesSent();
        const double elapsed = double(clock.elapsed()) / 1000;
        QVERIFY2(sent > 0, "nothing sent under the limit");
        QVERIFY2(sent <= 2000000 * elapsed * 1.1 + 200000, qPrintable(QString::number(sent)));
        // The speed and the time left are the limited ones.
        QVERIFY2(upload->bytesPerSecond() <= 2600000,
                 qPrintable(QString::number(upload->bytesPerSecond())));
        const qint64 left = upload->totalBytes() - sent;
        QVERIFY2(upload->etaSeconds() >= left / 2600000,
                 qPrintable(QString::number(upload->etaSeconds())));

        limiter->setRate(0);
        QElapsedTimer lifted;
        lifted.start();
        QVERIFY(finished.wait(20000));
        // At 2 MB/s the rest would take several seconds more.
        QVERIFY2(lifted.elapsed() < 5000, qPrintable(QString::number(lifted.elapsed())));
        QCOMPARE(upload->state(), State::Confirmed);
        QVERIFY2(ledgerProblems(upload).isEmpty(), qPrintable(ledgerProblems(upload)));
    }

    void tighterLimitAppliesWithinASecond() {
        BandwidthLimiter *limiter = m_net.api->bandwidth();
        limiter->setRate(8000000);
        auto *upload = new SampleUpload(m_net.api.get(), bigSample(), m_net.api.get());
        QSignalSpy finished(upload, &SampleUpload::finished);
        upload->start();
        QTest::qWait(1000);
        limiter->setRate(1000000);
        QTest::qWait(200); // what Qt's network thread holds already goes out
        const qint64 before = upload->bytesSent();
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(1500);
        const double rate = double(upload->bytesSent() - before) * 1000 / double(clock.elapsed());
        QVERIFY2(rate <= 1000000 * 1.1 + 100000, qPrintable(QString::number(rate)));
        QVERIFY(finished.isEmpty());
        limiter->setRate(0);
        QVERIFY(finished.wait(20000));
        QCOMPARE(upload->state(), State::Confirmed);
    }
};

QTEST_GUILESS_MAIN(TestBandwidthLimiter)
#include "tst_bandwidthlimiter.moc"
