#include "bandwidthsettingswidget.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeEdit>

#include <cmath>

namespace SeqDrop {

namespace {

// The setting is in bytes per second; the box shows MB/s as the queue's speed column does.
constexpr double BytesPerMB = 1e6;

} // namespace

BandwidthSettingsWidget::BandwidthSettingsWidget(const BandwidthSchedule &schedule, QWidget *parent)
    : QGroupBox(tr("Upload limit"), parent)
    , m_limited(new QCheckBox(tr("&Limit all uploads together to"), this))
    , m_rate(new QDoubleSpinBox(this))
    , m_scheduled(new QCheckBox(tr("Only &from"), this))
    , m_from(new QTimeEdit(schedule.from, this))
    , m_to(new QTimeEdit(schedule.to, this))
    , m_weekdays(new QCheckBox(tr("on &weekdays only"), this)) {
    setObjectName(QStringLiteral("bandwidthSettings"));
    m_limited->setChecked(schedule.limited);
    m_rate->setObjectName(QStringLiteral("bandwidthRate"));
    m_rate->setAccessibleName(tr("Upload limit in megabytes per second"));
    m_rate->setRange(0.1, 10000);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" MB/s"));
    m_rate->setValue(double(schedule.rate) / BytesPerMB);
    m_scheduled->setChecked(schedule.scheduled);
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    m_from->setAccessibleName(tr("Limit from"));
    m_to->setAccessibleName(tr("Limit until"));
    m_weekdays->setChecked(schedule.weekdaysOnly);

    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_limited);
    rateRow->addWidget(m_rate);
    rateRow->addStretch();
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_scheduled);
    hours->addWidget(m_from);
    hours->addWidget(new QLabel(tr("to"), this));
    hours->addWidget(m_to);
    hours->addWidget(m_weekdays);
    hours->addStretch();
    auto *note = new QLabel(tr("Outside those hours uploads go at full speed. The status bar "
                               "turns the limit on and off with one click."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(rateRow);
    layout->addLayout(hours);
    layout->addWidget(note);
    connect(m_limited, &QCheckBox::toggled, this, &BandwidthSettingsWidget::updateEnabled);
    connect(m_scheduled, &QCheckBox::toggled, this, &BandwidthSettingsWidget::updateEnabled);
    updateEnabled();
}

void BandwidthSettingsWidget::updateEnabled() {
    const bool on = m_limited->isChecked();
    m_rate->setEnabled(on);
    m_scheduled->setEnabled(on);
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_weekdays)})
        w->setEnabled(on && m_scheduled->isChecked());
}

BandwidthSchedule BandwidthSettingsWidget::settings() const {
    BandwidthSchedule s;
    s.limited = m_limited->isChecked();
    s.rate = qint64(std::llround(m_rate->value() * BytesPerMB));
    s.scheduled = m_scheduled->isChecked();
    s.from = m_from->time();
    s.to = m_to->time();
    s.weekdaysOnly = m_weekdays->isChecked();
    return s;
}

} // namespace SeqDrop
