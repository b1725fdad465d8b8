#!/usr/bin/env bash
# Bandwidth limit benchmark (issue 16): one upload of SIZE_MB through `seqdrop-cli upload
# --limit-rate RATE` and the same upload through `curl --limit-rate RATE` (the reference: curl's
# own limiter, same spelling, same sandbox), in paired rounds with the order flipped each round.
# For each upload: the average rate over the whole upload (bytes / wall time, init and confirm
# included) as a share of the limit, and the fastest one-second window, measured from outside
# both clients: the bytes the sandbox wrote to its store as they arrived (/proc/PID/io wchar; it
# stores 1 MiB at a time, so a window is exact to about 1 MiB), sampled every 100 ms.
#
# Environment: SIZE_MB=500, RATE=20M (curl's spelling: powers of 1024), ROUNDS=3,
# BUILD_DIR=build (never builds). Target: every seqdrop-cli average within 5% of RATE, no
# one-second window above RATE x 1.05 after the first second.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZE_MB="${SIZE_MB:-500}"
RATE="${RATE:-20M}"
ROUNDS="${ROUNDS:-3}"
BUILD_DIR="${BUILD_DIR:-build}"
CLI="$(realpath "$BUILD_DIR/cli/seqdrop-cli")"
SANDBOX="$(realpath "$BUILD_DIR/sandbox/seqdrop-sandbox")"
die() { echo "limit_bench: $*" >&2; exit 1; }
[[ -x "$CLI" && -x "$SANDBOX" ]] || die "build $BUILD_DIR first"
command -v curl >/dev/null && command -v jq >/dev/null || die "needs curl and jq"
# shellcheck source=bench/benchlib.sh
. bench/benchlib.sh

case "$RATE" in
    *[kK]) rate_bytes=$(( ${RATE%?} * 1024 )) ;;
    *[mM]) rate_bytes=$(( ${RATE%?} * 1024 * 1024 )) ;;
    *[gG]) rate_bytes=$(( ${RATE%?} * 1024 * 1024 * 1024 )) ;;
    *) rate_bytes=$RATE ;;
esac

work="$(mktemp -d -t seqdrop-limit.XXXXXX)"
sandbox_pid=""
cleanup() {
    [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_fastq_block > "$work/block.fastq"
record=$(( $(stat -c %s "$work/block.fastq") / 8192 ))
file="$work/Plate7-001_S1_L001_R1_001.fastq"
bench_fill_file "$work/block.fastq" "$file" $(( SIZE_MB * 1000 * 1000 / record * record ))
bytes=$(stat -c %s "$file")

data="$(mktemp -d -p "$( [[ -d /dev/shm ]] && echo /dev/shm || echo "$work")" seqdrop-limit-data.XXXXXX)"
"$SANDBOX" --port 0 --data "$data" > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
bench_wait_for_sandbox "$work/sandbox.log" "$sandbox_pid"
export API KEY CURL_BODY="$work/curl-body"
export -f curl_upload

# Samples the sandbox's writes to its store (wchar) every 100 ms into $1 until killed.
sample_reads() {
    while :; do
        printf '%s %s\n' "$(date +%s.%N)" "$(awk '/^wchar/ { print $2 }' "/proc/$sandbox_pid/io")"
        sleep 0.1
    done > "$1"
}

# The fastest one-second window after the first second, in bytes per second.
fastest_second() {
    awk 'NR == 1 { t0 = $1 } { t[NR] = $1; b[NR] = $2 }
         END { best = 0; j = 1
               for (i = 1; i <= NR; i++) {
                   if (t[i] - t0 < 1) continue
                   while (j < i && t[i] - t[j] > 1.0) j++
                   if (j < i && t[i] - t[j] >= 0.9) { r = (b[i] - b[j]) / (t[i] - t[j]); if (r > best) best = r }
               }
               printf "%.0f", best }' "$1"
}

run() {   # tool round
    local tool=$1 start end samples="$work/reads-$1-$2.txt" sampler
    sample_reads "$samples" & sampler=$!
    start=$(date +%s.%N)
    if [[ "$tool" == cli ]]; then
        ONE_CODEX_API_KEY="$KEY" XDG_DATA_HOME="$work/xdg" "$CLI" upload --api-url "$API" \
            --skip-validation --force --limit-rate "$RATE" "$file" > /dev/null 2> "$work/cli.err" \
            || { cat "$work/cli.err" >&2; die "seqdrop-cli failed"; }
    else
        bash -c 'curl_upload "$1" --limit-rate "$2"' _ "$file" "$RATE" > /dev/null \
            || die "curl upload failed"
    fi
    end=$(date +%s.%N)
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    awk -v b="$bytes" -v s="$start" -v e="$end" -v r="$rate_bytes" -v f="$(fastest_second "$samples")" \
        -v tool="$tool" -v round="$2" 'BEGIN {
            avg = b / (e - s)
            printf "%-5s round %d  %6.1f s  average %6.2f MiB/s = %5.1f%% of the limit   fastest second %6.2f MiB/s = %5.1f%%\n",
                tool, round, e - s, avg / 1048576, 100 * avg / r, f / 1048576, 100 * f / r }'
}

echo "SeqDrop bandwidth limit benchmark ($(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')): $bytes bytes at --limit-rate $RATE ($rate_bytes B/s)"
for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then run cli "$round"; run curl "$round"; else run curl "$round"; run cli "$round"; fi
done
