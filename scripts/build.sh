#!/usr/bin/env bash
# Configures and builds SeqDrop (engine, seqdrop-cli, seqdrop-sandbox, GUI when present, tests).
# Usage: scripts/build.sh [BUILD_DIR]   (default: build)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${1:-build}"

scripts/install-deps.sh

echo "build: configuring into $BUILD_DIR"
# Options spelled out so that a reused build folder cannot keep a narrower configuration.
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEQDROP_BUILD_GUI=ON -DSEQDROP_BUILD_TESTS=ON \
    -DSEQDROP_TEST_DIRS=
echo "build: compiling (-j2)"
cmake --build "$BUILD_DIR" -j2
echo "build: done ($BUILD_DIR)"
