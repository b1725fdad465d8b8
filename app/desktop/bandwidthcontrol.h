#pragma once

#include "net/bandwidthschedule.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace SeqDrop {

class BandwidthLimiter;

// The window's upload limit, applied to the engine's one BandwidthLimiter: the rate while the
// schedule says it applies, none outside it, switched at the schedule's edges (and checked at
// least once a minute, so a computer that slept or changed its clock catches up). The status
// bar's toggle turns the limit on and off and is remembered.
class BandwidthControl : public QObject {
    Q_OBJECT
public:
    explicit BandwidthControl(BandwidthLimiter *limiter, QObject *parent = nullptr);

    // Applies at once, running uploads included.
    void setSchedule(const BandwidthSchedule &schedule);
    const BandwidthSchedule &schedule() const { return m_schedule; }
    // The toggle: the limit on or off, the rest of the setting kept; saved in the settings.
    void setLimited(bool on);
    // What the status bar says: "Uploads limited to 5.0 MB/s until 18:00", "No upload limit".
    QString statusText() const;

Q_SIGNALS:
    void changed();

private:
    void apply();

    QPointer<BandwidthLimiter> m_limiter;
    BandwidthSchedule m_schedule;
    QTimer m_edge;
};

} // namespace SeqDrop
