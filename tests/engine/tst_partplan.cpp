// PartPlan: the official client's part sizes and the cut of a file into parts.
#include "upload/partplan.h"

#include <QTest>

using SeqDrop::PartPlan;

class TestPartPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void officialSizes_data() {
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<qint64>("partSize");
        const qint64 MiB = PartPlan::MiB;
        QTest::newRow("small") << qint64(1000) << 10 * MiB;
        QTest::newRow("20 GB") << qint64(20'000'000'000) << 10 * MiB;
        // 10,000 parts of 10 MiB is the first size that needs 20 MiB parts.
        QTest::newRow("just under 10000x10MiB") << 10000 * 10 * MiB - 1 << 10 * MiB;
        QTest::newRow("10000x10MiB") << 10000 * 10 * MiB << 20 * MiB;
        QTest::newRow("huge") << 2000 * 1024 * MiB << 100 * MiB;
    }
    void officialSizes() {
        QFETCH(qint64, fileSize);
        QFETCH(qint64, partSize);
        const PartPlan plan(fileSize);
        QCOMPARE(plan.partSize(), partSize);
        QVERIFY(plan.count() <= PartPlan::MaxParts || partSize == 100 * PartPlan::MiB);
    }

    void partsCoverTheFileOnce() {
        const PartPlan plan(6 * PartPlan::MiB + 123, 5 * PartPlan::MiB);
        QCOMPARE(plan.count(), 2);
        QCOMPARE(plan.offset(1), 0);
        QCOMPARE(plan.length(1), 5 * PartPlan::MiB);
        QCOMPARE(plan.offset(2), 5 * PartPlan::MiB);
        QCOMPARE(plan.length(2), PartPlan::MiB + 123);
        QCOMPARE(plan.length(3), 0);
        QCOMPARE(plan.length(0), 0);
    }

    void exactMultipleHasNoEmptyTail() {
        const PartPlan plan(10 * PartPlan::MiB, 5 * PartPlan::MiB);
        QCOMPARE(plan.count(), 2);
        QCOMPARE(plan.length(2), 5 * PartPlan::MiB);
    }

    void emptyFileIsOneEmptyPart() {
        const PartPlan plan(0);
        QCOMPARE(plan.count(), 1);
        QCOMPARE(plan.length(1), 0);
    }
};

QTEST_APPLESS_MAIN(TestPartPlan)
#include "tst_partplan.moc"
