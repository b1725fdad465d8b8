// The queue table as the user sorts and filters it: names in the lab's order (S2 before S10),
// sizes as numbers, failures first by status, a third click back to the upload order; the filter
// keeps rows holding every word; selections map to the right samples whatever the order, and stay
// ranges rather than one entry per row.
#include "net/apiclient.h"
#include "samplefilterfield.h"
#include "samplefiltermodel.h"
#include "sampletablemodel.h"
#include "sampletableview.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;

namespace {
// Plate7-001_S1 .. Plate7-012_S12, written in a shuffled order with sizes that do not follow it.
const QList<int> AddOrder{7, 12, 1, 10, 3, 2, 11, 5, 9, 4, 8, 6};
} // namespace

class TestSampleFilterModel : public QObject {
    Q_OBJECT

private:
    QStringList names(const SampleFilterModel &model) const {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, SampleTableModel::NameColumn).data().toString();
        return out;
    }
    static QString name(int n) {
        return QStringLiteral("Plate7-%1_S%2_L001").arg(n, 3, 10, QLatin1Char('0')).arg(n);
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    ApiClient m_api{&m_nam};
    UploadQueue m_queue{&m_api}; // paused: nothing starts
    SampleTableModel m_model{&m_queue};

private Q_SLOTS:
    void initTestCase() {
        QList<SampleSpec> specs;
        for (int n : AddOrder) {
            SampleSpec spec;
            // Reads: 13 - n, so S1 is the largest file and S12 the smallest.
            spec.file = writeFastq(m_dir.path(), name(n) + QStringLiteral("_R1_001.fastq"),
                                   (13 - n) * 40, 100, quint32(n));
            QVERIFY(!spec.file.isEmpty());
            specs << spec;
        }
        m_queue.add(specs);
        QCOMPARE(m_model.rowCount(), AddOrder.size());
    }

    void namesSortInTheLabsOrderAndBack() {
        SampleTableView view(&m_model, {});
        SampleFilterModel *model = view.filterModel();
        QStringList queueOrder;
        for (int n : AddOrder)
            queueOrder << name(n);
        QCOMPARE(names(*model), queueOrder); // unsorted at first: the upload order

        QHeaderView *header = view.horizontalHeader();
        header->setSortIndicator(SampleTableModel::NameColumn, Qt::AscendingOrder);
        QStringList natural;
        for (int n = 1; n <= 12; ++n)
            natural << name(n);
        QCOMPARE(names(*model), natural); // S2 before S10, not S1, S10, S11, S12, S2
        // Sorting shows, it does not reorder the uploads.
        QCOMPARE(m_queue.samples().first()->spec().file.contains(name(7)), true);

        header->setSortIndicator(SampleTableModel::SizeColumn, Qt::AscendingOrder);
        QStringList bySize = natural;
        std::reverse(bySize.begin(), bySize.end()); // S12 is the smallest
        QCOMPARE(names(*model), bySize);

        header->setSortIndicator(-1, Qt::AscendingOrder); // the header's third click
        QCOMPARE(names(*model), queueOrder);
    }

    // By status, what needs the user comes first and what is over last.
    void statusSortsWhatIsOverLast() {
        SampleTableView view(&m_model, {});
        SampleUpload *fourth = m_queue.samples().at(3);
        fourth->cancel(); // a final state: after the waiting ones
        m_model.flush();
        view.horizontalHeader()->setSortIndicator(SampleTableModel::StatusColumn,
                                                  Qt::AscendingOrder);
        QCOMPARE(view.filterModel()->sampleAt(view.filterModel()->rowCount() - 1), fourth);
        view.horizontalHeader()->setSortIndicator(SampleTableModel::StatusColumn,
                                                  Qt::DescendingOrder);
        QCOMPARE(view.filterModel()->sampleAt(0), fourth);
        view.horizontalHeader()->setSortIndicator(SampleTableModel::StatusColumn,
                                                  Qt::AscendingOrder);
        QVERIFY(m_queue.retry(fourth));
        m_model.flush();
        // Re-sorted as the row changed (dynamic sorting): back among the waiting ones, which
        // keep the queue's order among themselves.
        for (int row = 0; row < view.filterModel()->rowCount(); ++row)
            QCOMPARE(view.filterModel()->sampleAt(row), m_queue.samples().at(row));
    }

    void selectionsMapToTheirSamplesWhateverTheOrder() {
        SampleTableView view(&m_model, {});
        view.horizontalHeader()->setSortIndicator(SampleTableModel::NameColumn,
                                                  Qt::DescendingOrder);
        view.selectRow(0); // the shown first row: S12
        QCOMPARE(view.selectedSamples().size(), 1);
        QVERIFY(view.selectedSamples().first()->spec().file.contains(name(12)));

        // Samples adjacent in the shown order become one range, however the queue holds them.
        QList<SampleUpload *> wanted;
        for (SampleUpload *s : m_queue.samples())
            for (int n : {4, 5, 6, 7, 8})
                if (s->spec().file.contains(name(n)))
                    wanted << s;
        QSignalSpy changes(view.selectionModel(), &QItemSelectionModel::selectionChanged);
        view.selectSamples(wanted);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(view.selectionModel()->selection().size(), 1); // one range
        QCOMPARE(view.selectedSamples().size(), 5);
        QVERIFY(view.selectedSamples().first()->spec().file.contains(name(8))); // shown order
    }

    void filterKeepsRowsWithEveryWord() {
        SampleTableView view(&m_model, {});
        SampleFilterField field(view.filterModel());
        QVERIFY(field.countLabel()->isHidden());
        field.input()->setText(QStringLiteral("s1"));
        QCOMPARE(view.filterModel()->rowCount(), m_model.rowCount()); // not applied on each key
        field.apply();
        // S1, S10, S11, S12: "s1" is in each (case ignored).
        QCOMPARE(view.filterModel()->rowCount(), 4);
        QVERIFY(!field.countLabel()->isHidden());
        QCOMPARE(field.countLabel()->text(), QStringLiteral("4 of 12 shown"));
        field.input()->setText(QStringLiteral("plate7 S1_"));
        QTRY_COMPARE(view.filterModel()->rowCount(), 1); // after the field's delay
        QVERIFY(view.filterModel()->sampleAt(0)->spec().file.contains(name(1)));
        // A filtered-out sample cannot be selected through the view.
        view.selectSamples(m_queue.samples());
        QCOMPARE(view.selectedSamples().size(), 1);
        field.input()->clear();
        field.apply();
        QCOMPARE(view.filterModel()->rowCount(), m_model.rowCount());
        QVERIFY(field.countLabel()->isHidden());
        // Rows added later obey the filter as well.
        field.input()->setText(QStringLiteral("Undetermined"));
        field.apply();
        QCOMPARE(view.filterModel()->rowCount(), 0);
        SampleSpec undetermined;
        undetermined.file =
            writeFastq(m_dir.path(), QStringLiteral("Undetermined_S0_L001_R1_001.fastq"), 10);
        m_queue.add(undetermined);
        QCOMPARE(view.filterModel()->rowCount(), 1);
        QCOMPARE(field.countLabel()->text(), QStringLiteral("1 of 13 shown"));
    }
};

QTEST_MAIN(TestSampleFilterModel)
#include "tst_ui_samplefiltermodel.moc"
