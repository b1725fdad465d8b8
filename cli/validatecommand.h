#pragma once

#include "cliarguments.h"

#include <QObject>

namespace SeqDrop {
class SampleChecker;
}

// `seqdrop-cli validate FILE...`: every file's content, pairs among the FILEs checked
// together, names and sizes; one result per file (text or --json). Exit 0 only when all is
// valid, 1 when a file has a problem, 2 on usage errors (a missing file).
class ValidateCommand : public QObject {
    Q_OBJECT
public:
    explicit ValidateCommand(const CliArguments &args, QObject *parent = nullptr);
    void start();
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    void report();

    CliArguments m_args;
    SeqDrop::SampleChecker *m_checker = nullptr;
    QStringList m_sheetProblems; // a sample sheet's matching problems: exit status 1
};
