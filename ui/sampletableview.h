#pragma once

#include <QTableView>

namespace SeqDrop {

class SampleFilterModel;
class SampleTableModel;
class SampleUpload;

// The queue table: whole-row selection, progress bars painted by ProgressDelegate, columns
// sized for what they hold, and the sample commands on its context menu. It shows the queue
// through a SampleFilterModel: header clicks sort (a third click restores the queue's order),
// and the filter field narrows the rows.
class SampleTableView : public QTableView {
    Q_OBJECT
public:
    // `actions` may hold nullptr entries, which become separators.
    SampleTableView(SampleTableModel *model, const QList<QAction *> &actions,
                    QWidget *parent = nullptr);

    // The samples of the selected rows, top to bottom as shown.
    QList<SampleUpload *> selectedSamples() const;
    // Selects these samples' rows (those the filter shows) in one selection change.
    void selectSamples(const QList<SampleUpload *> &samples);
    SampleUpload *sampleAt(const QModelIndex &index) const;
    // The name column fitted to the names (Qt reads at most 100 rows), within reason.
    void fitNameColumn();
    SampleFilterModel *filterModel() const { return m_filter; }

private:
    SampleFilterModel *m_filter;
};

} // namespace SeqDrop
