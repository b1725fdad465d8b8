#!/usr/bin/env bash
# Installs the Debian 12 packages SeqDrop needs to build, test, package, run and benchmark.
# Idempotent: when every package is already installed it does nothing (no apt-get update).
# Works unattended (CI=true, no stdin) as root, or through sudo for a normal user.
set -euo pipefail

PACKAGES=(
    build-essential cmake pkg-config            # toolchain
    qt6-base-dev qt6-tools-dev qt6-l10n-tools   # Qt 6 (Core, Network, Widgets, Test, lupdate/lrelease)
    qt6-translations-l10n                       # Qt's own translations (qtbase_de: dialog buttons)
    qt6-svg-dev qtkeychain-qt6-dev              # GUI icons, API key in the system keychain
    libqt6sql6-sqlite                           # the upload journal (QtSql SQLite driver)
    libcpp-httplib-dev libssl-dev               # seqdrop-sandbox HTTP server; libcrypto MD5
    zlib1g-dev libisal-dev                      # gzip validation (zlib, fast ISA-L inflate)
    xvfb xauth                                  # headless GUI tests
    dbus-daemon                                 # a private bus for the sleep-inhibition test
    dpkg-dev rpm file                           # packages: .deb (dpkg-shlibdeps), .rpm, checks
    desktop-file-utils appstream shared-mime-info  # desktop integration validators
    clang libclang-rt-14-dev                    # the validator's libFuzzer target
    curl jq time seqkit gzip                    # scripts, benchmark, example data checks
    awscli s3cmd                                # reference S3 clients: prove the sandbox speaks S3
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#PACKAGES[@]} packages already installed"
    exit 0
fi

echo "install-deps: missing packages: ${missing[*]}"

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-deps: not root and sudo is not available." >&2
    echo "  Install them as root with:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${#missing[@]} package(s)"
