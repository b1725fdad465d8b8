// SpeedMeter: an EMA speed with ramp-up and an ETA hidden until 3 s of data, driven with
// explicit timestamps through updateAt().
#include "util/speedmeter.h"

#include <QTest>

using SeqDrop::SpeedMeter;

namespace {

constexpr qint64 MB = 1000 * 1000;
constexpr double TenMBps = 10.0 * MB;

// Feeds a steady `rate` (bytes/s) from `fromMs` to `toMs` in `stepMs` steps, starting at
// `startBytes`; returns the bytes done at toMs.
qint64 feed(SpeedMeter &m, qint64 startBytes, double rate, qint64 fromMs, qint64 toMs,
            qint64 stepMs, qint64 total) {
    qint64 done = startBytes;
    for (qint64 t = fromMs; t <= toMs; t += stepMs) {
        done = startBytes + qint64(rate * double(t - fromMs) / 1000.0);
        m.updateAt(done, total, t);
    }
    return done;
}

bool near(double actual, double expected, double tolerance) {
    return qAbs(actual - expected) <= tolerance * expected;
}

} // namespace

class TestSpeedMeter : public QObject {
    Q_OBJECT

private slots:
    void freshMeter();
    void steadyConverges_data();
    void steadyConverges();
    void etaHiddenBeforeThreeSeconds();
    void etaAfterThreeSeconds();
    void etaTracksRemaining();
    void rampUpNotFromZero();
    void earlyBurstDoesNotDominate();
    void rateChangeFollowed();
    void restartResets();
    void resetClearsEverything();
    void stallHidesEta();
};

void TestSpeedMeter::freshMeter() {
    SpeedMeter m;
    QCOMPARE(m.bytesPerSecond(), 0.0);
    QCOMPARE(m.etaSeconds(), qint64(-1));
    m.updateAt(0, 100 * MB, 0); // one sample is no speed yet
    QCOMPARE(m.bytesPerSecond(), 0.0);
    QCOMPARE(m.etaSeconds(), qint64(-1));
}

void TestSpeedMeter::steadyConverges_data() {
    QTest::addColumn<qint64>("stepMs");
    QTest::newRow("every 250 ms") << qint64(250);
    QTest::newRow("every 1 s") << qint64(1000);
    QTest::newRow("every 100 ms (merged)") << qint64(100);
    QTest::newRow("every 10 ms (merged)") << qint64(10);
    QTest::newRow("every 333 ms") << qint64(333);
}

void TestSpeedMeter::steadyConverges() {
    QFETCH(qint64, stepMs);
    SpeedMeter m;
    feed(m, 0, TenMBps, 0, 10000, stepMs, 1000 * MB);
    QVERIFY2(near(m.bytesPerSecond(), TenMBps, 0.02),
             qPrintable(QString::number(m.bytesPerSecond())));
}

void TestSpeedMeter::etaHiddenBeforeThreeSeconds() {
    SpeedMeter m;
    const qint64 total = 100 * MB;
    for (qint64 t = 0; t < 3000; t += 250) {
        m.updateAt(qint64(TenMBps * t / 1000), total, t);
        QCOMPARE(m.etaSeconds(), qint64(-1));
    }
    QVERIFY(m.bytesPerSecond() > 0); // the speed is shown before the ETA
}

void TestSpeedMeter::etaAfterThreeSeconds() {
    SpeedMeter m;
    const qint64 total = 100 * MB;
    const qint64 done = feed(m, 0, TenMBps, 0, 4000, 250, total);
    QCOMPARE(done, 40 * MB);
    const qint64 eta = m.etaSeconds();
    // 60 MB left at 10 MB/s.
    QVERIFY2(eta >= 5 && eta <= 7, qPrintable(QString::number(eta)));
}

void TestSpeedMeter::etaTracksRemaining() {
    SpeedMeter m;
    const qint64 total = 200 * MB;
    feed(m, 0, TenMBps, 0, 15000, 250, total); // 150 MB done, 50 MB left
    const qint64 eta = m.etaSeconds();
    QVERIFY2(eta >= 4 && eta <= 6, qPrintable(QString::number(eta)));
    m.updateAt(total, total, 20000);
    QCOMPARE(m.etaSeconds(), qint64(0));
}

