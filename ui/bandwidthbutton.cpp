#include "bandwidthbutton.h"

#include "desktop/bandwidthcontrol.h"
#include "net/bandwidthlimiter.h"

namespace SeqDrop {

BandwidthButton::BandwidthButton(BandwidthControl *control, QWidget *parent)
    : QToolButton(parent)
    , m_control(control) {
    setObjectName(QStringLiteral("bandwidthButton"));
    setCheckable(true);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(this, &QToolButton::clicked, this, [this](bool on) { m_control->setLimited(on); });
    connect(control, &BandwidthControl::changed, this, &BandwidthButton::refresh);
    refresh();
}

void BandwidthButton::refresh() {
    const BandwidthSchedule &schedule = m_control->schedule();
    setChecked(schedule.limited);
    setText(m_control->statusText());
    setAccessibleName(tr("Upload limit"));
    setToolTip(schedule.limited
                   ? tr("Click to lift the limit of %1 on all uploads together. The rate and "
                        "the hours it applies are in Settings.")
                         .arg(BandwidthLimiter::rateText(schedule.rate))
                   : tr("Click to limit all uploads together to %1, so they leave room on a "
                        "shared connection. The rate and the hours it applies are in Settings.")
                         .arg(BandwidthLimiter::rateText(schedule.rate)));
}

} // namespace SeqDrop
