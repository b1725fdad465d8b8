# shellcheck shell=bash
# Pieces the benchmark scripts share; sourced, not run. The caller defines die().

# Prints 8192 FASTQ records of 150 bp (pseudo-random bases and qualities, the same every time).
bench_fastq_block() {
    awk 'BEGIN {
        state = 12345
        for (n = 1; n <= 8192; n++) {
            seq = ""; qual = ""
            for (i = 0; i < 150; i++) {
                state = (state * 16807) % 2147483647
                seq  = seq  substr("ACGT", state % 4 + 1, 1)
                qual = qual substr("FFFFF:,", int(state / 4) % 7 + 1, 1)
            }
            printf "@BENCH:1:FC:1:1101:%05d:%05d 1:N:0:ACGT\n%s\n+\n%s\n", n % 100000, n, seq, qual
        }
    }'
}

# bench_fill_file BLOCK PATH BYTES: BLOCK repeated into PATH up to BYTES (pass a multiple of
# the record length to end on a record boundary). Every byte is written for real (no sparse
# holes); the loop ends when head closes the pipe.
bench_fill_file() {
    local block=$1 path=$2 bytes=$3
    { while cat "$block"; do :; done; } 2>/dev/null | head -c "$bytes" > "$path" || true
    [[ "$(stat -c %s "$path")" -eq "$bytes" ]] || die "could not write $path"
}

# bench_wait_for_sandbox LOG PID: waits (10 s at most) for the sandbox started with its output
# in LOG to announce itself; sets API and KEY.
bench_wait_for_sandbox() {
    local log=$1 pid=$2
    API=""; KEY=""
    for _ in $(seq 1 100); do
        API="$(sed -n 's/^seqdrop-sandbox listening on \(http:\/\/[^ ]*\).*/\1/p' "$log" | head -n1)"
        KEY="$(sed -n 's/^api key: *\([^ ]*\).*/\1/p' "$log" | head -n1)"
        [[ -n "$API" && -n "$KEY" ]] && return 0
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "sandbox exited early"; }
        sleep 0.1
    done
    cat "$log" >&2
    die "sandbox did not announce its address/key"
}

# Test files: a block of 8192 fixed-length FASTQ records (pseudo-random bases and qualities)
# repeated up to the size, cut on a record boundary so the file stays valid FASTQ. Uses the
# caller's $work (scratch) and $files_dir (where the files stay between runs).
RECORD_LEN=0
make_block() {
    bench_fastq_block > "$work/block.fastq"
    RECORD_LEN=$(( $(stat -c %s "$work/block.fastq") / 8192 ))
}

file_for_size() {   # GiB -> path (created when missing or of the wrong size)
    local gib=$1 path="$files_dir/bench_${1}GiB.fastq" bytes
    bytes=$(( (gib * 1024 * 1024 * 1024) / RECORD_LEN * RECORD_LEN ))
    if [[ ! -f "$path" || "$(stat -c %s "$path")" -ne "$bytes" ]]; then
        echo "generating $path ($bytes bytes)..." >&2
        bench_fill_file "$work/block.fastq" "$path" "$bytes"
    fi
    echo "$path"
}

# curl_upload FILE [CURL_ARG...]: One Codex's standard upload done with curl, as the reference
# client: init_upload (basic auth), the presigned form POSTed to upload_url with the file last,
# confirm_upload. Extra arguments go to the file's POST (e.g. --limit-rate 20M). Uses API, KEY
# and CURL_BODY (a scratch file); prints the sample id.
curl_upload() {
    local file=$1 size init sample_id upload_url code
    shift
    local -a fields form=()
    size=$(stat -c %s "$file")
    init=$(curl -sS --fail-with-body -u "$KEY:" -H 'Content-Type: application/json' \
        -d "{\"filename\":\"bench.fastq\",\"size\":$size,\"upload_type\":\"standard\"}" \
        "$API/api/v1/samples/init_upload") || { echo "init_upload failed: $init" >&2; return 1; }
    sample_id=$(jq -r '.sample_id' <<<"$init")
    upload_url=$(jq -r '.upload_url' <<<"$init")
    # Presigned form fields, in the server's order, as literal strings (${filename} too).
    mapfile -t fields < <(jq -r '(.additional_fields // {}) | to_entries[] | "\(.key)=\(.value|tostring)"' <<<"$init")
    for f in "${fields[@]}"; do form+=(--form-string "$f"); done
    # No -u here: the API key never goes to the storage host. 'Expect:' off, like Qt.
    code=$(curl -sS -o "$CURL_BODY" -w '%{http_code}' -H 'Expect:' \
        "$@" "${form[@]}" -F "file=@$file;filename=bench.fastq" "$upload_url") || return 1
    case "$code" in
        200|201|204) ;;
        *) echo "upload POST answered $code: $(head -c 500 "$CURL_BODY")" >&2; return 1 ;;
    esac
    curl -sS --fail-with-body -u "$KEY:" -H 'Content-Type: application/json' \
        -d "{\"sample_id\":\"$sample_id\",\"upload_type\":\"standard\"}" \
        "$API/api/v1/samples/confirm_upload" > "$CURL_BODY" \
        || { echo "confirm_upload failed: $(cat "$CURL_BODY")" >&2; return 1; }
    echo "$sample_id"
}
