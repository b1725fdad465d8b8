#!/usr/bin/env bash
# Upload benchmark: seqdrop-cli against plain curl, same sandbox, same files, same run.
#
# For each size (GiB) a FASTQ-shaped file of real bytes is generated once, read once to
# warm the page cache, then uploaded ROUNDS times by each tool, in pairs whose order flips
# every round (cli curl, curl cli, cli curl, ...), to ONE seqdrop-sandbox instance. Both
# tools do the full standard upload: init_upload -> multipart POST to upload_url -> confirm_upload.
#
# Environment:
#   SIZES="1 4"        file sizes in GiB (integers)
#   ROUNDS=9           uploads per tool and size (rounds of one cli and one curl upload)
#   BUILD_DIR=build    where seqdrop-cli and seqdrop-sandbox were built (this script never builds)
#   BENCH_FILES_DIR=   keep the generated files here and reuse them next time (default: a
#                      temp dir, deleted at the end)
#   ENFORCE_TARGETS=0  1: exit 1 when a target below is missed
#   SANDBOX_DATA_PARENT= where the sandbox stores the uploads (default: /dev/shm when it has
#                      room for the largest file, else the temp dir)
#   PIN=0              1: the sandbox runs on the last core and the tool under test (cli or
#                      curl) on the others; 0 (default): no pinning
#
# Pinning was tried to keep the sandbox (about 4 CPU s/GB) from competing with the client.
# On 2 cores it makes seqdrop-cli slower (its three busy threads then share one core:
# 4 GiB ratio 0.76 pinned vs 0.82 unpinned on 2026-11-29), so it is off by default and kept
# only as a diagnostic.
#
# Targets: cli speed >= 0.9 x curl speed (the median, over the rounds, of each round's
# cli/curl ratio); cli peak RSS < 60 MB and flat from the smallest to the largest file.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/benchlib.sh
. bench/benchlib.sh

SIZES="${SIZES:-1 4}"
ROUNDS="${ROUNDS:-9}"
BUILD_DIR="${BUILD_DIR:-build}"
BENCH_FILES_DIR="${BENCH_FILES_DIR:-}"
ENFORCE_TARGETS="${ENFORCE_TARGETS:-0}"
PIN="${PIN:-0}"

CLI="$BUILD_DIR/cli/seqdrop-cli"
SANDBOX="$BUILD_DIR/sandbox/seqdrop-sandbox"
TIME=/usr/bin/time

SPEED_RATIO_TARGET=0.9
RSS_TARGET_MB=60
RSS_GROWTH_TOLERANCE=1.10   # "does not grow": largest <= smallest x 1.10

die() { echo "upload_bench: $*" >&2; exit 1; }

