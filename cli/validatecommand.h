#pragma once

#include "cliarguments.h"

#include <QObject>

namespace SeqDrop {
class ApiClient;
class SampleChecker;
struct SampleSpec;
} // namespace SeqDrop

// `seqdrop-cli validate FILE...`: every file's content, pairs among the FILEs checked
// together, names and sizes; one result per file (text or --json). Exit 0 only when all is
// valid, 1 when a file has a problem, 2 on usage errors (a missing file). With a sample sheet,
// its matching problems count as a file's, and so do projects it names that the account does
// not have, when there is a key to ask with (without one, or offline, that is only noted).
class ValidateCommand : public QObject {
    Q_OBJECT
public:
    ValidateCommand(const CliArguments &args, SeqDrop::ApiClient *api, QObject *parent = nullptr);
    void start();
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    // The sheet's projects (left pending by the intake) looked up in the account's list, then
    // the files checked.
    void checkProjects(const QList<SeqDrop::SampleSpec> &samples);
    void checkFiles(const QList<SeqDrop::SampleSpec> &samples);
    void report();

    CliArguments m_args;
    SeqDrop::ApiClient *m_api;
    SeqDrop::SampleChecker *m_checker = nullptr;
    QStringList m_sheetProblems; // a sample sheet's matching problems: exit status 1
};
