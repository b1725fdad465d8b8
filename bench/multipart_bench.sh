#!/usr/bin/env bash
# Multipart benchmark: seqdrop-cli's S3 multipart route against awscli's `aws s3 cp`, same
# sandbox, same file, same part size and parts in flight, in the same run; plus a resume figure.
#
# For each size (GiB) a FASTQ-shaped file of real bytes is generated once, read once to warm
# the page cache, then uploaded ROUNDS times by each tool, in pairs whose order flips every
# round (cli aws, aws cli, ...), to ONE seqdrop-sandbox instance:
#   - cli: `seqdrop-cli upload --route multipart --skip-validation --parts-in-flight N --force`
#     (init_multipart_upload, CreateMultipartUpload, UploadPart x N in flight, Complete, the
#     import_file_from_s3 callback); its part size is the official client's (10 MiB up to
#     ~97 GiB), so no override is set.
#   - aws: `/usr/bin/aws --endpoint-url SANDBOX s3 cp FILE s3://seqdrop-test/KEY` (awscli 2.9
#     ignores AWS_ENDPOINT_URL) with the sandbox's fixed keys and an AWS_CONFIG_FILE of its
#     own: s3.multipart_chunksize = PART_MIB MiB and s3.max_concurrent_requests = N, the same
#     part size and parts in flight.
# Each upload runs under /usr/bin/time (wall, CPU, peak RSS). MiB/s = bytes / 2^20 / wall s.
#
# Resume (RESUME=1, on the first size): seqdrop-cli is killed (SIGKILL) once the sandbox holds
# a random share between 20 % and 90 % of the file in stored parts, then the same command runs
# again; the sandbox's ledger gives the bytes received across both runs (sum of each part's
# size x times_received), compared with file size + parts in flight x part size.
#
# Environment:
#   SIZES="6"          file sizes in GiB (integers); "6 12" for the RSS comparison
#   ROUNDS=3           paired rounds per size (0: the resume figure only)
#   PARTS_IN_FLIGHT=4  parts in flight for both tools
#   PART_MIB=10        awscli's part size (seqdrop-cli's own choice is 10 MiB up to ~97 GiB)
#   RESUME=1           0: skip the resume figure
#   BUILD_DIR=build    where seqdrop-cli and seqdrop-sandbox were built (never builds)
#   BENCH_FILES_DIR=   keep the generated files here and reuse them (default: temp, deleted)
#   SANDBOX_DATA_PARENT= where the sandbox stores (default: the temp dir; /dev/shm only when
#                      RAM has room for two copies of the largest file, which Complete needs,
#                      with a wide margin: 12 GiB in /dev/shm on the shared 23 GiB VM got
#                      the sandbox OOM-killed in round 3 of a 6 GiB run)
#
# Targets (issue 13): cli speed >= 1.0 x aws speed (median of the per-round ratios); cli peak
# RSS <= 150 MB and flat from the smallest to the largest size; resume total bytes <= file
# size + parts in flight x part size.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/benchlib.sh
. bench/benchlib.sh

SIZES="${SIZES:-6}"
ROUNDS="${ROUNDS:-3}"
PARTS_IN_FLIGHT="${PARTS_IN_FLIGHT:-4}"
PART_MIB="${PART_MIB:-10}"
RESUME="${RESUME:-1}"
BUILD_DIR="${BUILD_DIR:-build}"
BENCH_FILES_DIR="${BENCH_FILES_DIR:-}"

CLI="$BUILD_DIR/cli/seqdrop-cli"
SANDBOX="$BUILD_DIR/sandbox/seqdrop-sandbox"
AWS=/usr/bin/aws # never the one on PATH (a pip copy may shadow Debian's)
TIME=/usr/bin/time
# The sandbox's fixed S3 keys for third-party clients (seqdrop-sandbox --help).
AWS_KEY=SANDBOXACCESSKEY0000
AWS_SECRET=sandboxsecret0000000000000000000000000000

SPEED_RATIO_TARGET=1.0
RSS_TARGET_MB=150
RSS_GROWTH_TOLERANCE=1.10

die() { echo "multipart_bench: $*" >&2; exit 1; }

[[ -x "$CLI" ]]     || die "missing $CLI (build first, or set BUILD_DIR)"
[[ -x "$SANDBOX" ]] || die "missing $SANDBOX (build first, or set BUILD_DIR)"
[[ -x "$AWS" ]]     || die "missing $AWS (scripts/install-deps.sh installs awscli)"
[[ -x "$TIME" ]]    || die "missing $TIME (apt-get install time)"
command -v jq >/dev/null   || die "missing jq"
command -v curl >/dev/null || die "missing curl"
[[ "$ROUNDS" =~ ^[0-9]+$ ]] || die "ROUNDS must be an integer (0: the resume figure only)"
[[ "$PARTS_IN_FLIGHT" =~ ^[1-9][0-9]*$ ]] || die "PARTS_IN_FLIGHT must be a positive integer"
for s in $SIZES; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "SIZES must be integers in GiB"; done
CLI="$(realpath "$CLI")"
SANDBOX="$(realpath "$SANDBOX")"

