#pragma once

#include "validation/fastxparser.h"
#include "validation/inflatereader.h"
#include "validation/validationreport.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace SeqDrop {

// Checks one FASTA/FASTQ file, plain or gzip (content-detected), streaming in constant
// memory, and reports the FIRST problem or the file's statistics.
//
// Two ways in:
// - validateFile(): reads the file itself in 4 MiB blocks (use it from a worker thread, e.g.
//   through ValidationJob).
// - feed()/finish(): the incremental core, fed the file's raw bytes (compressed or not) in
//   pieces of any size, so an upload can validate exactly the bytes it sends with one read
//   of the disk. feed() returns false as soon as a problem is known.
class SequenceValidator {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::SequenceValidator)
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    static constexpr qint64 ReadBlock = 4 << 20;

    // fileName: the name to check the extension against and to print (a path is reduced to
    // its file name). For an upload under a proposed safe name, pass that name.
    explicit SequenceValidator(const QString &fileName);
    ~SequenceValidator();
    // The gzip sink points back at this object: it must stay where it was built.
    SequenceValidator(const SequenceValidator &) = delete;
    SequenceValidator &operator=(const SequenceValidator &) = delete;

    bool feed(const char *data, size_t size);
    // End of the file: the report. Later calls return the same report.
    ValidationReport finish();
    bool hasProblem() const { return m_failed; }

    // Read names for the R1/R2 check (see FastxParser::NameSink). Set before the first feed.
    void setNameSink(FastxParser::NameSink sink) { m_parser.setNameSink(std::move(sink)); }
    // Statistics so far (records, bases, ...) without ending the stream.
    qint64 recordsSoFar() const { return m_parser.records(); }

    static ValidationReport validateFile(const QString &path,
                                         const std::atomic<bool> *cancel = nullptr,
                                         Progress progress = {});
    // Validates bytes held in memory as if they were a file with this name (tests, fuzzing).
    static ValidationReport validateBytes(const QString &fileName, const char *data, size_t size);

private:
    bool decide();
    bool passRaw(const char *data, size_t size);
    bool passPlain(const char *data, size_t size);
    bool checkExtension(char firstPlainByte);
    bool fail(const QString &text);
    bool failGzip();
    void fillStatistics(ValidationReport &r) const;

    QString m_name;
    FastxParser m_parser;
    std::unique_ptr<InflateReader> m_inflate;
    char m_sniff[6];
    size_t m_sniffLen = 0;
    bool m_decided = false;
    bool m_gzip = false;
    bool m_plainSeen = false;
    bool m_failed = false;
    QString m_problem; // a problem of the driver (extension, gzip), not of the parser
    qint64 m_raw = 0;
    bool m_finished = false;
    ValidationReport m_final;
};

} // namespace SeqDrop