# --- preconditions ---------------------------------------------------------------
[[ -x "$CLI" ]]     || die "missing $CLI (build first: scripts/build.sh $BUILD_DIR, or set BUILD_DIR)"
[[ -x "$SANDBOX" ]] || die "missing $SANDBOX (build first: scripts/build.sh $BUILD_DIR, or set BUILD_DIR)"
[[ -x "$TIME" ]]    || die "missing $TIME (apt-get install time)"
command -v curl >/dev/null || die "missing curl"
command -v jq >/dev/null   || die "missing jq"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer (got '$ROUNDS')"
for s in $SIZES; do
    [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "SIZES must be positive integers in GiB (got '$s')"
done
[[ "$PIN" == 1 || "$PIN" == 0 ]] || die "PIN must be 1 or 0 (got '$PIN')"
SERVER_CPUS=(); TOOL_CPUS=()
cores=$(nproc)
if [[ "$PIN" == 1 ]] && (( cores >= 2 )) && command -v taskset >/dev/null; then
    SERVER_CPUS=(taskset -c "$((cores - 1))")
    TOOL_CPUS=(taskset -c "0-$((cores - 2))")
fi
CLI="$(realpath "$CLI")"
SANDBOX="$(realpath "$SANDBOX")"

work="$(mktemp -d -t seqdrop-bench.XXXXXX)"
files_dir="${BENCH_FILES_DIR:-$work/files}"
mkdir -p "$files_dir"
sandbox_pid=""; data_dir=""
cleanup() {
    if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work" "$data_dir"    # temp files and sandbox storage
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Disk: the inputs, plus one stored copy (each copy is deleted after its run).
need_gib=0; largest=0
for s in $SIZES; do need_gib=$(( need_gib + s )); (( s > largest )) && largest=$s; done
free_gib() { echo $(( $(df -Pk "$1" | awk 'NR == 2 { print $4 }') / 1024 / 1024 )); }
inputs_gib=$need_gib
[[ -n "$BENCH_FILES_DIR" ]] && inputs_gib=0   # kept files already exist or go elsewhere
(( $(free_gib "$work") > inputs_gib + 1 )) \
    || die "needs about $((inputs_gib + 1)) GiB free in $work for the inputs; lower SIZES or set TMPDIR"
# The sandbox stores into RAM (/dev/shm) when it has room, so the figures compare the two
# clients and not the disk: a 4 GiB copy written to disk makes the kernel write back and
# throttle during the run, which slowed the sandbox by up to 60% in some runs and not others.
SANDBOX_DATA_PARENT="${SANDBOX_DATA_PARENT:-}"
if [[ -z "$SANDBOX_DATA_PARENT" && -d /dev/shm ]] && (( $(free_gib /dev/shm) > largest + 1 )); then
    SANDBOX_DATA_PARENT=/dev/shm
fi
data_dir="$(mktemp -d -p "${SANDBOX_DATA_PARENT:-$work}" seqdrop-bench-data.XXXXXX)"
(( $(free_gib "$data_dir") > largest )) \
    || die "needs about $largest GiB free in $data_dir for one stored copy; set SANDBOX_DATA_PARENT"

# Does this CLI know --skip-validation? (Validation would otherwise read every file twice.)
CLI_EXTRA=()
if "$CLI" upload --help 2>&1 | grep -q -- '--skip-validation'; then
    CLI_EXTRA=(--skip-validation)
else
    echo "note: $CLI does not list --skip-validation; the cli runs include local validation"
fi

# --- sandbox -------------------------------------------------------------------------
"${SERVER_CPUS[@]}" "$SANDBOX" --port 0 --data "$data_dir" > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
bench_wait_for_sandbox "$work/sandbox.log" "$sandbox_pid"
export API KEY

# --- one upload with curl (benchlib.sh's curl_upload) ---------------------------------
# Runs under /usr/bin/time in a child bash, so CPU and peak RSS cover curl and jq too.
export -f curl_upload
export CURL_BODY="$work/curl-body"

# --- measuring --------------------------------------------------------------------------
RESULTS="$work/results.tsv"   # tool  gib  bytes  wall_s  user_s  sys_s  rss_kb  server_cpu_s  round
: > "$RESULTS"

# The sandbox's own CPU seconds so far (utime + stime from /proc): the server shares the
# machine with the tool under test, so its cost per GB is printed next to the client's.
TICKS=$(getconf CLK_TCK)
server_cpu() { awk -v hz="$TICKS" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$sandbox_pid/stat"; }

run_one() {   # tool gib file round
    local tool=$1 gib=$2 file=$3 round=$4 bytes start end tf="$work/time.txt" out="$work/out.txt" wall id user sys rss srv0 srv
    bytes=$(stat -c %s "$file")
    srv0=$(server_cpu)
    start=$(date +%s.%N)
    if [[ $tool == cli ]]; then
        # --force: every round really uploads (the journal would otherwise report the file as
        # confirmed by the previous round); the journal lives in the bench's temp dir.
        XDG_DATA_HOME="$work/xdg" ONE_CODEX_API_KEY="$KEY" "${TOOL_CPUS[@]}" "$TIME" -f '%U %S %M' -o "$tf" \
            "$CLI" upload --api-url "$API" --json --force "${CLI_EXTRA[@]}" "$file" > "$out" \
            || { cat "$out" >&2; die "seqdrop-cli failed on $file"; }
        jq -se 'length == 1 and .[0].status == "confirmed" and (.[0].already_uploaded | not)' "$out" > /dev/null \
            || { cat "$out" >&2; die "seqdrop-cli did not confirm $file"; }
    else
        # shellcheck disable=SC2016  # $1 is expanded by the child bash
        "${TOOL_CPUS[@]}" "$TIME" -f '%U %S %M' -o "$tf" bash -c 'curl_upload "$1"' _ "$file" > "$out" \
            || die "curl upload failed on $file"
    fi
    end=$(date +%s.%N)
    # Every run starts from the same memory state: a stored copy left in the page cache would
    # make the kernel reclaim and write back gigabytes during the next run, taxing whichever
    # tool comes later (measured: sandbox CPU per GB drifting up round after round).
    find "$data_dir/objects" -type f -delete
    srv=$(awk -v a="$srv0" -v b="$(server_cpu)" 'BEGIN { printf "%.2f", b - a }')
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    read -r user sys rss < <(tail -n1 "$tf")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$gib" "$bytes" "$wall" "$user" "$sys" "$rss" "$srv" "$round" >> "$RESULTS"
    if [[ $tool == cli ]]; then id=$(jq -r '.sample_id' "$out"); else id=$(tail -n1 "$out"); fi
    awk -v t="$tool" -v g="$gib" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v sv="$srv" -v id="sample $id" \
        'BEGIN { printf "  %-4s %2d GiB  %8.1f MB/s  %6.2f CPU s/GB  %7.1f MB RSS  (sandbox %5.2f CPU s/GB)  %s\n", t, g, b / w / 1e6, (u + s) / (b / 1e9), r * 1024 / 1e6, sv / (b / 1e9), id }'
}

echo "SeqDrop upload benchmark"
echo "  cli:     $CLI ${CLI_EXTRA[*]}"
echo "  curl:    $(curl --version | head -n1 | cut -d' ' -f1-2)"
echo "  sandbox: $API (data in $data_dir; each stored copy deleted after its run)"
echo "  sizes:   $SIZES GiB, $ROUNDS round(s) per tool, in pairs: cli curl, curl cli, ..."
if (( ${#SERVER_CPUS[@]} )); then
    echo "  pinning: sandbox on core $((cores - 1)), the tool under test on cores 0-$((cores - 2)) (PIN=1)"
else
    echo "  pinning: none (sandbox and tool share every core)"
fi
echo "  machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
echo

make_block
for gib in $SIZES; do
    file=$(file_for_size "$gib") || exit 1
    echo "warm-up: reading $(basename "$file") once so both tools read it from the page cache,"
    echo "         writing and deleting as much where the sandbox stores"
    cat "$file" > /dev/null
    # And writes a file of that size where the sandbox stores, then deletes it. On this
    # virtual machine the sandbox's copy into the page cache cost 36% of its CPU in a 4 GiB
    # upload against 8% in a 1 GiB one (perf: copy_folio_from_iter_atomic), most likely
    # memory the guest had not used before and the host backs on first touch; pages freed
    # here are the ones the stored copies get next. It helps a little (sandbox 6.5 -> 6.1
    # CPU s/GB at 4 GiB), not fully: both tools still pay it alike.
    dd if=/dev/zero of="$data_dir/warm-up" bs=1M count=$(( gib * 1024 + 64 )) status=none
    rm -f "$data_dir/warm-up"
    # Each round is one pair, and the order within the pair flips every round: this VM's
    # speed drifts and jumps within seconds (the sandbox's CPU per GB for the same upload
    # ranged 3.9-6.6 in one 1 GiB run), and a fixed order would hand any steady drift to the
    # tool that always goes second.
    for (( r = 1; r <= ROUNDS; r++ )); do
        if (( r % 2 )); then
            run_one cli "$gib" "$file" "$r"; run_one curl "$gib" "$file" "$r"
        else
            run_one curl "$gib" "$file" "$r"; run_one cli "$gib" "$file" "$r"
        fi
    done
done

# --- report -----------------------------------------------------------------------------
echo
echo "Results (median over $ROUNDS round(s); peak RSS = max; MB = 10^6 bytes; files served"
echo "from the page cache for both tools after a warm-up read; loopback, one sandbox)"
echo
awk -F'\t' -v sizes="$SIZES" -v rounds="$ROUNDS" -v rss_target="$RSS_TARGET_MB" -v ratio_target="$SPEED_RATIO_TARGET" \
    -v growth_tol="$RSS_GROWTH_TOLERANCE" -v enforce="$ENFORCE_TARGETS" '
function sorted(list, a,   n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) a[i] += 0   # compare as numbers
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n
}
function median(list,   n, a) {
    n = sorted(list, a)
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function spread(list,   n, a) { n = sorted(list, a); return sprintf("%.0f-%.0f", a[1], a[n]) }
{
    k = $1 SUBSEP $2
    speed[k] = speed[k] " " ($3 / $4 / 1e6)
    cpu[k]   = cpu[k]   " " (($5 + $6) / ($3 / 1e9))
    srv[k]   = srv[k]   " " ($8 / ($3 / 1e9))
    pair[$1, $2, $9] = $3 / $4 / 1e6
    mb = $7 * 1024 / 1e6
    if (mb > rss[k]) rss[k] = mb
}
END {
    ns = split(sizes, sz, " ")
    printf "%-6s %9s %8s %10s %10s %12s %18s\n", "tool", "file", "MB/s", "(range)", "CPU s/GB", "peak RSS MB", "sandbox CPU s/GB"
    printf "%-6s %9s %8s %10s %10s %12s %18s\n", "------", "---------", "--------", "----------", "----------", "------------", "------------------"
    for (i = 1; i <= ns; i++) for (t = 1; t <= 2; t++) {
        tool = (t == 1) ? "cli" : "curl"; k = tool SUBSEP sz[i]
        ms[k] = median(speed[k]); mc[k] = median(cpu[k])
        printf "%-6s %5d GiB %8.1f %10s %10.2f %12.1f %18.2f\n", tool, sz[i], ms[k], "(" spread(speed[k]) ")", mc[k], rss[k], median(srv[k])
    }
    print ""
    ok = 1
    for (i = 1; i <= ns; i++) {
        # The target is judged pair by pair: each round is one cli upload and one curl upload
        # back to back, so both meet the same state of the machine, and the median of the
        # per-round ratios is the paired estimate. The ratio of the two median speeds ignores the
        # pairing; on this VM, whose speed jumps between rounds, it strayed further (one run at
        # 4 GiB: 0.89 against a paired median of 1.02). Both are printed.
        pairs = ""; reached = 0; n = 0
        for (r = 1; r <= rounds; r++) {
            kc = "cli" SUBSEP sz[i] SUBSEP r; kr = "curl" SUBSEP sz[i] SUBSEP r
            if (!(kc in pair) || !(kr in pair)) continue
            p = pair[kc] / pair[kr]
            pairs = pairs " " p; n++; if (p >= ratio_target) reached++
        }
        paired = median(pairs); pass = paired >= ratio_target; ok = ok && pass
        printf "%d GiB: cli speed / curl speed, median of %d rounds = %.2f (target >= %.1f) %s\n",
            sz[i], n, paired, ratio_target, pass ? "OK" : "MISSED"
        printf "       (%d of %d rounds >= %.1f; ratio of the median speeds %.2f)\n",
            reached, n, ratio_target, ms["cli" SUBSEP sz[i]] / ms["curl" SUBSEP sz[i]]
    }
    for (i = 1; i <= ns; i++) {
        r = rss["cli" SUBSEP sz[i]]; pass = r < rss_target; ok = ok && pass
        printf "%d GiB: cli peak RSS = %.1f MB (target < %d MB) %s\n", sz[i], r, rss_target, pass ? "OK" : "MISSED"
    }
    if (ns > 1) {
        first = rss["cli" SUBSEP sz[1]]; last = rss["cli" SUBSEP sz[ns]]
        pass = last <= first * growth_tol; ok = ok && pass
        printf "cli peak RSS %d GiB -> %d GiB: %.1f -> %.1f MB (%+.1f%%, target: no growth, <= +%d%%) %s\n",
            sz[1], sz[ns], first, last, (last / first - 1) * 100, (growth_tol - 1) * 100 + 0.5, pass ? "OK" : "MISSED"
    }
    print ""
    print ok ? "All targets met." : "Some targets missed."
    exit (enforce == 1 && !ok) ? 1 : 0
}' "$RESULTS"
