#pragma once

#include <QByteArray>
#include <QString>

// Real files on disk for tests: FASTQ with deterministic content, gzip, big
// filler files, and their MD5 (which is what the storage ETag must equal).
namespace TestFiles {

// Writes dir/name with `records` valid FASTQ records (ACGT bases from a
// seeded generator, Phred+33 qualities) and returns the full path, or an
// empty string on failure. Same arguments, same bytes.
QString writeFastq(const QString &dir, const QString &name, int records, int readLength = 100,
                   quint32 seed = 1);

// The FASTQ text writeFastq() would write.
QByteArray fastqText(int records, int readLength = 100, quint32 seed = 1,
                     const QString &readPrefix = "read");

// Writes `data` gzip-compressed (RFC 1952, readable by gzip/zlib) to path;
// returns path or an empty string. Uses Qt's zlib through qCompress, so no
// extra library is linked.
QString writeGzip(const QString &path, const QByteArray &data);

// Writes `size` bytes of `fill` (in 1 MiB blocks, without holding the file in
// memory); returns path or an empty string.
QString writeBytes(const QString &path, qint64 size, char fill);

// Lower-case hex MD5 of a file's content (empty on read failure).
QByteArray md5OfFile(const QString &path);

} // namespace TestFiles

// The names the brief uses, as free functions.
inline QString writeFastq(const QString &dir, const QString &name, int records,
                          int readLength = 100, quint32 seed = 1) {
    return TestFiles::writeFastq(dir, name, records, readLength, seed);
}
inline QString writeGzip(const QString &path, const QByteArray &data) {
    return TestFiles::writeGzip(path, data);
}
inline QString writeBytes(const QString &path, qint64 size, char fill) {
    return TestFiles::writeBytes(path, size, fill);
}
inline QByteArray md5OfFile(const QString &path) {
    return TestFiles::md5OfFile(path);
}
