#!/usr/bin/env bash
# Validation benchmark: SeqDrop's validator against `seqkit seq -v -t dna`, same files, same run.
#
# Generates (once, then reused) a FASTQ of about SIZE_MB megabytes and its gzip, reads both
# once to warm the page cache, then validates each file ROUNDS times with each tool,
# alternating (seqkit, seqdrop, seqkit, ...), every run under /usr/bin/time.
#
#   seqkit:  seqkit seq -v -t dna FILE > /dev/null        (Debian's seqkit, its default -j 4)
#   seqdrop: seqdrop-validate-bench FILE                   (SequenceValidator::validateFile)
#
# Environment:
#   SIZE_MB=1000          size of the plain FASTQ (10^6 bytes)
#   ROUNDS=3              runs per tool and file; the table shows medians (peak RSS: max)
#   BUILD_DIR=build       where seqdrop-validate-bench was built (this script never builds)
#   BENCH_FILES_DIR=      where the files live (default: $TMPDIR/seqdrop-validate-bench, kept)
#   ENFORCE_TARGETS=0     1: exit 1 when a target is missed
#
# Targets: plain: seqkit time / seqdrop time >= 1; gzip: >= 2.
# MB/s are of the decompressed FASTQ for both files, so the two rows of one file compare.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZE_MB="${SIZE_MB:-1000}"
ROUNDS="${ROUNDS:-3}"
BUILD_DIR="${BUILD_DIR:-build}"
BENCH_FILES_DIR="${BENCH_FILES_DIR:-${TMPDIR:-/tmp}/seqdrop-validate-bench}"
ENFORCE_TARGETS="${ENFORCE_TARGETS:-0}"

VALIDATOR="$BUILD_DIR/bench/seqdrop-validate-bench"
TIME=/usr/bin/time

die() { echo "validate_bench: $*" >&2; exit 1; }

[[ -x "$VALIDATOR" ]] || die "missing $VALIDATOR (build first, or set BUILD_DIR)"
[[ -x "$TIME" ]] || die "missing $TIME (apt-get install time)"
command -v seqkit >/dev/null || die "missing seqkit (apt-get install seqkit)"
[[ "$SIZE_MB" =~ ^[1-9][0-9]*$ ]] || die "SIZE_MB must be a positive integer"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
VALIDATOR="$(realpath "$VALIDATOR")"

mkdir -p "$BENCH_FILES_DIR"
work="$(mktemp -d -t seqdrop-vbench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# --- files: 8192 pseudo-random 150 bp Illumina-like records repeated, cut on a record ---
plain="$BENCH_FILES_DIR/bench_${SIZE_MB}MB.fastq"
packed="$plain.gz"
if [[ ! -s "$plain" ]]; then
    echo "generating $plain ..." >&2
    awk 'BEGIN {
        state = 4242
        for (n = 1; n <= 8192; n++) {
            seq = ""; qual = ""
            for (i = 0; i < 150; i++) {
                state = (state * 16807) % 2147483647
                seq  = seq  substr("ACGTACGTACGTACGTACGN", state % 20 + 1, 1)
                qual = qual substr("FFFFFFFF:FF,FF:F#FF", int(state / 20) % 19 + 1, 1)
            }
            printf "@BENCH:7:HXXXXXX:1:1101:%05d:%05d 1:N:0:ACGTACGT\n%s\n+\n%s\n", n % 30000, n, seq, qual
        }
    }' > "$work/block.fastq"
    record=$(( $(stat -c %s "$work/block.fastq") / 8192 ))
    bytes=$(( SIZE_MB * 1000000 / record * record ))
    { while cat "$work/block.fastq"; do :; done; } 2>/dev/null | head -c "$bytes" > "$plain.part" || true
    [[ "$(stat -c %s "$plain.part")" -eq "$bytes" ]] || die "could not write $plain"
    mv "$plain.part" "$plain"
    rm -f "$packed"
fi
if [[ ! -s "$packed" ]]; then
    if command -v pigz >/dev/null; then
        echo "compressing with pigz -1 ..." >&2
        pigz -1 -c "$plain" > "$packed.part"
    else
        echo "compressing with gzip -1 (pigz not installed) ..." >&2
        gzip -1 -c "$plain" > "$packed.part"
    fi
    mv "$packed.part" "$packed"
fi
plain_bytes=$(stat -c %s "$plain")
cat "$plain" "$packed" > /dev/null   # page cache: both tools read from memory

# --- runs ----------------------------------------------------------------------------------
results="$work/results.tsv"   # tool file wall cpu rss_kb
run() {   # tool file
    local tool=$1 file=$2 tf="$work/time" rc=0
    if [[ $tool == seqkit ]]; then
        "$TIME" -f '%e %U %S %M' -o "$tf" seqkit seq -v -t dna "$file" > /dev/null 2> "$work/err" || rc=$?
    else
        "$TIME" -f '%e %U %S %M' -o "$tf" "$VALIDATOR" "$file" > "$work/out" 2> "$work/err" || rc=$?
    fi
    if [[ $rc -ne 0 ]]; then
        cat "$work/err" "$work/out" >&2 2>/dev/null || true
        die "$tool failed on $file (exit $rc)"
    fi
    read -r wall user sys rss < <(tail -n1 "$tf")
    local kind=plain; [[ $file == *.gz ]] && kind=gzip
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$kind" "$wall" "$(echo "$user + $sys" | bc)" "$rss" >> "$results"
    printf '  %-7s %-5s wall %6.2f s  cpu %6.2f s  rss %6.1f MB\n' "$tool" "$kind" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(echo "scale=1; $rss / 1000" | bc)"
}

echo "files: $plain ($plain_bytes bytes), $packed ($(stat -c %s "$packed") bytes)"
echo "seqkit: $(seqkit version 2>&1 | head -n1); load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
for r in $(seq 1 "$ROUNDS"); do
    echo "round $r/$ROUNDS"
    for file in "$plain" "$packed"; do
        run seqkit "$file"
        run seqdrop "$file"
    done
done
"$VALIDATOR" "$packed" | head -n1

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -F'\t' -v t="$1" -v k="$2" -v c="$3" '$1 == t && $2 == k { print $c }' "$results"; }

echo
printf '%-8s %-6s %9s %9s %9s %12s\n' tool file "wall s" "MB/s" "cpu s" "peak RSS MB"
fail=0
for kind in plain gzip; do
    for tool in seqkit seqdrop; do
        wall=$(col $tool $kind 3 | median)
        cpu=$(col $tool $kind 4 | median)
        rss=$(col $tool $kind 5 | sort -n | tail -n1)
        printf '%-8s %-6s %9.2f %9.0f %9.2f %12.1f\n' $tool $kind "$wall" \
            "$(echo "$plain_bytes / 1000000 / $wall" | bc -l)" "$cpu" "$(echo "$rss / 1000" | bc -l)"
        eval "wall_${tool}_${kind}=$wall"
    done
done
echo
for kind in plain gzip; do
    eval "ratio=\$(echo \"\$wall_seqkit_$kind / \$wall_seqdrop_$kind\" | bc -l)"
    target=1; [[ $kind == gzip ]] && target=2
    verdict=met; (( $(echo "$ratio < $target" | bc -l) )) && { verdict=MISSED; fail=1; }
    printf 'speed-up over seqkit, %-5s: %5.2fx (target >= %sx) %s\n' "$kind" "$ratio" "$target" "$verdict"
done
[[ "$ENFORCE_TARGETS" == 1 && $fail -ne 0 ]] && exit 1
exit 0
