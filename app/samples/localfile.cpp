#include "samples/localfile.h"

#include <QFileInfo>

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

QString LocalFile::problem(const QString &path) {
    return describe(check(path), path);
}

} // namespace SeqDrop
