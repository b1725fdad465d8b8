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
