#include "validation/sequencevalidator.h"

#include <QFile>
#include <QFileInfo>

#include <memory>

#include <cstring>
#include <vector>

namespace SeqDrop {

namespace {

const QStringList FastqExtensions = {QStringLiteral("fastq"), QStringLiteral("fq")};
const QStringList FastaExtensions = {
    QStringLiteral("fasta"), QStringLiteral("fa"),  QStringLiteral("fna"), QStringLiteral("fas"),
    QStringLiteral("ffn"),   QStringLiteral("frn"), QStringLiteral("fsa"), QStringLiteral("mfa")};

bool hasGzipSuffix(const QString &name) {
    return name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".gzip"), Qt::CaseInsensitive);
}

QString withoutGzipSuffix(const QString &name) {
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        return name.chopped(3);
    if (name.endsWith(QLatin1String(".gzip"), Qt::CaseInsensitive))
        return name.chopped(5);
    return name;
}

} // namespace

SequenceValidator::SequenceValidator(const QString &fileName)
    : m_name(QFileInfo(fileName).fileName()) {}

SequenceValidator::~SequenceValidator() = default;

bool SequenceValidator::fail(const QString &text) {
    m_failed = true;
    m_problem = text;
    return false;
}

bool SequenceValidator::feed(const char *data, size_t size) {
    if (m_failed)
        return false;
    if (size == 0)
        return true;
    m_raw += qint64(size);
    if (!m_decided) {
        // The first 6 bytes tell gzip (and other compressors) from text.
        const size_t take = qMin(sizeof m_sniff - m_sniffLen, size);
        std::memcpy(m_sniff + m_sniffLen, data, take);
        m_sniffLen += take;
        data += take;
        size -= take;
        if (m_sniffLen < sizeof m_sniff)
            return true;
        if (!decide() || !passRaw(m_sniff, m_sniffLen))
            return false;
    }
    return passRaw(data, size);
}

bool SequenceValidator::decide() {
    m_decided = true;
    const auto starts = [this](const char *magic, size_t n) {
        return m_sniffLen >= n && std::memcmp(m_sniff, magic, n) == 0;
    };
    m_gzip = starts("\x1f\x8b", 2);
    const QString other = starts("BZh", 3) ? QStringLiteral("bzip2")
                          : starts("\xfd"
                                   "7zXZ\0",
                                   6)
                              ? QStringLiteral("xz")
                          : starts("PK\x03\x04", 4)       ? QStringLiteral("zip")
                          : starts("\x28\xb5\x2f\xfd", 4) ? QStringLiteral("zstd")
                                                          : QString();
    if (!other.isEmpty())
        return fail(tr("the file is compressed with %1, which One Codex does not "
                       "accept. Decompress it, or compress it with gzip (.gz).")
                        .arg(other));
    if (m_gzip && !hasGzipSuffix(m_name))
        return fail(tr("the file is gzip-compressed but its name does not end in "
                       ".gz. Rename it to \"%1.gz\".")
                        .arg(m_name));
    if (!m_gzip && hasGzipSuffix(m_name) && m_sniffLen > 0)
        return fail(tr("the name ends in .%1 but the file is not gzip-compressed. "
                       "Rename it to \"%2\", or compress it with gzip.")
                        .arg(m_name.section(QLatin1Char('.'), -1), withoutGzipSuffix(m_name)));
    if (m_gzip)
        m_inflate = std::make_unique<InflateReader>(
            [this](const char *d, size_t n) { return passPlain(d, n); });
    return true;
}

bool SequenceValidator::passRaw(const char *data, size_t size) {
    if (size == 0)
        return !m_failed;
    if (!m_gzip)
        return passPlain(data, size);
    const InflateReader::Status s = m_inflate->feed(data, size);
    if (s == InflateReader::Status::Ok)
        return true;
    if (s == InflateReader::Status::Stopped)
        return false; // the parser (or the extension check) failed
    return failGzip();
}

bool SequenceValidator::failGzip() {
    return fail(tr("the gzip data is damaged (%1) after %2 complete records, near "
                   "line %3. The file is corrupted; copy it again or re-export it "
                   "from the sequencer.")
                    .arg(QCoreApplication::translate("SeqDrop::InflateReader",
                                                     m_inflate->errorText().c_str()),
                         ValidationReport::number(m_parser.records()),
                         ValidationReport::number(m_parser.currentLine())));
}

bool SequenceValidator::passPlain(const char *data, size_t size) {
    if (size == 0)
        return true;
    if (!m_plainSeen) {
        m_plainSeen = true;
        if (!checkExtension(data[0]))
            return false;
    }
    if (!m_parser.feed(data, size)) {
        m_failed = true;
        return false;
    }
    return true;
}

