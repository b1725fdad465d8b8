#!/usr/bin/env bash
# Configures and builds SeqDrop (engine, seqdrop-cli, seqdrop-sandbox, GUI when present, tests).
# Usage: scripts/build.sh [BUILD_DIR]   (default: build)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${1:-build}"

scripts/install-deps.sh

echo "build: configuring into $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "build: compiling (-j2)"
cmake --build "$BUILD_DIR" -j2
echo "build: done ($BUILD_DIR)"
