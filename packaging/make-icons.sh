#!/usr/bin/env bash
# Renders resources/icons/seqdrop.svg into the icon files the Windows and macOS packages need
# (the Linux packages install the SVG itself). Run after changing the SVG and commit the
# results; the build does not run this, so it needs none of these tools.
# Needs (Debian): apt-get install librsvg2-bin icnsutils imagemagick
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SVG="resources/icons/seqdrop.svg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for size in 16 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$SVG" -o "$work/$size.png"
done

# Windows: one .ico with the sizes Explorer and the Start menu ask for.
/usr/bin/convert "$work"/{16,32,48,64,128,256}.png packaging/windows/seqdrop.ico
# macOS: png2icns picks the icns slot from each PNG's size.
png2icns packaging/macos/seqdrop.icns "$work"/{16,32,128,256,512,1024}.png >/dev/null

ls -l packaging/windows/seqdrop.ico packaging/macos/seqdrop.icns
