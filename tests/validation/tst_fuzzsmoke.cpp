// The libFuzzer entry point (tests/fuzz/fuzz_validator.cpp), built with the default compiler
// and driven over a deterministic corpus of mutated valid files: random byte flips,
// insertions, deletions and truncations of FASTQ, FASTA and gzip inputs (fixed seed, so a
// failure reproduces). The entry point abort()s when the validator breaks an invariant
// (ok XOR problem, same report whatever the piece size, sane statistics). The real fuzzer
// runs in CTest's fuzz_validator(_clang) when clang is available.
#include "validationfixtures.h"

#include <QFile>
#include <QTest>

#include <cstdint>
#include <random>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

QByteArray mutate(QByteArray in, std::mt19937 &rng) {
    const int edits = 1 + int(rng() % 4);
    for (int e = 0; e < edits && !in.isEmpty(); ++e) {
        const int at = int(rng() % uint32_t(in.size()));
        switch (rng() % 5) {
        case 0:
            in[at] = char(rng());
            break; // any byte
        case 1:
            in[at] = "\n\r@>+ACGTNI\0-"[rng() % 13];
            break; // a meaningful byte
        case 2:
            in.remove(at, 1 + int(rng() % 8));
            break;
        case 3:
            in.insert(at, QByteArray(1 + int(rng() % 4), char(rng())));
            break;
        case 4:
            in.truncate(at);
            break;
        }
    }
    return in;
}

int run(const QByteArray &mode, const QByteArray &payload) {
    const QByteArray input = mode + payload;
    // SEQDROP_FUZZ_DUMP=path keeps the input being run, to replay a crash with the fuzzer.
    static const QString dump = qEnvironmentVariable("SEQDROP_FUZZ_DUMP");
    if (!dump.isEmpty()) {
        QFile f(dump);
        if (f.open(QIODevice::WriteOnly))
            f.write(input);
    }
    return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                                  size_t(input.size()));
}

} // namespace

class TestFuzzSmoke : public QObject {
    Q_OBJECT

private slots:
    void mutatedInputs();
};

void TestFuzzSmoke::mutatedInputs() {
    QByteArray crlf = Fixtures::fastq(5, 30);
    crlf.replace("\n", "\r\n");
    const QList<QByteArray> seeds = {
        Fixtures::fastq(20, 40, "M:1:", "", "1:N:0:AC"),
        crlf,
        ">c1 desc\nACGTRYKMacgt\nNNNN\n\n>c2\nACGU\n",
        Fixtures::gzip(Fixtures::fastq(30, 50)),
        Fixtures::gzip(Fixtures::fastq(3)) + Fixtures::gzip(Fixtures::fastq(2, 4, "s")),
    };
    std::mt19937 rng(20261129);
    int runs = 0;
    for (int round = 0; round < 4000; ++round) {
        for (int s = 0; s < seeds.size(); ++s) {
            const bool gz = s >= 3;
            // Mode byte (see fuzz_validator.cpp): name, compress-first bit, piece size.
            uint8_t mode = uint8_t((rng() % 32) << 3);
            mode |= gz ? 1 : uint8_t(rng() % 4 == 0 ? 2 : 0);
            if (!gz && rng() % 3 == 0)
                mode |= 4 | 1; // compress the mutated text: the parser behind a valid stream
            QCOMPARE(run(QByteArray(1, char(mode)), mutate(seeds[s], rng)), 0);
            ++runs;
        }
    }
    QCOMPARE(runs, 20000);
}

QTEST_GUILESS_MAIN(TestFuzzSmoke)
#include "tst_fuzzsmoke.moc"
