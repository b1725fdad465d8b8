#pragma once

#include <QDateTime>
#include <QTime>

namespace SeqDrop {

// When the upload limit applies: always, or only between two times of day (on weekdays only,
// if asked), unlimited outside them. A window may run over midnight (18:00 to 08:00: the
// evening and the next morning, which belongs to the day it started on). Plain data: the
// window's settings keep it, BandwidthControl applies it.
struct BandwidthSchedule {
    bool limited = false;
    qint64 rate = 10000000; // bytes per second while the limit applies (10 MB/s until set)
    bool scheduled = false;
    QTime from = QTime(8, 0);
    QTime to = QTime(18, 0);
    bool weekdaysOnly = true;

    // The limit at `now` in bytes per second; 0: none.
    qint64 rateAt(const QDateTime &now) const;
    // The next moment after `now` at which rateAt() may change; invalid when it never does.
    QDateTime nextChange(const QDateTime &now) const;

private:
    bool inWindow(const QDateTime &now) const;
    static bool isWeekday(const QDate &date) { return date.dayOfWeek() <= 5; }
};

} // namespace SeqDrop
