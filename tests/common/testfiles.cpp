#include "testfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtEndian>

namespace {

quint32 crc32(const QByteArray &data) {
    static quint32 table[256];
    static const bool ready = [] {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return true;
    }();
    Q_UNUSED(ready);
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

bool writeAll(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace

QByteArray TestFiles::fastqText(int records, int readLength, quint32 seed,
                                const QString &readPrefix) {
    static const char bases[] = "ACGT";
    QRandomGenerator rng(seed);
    QByteArray out;
    out.reserve(records * (2 * readLength + 40));
    for (int r = 0; r < records; ++r) {
        out += '@' + readPrefix.toLatin1() + '_' + QByteArray::number(r + 1) + '\n';
        for (int i = 0; i < readLength; ++i)
            out += bases[rng.bounded(4)];
        out += "\n+\n";
        for (int i = 0; i < readLength; ++i)
            out += char('!' + 10 + rng.bounded(31)); // Phred 10..40
        out += '\n';
    }
    return out;
}

QString TestFiles::writeFastq(const QString &dir, const QString &name, int records, int readLength,
                              quint32 seed) {
    const QString path = QDir(dir).filePath(name);
    return writeAll(path, fastqText(records, readLength, seed)) ? path : QString();
}

QString TestFiles::writeGzip(const QString &path, const QByteArray &data) {
    // qCompress = 4-byte big-endian length + zlib stream (2-byte header, raw
    // deflate, 4-byte Adler-32). gzip wants the raw deflate between its own
    // 10-byte header and a CRC-32 + length trailer.
    const QByteArray zlib = qCompress(data, 6);
    if (zlib.size() < 4 + 2 + 4)
        return QString();
    const QByteArray deflate = zlib.mid(6, zlib.size() - 6 - 4);
    QByteArray gz("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10); // deflate, no flags, Unix
    gz += deflate;
    char trailer[8];
    qToLittleEndian<quint32>(crc32(data), trailer);
    qToLittleEndian<quint32>(quint32(data.size()), trailer + 4);
    gz.append(trailer, 8);
    return writeAll(path, gz) ? path : QString();
}

QString TestFiles::writeBytes(const QString &path, qint64 size, char fill) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    const QByteArray block(1 << 20, fill);
    for (qint64 left = size; left > 0;) {
        const qint64 n = qMin<qint64>(left, block.size());
        if (f.write(block.constData(), n) != n)
            return QString();
        left -= n;
    }
    return path;
}

QByteArray TestFiles::md5OfFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Md5);
    if (!hash.addData(&f))
        return QByteArray();
    return hash.result().toHex();
}
