#include "net/bandwidthschedule.h"

#include <QTimeZone>

namespace SeqDrop {

bool BandwidthSchedule::inWindow(const QDateTime &now) const {
    const QTime t = now.time();
    if (from == to)
        return !weekdaysOnly || isWeekday(now.date()); // the whole day
    if (from < to)
        return t >= from && t < to && (!weekdaysOnly || isWeekday(now.date()));
    // Over midnight: the evening belongs to today, the small hours to the day before.
    if (t >= from)
        return !weekdaysOnly || isWeekday(now.date());
    if (t < to)
        return !weekdaysOnly || isWeekday(now.date().addDays(-1));
    return false;
}

qint64 BandwidthSchedule::rateAt(const QDateTime &now) const {
    if (!limited || rate <= 0)
        return 0;
    return !scheduled || inWindow(now) ? rate : 0;
}

QDateTime BandwidthSchedule::nextChange(const QDateTime &now) const {
    if (!limited || !scheduled)
        return {};
    // The next `from` or `to` after now, on today's date or one of the next eight days.
    QDateTime best;
    for (int day = 0; day <= 8 && !best.isValid(); ++day) {
        const QDate date = now.date().addDays(day);
        for (const QTime &edge : {from, to}) {
            const QDateTime at(date, edge, now.timeZone());
            if (at > now && (!best.isValid() || at < best) && rateAt(at) != rateAt(now))
                best = at;
        }
    }
    return best;
}

} // namespace SeqDrop
