#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace SeqDrop {

// The FASTA/FASTQ state machine over PLAIN (already decompressed) bytes, fed in pieces of
// any size: lines may straddle pieces, so nothing is buffered but a capped read name.
// Constant memory, no allocation per record, no QString until a problem is found.
//
// Rules (docs/validation.md explains each choice):
// - Format from the first byte: '@' FASTQ, '>' FASTA.
// - FASTQ: strict 4-line records (header '@name', sequence, '+', quality of the same length,
//   quality characters '!'..'~'). Blank lines only at the end of the file.
// - FASTA: '>' header, one or more sequence lines; blank lines ignored; a record needs bases.
// - Bases: IUPAC nucleotide codes ACGTURYSWKMBDHVN, either case. Gaps ('-', '.') and
//   amino-acid letters are refused. A header must carry a read name.
// - CR LF line endings are accepted (sawCrlf()), a CR anywhere else in a sequence is not.
// - The last line may lack its newline.
class FastxParser {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::FastxParser)
public:
    enum class Format { Unknown, Fasta, Fastq };
    // Read name of each record as soon as its header is read: the text after '@'/'>' up to
    // the first space or tab, with a trailing "/1" or "/2" removed (capped at MaxName bytes).
    using NameSink = std::function<void(const char *name, size_t size, int64_t line)>;
    static constexpr size_t MaxName = 512;

    FastxParser();

    // Returns false once a problem is found (everything after it is ignored).
    bool feed(const char *data, size_t size);
    // End of input: checks the last record. Returns false on a problem.
    bool finish();

    void setNameSink(NameSink sink) { m_nameSink = std::move(sink); }

    bool failed() const { return m_failed; }
    const QString &problem() const { return m_problem; }
    int64_t problemRecord() const { return m_problemRecord; }
    int64_t problemLine() const { return m_problemLine; }

    Format format() const { return m_format; }
    static Format formatOf(char firstByte);
    int64_t records() const { return m_complete; }
    int64_t bases() const { return m_bases; }
    int64_t plainBytes() const { return m_plainBytes; }
    int64_t currentLine() const { return m_line; }
    bool sawCrlf() const { return m_crlf; }

private:
    enum class Kind { Header, Sequence, Plus, Quality };

    bool checkStart(const char *data, size_t size);
    bool fragment(const char *s, size_t n, bool complete);
    bool content(const char *s, size_t n);
    bool startLine(char c);
    bool endLine();
    bool fastqLineEnd();
    bool fastaLineEnd();
    void collectName(const char *s, size_t n);
    void deliverName();
    bool badBase(const char *s, size_t n);
    bool badQuality(const char *s, size_t n);
    bool fail(int64_t record, int64_t line, const QString &text);
    bool truncated(const QString &what);

    Format m_format = Format::Unknown;
    Kind m_kind = Kind::Header;   // kind of the current line (FASTA: Header or Sequence)
    Kind m_expect = Kind::Header; // FASTQ: kind the next line must have
    int64_t m_line = 1;           // 1-based number of the line being read
    int64_t m_lineBytes = 0;      // content bytes of the current line so far (no CR/LF)
    int64_t m_record = 0;         // records started
    int64_t m_complete = 0;       // records complete
    int64_t m_bases = 0;          // bases of complete records
    int64_t m_seqLen = 0;         // current record: bases so far
    int64_t m_qualLen = 0;
    int64_t m_headerLine = 0; // line of the current record's header
    int64_t m_blankLine = 0;  // FASTQ: first blank line seen where a header was expected
    int64_t m_plainBytes = 0;
    bool m_pendingCr = false; // the previous piece ended in CR: CR LF or a stray CR?
    bool m_crlf = false;
    bool m_nameDone = false;
    char m_name[MaxName];
    // Not FASTA/FASTQ from its first byte: the first ProbeSize bytes are kept to tell binary
    // from other text, however the input was cut into pieces.
    static constexpr size_t ProbeSize = 1024;
    bool m_probing = false;
    char m_probe[ProbeSize];
    size_t m_probeLen = 0;
    size_t m_nameLen = 0;
    NameSink m_nameSink;

    bool m_failed = false;
    QString m_problem;
    int64_t m_problemRecord = 0;
    int64_t m_problemLine = 0;
};

} // namespace SeqDrop