void TestSpeedMeter::rampUpNotFromZero() {
    // The first estimates are plain averages, not an EMA dragged up from zero: after one
    // interval at 10 MB/s the speed already reads 10 MB/s.
    SpeedMeter m;
    m.updateAt(0, 100 * MB, 0);
    m.updateAt(5 * MB, 100 * MB, 500);
    QVERIFY2(near(m.bytesPerSecond(), TenMBps, 0.01),
             qPrintable(QString::number(m.bytesPerSecond())));
    m.updateAt(10 * MB, 100 * MB, 1000);
    QVERIFY2(near(m.bytesPerSecond(), TenMBps, 0.01),
             qPrintable(QString::number(m.bytesPerSecond())));
}

void TestSpeedMeter::earlyBurstDoesNotDominate() {
    // The first 250 ms drain 25 MB into socket buffers (100 MB/s), then the link runs at 10 MB/s.
    SpeedMeter m;
    const qint64 total = 1000 * MB;
    m.updateAt(0, total, 0);
    m.updateAt(25 * MB, total, 250);
    // Then 10 MB/s. After two seconds the burst weighs no more than an equal share among the
    // samples so far; after eight seconds it has faded.
    const qint64 at2s = feed(m, 25 * MB, TenMBps, 250, 2250, 250, total);
    QVERIFY2(m.bytesPerSecond() < 25.0 * MB, qPrintable(QString::number(m.bytesPerSecond())));
    feed(m, at2s, TenMBps, 2250, 8250, 250, total);
    QVERIFY2(near(m.bytesPerSecond(), TenMBps, 0.10),
             qPrintable(QString::number(m.bytesPerSecond())));
}

void TestSpeedMeter::rateChangeFollowed() {
    SpeedMeter m;
    const qint64 total = 10000 * MB;
    const qint64 done = feed(m, 0, TenMBps, 0, 10000, 250, total);
    feed(m, done, 2 * TenMBps, 10000, 20000, 250, total);
    QVERIFY2(near(m.bytesPerSecond(), 2 * TenMBps, 0.03),
             qPrintable(QString::number(m.bytesPerSecond())));
}

void TestSpeedMeter::restartResets() {
    SpeedMeter m;
    const qint64 total = 100 * MB;
    feed(m, 0, 5 * TenMBps, 0, 1500, 250, total); // 75 MB at 50 MB/s
    QVERIFY(m.bytesPerSecond() > 4 * TenMBps);
    // The file upload restarts from byte 0 (a retry) and now runs at 10 MB/s.
    m.updateAt(0, total, 2000);
    QCOMPARE(m.bytesPerSecond(), 0.0);
    QCOMPARE(m.etaSeconds(), qint64(-1));
    feed(m, 0, TenMBps, 2000, 4000, 250, total);
    // Only the new attempt counts: no trace of 50 MB/s, and no trusted ETA yet (2 s of data).
    QVERIFY2(near(m.bytesPerSecond(), TenMBps, 0.02),
             qPrintable(QString::number(m.bytesPerSecond())));
    QCOMPARE(m.etaSeconds(), qint64(-1));
    feed(m, 20 * MB, TenMBps, 4000, 6000, 250, total); // 40 MB done at 6 s, 60 left
    const qint64 eta = m.etaSeconds();
    QVERIFY2(eta >= 5 && eta <= 7, qPrintable(QString::number(eta)));
}

void TestSpeedMeter::resetClearsEverything() {
    SpeedMeter m;
    feed(m, 0, TenMBps, 0, 5000, 250, 100 * MB);
    QVERIFY(m.etaSeconds() >= 0);
    m.reset();
    QCOMPARE(m.bytesPerSecond(), 0.0);
    QCOMPARE(m.etaSeconds(), qint64(-1));
}

void TestSpeedMeter::stallHidesEta() {
    // No bytes at all for seconds: the speed decays toward 0 and no ETA is invented from it.
    SpeedMeter m;
    const qint64 total = 100 * MB;
    for (qint64 t = 0; t <= 5000; t += 250)
        m.updateAt(0, total, t);
    QCOMPARE(m.bytesPerSecond(), 0.0);
    QCOMPARE(m.etaSeconds(), qint64(-1));
}

QTEST_APPLESS_MAIN(TestSpeedMeter)
#include "tst_speedmeter.moc"
