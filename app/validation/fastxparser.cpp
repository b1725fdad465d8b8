#include "validation/fastxparser.h"

#include "validation/validationreport.h"

#include <array>
#include <cstring>

namespace SeqDrop {

namespace {

// A function, not a constant: the text is translated when a problem is told.
QString reExport() {
    return FastxParser::tr("The file may be truncated or corrupted; re-export it "
                           "from the sequencer.");
}

// 0 for an IUPAC nucleotide code (either case), 1 for anything else: one table lookup per
// base, OR-ed over the whole line so the loop has no branch.
constexpr std::array<uint8_t, 256> makeBaseTable() {
    std::array<uint8_t, 256> t{};
    for (auto &v : t)
        v = 1;
    const char codes[] = "ACGTURYSWKMBDHVN";
    for (const char *c = codes; *c; ++c) {
        t[uint8_t(*c)] = 0;
        t[uint8_t(*c - 'A' + 'a')] = 0;
    }
    return t;
}
constexpr std::array<uint8_t, 256> BaseTable = makeBaseTable();

bool isProteinOnlyLetter(char c) {
    // Amino-acid letters that are not nucleotide codes: a sequence using them is protein.
    return c && std::strchr("EFILPQefilpq*", c) != nullptr;
}

QString describeByte(char c) {
    const uint8_t u = uint8_t(c);
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("'%1'").arg(QChar(u));
    if (u == ' ')
        return FastxParser::tr("a space");
    if (u == '\t')
        return FastxParser::tr("a tab");
    if (u == '\r')
        return FastxParser::tr("a stray carriage return");
    return FastxParser::tr("the byte 0x%1")
        .arg(QString::number(u, 16).rightJustified(2, QLatin1Char('0')).toUpper());
}

QString firstLineOf(const char *data, size_t size) {
    size_t n = 0;
    while (n < size && n < 40 && data[n] != '\n' && data[n] != '\r')
        ++n;
    QString s = QString::fromLatin1(data, qsizetype(n));
    for (QChar &ch : s)
        if (ch.unicode() < 0x20 || ch.unicode() >= 0x7f)
            ch = QLatin1Char('?');
    return s;
}

} // namespace

FastxParser::FastxParser() = default;

FastxParser::Format FastxParser::formatOf(char firstByte) {
    return firstByte == '@' ? Format::Fastq : firstByte == '>' ? Format::Fasta : Format::Unknown;
}

bool FastxParser::fail(int64_t record, int64_t line, const QString &text) {
    m_failed = true;
    m_problemRecord = record;
    m_problemLine = line;
    m_problem = text;
    return false;
}

bool FastxParser::checkStart(const char *data, size_t size) {
    m_format = formatOf(data[0]);
    if (m_format != Format::Unknown)
        return true;
    // Tell a binary file (an image, a .bam, a spreadsheet) from a text file of another kind.
    const size_t probe = size < 1024 ? size : 1024;
    size_t control = 0;
    bool nul = false;
    for (size_t i = 0; i < probe; ++i) {
        const uint8_t u = uint8_t(data[i]);
        nul |= u == 0;
        control += (u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7f;
    }
    if (size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        return fail(0, 1,
                    tr("the file starts with an invisible byte-order mark (it "
                       "was saved as \"UTF-8 with BOM\" by a text editor), "
                       "so it does not start with '@' (FASTQ) or '>' (FASTA). "
                       "Use the file as exported by the sequencer."));
    if (nul || control * 20 > probe)
        return fail(0, 1,
                    tr("the file holds binary data, not FASTA or FASTQ text. "
                       "Choose the sequence file itself (.fastq, .fasta, "
                       "optionally .gz)."));
    return fail(0, 1,
                tr("the file does not start with '@' (FASTQ) or '>' (FASTA) "
                   "but with \"%1\": it is not a FASTA or FASTQ file. Choose "
                   "the sequence file itself.")
                    .arg(firstLineOf(data, size)));
}

bool FastxParser::feed(const char *data, size_t size) {
    if (m_failed)
        return false;
    if (size == 0)
        return true;
    if (m_plainBytes == 0 && formatOf(data[0]) == Format::Unknown)
        m_probing = true;
    if (m_probing) { // a failure either way: collect the probe, then explain
        const size_t take = qMin(size, ProbeSize - m_probeLen);
        std::memcpy(m_probe + m_probeLen, data, take);
        m_probeLen += take;
        m_plainBytes += int64_t(size);
        return m_probeLen < ProbeSize || checkStart(m_probe, m_probeLen);
    }
    if (m_plainBytes == 0 && !checkStart(data, size))
        return false;
    m_plainBytes += int64_t(size);
    const char *p = data;
    const char *end = data + size;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl : end;
        if (!fragment(p, size_t(stop - p), nl != nullptr))
            return false;
        p = nl ? nl + 1 : end;
    }
    return true;
}

// One piece of a line; `complete` when the piece ends at the line's '\n'.
bool FastxParser::fragment(const char *s, size_t n, bool complete) {
    if (m_pendingCr) {
        m_pendingCr = false;
        if (n == 0 && complete)
            m_crlf = true;
        else if (!content("\r", 1)) // the CR was inside the line after all
            return false;
    }
    if (n > 0 && s[n - 1] == '\r') {
        --n;
        if (complete)
            m_crlf = true;
        else
            m_pendingCr = true; // the '\n' may be the first byte of the next piece
    }
    if (n > 0 && !content(s, n))
        return false;
    if (complete) {
        if (!endLine())
            return false;
        ++m_line;
    }
    return true;
}

bool FastxParser::content(const char *s, size_t n) {
    if (m_lineBytes == 0 && !startLine(s[0]))
        return false;
    switch (m_kind) {
    case Kind::Header:
        collectName(s, n);
        break;
    case Kind::Sequence: {
        uint8_t bad = 0;
        for (size_t i = 0; i < n; ++i)
            bad |= BaseTable[uint8_t(s[i])];
        if (bad)
            return badBase(s, n);
        m_seqLen += int64_t(n);
        break;
    }
    case Kind::Plus:
        break;
    case Kind::Quality: {
        // '!'..'~' as one unsigned comparison, branch-free so the compiler can vectorise it.
        uint8_t bad = 0;
        for (size_t i = 0; i < n; ++i)
            bad |= uint8_t(uint8_t(s[i]) - 33u) > 93u;
        if (bad)
            return badQuality(s, n);
        m_qualLen += int64_t(n);
        break;
    }
    }
    m_lineBytes += int64_t(n);
    return true;
}

bool FastxParser::startLine(char c) {
    if (m_format == Format::Fasta) {
        if (c == '>') {
            if (m_record > 0 && m_seqLen == 0)
                return fail(m_record, m_headerLine,
                            tr("the record has a header but no sequence. %1").arg(reExport()));
            if (m_record > 0)
                ++m_complete;
            ++m_record;
            m_seqLen = 0;
            m_headerLine = m_line;
            m_kind = Kind::Header;
            m_nameLen = 0;
            m_nameDone = false;
        } else {
            m_kind = Kind::Sequence;
        }
        return true;
    }
    switch (m_expect) {
    case Kind::Header:
        if (m_blankLine)
            return fail(m_record + 1, m_blankLine,
                        tr("the line is empty, but FASTQ records follow each other "
                           "without blank lines. %1")
                            .arg(reExport()));
        if (c != '@')
            return fail(m_record + 1, m_line,
                        tr("the line should start a record with '@' but starts "
                           "with %1 (a FASTQ record has 4 lines: '@' header, "
                           "sequence, '+', quality). %2")
                            .arg(describeByte(c), reExport()));
        ++m_record;
        m_headerLine = m_line;
        m_nameLen = 0;
        m_nameDone = false;
        break;
    case Kind::Sequence:
        if (c == '+' || c == '@')
            return fail(m_record, m_line,
                        tr("the sequence line is missing: the line after the "
                           "header starts with '%1'. %2")
                            .arg(QChar::fromLatin1(c), reExport()));
        break;
    case Kind::Plus:
        if (c != '+')
            return fail(m_record, m_line,
                        tr("the '+' line is missing: the line after the sequence "
                           "starts with %1 instead of '+'. %2")
                            .arg(describeByte(c), reExport()));
        break;
    case Kind::Quality:
        break;
    }
    m_kind = m_expect;
    return true;
}

bool FastxParser::endLine() {
    const bool ok = m_format == Format::Fasta ? fastaLineEnd() : fastqLineEnd();
    m_lineBytes = 0;
    return ok;
}

bool FastxParser::fastqLineEnd() {
    if (m_lineBytes == 0) { // a blank line: startLine() never ran for it
        switch (m_expect) {
        case Kind::Header:
            if (!m_blankLine)
                m_blankLine = m_line; // fine at the end of the file, an error before a record
            return true;
        case Kind::Sequence: // a read of length 0 (trimmed away): valid FASTQ
            m_seqLen = 0;
            m_expect = Kind::Plus;
            return true;
        case Kind::Plus:
            return fail(m_record, m_line,
                        tr("the '+' line is missing: the line after the sequence "
                           "is empty. %1")
                            .arg(reExport()));
        case Kind::Quality:
            m_kind = Kind::Quality;
            m_qualLen = 0;
            break; // checked below like any quality line
        }
    }
    switch (m_kind) {
    case Kind::Header:
        if (m_nameLen == 0)
            return fail(m_record, m_line,
                        tr("the header line has no read name after '@'. %1").arg(reExport()));
        deliverName();
        m_seqLen = 0;
        m_expect = Kind::Sequence;
        break;
    case Kind::Sequence:
        m_expect = Kind::Plus;
        break;
    case Kind::Plus:
        m_qualLen = 0;
        m_expect = Kind::Quality;
        break;
    case Kind::Quality:
        if (m_qualLen != m_seqLen)
            return fail(m_record, m_line,
                        tr("the quality line has %1 characters but the sequence "
                           "has %2. %3")
                            .arg(ValidationReport::number(m_qualLen),
                                 ValidationReport::number(m_seqLen), reExport()));
        ++m_complete;
        m_bases += m_seqLen;
        m_expect = Kind::Header;
        break;
    }
    return true;
}

bool FastxParser::fastaLineEnd() {
    if (m_lineBytes == 0)
        return true; // blank lines between FASTA records are common and harmless
    if (m_kind == Kind::Header) {
        if (m_nameLen == 0)
            return fail(m_record, m_line,
                        tr("the header line has no sequence name after '>'. %1").arg(reExport()));
        deliverName();
    } else {
        m_bases += m_lineBytes; // m_seqLen was counted in content()
    }
    return true;
}

void FastxParser::collectName(const char *s, size_t n) {
    if (m_nameDone)
        return;
    size_t i = m_lineBytes == 0 ? 1 : 0; // skip '@' / '>'
    for (; i < n; ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t') {
            m_nameDone = true;
            return;
        }
        if (m_nameLen < MaxName)
            m_name[m_nameLen++] = c;
        else if (!m_nameSink) {
            m_nameDone = true;
            return;
        }
        if (!m_nameSink && m_nameLen > 0) {
            m_nameDone = true; // only pairing needs the whole name; validation needs one char
            return;
        }
    }
}

void FastxParser::deliverName() {
    if (!m_nameSink)
        return;
    size_t len = m_nameLen;
    if (len >= 2 && m_name[len - 2] == '/' && (m_name[len - 1] == '1' || m_name[len - 1] == '2'))
        len -= 2;
    m_nameSink(m_name, len, m_headerLine);
}

bool FastxParser::badBase(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && !BaseTable[uint8_t(s[i])])
        ++i;
    const char c = s[i];
    const int64_t column = m_lineBytes + int64_t(i) + 1;
    const int64_t record = m_record;
    if (c == '-' || c == '.')
        return fail(record, m_line,
                    tr("the sequence has the alignment gap '%1' at position %2. "
                       "One Codex needs unaligned sequences: export them without "
                       "gaps.")
                        .arg(QChar::fromLatin1(c))
                        .arg(ValidationReport::number(column)));
    if (isProteinOnlyLetter(c))
        return fail(record, m_line,
                    tr("the sequence has '%1' at position %2: this looks like a "
                       "protein (amino-acid) sequence. One Codex needs DNA or RNA "
                       "sequences; choose the nucleotide file.")
                        .arg(QChar::fromLatin1(c))
                        .arg(ValidationReport::number(column)));
    return fail(record, m_line,
                tr("the sequence has %1 at position %2, which is not a nucleotide "
                   "code (A C G T U, or IUPAC R Y S W K M B D H V N). %3")
                    .arg(describeByte(c), ValidationReport::number(column), reExport()));
}

