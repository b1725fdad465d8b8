#include "samples/filescanner.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace SeqDrop {

namespace {

void addFile(const QFileInfo &info, FileScanner::Result &result) {
    const QString path = info.absoluteFilePath();
    if (!FileScanner::isSequenceFileName(info.fileName()))
        result.skipped.append({path, FileScanner::tr("not a FASTA or FASTQ file")});
    else if (!info.isReadable())
        result.skipped.append({path, FileScanner::tr("cannot be read (permissions)")});
    else if (info.size() == 0)
        result.skipped.append({path, FileScanner::tr("the file is empty")});
    else
        result.files.append(path);
}

} // namespace

bool FileScanner::isSequenceFileName(const QString &fileName) {
    static const QRegularExpression re(
        QStringLiteral("\\.(fastq|fq|fasta|fa|fna|fas)(\\.(gz|gzip))?$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(fileName).hasMatch();
}

FileScanner::Result FileScanner::scan(const QStringList &paths) {
    Result result;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            result.skipped.append({path, tr("no such file or folder")});
        } else if (info.isDir()) {
            // Hidden files are left out: ".DS_Store" and editor backups are never samples.
            QStringList found;
            QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                found.append(it.next());
            found.sort(Qt::CaseInsensitive);
            for (const QString &file : std::as_const(found))
                addFile(QFileInfo(file), result);
        } else {
            addFile(info, result);
        }
    }
    return result;
}

} // namespace SeqDrop
