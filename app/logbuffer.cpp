#include "logbuffer.h"

#include "redactor.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>

#include <deque>

namespace SeqDrop {

namespace {

QMutex g_mutex;
std::deque<QString> g_lines;
int g_capacity = LogBuffer::DefaultCapacity;
QtMessageHandler g_previous = nullptr;
bool g_installed = false;

const char *levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void bufferingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    LogBuffer::append(QStringLiteral("%1 %2 %3: %4")
                          .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                               QLatin1String(levelName(type)),
                               QLatin1String(context.category ? context.category : "default"),
                               message));
    // Debug lines were switched on for the buffer, not for the console.
    const bool quiet = type == QtDebugMsg && context.category &&
                       qstrncmp(context.category, "seqdrop.", 8) == 0 &&
                       qEnvironmentVariableIsEmpty("QT_LOGGING_RULES");
    if (g_previous && !quiet)
        g_previous(type, context, message);
}

} // namespace

void LogBuffer::install(int capacity, bool debug) {
    {
        QMutexLocker lock(&g_mutex);
        g_capacity = qMax(1, capacity);
        if (g_installed)
            return;
        g_installed = true;
    }
    g_previous = qInstallMessageHandler(bufferingHandler);
    if (debug && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("seqdrop.*.debug=true"));
}

void LogBuffer::append(const QString &line) {
    const QString clean = Redactor::redact(line);
    QMutexLocker lock(&g_mutex);
    g_lines.push_back(clean);
    while (int(g_lines.size()) > g_capacity)
        g_lines.pop_front();
}

QStringList LogBuffer::lines() {
    QMutexLocker lock(&g_mutex);
    return QStringList(g_lines.begin(), g_lines.end());
}

void LogBuffer::clear() {
    QMutexLocker lock(&g_mutex);
    g_lines.clear();
}

} // namespace SeqDrop
