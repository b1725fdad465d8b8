#include "progressprinter.h"

#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define SEQDROP_ISATTY _isatty
#define SEQDROP_FILENO _fileno
#else
#include <unistd.h>
#define SEQDROP_ISATTY isatty
#define SEQDROP_FILENO fileno
#endif

using SeqDrop::SampleUpload;

ProgressPrinter::ProgressPrinter(const SeqDrop::UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_enabled(stderrIsTerminal()) {
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &ProgressPrinter::redraw);
}

bool ProgressPrinter::stderrIsTerminal() {
    return SEQDROP_ISATTY(SEQDROP_FILENO(stderr)) != 0;
}

void ProgressPrinter::start() {
    if (m_enabled)
        m_timer.start();
}

void ProgressPrinter::stop() {
    m_timer.stop();
    clear();
}

QString ProgressPrinter::formatBytes(qint64 bytes) {
    const double b = double(bytes);
    if (b >= 1e9)
        return QStringLiteral("%1 GB").arg(b / 1e9, 0, 'f', 2);
    if (b >= 1e6)
        return QStringLiteral("%1 MB").arg(b / 1e6, 0, 'f', 1);
    if (b >= 1e3)
        return QStringLiteral("%1 kB").arg(b / 1e3, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

QString ProgressPrinter::formatDuration(qint64 seconds) {
    if (seconds < 0)
        return QStringLiteral("--:--");
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void ProgressPrinter::clear() {
    if (m_drawn) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}

void ProgressPrinter::printLine(const QString &line) {
    clear();
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

void ProgressPrinter::redraw() {
    const qint64 total = m_queue->totalBytes();
    const qint64 sent = m_queue->bytesSent();
    const double speed = m_queue->bytesPerSecond();
    const int done = m_queue->countIn(SampleUpload::State::Confirmed);
    const int failed = m_queue->countIn(SampleUpload::State::Failed);
    const int all = int(m_queue->samples().size());
    const qint64 eta = speed > 1 ? qint64(double(total - sent) / speed) : -1;
    const int percent = total > 0 ? int(sent * 100 / total) : 0;
    QString line = QStringLiteral("%1/%2 confirmed").arg(done).arg(all);
    if (failed > 0)
        line += QStringLiteral(", %1 failed").arg(failed);
    line += QStringLiteral(" | %1 of %2 (%3%) | %4/s | ETA %5")
                .arg(formatBytes(sent), formatBytes(total))
                .arg(percent)
                .arg(formatBytes(qint64(speed)), formatDuration(eta));
    std::fprintf(stderr, "\r\033[K%s", line.toLocal8Bit().constData());
    std::fflush(stderr);
    m_drawn = true;
}
