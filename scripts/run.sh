#!/usr/bin/env bash
# The README's run command: sets up the machine, builds SeqDrop and starts the app against a
# local One Codex-compatible sandbox (no account, no network needed). Files given as
# arguments are queued right away.
#
# Without a display (a server, an SSH session) it runs the headless demo instead: a sandbox,
# and seqdrop-cli uploading the bundled example files. SEQDROP_HEADLESS=1 forces that.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="build"
SANDBOX="$BUILD_DIR/sandbox/seqdrop-sandbox"
CLI="$BUILD_DIR/cli/seqdrop-cli"
GUI="$BUILD_DIR/ui/seqdrop"
EXAMPLES="resources/examples"

scripts/build.sh "$BUILD_DIR"

if [[ "${SEQDROP_HEADLESS:-0}" != 1 && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
    echo "run: starting SeqDrop against a local sandbox (it starts and stops the sandbox itself)"
    exec "$GUI" --sandbox "$@"
fi
echo "run: no display found; running the headless demo with seqdrop-cli"

# --- start a throw-away sandbox on a free port ---------------------------------
data_dir="$(mktemp -d -t seqdrop-sandbox.XXXXXX)"
sandbox_log="$data_dir.log"
sandbox_pid=""
cleanup() {
    if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$data_dir" "$sandbox_log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$SANDBOX" --port 0 --data "$data_dir" >"$sandbox_log" 2>&1 &
sandbox_pid=$!

api_url=""
api_key=""
for _ in $(seq 1 100); do   # up to 10 s
    api_url="$(sed -n 's/^seqdrop-sandbox listening on \(http:\/\/[^ ]*\).*/\1/p' "$sandbox_log" | head -n1)"
    api_key="$(sed -n 's/^api key: *\([^ ]*\).*/\1/p' "$sandbox_log" | head -n1)"
    [[ -n "$api_url" && -n "$api_key" ]] && break
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
        echo "run: seqdrop-sandbox exited early:" >&2
        cat "$sandbox_log" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$api_url" || -z "$api_key" ]]; then
    echo "run: seqdrop-sandbox did not announce its address and API key:" >&2
    cat "$sandbox_log" >&2
    exit 1
fi
echo "run: sandbox at $api_url (data in $data_dir, removed on exit)"

# --- upload the example samples with seqdrop-cli -------------------------------
export ONE_CODEX_API_KEY="$api_key"

echo
echo "run: uploading a paired-end sample (R1 + R2)"
"$CLI" upload --api-url "$api_url" --tag example --project "Sandbox Project" \
    "$EXAMPLES/example_R1.fastq.gz" "$EXAMPLES/example_R2.fastq.gz"

echo
echo "run: uploading a single-end sample"
"$CLI" upload --api-url "$api_url" --tag example --project "Sandbox Project" \
    "$EXAMPLES/example.fastq"

echo
echo "run: done. The sample ids above are in the sandbox; it stops now."
