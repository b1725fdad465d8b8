#!/usr/bin/env bash
# Regenerates the example sequencing files in this folder, byte for byte.
#
# A fixed pseudo-random 5 kb "genome" is sampled into Illumina-style reads of 150 bp:
#   example.fastq                              single-end, plain text
#   example_R1.fastq.gz / example_R2.fastq.gz  paired-end (R2 = reverse complement of
#                                              the fragment's other end), gzip
# Deterministic on any machine: our own Park-Miller generator (no awk rand(), which
# differs between mawk and gawk) and `gzip -n` (no name or timestamp in the header).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export LC_ALL=C

SINGLE_READS=140   # keeps the plain file under 50 KB
PAIRED_READS=200
READ_LEN=150

# generate MODE READS SEED
#   MODE: single | r1 | r2 (r1 and r2 with the same seed produce matching pairs)
generate() {
    awk -v mode="$1" -v reads="$2" -v seed="$3" -v len="$READ_LEN" '
    function rnd() { state = (state * 16807) % 2147483647; return state / 2147483647 }
    function rint(n) { return int(rnd() * n) }
    function revcomp(s,   i, out, c) {
        out = ""
        for (i = length(s); i >= 1; i--) {
            c = substr(s, i, 1)
            out = out (c == "A" ? "T" : c == "C" ? "G" : c == "G" ? "C" : c == "T" ? "A" : "N")
        }
        return out
    }
    # NovaSeq-like binned qualities: mostly F (Q37), some : (Q25) and , (Q11), worse at the end.
    function quality(n,   i, q, r, p) {
        q = ""
        for (i = 1; i <= n; i++) {
            r = rnd(); p = i / n
            q = q (r < 0.80 - 0.25 * p ? "F" : r < 0.95 - 0.15 * p ? ":" : ",")
        }
        return q
    }
    # Read errors: ~0.5% substitutions, rare N (always with quality #).
    function mutate(s,   i, out, c, r) {
        out = ""; qual = quality(length(s))
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1); r = rnd()
            if (r < 0.001) { c = "N"; qual = substr(qual, 1, i - 1) "#" substr(qual, i + 1) }
            else if (r < 0.006) c = substr("ACGT", rint(4) + 1, 1)
            out = out c
        }
        return out
    }
    BEGIN {
        state = 20240601
        genome = ""
        for (i = 0; i < 5000; i++) genome = genome substr("ACGT", rint(4) + 1, 1)

        state = seed   # reads: same seed for r1 and r2 -> same fragments
        for (n = 1; n <= reads; n++) {
            frag = 300 + rint(200)                           # insert size 300..499
            start = 1 + rint(length(genome) - frag)
            fwd = substr(genome, start, len)
            rev = revcomp(substr(genome, start + frag - len, len))
            strand = rint(2)
            if (strand) { t = fwd; fwd = rev; rev = t }      # fragment from either strand
            # consume the same random numbers in every mode so pairs stay aligned
            s1 = mutate(fwd); q1 = qual
            s2 = mutate(rev); q2 = qual
            if (mode == "r2") { seq = s2; q = q2; comment = "2:N:0:ACGT" }
            else              { seq = s1; q = q1; comment = "1:N:0:ACGT" }
            printf "@SEQDROP:1:FC:1:1101:1000:%d %s\n%s\n+\n%s\n", n, comment, seq, q
        }
    }'
}

generate single "$SINGLE_READS" 7 > example.fastq
generate r1 "$PAIRED_READS" 42 | gzip -n -9 > example_R1.fastq.gz
generate r2 "$PAIRED_READS" 42 | gzip -n -9 > example_R2.fastq.gz

ls -l example.fastq example_R1.fastq.gz example_R2.fastq.gz
