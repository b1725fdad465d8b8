#!/usr/bin/env bash
# The .deb as a user gets it: built by CPack from the build tree, unpacked with dpkg -x into a
# throw-away root, its programs run from there (CTest label `packaging`, docs/packaging.md).
#
# Usage: installed_package.sh STEP BUILD_DIR VERSION EXAMPLES_DIR
#   build      cpack -G DEB, then dpkg -x into BUILD_DIR/packaging-test/root (the fixture)
#   metadata   the control fields (version, computed Depends) and the file list
#   cli        installed seqdrop-cli --version
#   version    installed seqdrop --version, without any display
#   gui        installed seqdrop under xvfb-run with two files on its command line
#   handover   a second `seqdrop FILE` hands the file to the running window and exits
#   sandbox    installed seqdrop --sandbox finds the installed seqdrop-sandbox
#   rpm        cpack -G RPM: name, version, files, computed Requires
set -euo pipefail

STEP="$1"
BUILD_DIR="$2"
VERSION="$3"
EXAMPLES="$4"
WORK="$BUILD_DIR/packaging-test"
ROOT="$WORK/root"
BIN="$ROOT/usr/bin"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Only the installed files may be used: no build-tree sandbox, no developer overrides, and a
# fresh home so that no running SeqDrop or saved settings take part. xcb, not offscreen: the
# real platform plugin is part of what is checked.
isolate() {
    local home
    home="$(mktemp -d "$WORK/home.XXXXXX")"
    export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
    export XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run" TMPDIR="$home/tmp"
    mkdir -p "$XDG_RUNTIME_DIR" "$TMPDIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    export SEQDROP_KEYCHAIN=off
    unset QT_QPA_PLATFORM SEQDROP_SANDBOX_BIN ONE_CODEX_API_KEY ONE_CODEX_API_BASE DISPLAY
    export PATH="/usr/bin:/bin"
}

# Runs the rest of the command line under a private X server. xvfb-run's own -a picks a free
# display with a race between parallel runs; CTest serializes these tests (RESOURCE_LOCK).
under_x() {
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"
}

case "$STEP" in
build)
    rm -rf "$WORK"
    mkdir -p "$WORK/deb"
    "${CPACK:-cpack}" --config "$BUILD_DIR/CPackConfig.cmake" -G DEB -B "$WORK/deb" >"$WORK/cpack-deb.log" 2>&1 ||
        { cat "$WORK/cpack-deb.log" >&2; fail "cpack -G DEB failed"; }
    deb="$(ls "$WORK"/deb/*.deb)"
    dpkg -x "$deb" "$ROOT"
    echo "built and unpacked $(basename "$deb")"
    ;;
metadata)
    deb="$(ls "$WORK"/deb/*.deb)"
    [[ "$(basename "$deb")" == "seqdrop_${VERSION}_"*.deb ]] || fail "file name $(basename "$deb")"
    [[ "$(dpkg-deb -f "$deb" Package)" == seqdrop ]] || fail "Package field"
    [[ "$(dpkg-deb -f "$deb" Version)" == "$VERSION" ]] ||
        fail "Version field $(dpkg-deb -f "$deb" Version), project $VERSION"
    depends="$(dpkg-deb -f "$deb" Depends)"
    echo "Depends: $depends"
    # Computed by dpkg-shlibdeps from the linked libraries, plus the plugins (SQLite, SVG).
    for pkg in libqt6widgets6 libqt6network6 libqt6sql6 libqt6svg6 libqt6keychain1 libisal2 \
        libc6 libqt6sql6-sqlite; do
        grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg"
    done
    files="$(dpkg-deb -c "$deb" | awk '{print $6}')"
    for f in ./usr/bin/seqdrop ./usr/bin/seqdrop-cli ./usr/bin/seqdrop-sandbox \
        ./usr/share/applications/org.seqdrop.SeqDrop.desktop \
        ./usr/share/metainfo/org.seqdrop.SeqDrop.metainfo.xml \
        ./usr/share/icons/hicolor/scalable/apps/org.seqdrop.SeqDrop.svg \
        ./usr/share/mime/packages/org.seqdrop.SeqDrop.xml; do
        grep -qx -- "$f" <<<"$files" || fail "the package lacks $f"
    done
    # Stripped: a package carries no debug info (CPACK_STRIP_FILES).
    info="$(file "$BIN/seqdrop")"
    [[ "$info" == *", stripped"* ]] || fail "seqdrop is not stripped: $info"
    grep -q "<release version=\"$VERSION\"" \
        "$ROOT/usr/share/metainfo/org.seqdrop.SeqDrop.metainfo.xml" || fail "metainfo version"
    echo "metadata ok"
    ;;
