#include "validation/inflatereader.h"

#include <QtGlobal>

#if __has_include(<isa-l/igzip_lib.h>)
#include <isa-l/igzip_lib.h>
#else
#include <isal/igzip_lib.h> // vcpkg's layout on Windows
#endif

#include <algorithm>

namespace SeqDrop {

// The failure texts are marked for lupdate (QT_TRANSLATE_NOOP) and translated where they are
// shown (SequenceValidator), so this reader stays free of Qt calls.

InflateReader::InflateReader(Sink sink)
    : m_sink(std::move(sink))
    , m_state(new inflate_state()) { // zeroed: see the note on m_outBuf
    isal_inflate_init(m_state.get());
    m_state->crc_flag = ISAL_GZIP;
}

InflateReader::~InflateReader() = default;

InflateReader::Status InflateReader::fail(Status s, std::string text) {
    m_status = s;
    m_error = std::move(text);
    return s;
}

namespace {

// The length of the gzip member header at p (RFC 1952: fixed part, FEXTRA, FNAME, FCOMMENT,
// FHCRC), or 0 while it is not complete in [p, end). Only used to know when a header has
// fully arrived; ISA-L still parses and checks it.
size_t gzipHeaderLength(const uint8_t *p, const uint8_t *end) {
    constexpr uint8_t FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;
    const size_t n = size_t(end - p);
    if (n < 10)
        return 0;
    const uint8_t flags = p[3];
    size_t at = 10;
    if (flags & FEXTRA) {
        if (n < at + 2)
            return 0;
        at += 2 + size_t(p[at] | (p[at + 1] << 8));
    }
    for (const uint8_t zeroEnded : {FNAME, FCOMMENT}) {
        if (!(flags & zeroEnded))
            continue;
        const uint8_t *nul = at < n ? std::find(p + at, end, uint8_t(0)) : end;
        if (nul == end)
            return 0;
        at = size_t(nul - p) + 1;
    }
    if (flags & FHCRC)
        at += 2;
    return at <= n ? at : 0;
}

// Whether [p, end) starts a member header that is still incomplete and worth holding back.
// Longer headers (a file name of a megabyte) go to ISA-L as they come.
bool holdHeader(const uint8_t *p, const uint8_t *end) {
    constexpr size_t MaxHeldHeader = 1u << 20;
    return gzipHeaderLength(p, end) == 0 && size_t(end - p) < MaxHeldHeader;
}

} // namespace

InflateReader::Status InflateReader::feed(const char *data, size_t size) {
    if (m_status != Status::Ok)
        return m_status;
    m_in += size;
    const size_t want = std::min(OutputBlock, std::max(MinOutputBlock, size * 8));
    if (want > m_outSize) {
        m_outBuf.reset(new uint8_t[want]()); // zeroed: see the header
        m_outSize = want;
    }
    const uint8_t *p = reinterpret_cast<const uint8_t *>(data);
    if (m_heldHeader.empty())
        return inflate(p, p + size);
    m_heldHeader.insert(m_heldHeader.end(), p, p + size);
    if (holdHeader(m_heldHeader.data(), m_heldHeader.data() + m_heldHeader.size()))
        return m_status; // still incomplete: wait for more
    const std::vector<uint8_t> header = std::move(m_heldHeader);
    m_heldHeader.clear();
    return inflate(header.data(), header.data() + header.size());
}

InflateReader::Status InflateReader::inflate(const uint8_t *p, const uint8_t *end) {
    while (true) {
        if (!m_inMember) {
            // Between members: zero padding (tape/tar blocks, some pipelines) is skipped;
            // anything else must be the next member's magic, or the file has garbage appended.
            while (p < end && *p == 0) {
                ++p;
                ++m_padding;
            }
            if (p == end)
                return m_status;
            if (m_padding > 0)
                return fail(
                    Status::TrailingGarbage,
                    QT_TRANSLATE_NOOP("SeqDrop::InflateReader",
                                      "unexpected data after the end of the compressed data"));
            isal_inflate_reset(m_state.get());
            m_state->crc_flag = ISAL_GZIP;
            m_inMember = true;
            // ISA-L skips the header's own CRC (FHCRC) when the header arrives over several
            // calls, so the same file passed or failed depending on where a read ended (the
            // fuzzer found it). A header is therefore handed over whole.
            if (holdHeader(p, end)) {
                m_heldHeader.assign(p, end);
                return m_status;
            }
        }
        const uint8_t *before = p;
        m_state->next_in = const_cast<uint8_t *>(p);
        m_state->avail_in = uint32_t(end - p); // callers feed blocks far below 4 GiB
        m_state->next_out = m_outBuf.get();
        m_state->avail_out = uint32_t(m_outSize);
        const int rc = isal_inflate(m_state.get());
        p = m_state->next_in;
        const size_t produced = m_outSize - m_state->avail_out;
        if (produced > 0) {
            m_out += produced;
            if (!m_sink(reinterpret_cast<const char *>(m_outBuf.get()), produced))
                return m_status = Status::Stopped;
        }
        if (rc < 0) {
            switch (rc) {
            case ISAL_INCORRECT_CHECKSUM:
                return fail(Status::Corrupt,
                            QT_TRANSLATE_NOOP("SeqDrop::InflateReader",
                                              "the gzip checksum does not match the data"));
            case ISAL_INVALID_WRAPPER:
            case ISAL_UNSUPPORTED_METHOD:
                return fail(Status::Corrupt,
                            QT_TRANSLATE_NOOP("SeqDrop::InflateReader", "invalid gzip header"));
            default:
                return fail(Status::Corrupt, QT_TRANSLATE_NOOP("SeqDrop::InflateReader",
                                                               "the compressed data is damaged"));
            }
        }
        if (m_state->block_state == ISAL_BLOCK_FINISH) {
            // ISA-L hands back the bytes it read past the trailer, so p is exactly where
            // the next member (if any) starts.
            m_inMember = false;
            ++m_members;
            continue;
        }
        if (p == end && produced < m_outSize)
            return m_status; // everything consumed and nothing left to flush: need more input
        if (p == before && produced == 0) // no progress: never loop forever on odd input
            return fail(Status::Corrupt, QT_TRANSLATE_NOOP("SeqDrop::InflateReader",
                                                           "the compressed data is damaged"));
    }
}

InflateReader::Status InflateReader::finish() {
    if (m_status != Status::Ok)
        return m_status;
    // Drain output ISA-L may still hold (it can stop on a full output buffer).
    if (m_inMember) {
        Status s = feed(nullptr, 0);
        if (s != Status::Ok)
            return s;
    }
    if (m_inMember || m_members == 0)
        return fail(Status::Truncated,
                    QT_TRANSLATE_NOOP("SeqDrop::InflateReader",
                                      "the compressed data ends before its end marker"));
    return m_status;
}

} // namespace SeqDrop
