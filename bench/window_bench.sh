#!/usr/bin/env bash
# Window benchmark (issue 14): the real window, offscreen, with its embedded sandbox, handed a
# NovaSeq-sized run folder, measured from inside the process by seqdrop-window-bench:
#   drop     the folder handed to the window (as a drop, Add Folder or a second start do)
#   restore  a new window restoring the journal that recorded every row
#   upload   that window uploading 8 samples in parallel with every row in the queue
# For each phase: the longest event-loop stall (a 5 ms precise timer's lateness), when every
# row is present, when every background content check is done, and peak RSS so far.
#
# Environment:
#   RUNS="384 1250"   samples per run folder; x LANES lanes x R1/R2 files (+ 2 Undetermined
#                     per lane): 384 -> 3,080 files, 1250 -> 10,008 files; the folder's
#                     SampleSheet.csv sets Undetermined aside, so rows = samples x lanes
#   LANES=4
#   UPLOAD_SECONDS=20 how long the upload phase runs (0: skip it)
#   BUILD_DIR=build   where seqdrop-window-bench and seqdrop-sandbox were built (never builds)
#
# Targets: 3,072 files: stall <= 100 ms, rows within 2 s, checks within 30 s, RSS < 200 MB;
# 10,000 files: stall <= 250 ms, RSS < 400 MB; uploading 8 at once with 1,536 rows: stall
# < 50 ms.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-384 1250}"
LANES="${LANES:-4}"
UPLOAD_SECONDS="${UPLOAD_SECONDS:-20}"
BUILD_DIR="${BUILD_DIR:-build}"
BENCH="$BUILD_DIR/bench/seqdrop-window-bench"
[ -x "$BENCH" ] || { echo "build $BENCH first (cmake --build $BUILD_DIR --target seqdrop-window-bench)" >&2; exit 1; }
export SEQDROP_SANDBOX_BIN="${SEQDROP_SANDBOX_BIN:-$PWD/$BUILD_DIR/sandbox/seqdrop-sandbox}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

echo "SeqDrop window benchmark ($(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
for samples in $RUNS; do
    # The engine's log goes to stderr; only the figures are kept.
    "$BENCH" --samples "$samples" --lanes "$LANES" --upload-seconds "$UPLOAD_SECONDS" 2>/dev/null
    echo
done
