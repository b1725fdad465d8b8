#!/usr/bin/env bash
# Sets up the machine, builds everything and runs every test (CTest), headless.
# Exit code: ctest's (0 when every test passed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="build"

scripts/build.sh "$BUILD_DIR"

export QT_QPA_PLATFORM=offscreen

echo "test: running ctest in $BUILD_DIR"
rc=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 || rc=$?

echo
echo "=================================================="
if [[ $rc -eq 0 ]]; then
    echo "test: ALL TESTS PASSED"
else
    echo "test: FAILED (ctest exit code $rc; failing tests are listed above)"
fi
echo "=================================================="
exit "$rc"
