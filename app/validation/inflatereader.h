#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct inflate_state;

namespace SeqDrop {

// Incremental gzip decompressor over ISA-L's igzip (isal_inflate): compressed bytes go in
// with feed() in whatever pieces the caller has (a disk block, an upload buffer), plain
// bytes come out through the sink in blocks of up to OutputBlock bytes. ISA-L rather than
// zlib because inflate dominates the cost of checking a .fastq.gz and igzip is 2-3x faster.
//
// Handles multi-member gzip (concatenated .gz files, bgzip/pigz output), checks each
// member's CRC32 and length, tolerates zero padding after the last member (noted), and tells
// a truncated stream (finish() while a member is open) from corrupt data.
class InflateReader {
public:
    enum class Status { Ok, Corrupt, Truncated, TrailingGarbage, Stopped };
    // Return false to stop decompressing (the consumer found a problem); feed() then returns
    // Status::Stopped.
    using Sink = std::function<bool(const char *data, size_t size)>;

    // Output is handed out in blocks of up to 8x the largest input piece seen, between 64 KiB
    // and 4 MiB: big blocks for file reads, no 4 MiB buffer for small inputs.
    static constexpr size_t MinOutputBlock = 64u << 10;
    static constexpr size_t OutputBlock = 4u << 20;

    explicit InflateReader(Sink sink);
    ~InflateReader();
    InflateReader(const InflateReader &) = delete;
    InflateReader &operator=(const InflateReader &) = delete;

    Status feed(const char *data, size_t size);
    // End of the compressed input: Truncated when the last member is incomplete.
    Status finish();

    Status status() const { return m_status; }
    // Why Corrupt / TrailingGarbage, in words (empty otherwise).
    const std::string &errorText() const { return m_error; }
    uint64_t members() const { return m_members; }
    uint64_t compressedIn() const { return m_in; }
    uint64_t plainOut() const { return m_out; }
    uint64_t paddingBytes() const { return m_padding; }

private:
    Status fail(Status s, std::string text);
    Status inflate(const uint8_t *p, const uint8_t *end);

    Sink m_sink;
    std::unique_ptr<inflate_state> m_state;
    // Zero-filled, like the state: damaged deflate data can make ISA-L copy "history" from
    // before the first byte it wrote, and that must be the same bytes on every run (the
    // fuzzer found reports that changed from run to run with uninitialised buffers).
    std::unique_ptr<uint8_t[]> m_outBuf;
    size_t m_outSize = 0;
    bool m_inMember = false;           // a member's header started and its trailer was not yet read
    std::vector<uint8_t> m_heldHeader; // the start of a member whose header is not complete
    Status m_status = Status::Ok;
    std::string m_error;
    uint64_t m_members = 0;
    uint64_t m_in = 0;
    uint64_t m_out = 0;
    uint64_t m_padding = 0;
};

} // namespace SeqDrop
