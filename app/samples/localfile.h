#pragma once

#include <QCoreApplication>
#include <QString>

namespace SeqDrop {

// Whether a path is a file SeqDrop can send: there, a file, readable, not empty. One wording
// for every place that asks (the intake, the start of an upload, each attempt's re-read, a
// restored queue), so the technician reads the same sentence wherever the file went missing.
class LocalFile {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::LocalFile)
public:
    enum class Problem { None, Missing, Folder, Unreadable, Empty };

    static Problem check(const QString &path);
    // The sentence for `problem`, naming the file and what to do; empty for None.
    static QString describe(Problem problem, const QString &path);
    // check() and describe() in one: empty when the file can be sent.
    static QString problem(const QString &path);

    // A file's size and last modification (milliseconds since the Unix epoch, as
    // QFileInfo::lastModified().toMSecsSinceEpoch() gives it): what says a file changed.
    struct Stamp {
        qint64 size = 0;
        qint64 modified = 0;
    };
    static Stamp stamp(const QString &path);
};

} // namespace SeqDrop
