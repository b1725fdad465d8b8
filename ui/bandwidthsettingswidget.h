#pragma once

#include "net/bandwidthschedule.h"

#include <QGroupBox>

class QCheckBox;
class QDoubleSpinBox;
class QTimeEdit;

namespace SeqDrop {

// Settings' "Upload limit" group: one rate for all uploads together, and optionally the hours
// (and weekdays) it applies, full speed outside them.
class BandwidthSettingsWidget : public QGroupBox {
    Q_OBJECT
public:
    explicit BandwidthSettingsWidget(const BandwidthSchedule &schedule, QWidget *parent = nullptr);

    BandwidthSchedule settings() const;

    QCheckBox *limitBox() const { return m_limited; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QCheckBox *scheduleBox() const { return m_scheduled; }
    QTimeEdit *fromEdit() const { return m_from; }
    QTimeEdit *toEdit() const { return m_to; }
    QCheckBox *weekdaysBox() const { return m_weekdays; }

private:
    void updateEnabled();

    QCheckBox *m_limited;
    QDoubleSpinBox *m_rate;
    QCheckBox *m_scheduled;
    QTimeEdit *m_from;
    QTimeEdit *m_to;
    QCheckBox *m_weekdays;
};

} // namespace SeqDrop
