#!/usr/bin/env bash
# Soak benchmark: many samples through seqdrop-cli against a seqdrop-sandbox that injects faults
# at random (503/429 answers, lost init_upload answers, expired policies, uploads cut at a
# random point or stalled), then an audit of the sandbox's state.
#
# Reports: samples confirmed / failed, retries (the sum of --json "retries"), the server's view
# (API calls, upload attempts, faults injected), duplicates (available samples sharing a file
# name: must be 0), samples left neither confirmed nor cancelled (must be 0), stored bytes
# whose MD5 differs from the local file (must be 0), peak memory (/usr/bin/time -v) and wall
# time of the client.
#
# Environment:
#   SMALL_FILES=200    small FASTQ files, 20-200 KB each, every 4th gzip-compressed
#   LARGE_FILES=4      large FASTQ files
#   LARGE_MB=512       size of each large file, MiB
#   FAULT_RATE=0.05    probability of a fault per API call and per upload (sandbox --random-faults)
#   SEED=1             seed of the faults and of the small files' sizes
#   JOBS=4             samples uploaded in parallel (seqdrop-cli --jobs)
#   STALL_SECONDS=4    how long the sandbox holds a stalled upload before dropping it
#   CLIENT_STALL_MS=2000  the client's no-progress timeout (SEQDROP_STALL_TIMEOUT_MS; default 60 s)
#   RETRY_BASE_MS=200  the client's first retry delay (SEQDROP_RETRY_BASE_MS; default 1000)
#   CLI_ARGS=          extra seqdrop-cli upload options, e.g. --validate-while-uploading
#   BUILD_DIR=build    where seqdrop-cli and seqdrop-sandbox were built (this script never builds)
#   ENFORCE=1          exit 1 when an invariant (duplicates, unsettled, MD5) is broken
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/benchlib.sh
. bench/benchlib.sh

SMALL_FILES="${SMALL_FILES:-200}"
LARGE_FILES="${LARGE_FILES:-4}"
LARGE_MB="${LARGE_MB:-512}"
FAULT_RATE="${FAULT_RATE:-0.05}"
SEED="${SEED:-1}"
JOBS="${JOBS:-4}"
STALL_SECONDS="${STALL_SECONDS:-4}"
CLIENT_STALL_MS="${CLIENT_STALL_MS:-2000}"
RETRY_BASE_MS="${RETRY_BASE_MS:-200}"
CLI_ARGS="${CLI_ARGS:-}"
BUILD_DIR="${BUILD_DIR:-build}"
ENFORCE="${ENFORCE:-1}"

CLI="$BUILD_DIR/cli/seqdrop-cli"
SANDBOX="$BUILD_DIR/sandbox/seqdrop-sandbox"
TIME=/usr/bin/time

die() { echo "soak_bench: $*" >&2; exit 2; }

# --- preconditions ---------------------------------------------------------------
[[ -x "$CLI" ]]     || die "missing $CLI (build first: scripts/build.sh $BUILD_DIR, or set BUILD_DIR)"
[[ -x "$SANDBOX" ]] || die "missing $SANDBOX (build first: scripts/build.sh $BUILD_DIR, or set BUILD_DIR)"
[[ -x "$TIME" ]]    || die "missing $TIME (apt-get install time)"
for tool in curl jq gzip md5sum awk; do
    command -v "$tool" >/dev/null || die "missing $tool"
done
for v in SMALL_FILES LARGE_FILES LARGE_MB SEED JOBS STALL_SECONDS CLIENT_STALL_MS RETRY_BASE_MS; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a non-negative integer (got '${!v}')"
done
awk -v r="$FAULT_RATE" 'BEGIN { exit !(r ~ /^[0-9.]+$/ && r >= 0 && r <= 1) }' \
    || die "FAULT_RATE must be between 0 and 1 (got '$FAULT_RATE')"
(( SMALL_FILES + LARGE_FILES > 0 )) || die "nothing to upload"
CLI="$(realpath "$CLI")"
SANDBOX="$(realpath "$SANDBOX")"