work="$(mktemp -d -t seqdrop-mpbench.XXXXXX)"
files_dir="${BENCH_FILES_DIR:-$work/files}"
mkdir -p "$files_dir"
sandbox_pid=""; data_dir=""; victim=""
cleanup() {
    if [[ -n "$victim" ]]; then kill -9 "$victim" 2>/dev/null || true; fi
    if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work" "$data_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Disk: the inputs, and the sandbox's parts plus the object Complete joins them into (two
# copies of the largest file at the end of an upload; each is deleted after its run).
need_gib=0; largest=0
for s in $SIZES; do need_gib=$(( need_gib + s )); (( s > largest )) && largest=$s; done
free_gib() { echo $(( $(df -Pk "$1" | awk 'NR == 2 { print $4 }') / 1024 / 1024 )); }
inputs_gib=$need_gib
for s in $SIZES; do [[ -f "$files_dir/bench_${s}GiB.fastq" ]] && inputs_gib=$(( inputs_gib - s )); done
SANDBOX_DATA_PARENT="${SANDBOX_DATA_PARENT:-}"
mem_avail_gib=$(awk '/MemAvailable/ { print int($2 / 1048576) }' /proc/meminfo)
if [[ -z "$SANDBOX_DATA_PARENT" && -d /dev/shm ]] && (( $(free_gib /dev/shm) > 2 * largest + 2 )) \
    && (( mem_avail_gib > 3 * largest + 8 )); then
    SANDBOX_DATA_PARENT=/dev/shm
fi
data_dir="$(mktemp -d -p "${SANDBOX_DATA_PARENT:-$work}" seqdrop-mpbench-data.XXXXXX)"
if [[ "$(df -P "$data_dir" | awk 'NR == 2 { print $1 }')" == "$(df -P "$files_dir" | awk 'NR == 2 { print $1 }')" ]]; then
    (( $(free_gib "$work") > inputs_gib + 2 * largest + 2 )) \
        || die "needs about $(( inputs_gib + 2 * largest + 2 )) GiB free in $work; lower SIZES"
else
    (( $(free_gib "$files_dir") > inputs_gib + 1 )) || die "needs $(( inputs_gib + 1 )) GiB in $files_dir"
    (( $(free_gib "$data_dir") > 2 * largest )) || die "needs $(( 2 * largest )) GiB in $data_dir"
fi


# --- sandbox ---------------------------------------------------------------------------
"$SANDBOX" --port 0 --data "$data_dir" > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
bench_wait_for_sandbox "$work/sandbox.log" "$sandbox_pid"
state() { curl -sS --max-time 10 -H "X-API-Key: $KEY" "$API/_sandbox/state"; }

# awscli with nothing of the machine's own configuration.
mkdir -p "$work/awshome"
cat > "$work/aws-config" <<EOF
[default]
region = us-east-1
s3 =
    multipart_threshold = ${PART_MIB}MB
    multipart_chunksize = ${PART_MIB}MB
    max_concurrent_requests = ${PARTS_IN_FLIGHT}
EOF
aws_env=(env -i PATH=/usr/bin:/bin HOME="$work/awshome" AWS_CONFIG_FILE="$work/aws-config"
         AWS_SHARED_CREDENTIALS_FILE="$work/no-credentials" AWS_ACCESS_KEY_ID="$AWS_KEY"
         AWS_SECRET_ACCESS_KEY="$AWS_SECRET" AWS_EC2_METADATA_DISABLED=true AWS_PAGER="")

RESULTS="$work/results.tsv"   # tool gib bytes wall_s user_s sys_s rss_kb round
: > "$RESULTS"
# Stored copies go after each run: no run pays for the writeback or reclaim of an earlier one.
drop_stored() { find "$data_dir/buckets" "$data_dir/multipart" -type f -delete 2>/dev/null || true; }

run_one() {   # tool gib file round
    local tool=$1 gib=$2 file=$3 round=$4 bytes tf="$work/time.txt" out="$work/out.txt" wall user sys rss
    bytes=$(stat -c %s "$file")
    if [[ $tool == cli ]]; then
        # --force: every round really uploads; the journal lives in the bench's temp dir.
        XDG_DATA_HOME="$work/xdg" ONE_CODEX_API_KEY="$KEY" "$TIME" -f '%e %U %S %M' -o "$tf" \
            "$CLI" upload --api-url "$API" --json --force --route multipart --skip-validation \
            --parts-in-flight "$PARTS_IN_FLIGHT" "$file" > "$out" 2> "$work/err.txt" \
            || { cat "$out" "$work/err.txt" >&2; die "seqdrop-cli failed on $file"; }
        jq -se 'length == 1 and .[0].status == "confirmed" and .[0].route == "multipart"' "$out" > /dev/null \
            || { cat "$out" >&2; die "seqdrop-cli did not confirm $file on the multipart route"; }
    else
        "${aws_env[@]}" "$TIME" -f '%e %U %S %M' -o "$tf" "$AWS" --endpoint-url "$API" s3 cp --only-show-errors \
            "$file" "s3://seqdrop-test/bench/r${round}-${gib}.fastq" > "$out" 2>&1 \
            || { cat "$out" >&2; die "aws s3 cp failed on $file"; }
    fi
    drop_stored
    read -r wall user sys rss < <(tail -n1 "$tf")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$gib" "$bytes" "$wall" "$user" "$sys" "$rss" "$round" >> "$RESULTS"
    awk -v t="$tool" -v g="$gib" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$round" \
        'BEGIN { printf "  round %d  %-4s %2d GiB  %7.1f MiB/s  %6.2f CPU s/GiB  %7.1f MB peak RSS\n", n, t, g, b / w / 1048576, (u + s) / (b / 1073741824), r * 1024 / 1e6 }'
}

# Kills seqdrop-cli once the sandbox holds FRACTION of the file in stored parts, reruns it,
# and prints what the ledger says was received across both runs.
resume_figure() {   # file
    local file=$1 bytes target pct pid stored=0 xdg="$work/xdg-resume" out="$work/resume.json" sample
    bytes=$(stat -c %s "$file")
    pct=$(( 20 + RANDOM % 71 ))
    target=$(( bytes * pct / 100 ))
    local -a cmd=("$CLI" upload --api-url "$API" --json --route multipart --skip-validation
                  --parts-in-flight "$PARTS_IN_FLIGHT" "$file")
    echo "resume: killing seqdrop-cli at ${pct}% stored, then the same command again"
    XDG_DATA_HOME="$xdg" ONE_CODEX_API_KEY="$KEY" "${cmd[@]}" > /dev/null 2> "$work/resume-err1.txt" &
    pid=$!; victim=$pid
    # The open upload's stored bytes (the ledger lists it once CreateMultipartUpload ran).
    while kill -0 "$pid" 2>/dev/null; do
        stored=$(state | jq '[.multipart[] | select(.state == "open") | .parts_bytes] | add // 0')
        (( ${stored%.*} >= target )) && break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null || die "seqdrop-cli ended before ${pct}%"
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true; victim=""
    sleep 0.5   # parts the server was still receiving: their connections end with the process
    local at_kill
    at_kill=$(state | jq '[.multipart[] | select(.state == "open") | .parts_bytes] | add // 0')
    XDG_DATA_HOME="$xdg" ONE_CODEX_API_KEY="$KEY" "$TIME" -f '%e %U %S %M' -o "$work/resume-time.txt" \
        "${cmd[@]}" > "$out" 2> "$work/resume-err2.txt" \
        || { cat "$out" "$work/resume-err2.txt" >&2; die "the resumed run failed"; }
    jq -e '.status == "confirmed"' "$out" > /dev/null || { cat "$out" >&2; die "resume did not confirm"; }
    sample=$(jq -r '.sample_id' "$out")
    grep -o 'resuming at [0-9]*%' "$work/resume-err2.txt" | head -n1 | sed 's/^/  seqdrop-cli said: /'
    state | jq -r --arg s "$sample" --argjson size "$bytes" --argjson killed "${at_kill%.*}" \
        --argjson n "$PARTS_IN_FLIGHT" '
        [.multipart[] | select(.sample_id == $s)] as $u
        | ($u | map(.parts[]) ) as $parts
        | ($parts | map(.size * .times_received) | add) as $sent
        | ($parts | map(select(.times_received > 1)) | length) as $twice
        | ($parts | map(.size) | max) as $part
        | "  stored at the kill: \($killed) bytes (\($killed * 100 / $size | floor)%)",
          "  uploads in the ledger for the sample: \($u | length), state \($u | map(.state) | join(","))",
          "  parts: \($parts | length), received twice or more: \($twice)",
          "  bytes received across both runs: \($sent) = file + \($sent - $size) (\(($sent - $size) / 1048576 | . * 10 | floor / 10) MiB)",
          "  bound: file + \($n) parts in flight x \($part / 1048576) MiB = \($size + $n * $part) -> \(if $sent <= $size + $n * $part then "OK" else "MISSED" end)",
          "  open multipart uploads left: \(.counts.open_multipart_uploads), callbacks for the sample: \(.samples[] | select(.id == $s) | .callbacks)"'
    drop_stored
}

echo "SeqDrop multipart benchmark"
echo "  cli:     $CLI upload --route multipart --skip-validation --parts-in-flight $PARTS_IN_FLIGHT"
echo "  aws:     $("$AWS" --version 2>&1 | cut -d' ' -f1-2) s3 cp, multipart_chunksize ${PART_MIB}MB, max_concurrent_requests $PARTS_IN_FLIGHT"
echo "  sandbox: $API (data in $data_dir; each stored copy deleted after its run)"
echo "  sizes:   $SIZES GiB, $ROUNDS paired round(s): cli aws, aws cli, ..."
echo "  machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
echo

make_block
first_file=""
for gib in $SIZES; do
    file=$(file_for_size "$gib") || exit 1
    [[ -z "$first_file" ]] && first_file=$file
    echo "warm-up: reading $(basename "$file") once (both tools then read it from the page cache)"
    cat "$file" > /dev/null
    for (( r = 1; r <= ROUNDS; r++ )); do
        if (( r % 2 )); then
            run_one cli "$gib" "$file" "$r"; run_one aws "$gib" "$file" "$r"
        else
            run_one aws "$gib" "$file" "$r"; run_one cli "$gib" "$file" "$r"
        fi
    done
done

if (( ROUNDS > 0 )); then
echo
echo "Results (median over $ROUNDS round(s); peak RSS = max; MiB = 2^20 bytes)"
awk -F'\t' -v sizes="$SIZES" -v rounds="$ROUNDS" -v rss_target="$RSS_TARGET_MB" \
    -v ratio_target="$SPEED_RATIO_TARGET" -v growth_tol="$RSS_GROWTH_TOLERANCE" '
function sorted(list, a,   n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) a[i] += 0
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n
}
function median(list,   n, a) { n = sorted(list, a); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
function spread(list,   n, a) { n = sorted(list, a); return sprintf("%.0f-%.0f", a[1], a[n]) }
{
    k = $1 SUBSEP $2
    speed[k] = speed[k] " " ($3 / $4 / 1048576)
    cpu[k] = cpu[k] " " (($5 + $6) / ($3 / 1073741824))
    pair[$1, $2, $8] = $3 / $4
    mb = $7 * 1024 / 1e6
    if (mb > rss[k]) rss[k] = mb
}
END {
    ns = split(sizes, sz, " ")
    printf "%-5s %7s %9s %11s %11s %13s\n", "tool", "file", "MiB/s", "(range)", "CPU s/GiB", "peak RSS MB"
    for (i = 1; i <= ns; i++) for (t = 1; t <= 2; t++) {
        tool = (t == 1) ? "cli" : "aws"; k = tool SUBSEP sz[i]
        ms[k] = median(speed[k])
        printf "%-5s %3d GiB %9.1f %11s %11.2f %13.1f\n", tool, sz[i], ms[k], "(" spread(speed[k]) ")", median(cpu[k]), rss[k]
    }
    print ""
    for (i = 1; i <= ns; i++) {
        pairs = ""; n = 0; list = ""
        for (r = 1; r <= rounds; r++) {
            kc = "cli" SUBSEP sz[i] SUBSEP r; ka = "aws" SUBSEP sz[i] SUBSEP r
            if (!(kc in pair) || !(ka in pair)) continue
            p = pair[kc] / pair[ka]; pairs = pairs " " p; n++; list = list sprintf(" %.2f", p)
        }
        paired = median(pairs)
        printf "%d GiB: cli speed / aws speed, median of %d paired rounds = %.2f (rounds:%s; target >= %.1f) %s\n",
            sz[i], n, paired, list, ratio_target, (paired >= ratio_target) ? "OK" : "MISSED"
    }
    for (i = 1; i <= ns; i++) {
        r = rss["cli" SUBSEP sz[i]]
        printf "%d GiB: cli peak RSS = %.1f MB (target <= %d MB) %s\n", sz[i], r, rss_target, (r <= rss_target) ? "OK" : "MISSED"
    }
    if (ns > 1) {
        first = rss["cli" SUBSEP sz[1]]; last = rss["cli" SUBSEP sz[ns]]
        printf "cli peak RSS %d -> %d GiB: %.1f -> %.1f MB (%+.1f%%, target: flat, <= +%d%%) %s\n",
            sz[1], sz[ns], first, last, (last / first - 1) * 100, (growth_tol - 1) * 100 + 0.5,
            (last <= first * growth_tol) ? "OK" : "MISSED"
    }
}' "$RESULTS"
fi

if [[ "$RESUME" == 1 ]]; then
    echo
    resume_figure "$first_file"
fi
