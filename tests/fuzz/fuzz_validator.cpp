// libFuzzer entry point for the sequence validator (and, through the GCC-built smoke test in
// tests/validation, a plain function the default test suite calls on mutated files).
//
// The first input byte picks how the rest is fed:
//   bits 0-1  file name: reads.fastq, reads.fastq.gz, reads.fasta, reads.fq.gzip
//   bit  2    gzip-compress the payload first (ISA-L deflate) so the parser sees arbitrary
//             text behind a valid gzip stream, instead of the inflater seeing garbage
//   bits 3-7  piece size for feed(): 1..32 bytes, to exercise lines and CR LF split
//             across pieces
// Invariants checked (abort() = a finding):
//   - a report is ok XOR it has a problem, and a problem has a message;
//   - feeding in small pieces gives exactly the report of feeding everything at once
//     (for damaged deflate data: both refuse the file);
//   - statistics are consistent (records <= plain bytes, bases <= plain bytes).
#include "validation/sequencevalidator.h"

#include <isa-l/igzip_lib.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

std::vector<uint8_t> gzipOf(const uint8_t *data, size_t size) {
    std::vector<uint8_t> out(size + size / 2 + 1024);
    isal_zstream zs;
    isal_deflate_stateless_init(&zs);
    zs.gzip_flag = IGZIP_GZIP;
    zs.end_of_stream = 1;
    zs.flush = NO_FLUSH;
    zs.next_in = const_cast<uint8_t *>(data);
    zs.avail_in = uint32_t(size);
    zs.next_out = out.data();
    zs.avail_out = uint32_t(out.size());
    if (isal_deflate_stateless(&zs) != COMP_OK)
        return {};
    out.resize(zs.total_out);
    return out;
}

void check(bool condition) {
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    const uint8_t mode = data[0];
    ++data;
    --size;
    static const char *const names[] = {"reads.fastq", "reads.fastq.gz", "reads.fasta",
                                        "reads.fq.gzip"};
    const QString name = QString::fromLatin1(names[mode & 3]);
    std::vector<uint8_t> payload(data, data + size);
    if (mode & 4) {
        payload = gzipOf(data, size);
        if (payload.empty())
            return 0;
    }
    const char *bytes = reinterpret_cast<const char *>(payload.data());

    const SeqDrop::ValidationReport whole =
        SeqDrop::SequenceValidator::validateBytes(name, bytes, payload.size());

    const size_t piece = size_t(mode >> 3) + 1;
    SeqDrop::SequenceValidator v(name);
    for (size_t at = 0; at < payload.size(); at += piece)
        if (!v.feed(bytes + at, std::min(piece, payload.size() - at)))
            break;
    const SeqDrop::ValidationReport pieces = v.finish();

    check(whole.ok == whole.problem.isEmpty());
    check(whole.ok || !whole.toText().isEmpty());
    check(whole.records <= whole.plainBytes && whole.bases <= whole.plainBytes);
    check(whole.ok == pieces.ok);
    // Damaged deflate data: how much text ISA-L hands out before it notices depends on how
    // the input was cut, so the first problem may be the damage or a symptom of it. Both
    // must refuse the file; the exact message may differ.
    const QString damaged = QStringLiteral("the gzip data is damaged");
    if (whole.problem.startsWith(damaged) || pieces.problem.startsWith(damaged))
        return 0;
    check(whole.problem == pieces.problem);
    check(whole.record == pieces.record && whole.line == pieces.line);
    check(!whole.ok || (whole.records == pieces.records && whole.bases == pieces.bases &&
                        whole.notes == pieces.notes));
    return 0;
}