bool FastxParser::badQuality(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && uint8_t(uint8_t(s[i]) - 33u) <= 93u)
        ++i;
    return fail(m_record, m_line,
                tr("the quality line has %1 at position %2, which is not a quality "
                   "score (scores are the characters '!' to '~'). %3")
                    .arg(describeByte(s[i]), ValidationReport::number(m_lineBytes + int64_t(i) + 1),
                         reExport()));
}

bool FastxParser::truncated(const QString &what) {
    const int64_t line = m_lineBytes > 0 ? m_line : m_line - 1;
    if (m_complete == 0)
        return fail(m_record, line,
                    tr("the file is too small: it ends inside its first record "
                       "(%1), so it holds no complete sequence. Check that this is "
                       "the right file, or export it again.")
                        .arg(what));
    return fail(m_record, line,
                tr("the file ends in the middle of this record (%1). The file is "
                   "truncated; copy it again or re-export it from the sequencer.")
                    .arg(what));
}

bool FastxParser::finish() {
    if (m_failed)
        return false;
    if (m_pendingCr) { // CR at the very end: a CR LF file that lost its last LF
        m_pendingCr = false;
        m_crlf = true;
    }
    if (m_probing)
        return checkStart(m_probe, m_probeLen);
    if (m_plainBytes == 0)
        return fail(0, 0,
                    tr("the file is empty. Choose the right file, or export "
                       "it again from the sequencer."));
    if (m_format == Format::Fasta) {
        if (m_lineBytes > 0) { // last line without its '\n'
            if (!endLine())
                return false;
            ++m_line;
        }
        if (m_seqLen == 0)
            return m_record > 0 && m_complete == 0
                       ? truncated(tr("it has a header but no sequence"))
                       : fail(m_record, m_headerLine,
                              tr("the last record has a header but no sequence. "
                                 "The file may be truncated; copy it again or "
                                 "re-export it."));
        ++m_complete;
        return true;
    }
    if (m_lineBytes > 0) { // last line without its '\n'
        if (m_kind == Kind::Quality && m_qualLen < m_seqLen)
            return truncated(
                tr("its quality line has %1 of %2 characters")
                    .arg(ValidationReport::number(m_qualLen), ValidationReport::number(m_seqLen)));
        if (!endLine())
            return false;
        ++m_line;
    }
    switch (m_expect) {
    case Kind::Header:
        break;
    case Kind::Sequence:
        return truncated(tr("it has a header but no sequence"));
    case Kind::Plus:
        return truncated(tr("it has no '+' line and no quality line"));
    case Kind::Quality:
        return truncated(tr("it has no quality line"));
    }
    return true;
}

} // namespace SeqDrop
