#include "net/bandwidthlimiter.h"

#include "net/throttleddevice.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <utility>

namespace SeqDrop {

namespace {

// Qt asks for a body 16 KiB at a time; a grant smaller than this is not worth a write.
constexpr qint64 MinGrant = 4096;

} // namespace

BandwidthLimiter::BandwidthLimiter(QObject *parent)
    : QObject(parent) {
    m_clock.start();
    m_wake.setSingleShot(true);
    m_wake.setTimerType(Qt::PreciseTimer);
    connect(&m_wake, &QTimer::timeout, this, &BandwidthLimiter::wake);
}

void BandwidthLimiter::setRate(qint64 bytesPerSecond) {
    bytesPerSecond = qMax<qint64>(0, bytesPerSecond);
    if (bytesPerSecond == m_rate)
        return;
    refill();
    m_rate = bytesPerSecond;
    // What was saved up under the old rate does not carry over as a burst under the new one.
    m_tokens = qMin(m_tokens, capacity());
    Q_EMIT rateChanged(m_rate);
    wake(); // a lifted limit lets everyone go; a new one re-times who waits
}

double BandwidthLimiter::capacity() const {
    // 50 ms worth: any one-second window holds at most 5% over the rate.
    return qMax<double>(double(m_rate) / 20, 4 * MinGrant);
}

void BandwidthLimiter::refill() {
    const qint64 now = m_clock.nsecsElapsed();
    if (m_rate > 0)
        m_tokens = qMin(capacity(), m_tokens + double(now - m_lastNs) * double(m_rate) / 1e9);
    m_lastNs = now;
}

qint64 BandwidthLimiter::take(qint64 wanted, ThrottledDevice *body) {
    if (m_rate == 0 || wanted <= 0)
        return wanted;
    refill();
    const qint64 least = qMin(wanted, MinGrant);
    // Those that waited first go first: a body that was not woken yet does not jump the queue.
    const bool queued = !m_waiting.isEmpty() && !m_waiting.contains(body);
    if (m_tokens < double(least) || queued) {
        if (!m_waiting.contains(body))
            m_waiting.append(body);
        wakeLater(least);
        return 0;
    }
    m_waiting.removeAll(body);
    const qint64 granted = qMin<qint64>(wanted, qint64(m_tokens));
    m_tokens -= double(granted);
    return granted;
}

void BandwidthLimiter::giveBack(qint64 bytes) {
    if (m_rate > 0 && bytes > 0)
        m_tokens = qMin(capacity(), m_tokens + double(bytes));
}

void BandwidthLimiter::wakeLater(qint64 needed) {
    if (m_wake.isActive())
        return;
    const double missing = qMax(0.0, double(needed) - m_tokens);
    m_wake.start(qMax(1, int(std::ceil(missing * 1000 / double(m_rate)))));
}

void BandwidthLimiter::wake() {
    // Each is asked in turn; one that finds the bucket empty again queues up at the end.
    const QList<QPointer<ThrottledDevice>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<ThrottledDevice> &body : waiting)
        if (body)
            body->resume();
    m_waiting.removeAll(nullptr);
}

qint64 BandwidthLimiter::parseRate(const QString &text) {
    static const QRegularExpression form(
        QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kKmMgG]?)\\s*$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return -1;
    double value = m.captured(1).toDouble();
    const QChar suffix = m.captured(2).isEmpty() ? QChar() : m.captured(2).at(0).toUpper();
    if (suffix == QLatin1Char('K'))
        value *= 1024;
    else if (suffix == QLatin1Char('M'))
        value *= 1024.0 * 1024;
    else if (suffix == QLatin1Char('G'))
        value *= 1024.0 * 1024 * 1024;
    return value >= 1 ? qint64(value) : -1;
}

QString BandwidthLimiter::rateText(qint64 bytesPerSecond) {
    return QLocale::c().formattedDataSize(bytesPerSecond, 1, QLocale::DataSizeSIFormat) +
           QStringLiteral("/s");
}

} // namespace SeqDrop