cli)
    isolate
    out="$("$BIN/seqdrop-cli" --version)"
    [[ "$out" == "seqdrop-cli $VERSION" ]] || fail "seqdrop-cli --version printed '$out'"
    echo "$out"
    ;;
version)
    isolate
    out="$("$BIN/seqdrop" --version)"
    [[ "$out" == "SeqDrop $VERSION" ]] || fail "seqdrop --version printed '$out'"
    echo "$out"
    ;;
gui)
    isolate
    out="$(under_x "$BIN/seqdrop" --smoke-test 2 "$EXAMPLES/example.fastq" \
        "$EXAMPLES/example_R1.fastq.gz" "$EXAMPLES/example_R2.fastq.gz")" ||
        fail "seqdrop did not start (exit $?): $out"
    echo "$out"
    grep -q "^seqdrop smoke test passed: SeqDrop $VERSION, platform xcb, 2 sample(s) queued" \
        <<<"$out" || fail "unexpected smoke test report"
    ;;
handover)
    isolate
    # One X server for both starts: the first waits for a sample, the second brings it.
    cat >"$WORK/handover.sh" <<EOF
#!/usr/bin/env bash
set -u
"$BIN/seqdrop" --smoke-test 1 >"$WORK/first.out" 2>"$WORK/first.err" &
first=\$!
# The first start listens on a socket in TMPDIR once it is up.
for _ in \$(seq 1 150); do
    compgen -G "$TMPDIR/seqdrop-*" >/dev/null && break
    sleep 0.1
done
timeout 20 "$BIN/seqdrop" "$EXAMPLES/example.fastq" >"$WORK/second.out" 2>&1
second=\$?
wait \$first
first_rc=\$?
echo "first=\$first_rc second=\$second"
EOF
    chmod +x "$WORK/handover.sh"
    result="$(under_x "$WORK/handover.sh")"
    echo "$result"
    cat "$WORK/first.out"
    [[ "$result" == "first=0 second=0" ]] ||
        fail "$(cat "$WORK/first.err" "$WORK/second.out")"
    grep -q "1 sample(s) queued" "$WORK/first.out" || fail "the running window got no sample"
    ;;
sandbox)
    isolate
    out="$(under_x "$BIN/seqdrop" --sandbox --smoke-test 0)" || fail "sandbox start failed: $out"
    echo "$out"
    # The sandbox that ran is the one installed next to seqdrop.
    grep -qF "sandbox running ($BIN/seqdrop-sandbox)" <<<"$out" || fail "unexpected report"
    ;;
rpm)
    rm -rf "$WORK-rpm"
    mkdir -p "$WORK-rpm"
    "${CPACK:-cpack}" --config "$BUILD_DIR/CPackConfig.cmake" -G RPM -B "$WORK-rpm" \
        >"$WORK-rpm/cpack.log" 2>&1 ||
        { cat "$WORK-rpm/cpack.log" >&2; fail "cpack -G RPM failed"; }
    rpm="$(ls "$WORK-rpm"/*.rpm)"
    [[ "$(basename "$rpm")" == "seqdrop-$VERSION-1."*.rpm ]] || fail "file name $(basename "$rpm")"
    nv="$(rpm -qp --queryformat '%{NAME} %{VERSION}' "$rpm" 2>/dev/null)"
    [[ "$nv" == "seqdrop $VERSION" ]] || fail "rpm name and version: $nv"
    files="$(rpm -qpl "$rpm" 2>/dev/null)"
    for f in /usr/bin/seqdrop /usr/bin/seqdrop-cli /usr/bin/seqdrop-sandbox \
        /usr/share/applications/org.seqdrop.SeqDrop.desktop; do
        grep -qx -- "$f" <<<"$files" || fail "the rpm lacks $f"
    done
    # Requires computed by rpmbuild from the sonames, as dpkg-shlibdeps does for the .deb.
    requires="$(rpm -qp --requires "$rpm" 2>/dev/null)"
    grep -q "libQt6Widgets.so.6" <<<"$requires" || fail "rpm Requires lack Qt: $requires"
    echo "$(basename "$rpm") ok"
    ;;
*)
    fail "unknown step $STEP"
    ;;
esac
