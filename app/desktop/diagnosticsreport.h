#pragma once

#include <QString>
#include <QStringList>

namespace SeqDrop {

class Journal;
class UploadQueue;

// The text a user sends to support ("Save diagnostics…"): versions, operating system, settings
// (no secrets: the key and the proxy password are never in them), how SeqDrop connects, a
// summary of the upload journal (counts by state, the last errors) and the recent log lines.
// The whole text goes through the Redactor last, so the API key, Basic credentials, presigned
// policies and signatures cannot appear in it even if a log line carried them.
class DiagnosticsReport {
public:
    struct Context {
        QString server;  // the API address in use
        QString session; // "signed in", "sandbox", ...
        QString proxy;   // ProxySettings::describe()
        QString network; // what NetworkWatcher says
        const Journal *journal = nullptr;
        QStringList queue; // one line per row of the window's queue, if any
    };

    static constexpr int LogLines = 1000;
    static constexpr int LastErrors = 20;

    static QString build(const Context &context);
    // One line per sample: name, state, sample id, error.
    static QStringList describeQueue(const UploadQueue *queue);
    // Writes `text` to `path`; returns an error sentence, or empty on success.
    static QString write(const QString &path, const QString &text);

    // Section titles, for readers and tests.
    static constexpr const char *SystemSection = "== System";
    static constexpr const char *ConnectionSection = "== Connection";
    static constexpr const char *SettingsSection = "== Settings";
    static constexpr const char *JournalSection = "== Upload journal";
    static constexpr const char *QueueSection = "== Queue";
    static constexpr const char *LogSection = "== Recent log";
};

} // namespace SeqDrop
