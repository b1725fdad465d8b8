#pragma once

// Helpers shared by the validation tests: real gzip (zlib), files in a temp dir, FASTQ text.
#include <QByteArray>
#include <QFile>
#include <QString>

#include <zlib.h>

namespace Fixtures {

// One gzip member (RFC 1952) of data, with zlib's default header or `header`.
inline QByteArray gzipMember(const QByteArray &data, int level, gz_header *header) {
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    if (header)
        deflateSetHeader(&zs, header);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 256, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(int(zs.total_out));
    deflateEnd(&zs);
    return out;
}

// One gzip member of data; level 1 like the benchmark's gzip -1.
inline QByteArray gzip(const QByteArray &data, int level = 6) {
    return gzipMember(data, level, nullptr);
}

// One gzip member whose header carries a file name and its own CRC (FNAME, FHCRC), as
// gzip --name and some sequencer pipelines write. headerBytes() tells where the CRC is.
inline QByteArray gzipNamed(const QByteArray &data, const QByteArray &name) {
    QByteArray nameZ = name; // zlib reads it up to its NUL
    gz_header header{};
    header.name = reinterpret_cast<Bytef *>(nameZ.data());
    header.hcrc = 1;
    return gzipMember(data, 6, &header);
}
// Bytes of gzipNamed()'s header before its 2-byte CRC.
inline int headerBytes(const QByteArray &name) {
    return 10 + int(name.size()) + 1;
}

inline QString write(const QString &dir, const QString &name, const QByteArray &bytes) {
    const QString path = dir + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return QString();
    return path;
}

// n FASTQ records "@<prefix><i><suffix> <comment>", ACGT bases of `length` from a fixed
// pattern, qualities 'I'.
inline QByteArray fastq(int n, int length = 4, const QByteArray &prefix = "r",
                        const QByteArray &suffix = "", const QByteArray &comment = "",
                        int first = 1) {
    QByteArray out;
    QByteArray seq(length, 'A');
    static const char acgt[] = "ACGT";
    for (int i = 0; i < length; ++i)
        seq[i] = acgt[(i * 7 + i / 3) % 4];
    const QByteArray qual(length, 'I');
    for (int i = first; i < first + n; ++i) {
        out += '@' + prefix + QByteArray::number(i) + suffix;
        if (!comment.isEmpty())
            out += ' ' + comment;
        out += '\n' + seq + "\n+\n" + qual + '\n';
    }
    return out;
}

} // namespace Fixtures
