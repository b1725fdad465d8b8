#pragma once

#include <QStringList>

namespace SeqDrop {

// The last log lines of this run, kept in memory for "Save diagnostics…": fed by the Qt
// message handler, redacted as they arrive (and again when saved, for secrets that became
// known later). Thread-safe: Qt logs from worker threads too.
class LogBuffer {
public:
    static constexpr int DefaultCapacity = 2000;

    // Installs the handler (once per process), in front of the previous one, which still
    // prints. With `debug`, SeqDrop's own debug categories are switched on so that the buffer
    // holds every request and transition; Qt's own stay as configured.
    static void install(int capacity = DefaultCapacity, bool debug = true);
    static void append(const QString &line);
    // Oldest first.
    static QStringList lines();
    static void clear();
};

} // namespace SeqDrop
