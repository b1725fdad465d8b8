#pragma once

#include <QTableView>

namespace SeqDrop {

class SampleTableModel;
class SampleUpload;

// The queue table: whole-row selection, progress bars painted by ProgressDelegate, columns
// sized for what they hold, and the sample commands on its context menu.
class SampleTableView : public QTableView {
    Q_OBJECT
public:
    // `actions` may hold nullptr entries, which become separators.
    SampleTableView(SampleTableModel *model, const QList<QAction *> &actions,
                    QWidget *parent = nullptr);

    // The samples of the selected rows, top to bottom.
    QList<SampleUpload *> selectedSamples() const;

private:
    SampleTableModel *m_model;
};

} // namespace SeqDrop
