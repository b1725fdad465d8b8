#include "samples/localfile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#endif

namespace SeqDrop {

LocalFile::Problem LocalFile::check(const QString &path) {
    const QFileInfo info(path);
    if (!info.exists())
        return Problem::Missing;
    if (info.isDir())
        return Problem::Folder;
    if (!info.isFile() || !info.isReadable())
        return Problem::Unreadable;
    if (info.size() < 1)
        return Problem::Empty;
    return Problem::None;
}

QString LocalFile::describe(Problem problem, const QString &path) {
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Missing:
        return tr("%1 does not exist (moved or deleted?). Add it again.").arg(path);
    case Problem::Folder:
        return tr("%1 is a folder; add the sequence files in it.").arg(path);
    case Problem::Unreadable:
        return tr("%1 cannot be read. Check its permissions.").arg(path);
    case Problem::Empty:
        return tr("%1 is empty; there is nothing to upload.").arg(path);
    }
    return {};
}

LocalFile::Stamp LocalFile::stamp(const QString &path) {
#ifdef Q_OS_LINUX
    // One stat() instead of QFileInfo::lastModified().toMSecsSinceEpoch(), which turns the
    // file's UTC time into local time and back: two time-zone conversions per file, each of
    // which has glibc look at /etc/localtime again. Fingerprinting a 5,000-row queue spent most
    // of its time there. Same number: Qt truncates the nanoseconds to milliseconds too.
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return {qint64(st.st_size),
                qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000};
#endif
    const QFileInfo info(path);
    return {info.size(), info.lastModified().toMSecsSinceEpoch()};
}

QString LocalFile::problem(const QString &path) {
    return describe(check(path), path);
}

} // namespace SeqDrop
