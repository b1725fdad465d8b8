#include "desktop/bandwidthcontrol.h"

#include "desktop/appsettings.h"
#include "net/bandwidthlimiter.h"

namespace SeqDrop {

namespace {

constexpr qint64 RecheckMs = 60 * 1000;

} // namespace

BandwidthControl::BandwidthControl(BandwidthLimiter *limiter, QObject *parent)
    : QObject(parent)
    , m_limiter(limiter) {
    m_edge.setSingleShot(true);
    connect(&m_edge, &QTimer::timeout, this, &BandwidthControl::apply);
}

void BandwidthControl::setSchedule(const BandwidthSchedule &schedule) {
    m_schedule = schedule;
    apply();
}

void BandwidthControl::setLimited(bool on) {
    BandwidthSchedule schedule = AppSettings::bandwidth();
    schedule.limited = on;
    AppSettings::setBandwidth(schedule);
    setSchedule(schedule);
}

void BandwidthControl::apply() {
    const QDateTime now = QDateTime::currentDateTime();
    if (m_limiter)
        m_limiter->setRate(m_schedule.rateAt(now));
    const QDateTime next = m_schedule.nextChange(now);
    if (next.isValid())
        m_edge.start(int(qBound<qint64>(1, now.msecsTo(next) + 100, RecheckMs)));
    else
        m_edge.stop();
    Q_EMIT changed();
}

QString BandwidthControl::statusText() const {
    const QDateTime now = QDateTime::currentDateTime();
    const qint64 rate = m_schedule.rateAt(now);
    const QDateTime next = m_schedule.nextChange(now);
    const QString at =
        next.isValid() ? QLocale().toString(next.time(), QLocale::ShortFormat) : QString();
    if (rate > 0)
        return at.isEmpty()
                   ? tr("Uploads limited to %1").arg(BandwidthLimiter::rateText(rate))
                   : tr("Uploads limited to %1 until %2").arg(BandwidthLimiter::rateText(rate), at);
    if (m_schedule.limited && !at.isEmpty())
        return tr("No upload limit until %1").arg(at);
    return tr("No upload limit");
}

} // namespace SeqDrop
