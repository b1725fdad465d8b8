#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace SeqDrop {

class SampleFilterModel;

// The filter field above the queue (Ctrl+F): what is typed narrows the table a moment after the
// last key, not on every key (each pass reads every row of a 10,000-row queue), and while a
// filter is on, a label says how many rows it shows of how many, so hidden rows are never a
// surprise.
class SampleFilterField : public QWidget {
    Q_OBJECT
public:
    explicit SampleFilterField(SampleFilterModel *filter, QWidget *parent = nullptr);

    static constexpr int DelayMs = 150;

    QLineEdit *input() const { return m_input; }
    QLabel *countLabel() const { return m_count; }
    // Applies what is typed now, without waiting (tests, Return).
    void apply();

private:
    void updateCount();

    SampleFilterModel *m_filter;
    QLineEdit *m_input;
    QLabel *m_count;
    QTimer m_delay;
};

} // namespace SeqDrop
