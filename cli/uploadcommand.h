#pragma once

#include "cliarguments.h"
#include "journal/crashresume.h"
#include "journal/journal.h"
#include "samples/samplespec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

namespace SeqDrop {
class ApiClient;
class ApiJob;
class Engine;
class SampleChecker;
class SampleUpload;
class ServerStatusWatcher;
class UploadQueue;
} // namespace SeqDrop
class ProgressPrinter;

// `seqdrop-cli upload`: checks every input before the first byte leaves, proves the key with
// /account, resolves the project, then runs the queue and reports one line (or JSON object)
// per sample. Emits done(exitCode) once.
class UploadCommand : public QObject {
    Q_OBJECT
public:
    UploadCommand(const CliArguments &args, SeqDrop::Engine *engine, QObject *parent = nullptr);

    void start();
    // Ctrl-C: cancel everything (created samples are cancelled on the server), then finish.
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    int prepareSamples(); // exit code 2 on bad input, -1 to go on
    void checkSamples();
    void checkAccount();
    void resolveProject();
    // The CLI's front end of crash resume (CrashResume): files already confirmed by an earlier
    // run are reported, not sent; samples a killed run left unfinished are settled first.
    void resume();
    void runQueue();
    void reportAlreadyConfirmed(const SeqDrop::Journal::Entry &entry);
    static QJsonObject resultJson(const SeqDrop::SampleSpec &spec, const QString &sampleId,
                                  const QString &status, const QJsonValue &error, qint64 bytes,
                                  double seconds, int retries, const QString &route = {});
    static void printStdout(const QByteArray &line);
    void report(SeqDrop::SampleUpload *sample);
    // --wait: every confirmed sample's verdict on One Codex, then the exit code (1 when one
    // failed validation there).
    void reportVerdict(SeqDrop::SampleUpload *sample);
    void queueDone();
    void finish(int exitCode);
    void printError(const QString &message);

    CliArguments m_args;
    SeqDrop::Engine *m_engine;
    SeqDrop::ApiClient *m_api;
    SeqDrop::UploadQueue *m_queue = nullptr; // once the run has started
    SeqDrop::SampleChecker *m_checker = nullptr;
    ProgressPrinter *m_printer = nullptr;
    SeqDrop::ServerStatusWatcher *m_verdicts = nullptr; // --wait
    int m_exitCode = 0;
    QList<SeqDrop::SampleSpec> m_specs;
    QHash<QString, SeqDrop::CrashResume::RunPlan::Resumable> m_resumable;
    int m_alreadyConfirmed = 0;
    bool m_interrupted = false;
    bool m_finished = false;
};
