#include "util/logbuffer.h"

#include "util/redactor.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>

#include <deque>

namespace SeqDrop {

namespace {

// Never destroyed, like Redactor's state: Qt still logs while the process exits, and a
// destroyed deque would then be appended to.
struct State {
    QMutex mutex;
    std::deque<QString> lines;
    int capacity = LogBuffer::DefaultCapacity;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

State &state() {
    static State *const s = new State; // leaked on purpose, see above
    return *s;
}

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
    if (const QtMessageHandler previous = state().previous; previous && !quiet)
        previous(type, context, message);
}

} // namespace

void LogBuffer::install(int capacity, bool debug) {
    State &s = state();
    {
        QMutexLocker lock(&s.mutex);
        s.capacity = qMax(1, capacity);
        if (s.installed)
            return;
        s.installed = true;
    }
    s.previous = qInstallMessageHandler(bufferingHandler);
    if (debug && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("seqdrop.*.debug=true"));
}

void LogBuffer::append(const QString &line) {
    const QString clean = Redactor::redact(line);
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.lines.push_back(clean);
    while (int(s.lines.size()) > s.capacity)
        s.lines.pop_front();
}

QStringList LogBuffer::lines() {
    State &s = state();
    QMutexLocker lock(&s.mutex);
    return QStringList(s.lines.begin(), s.lines.end());
}

void LogBuffer::clear() {
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.lines.clear();
}

} // namespace SeqDrop
