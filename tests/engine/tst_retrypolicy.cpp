// RetryPolicy: exponential backoff (factor 4, like the official client) with jitter that keeps
// every delay in [ceiling/2, ceiling], capped at the maximum; a server's Retry-After wins but is
// capped too.
#include "net/retrypolicy.h"

#include <QTest>

#include <algorithm>
#include <limits>

using SeqDrop::RetryPolicy;

namespace {

constexpr int Draws = 400; // enough draws that a wrong range shows up

struct Range {
    int min = std::numeric_limits<int>::max();
    int max = std::numeric_limits<int>::min();
};

Range sample(const RetryPolicy &p, int retry, int retryAfterMs = -1) {
    Range r;
    for (int i = 0; i < Draws; ++i) {
        const int d = p.delayMs(retry, retryAfterMs);
        r.min = std::min(r.min, d);
        r.max = std::max(r.max, d);
    }
    return r;
}

} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void withinJitterBounds_data();
    void withinJitterBounds();
    void delaysGrow();
    void jitterActuallyVaries();
    void cappedAtMax();
    void manyRetriesDoNotOverflow();
    void retryAfterHonoured_data();
    void retryAfterHonoured();
    void fromEnvironment();
};

void TestRetryPolicy::defaults() {
    const RetryPolicy p;
    QCOMPARE(p.maxRetries(), 3); // the official client retries three times
    const Range first = sample(p, 1);
    QVERIFY(first.min >= 500 && first.max <= 1000);
}

void TestRetryPolicy::withinJitterBounds_data() {
    QTest::addColumn<int>("retry");
    QTest::addColumn<int>("ceiling");
    // base 1000, factor 4, max 60000
    QTest::newRow("1") << 1 << 1000;
    QTest::newRow("2") << 2 << 4000;
    QTest::newRow("3") << 3 << 16000;
    QTest::newRow("4 (capped)") << 4 << 60000;
    QTest::newRow("5 (capped)") << 5 << 60000;
}

void TestRetryPolicy::withinJitterBounds() {
    QFETCH(int, retry);
    QFETCH(int, ceiling);
    const RetryPolicy p(3, 1000, 60000);
    const Range r = sample(p, retry);
    QVERIFY2(r.min >= ceiling / 2,
             qPrintable(QStringLiteral("min %1, ceiling %2").arg(r.min).arg(ceiling)));
    QVERIFY2(r.max <= ceiling,
             qPrintable(QStringLiteral("max %1, ceiling %2").arg(r.max).arg(ceiling)));
}

void TestRetryPolicy::delaysGrow() {
    const RetryPolicy p(5, 200, 1000000);
    Range previous = sample(p, 1);
    for (int retry = 2; retry <= 5; ++retry) {
        const Range r = sample(p, retry);
        // Even the shortest delay of the next retry is longer than the longest of this one.
        QVERIFY2(r.min > previous.max,
                 qPrintable(QStringLiteral("retry %1: min %2 <= previous max %3")
                                .arg(retry)
                                .arg(r.min)
                                .arg(previous.max)));
        previous = r;
    }
}

void TestRetryPolicy::jitterActuallyVaries() {
    // Four uploads hit by one 503 must not come back in lock-step.
    const RetryPolicy p(3, 1000, 60000);
    const Range r = sample(p, 2);
    QVERIFY2(r.max - r.min > 500, qPrintable(QStringLiteral("%1..%2").arg(r.min).arg(r.max)));
}

void TestRetryPolicy::cappedAtMax() {
    const RetryPolicy p(10, 1000, 5000);
    for (int retry = 1; retry <= 10; ++retry) {
        const Range r = sample(p, retry);
        QVERIFY2(r.max <= 5000, qPrintable(QString::number(r.max)));
    }
    const Range late = sample(p, 10);
    QVERIFY(late.min >= 2500);
}

void TestRetryPolicy::manyRetriesDoNotOverflow() {
    const RetryPolicy p(100, 1000, 60000);
    for (int retry : {16, 17, 31, 32, 100, 1000}) {
        const Range r = sample(p, retry);
        QVERIFY2(r.min >= 30000 && r.max <= 60000,
                 qPrintable(QStringLiteral("retry %1: %2..%3").arg(retry).arg(r.min).arg(r.max)));
    }
}

void TestRetryPolicy::retryAfterHonoured_data() {
    QTest::addColumn<int>("retry");
    QTest::addColumn<int>("retryAfterMs");
    QTest::addColumn<int>("expected");
    QTest::newRow("3 s on the first retry") << 1 << 3000 << 3000;
    QTest::newRow("3 s on the third retry") << 3 << 3000 << 3000;
    QTest::newRow("zero: right away") << 2 << 0 << 0;
    QTest::newRow("capped") << 1 << 3600 * 1000 << 60000;
    QTest::newRow("exactly max") << 1 << 60000 << 60000;
}

void TestRetryPolicy::retryAfterHonoured() {
    QFETCH(int, retry);
    QFETCH(int, retryAfterMs);
    QFETCH(int, expected);
    const RetryPolicy p(3, 1000, 60000);
    const Range r = sample(p, retry, retryAfterMs);
    QCOMPARE(r.min, expected);
    QCOMPARE(r.max, expected);
}

void TestRetryPolicy::fromEnvironment() {
    const RetryPolicy fallback(4, 1000, 60000);
    qunsetenv("SEQDROP_RETRY_BASE_MS");
    const RetryPolicy unchanged = RetryPolicy::fromEnvironment(fallback);
    QCOMPARE(unchanged.maxRetries(), 4);
    QVERIFY(sample(unchanged, 1).min >= 500);

    qputenv("SEQDROP_RETRY_BASE_MS", "10");
    const RetryPolicy fast = RetryPolicy::fromEnvironment(fallback);
    qunsetenv("SEQDROP_RETRY_BASE_MS");
    QCOMPARE(fast.maxRetries(), 4);
    const Range r = sample(fast, 1);
    QVERIFY2(r.min >= 5 && r.max <= 10, qPrintable(QStringLiteral("%1..%2").arg(r.min).arg(r.max)));
    // Still capped well below the production maximum, so a fault matrix runs in seconds.
    QVERIFY(sample(fast, 10).max <= 1000);
}

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
