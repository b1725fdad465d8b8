// When the upload limit applies (BandwidthSchedule) and how a rate is spelled
// (BandwidthLimiter::parseRate, curl's --limit-rate units).
#include "net/bandwidthlimiter.h"
#include "net/bandwidthschedule.h"

#include <QTest>

using namespace SeqDrop;

namespace {

// 2026-12-07 is a Monday; 2026-12-12 a Saturday.
QDateTime at(int day, int hour, int minute = 0) {
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute));
}

BandwidthSchedule officeHours() {
    BandwidthSchedule s;
    s.limited = true;
    s.rate = 5000000;
    s.scheduled = true;
    s.from = QTime(8, 0);
    s.to = QTime(18, 0);
    s.weekdaysOnly = true;
    return s;
}

} // namespace

class TestBandwidthSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offOrUnscheduled() {
        BandwidthSchedule s = officeHours();
        s.limited = false;
        QCOMPARE(s.rateAt(at(7, 10)), qint64(0));
        QVERIFY(!s.nextChange(at(7, 10)).isValid());
        s.limited = true;
        s.scheduled = false;
        QCOMPARE(s.rateAt(at(12, 3)), qint64(5000000)); // always, weekends too
        QVERIFY(!s.nextChange(at(12, 3)).isValid());
    }

    void officeHoursOnWeekdays() {
        const BandwidthSchedule s = officeHours();
        QCOMPARE(s.rateAt(at(7, 7, 59)), qint64(0));
        QCOMPARE(s.rateAt(at(7, 8)), qint64(5000000));
        QCOMPARE(s.rateAt(at(7, 17, 59)), qint64(5000000));
        QCOMPARE(s.rateAt(at(7, 18)), qint64(0));
        QCOMPARE(s.rateAt(at(12, 10)), qint64(0)); // Saturday
        QCOMPARE(s.nextChange(at(7, 7)), at(7, 8));
        QCOMPARE(s.nextChange(at(7, 9)), at(7, 18));
        // Friday evening: the next change is Monday morning.
        QCOMPARE(s.nextChange(at(11, 19)), at(14, 8));
    }

    void overMidnight() {
        BandwidthSchedule s = officeHours();
        s.from = QTime(18, 0);
        s.to = QTime(8, 0);
        QCOMPARE(s.rateAt(at(7, 23)), qint64(5000000));
        QCOMPARE(s.rateAt(at(8, 3)), qint64(5000000)); // Monday's night, on Tuesday
        QCOMPARE(s.rateAt(at(8, 12)), qint64(0));
        // Friday night runs into Saturday morning; Saturday night does not count.
        QCOMPARE(s.rateAt(at(12, 3)), qint64(5000000));
        QCOMPARE(s.rateAt(at(12, 20)), qint64(0));
        QCOMPARE(s.rateAt(at(13, 3)), qint64(0));
        QCOMPARE(s.nextChange(at(8, 3)), at(8, 8));
    }

    void ratesAsCurlSpellsThem() {
        QCOMPARE(BandwidthLimiter::parseRate(QStringLiteral("500K")), qint64(500 * 1024));
        QCOMPARE(BandwidthLimiter::parseRate(QStringLiteral("20M")), qint64(20 * 1024 * 1024));
        QCOMPARE(BandwidthLimiter::parseRate(QStringLiteral("20m")), qint64(20 * 1024 * 1024));
        QCOMPARE(BandwidthLimiter::parseRate(QStringLiteral("1G")), qint64(1) << 30);
        QCOMPARE(BandwidthLimiter::parseRate(QStringLiteral("1.5M")), qint64(1572864));
        QCOMPARE(BandwidthLimiter::parseRate(QStringLiteral("123456")), qint64(123456));
        for (const char *bad : {"", "fast", "20MB", "-5M", "0", "M", "1,5M"})
            QCOMPARE(BandwidthLimiter::parseRate(QString::fromLatin1(bad)), qint64(-1));
        QCOMPARE(BandwidthLimiter::rateText(5000000), QStringLiteral("5.0 MB/s"));
    }
};

QTEST_GUILESS_MAIN(TestBandwidthSchedule)
#include "tst_bandwidthschedule.moc"