work="$(mktemp -d -t seqdrop-soak.XXXXXX)"
files="$work/files"
mkdir -p "$files" "$work/data" "$work/xdg"
sandbox_pid=""
cleanup() {
    if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Disk: the inputs, and the sandbox's stored copy of each.
need_mb=$(( 2 * (LARGE_FILES * LARGE_MB + SMALL_FILES / 5 + 1) ))
avail_mb=$(( $(df -Pk "$work" | awk 'NR == 2 { print $4 }') / 1024 ))
(( avail_mb > need_mb + 512 )) \
    || die "needs about $((need_mb + 512)) MiB free in $work (has $avail_mb MiB); lower LARGE_MB or set TMPDIR"

# --- test files ------------------------------------------------------------------------
# Small files: 100 bp FASTQ records, 20-200 KB each (sizes from SEED). Names never look like
# R1/R2 mates (small_001, large_001: no "_1." or "_R1_"), so every file is its own sample.
echo "generating $SMALL_FILES small and $LARGE_FILES x $LARGE_MB MiB files in $files ..."
awk -v n="$SMALL_FILES" -v seed="$SEED" -v dir="$files" 'BEGIN {
    srand(seed)
    for (f = 1; f <= n; f++) {
        path = sprintf("%s/small_%03d.fastq", dir, f)
        records = int((20000 + rand() * 180000) / 232)
        for (r = 1; r <= records; r++) {
            seq = ""; qual = ""
            for (i = 0; i < 100; i++) {
                seq = seq substr("ACGT", int(rand() * 4) + 1, 1)
                qual = qual substr("FFFF:,#", int(rand() * 7) + 1, 1)
            }
            printf "@SOAK:%d:%d\n%s\n+\n%s\n", f, r, seq, qual > path
        }
        close(path)
    }
}'
for (( f = 4; f <= SMALL_FILES; f += 4 )); do
    gzip -n "$(printf '%s/small_%03d.fastq' "$files" "$f")"
done
# Large files: a block of 8192 FASTQ records repeated, cut on a record boundary.
if (( LARGE_FILES > 0 )); then
    bench_fastq_block > "$work/block.fastq"
    record=$(( $(stat -c %s "$work/block.fastq") / 8192 ))
    bytes=$(( LARGE_MB * 1024 * 1024 / record * record ))
    for (( f = 1; f <= LARGE_FILES; f++ )); do
        path="$(printf '%s/large_%03d.fastq' "$files" "$f")"
        bench_fill_file "$work/block.fastq" "$path" "$bytes"
    done
fi
mapfile -t inputs < <(find "$files" -type f | sort)
total_bytes=$(du -cb "${inputs[@]}" | tail -n1 | cut -f1)

# --- sandbox ---------------------------------------------------------------------------
"$SANDBOX" --port 0 --data "$work/data" --random-faults "$FAULT_RATE" --seed "$SEED" \
    --stall-seconds "$STALL_SECONDS" --retry-after 1 > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
bench_wait_for_sandbox "$work/sandbox.log" "$sandbox_pid"

echo "SeqDrop soak benchmark"
echo "  files:   ${#inputs[@]} ($SMALL_FILES small, $LARGE_FILES x $LARGE_MB MiB), $((total_bytes / 1000000)) MB"
echo "  faults:  rate $FAULT_RATE, seed $SEED, stalls held ${STALL_SECONDS} s"
echo "  client:  --jobs $JOBS $CLI_ARGS, SEQDROP_RETRY_BASE_MS=$RETRY_BASE_MS SEQDROP_STALL_TIMEOUT_MS=$CLIENT_STALL_MS"
echo "  machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
echo

# --- the run -----------------------------------------------------------------------------
read -ra cli_extra <<< "$CLI_ARGS"
set +e
XDG_DATA_HOME="$work/xdg" ONE_CODEX_API_KEY="$KEY" SEQDROP_RETRY_BASE_MS="$RETRY_BASE_MS" \
    SEQDROP_STALL_TIMEOUT_MS="$CLIENT_STALL_MS" \
    "$TIME" -v -o "$work/time.txt" \
    "$CLI" upload --api-url "$API" --json --jobs "$JOBS" "${cli_extra[@]}" "${inputs[@]}" \
    > "$work/results.jsonl" 2> "$work/cli.log"
cli_exit=$?
set -e
curl -sS -f -H "X-API-Key: $KEY" "$API/_sandbox/state" > "$work/state.json" \
    || die "cannot read the sandbox state"

