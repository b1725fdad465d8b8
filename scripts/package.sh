#!/usr/bin/env bash
# Builds one installer from a Release build in build-package/ (docs/packaging.md).
#
# Usage: scripts/package.sh [deb|rpm|tgz|dmg|nsis] [-- EXTRA_CMAKE_ARGS...]
#   Linux: deb (the default), rpm, tgz. macOS: dmg. Windows (Git Bash): nsis.
#   The package is written to build-package/packages/; its path is the last line printed.
#   BUILD_DIR=... and JOBS=... override the build folder and the parallel jobs (2).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
    sed -n '2,8p' "${BASH_SOURCE[0]}" >&2
}

case "$(uname -s)" in
Linux) kind=deb ;;
Darwin) kind=dmg ;;
MINGW* | MSYS* | CYGWIN*) kind=nsis ;;
*) kind="" ;;
esac
if [[ $# -gt 0 && "$1" != "--" ]]; then
    kind="$1"
    shift
fi
[[ "${1:-}" == "--" ]] && shift
case "$kind" in
deb) generator=DEB ;;
rpm) generator=RPM ;;
tgz) generator=TGZ ;;
dmg) generator=DragNDrop ;;
nsis) generator=NSIS ;;
*)
    usage
    exit 2
    ;;
esac

BUILD_DIR="${BUILD_DIR:-build-package}"
OUT_DIR="$PWD/$BUILD_DIR/packages"

# Debian/Ubuntu: the build and packaging tools come from apt like everything else.
if [[ "$(uname -s)" == Linux ]] && command -v dpkg-query >/dev/null 2>&1; then
    scripts/install-deps.sh
fi

echo "package: configuring $BUILD_DIR (Release)"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DSEQDROP_BUILD_GUI=ON \
    -DSEQDROP_BUILD_TESTS=OFF "$@"
echo "package: compiling (-j${JOBS:-2})"
cmake --build "$BUILD_DIR" --config Release -j "${JOBS:-2}"

# CMake's own cpack: on Windows runners another `cpack` (Chocolatey's) may come first on PATH.
cpack="$(dirname "$(command -v cmake)")/cpack"
echo "package: $generator"
rm -rf "$OUT_DIR/_CPack_Packages"
"$cpack" --config "$BUILD_DIR/CPackConfig.cmake" -G "$generator" -C Release -B "$OUT_DIR"
rm -rf "$OUT_DIR/_CPack_Packages"

case "$generator" in
DEB) pattern='*.deb' ;;
RPM) pattern='*.rpm' ;;
TGZ) pattern='*.tar.gz' ;;
DragNDrop) pattern='*.dmg' ;;
NSIS) pattern='*.exe' ;;
esac
newest="$(ls -t "$OUT_DIR"/$pattern | head -n1)"
echo "package: done"
echo "$newest"
