#pragma once

#include <QTableView>

namespace SeqDrop {

class SampleTableModel;

// The queue table: whole-row selection, progress bars painted by ProgressDelegate, columns
// sized for what they hold, and the sample commands on its context menu.
class SampleTableView : public QTableView {
    Q_OBJECT
public:
    // `actions` may hold nullptr entries, which become separators.
    SampleTableView(SampleTableModel *model, const QList<QAction *> &actions,
                    QWidget *parent = nullptr);
};

} // namespace SeqDrop