# --- audit -------------------------------------------------------------------------------
md5sum "${inputs[@]}" | awk '{ n = split($2, p, "/"); print p[n] "\t" $1 }' > "$work/local_md5.tsv"
jq -s . "$work/results.jsonl" > "$work/results.json"
reported=$(jq 'length' "$work/results.json")
confirmed=$(jq 'map(select(.status == "confirmed")) | length' "$work/results.json")
failed=$(( reported - confirmed ))
retries=$(jq 'map(.retries // 0) | add // 0' "$work/results.json")
retried_samples=$(jq 'map(select((.retries // 0) > 0)) | length' "$work/results.json")
max_retries=$(jq 'map(.retries // 0) | max // 0' "$work/results.json")
duplicates=$(jq '[.samples[] | select(.status == "available") | .filename] | group_by(.)
                 | map(select(length > 1) | length - 1) | add // 0' "$work/state.json")
unsettled=$(jq '[.samples[] | select(.status == "awaiting_data")] | length' "$work/state.json")
cancelled=$(jq '[.samples[] | select(.status == "deleted")] | length' "$work/state.json")
# Stored bytes against the local files, and the client's sample ids against the server's.
md5_bad=$(jq -r '.samples[] | select(.status == "available") | [.filename, .r1.md5] | @tsv' "$work/state.json" \
    | awk -F'\t' 'NR == FNR { want[$1] = $2; next } want[$1] != $2 { bad++ } END { print bad + 0 }' \
        "$work/local_md5.tsv" -)
verified=$(jq '[.samples[] | select(.status == "available")] | length' "$work/state.json")
id_bad=$(jq -n --slurpfile r "$work/results.json" --slurpfile s "$work/state.json" '
    ($s[0].samples | map(select(.status == "available") | {key: .filename, value: .id}) | from_entries) as $ids
    | $r[0] | map(select(.status == "confirmed") | select($ids[.file | split("/") | last] != .sample_id)) | length')
counts() { jq -r ".counts.$1" "$work/state.json"; }
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$work/time.txt")
cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")

echo "Results (seqdrop-cli exit $cli_exit)"
printf '  %-38s %s of %s\n' "samples confirmed" "$confirmed" "${#inputs[@]}"
printf '  %-38s %s\n' "samples failed" "$failed"
printf '  %-38s %s (in %s samples, at most %s for one)\n' "retries (client, --json)" "$retries" "$retried_samples" "$max_retries"
printf '  %-38s %s\n' "faults injected (server)" "$(counts faults_injected)"
printf '  %-38s %s API calls, %s init_upload, %s cancel_upload\n' "requests seen (server)" "$(counts api_calls)" "$(counts init_upload)" "$(counts cancel_upload)"
printf '  %-38s %s POSTs, %s stored\n' "uploads (server)" "$(counts storage_posts)" "$(counts storage_ok)"
printf '  %-38s %s\n' "samples cancelled on the server" "$cancelled"
printf '  %-38s %s (must be 0)\n' "duplicates" "$duplicates"
printf '  %-38s %s (must be 0)\n' "left neither confirmed nor cancelled" "$unsettled"
printf '  %-38s %s of %s (must be 0)\n' "stored MD5 != local MD5" "$md5_bad" "$verified"
printf '  %-38s %s (must be 0)\n' "reported id != server's" "$id_bad"
printf '  %-38s %s (must be %s)\n' "samples reported (--json lines)" "$reported" "${#inputs[@]}"
printf '  %-38s %.1f MB\n' "client peak RSS" "$(awk -v k="$rss_kb" 'BEGIN { print k * 1024 / 1e6 }')"
printf '  %-38s %s s (CPU %s s)\n' "client wall time" "$wall" "$cpu"
if (( failed > 0 )); then
    echo
    echo "Failed samples:"
    jq -r '.[] | select(.status != "confirmed") | "  \(.file | split("/") | last): \(.status): \(.error)"' "$work/results.json" | head -n 20
fi

ok=1
(( duplicates == 0 && unsettled == 0 && md5_bad == 0 && id_bad == 0 && reported == ${#inputs[@]} )) || ok=0
echo
if (( ok )); then echo "Invariants hold."; else echo "INVARIANT BROKEN (see above); client log:"; tail -n 30 "$work/cli.log"; fi
(( ok || ENFORCE != 1 )) || exit 1
