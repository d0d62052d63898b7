#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# wine-screenshot.sh PORTOLAN_EXE OUT.png PREFIX
#
# Runs the cross-built console under Wine on an Xvfb display, through Qt's Windows platform
# plugin, on the simulated developer machine, and has it write its main window to OUT.png; then
# checks the PNG with pngcheck.exe ($PORTOLAN_PNGCHECK, optional). PREFIX is a Wine prefix of its
# own: its server is started under the display and stopped at the end (a server that began
# without a display never exposes windows). Also makes docs/screenshots/windows-wine-main.png
# (see docs/windows-build.md).
set -u
[ $# -eq 3 ] || { echo "usage: $0 PORTOLAN_EXE OUT.png PREFIX" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)

if [ -z "${PORTOLAN_UNDER_XVFB:-}" ]; then
    exec env PORTOLAN_UNDER_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" sh "$0" "$@"
fi

exe=$1
out=$2
# Wine wants an absolute prefix.
WINEPREFIX=$(mkdir -p "$3" && cd "$3" && pwd) || exit 1
export WINEPREFIX WINEDEBUG=-all
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-winemenubuilder.exe=d;mscoree=;mshtml=}"
# The real Windows platform plugin, not offscreen.
unset WINEQT_QPA_PLATFORM QT_QPA_PLATFORM

"$root/scripts/wine-setup" "$WINEPREFIX" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"; "$root/scripts/wine-setup" --stop "$WINEPREFIX"' EXIT

rm -f "$out"
mkdir -p "$(dirname "$out")"
# A fatal error in a GUI program under Wine shows a modal box and waits: hence timeout.
timeout 120 wine "$exe" --backend simulated \
    --scenario "$root/resources/scenarios/developer.json" \
    --state "$work/state.json" --db "$work/db.sqlite" --screenshot "$out"
rc=$?
if [ $rc -ne 0 ]; then
    echo "wine-screenshot: portolan.exe exited $rc" >&2
    exit 1
fi
[ -s "$out" ] || { echo "wine-screenshot: no $out" >&2; exit 1; }
if [ -n "${PORTOLAN_PNGCHECK:-}" ]; then
    timeout 60 wine "$PORTOLAN_PNGCHECK" "$out" 1280 800 || exit 1
fi
echo "wine-screenshot: wrote $out"