bool SequenceValidator::checkExtension(char first) {
    const FastxParser::Format f = FastxParser::formatOf(first);
    if (f == FastxParser::Format::Unknown)
        return true; // the parser says what is wrong with the content
    const QString base = withoutGzipSuffix(m_name);
    const QString ext =
        base.contains(QLatin1Char('.')) ? base.section(QLatin1Char('.'), -1).toLower() : QString();
    const bool fastq = f == FastxParser::Format::Fastq;
    const QString kind = fastq ? QStringLiteral("FASTQ") : QStringLiteral("FASTA");
    const QString good = fastq ? QStringLiteral("fastq") : QStringLiteral("fasta");
    const QString stem = ext.isEmpty() ? base : base.chopped(ext.size() + 1);
    const QString proposal =
        stem + QLatin1Char('.') + good + (m_gzip ? QStringLiteral(".gz") : QString());
    if ((fastq ? FastqExtensions : FastaExtensions).contains(ext))
        return true;
    if ((fastq ? FastaExtensions : FastqExtensions).contains(ext))
        return fail(tr("the name ends in .%1 (%2) but the file holds %3 records (it "
                       "starts with '%4'). Rename it to \"%5\", or choose the %2 "
                       "file.")
                        .arg(ext, fastq ? QStringLiteral("FASTA") : QStringLiteral("FASTQ"), kind,
                             QString(QLatin1Char(first)), proposal));
    return fail(tr("the file holds %1 records but its name does not end in a %1 "
                   "extension (%2, optionally followed by .gz). Rename it to "
                   "\"%3\".")
                    .arg(kind, fastq ? tr(".fastq or .fq") : tr(".fasta, .fa or .fna"), proposal));
}

void SequenceValidator::fillStatistics(ValidationReport &r) const {
    r.file = m_name;
    r.compressed = m_gzip;
    r.format = m_parser.format() == FastxParser::Format::Fastq   ? QStringLiteral("FASTQ")
               : m_parser.format() == FastxParser::Format::Fasta ? QStringLiteral("FASTA")
                                                                 : QString();
    r.records = m_parser.records();
    r.bases = m_parser.bases();
    r.meanLength = r.records > 0 ? double(r.bases) / double(r.records) : 0.0;
    r.bytesRead = m_raw;
    r.plainBytes = m_parser.plainBytes();
    if (m_parser.sawCrlf())
        r.notes << tr("the file has Windows line endings (CR LF); they are "
                      "accepted.");
    if (m_inflate && m_inflate->members() > 1)
        r.notes << tr("the gzip file has %1 members (concatenated gzip); all were "
                      "read.")
                       .arg(ValidationReport::number(qint64(m_inflate->members())));
    if (m_inflate && m_inflate->paddingBytes() > 0)
        r.notes << tr("%1 zero bytes of padding follow the compressed data; they "
                      "are ignored.")
                       .arg(ValidationReport::number(qint64(m_inflate->paddingBytes())));
}

ValidationReport SequenceValidator::finish() {
    if (m_finished)
        return m_final; // callers (an upload's last block after a failed feed) may ask twice
    if (!m_failed && !m_decided && m_sniffLen > 0)
        (void)(decide() && passRaw(m_sniff, m_sniffLen));
    if (!m_failed && m_gzip) {
        const InflateReader::Status s = m_inflate->finish();
        if (s == InflateReader::Status::Truncated)
            fail(tr("the gzip data stops before its end, after %1 complete records: "
                    "the file is truncated (an interrupted copy or download?). "
                    "Copy it again or re-export it from the sequencer.")
                     .arg(ValidationReport::number(m_parser.records())));
        else if (s == InflateReader::Status::TrailingGarbage || s == InflateReader::Status::Corrupt)
            failGzip();
    }
    if (!m_failed && m_gzip && m_parser.plainBytes() == 0)
        fail(tr("the file is empty once decompressed. Choose the right file, or "
                "export it again from the sequencer."));
    if (!m_failed && !m_parser.finish())
        m_failed = true;

    ValidationReport &r = m_final;
    m_finished = true;
    fillStatistics(r);
    r.ok = !m_failed;
    if (m_failed && !m_problem.isEmpty()) {
        r.problem = m_problem;
    } else if (m_failed) {
        r.problem = m_parser.problem();
        r.record = m_parser.problemRecord();
        r.line = m_parser.problemLine();
    }
    return r;
}

ValidationReport SequenceValidator::validateBytes(const QString &fileName, const char *data,
                                                  size_t size) {
    SequenceValidator v(fileName);
    v.feed(data, size);
    return v.finish();
}

ValidationReport SequenceValidator::validateFile(const QString &path,
                                                 const std::atomic<bool> *cancel,
                                                 Progress progress) {
    SequenceValidator v(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        ValidationReport r;
        r.file = QFileInfo(path).fileName();
        r.problem = tr("the file cannot be read: %1.").arg(file.errorString());
        return r;
    }
    const qint64 total = file.size();
    // Not zeroed: a run folder's thousands of small files each paid a 4 MiB memset.
    const std::unique_ptr<char[]> block(new char[size_t(ReadBlock)]);
    qint64 done = 0;
    while (true) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            ValidationReport r;
            v.fillStatistics(r);
            r.cancelled = true;
            r.problem = tr("validation was cancelled.");
            return r;
        }
        const qint64 n = file.read(block.get(), ReadBlock);
        if (n < 0) {
            ValidationReport r;
            v.fillStatistics(r);
            r.problem = tr("reading the file failed: %1.").arg(file.errorString());
            return r;
        }
        if (n == 0)
            break;
        done += n;
        const bool more = v.feed(block.get(), size_t(n));
        if (progress)
            progress(done, total);
        if (!more)
            break; // the first problem is found: the rest of the file does not matter
    }
    return v.finish();
}

} // namespace SeqDrop
