#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# msi-test.sh MSI VERSION: installs the console's MSI under Wine ($WINEPREFIX) as a user would
# (msiexec /i /qn), checks the programs, the license and the third-party notices are installed,
# runs the installed console, removes it (msiexec /x /qn) and checks that the programs, the
# notices, the Start-menu shortcut, the registry value and the Add/Remove Programs entry are gone.
set -u
[ $# -eq 2 ] || { echo "usage: $0 MSI VERSION" >&2; exit 2; }
msi=$1
version=$2
: "${WINEPREFIX:?msi-test.sh needs WINEPREFIX (ctest sets it)}"
wine_run="$(cd "$(dirname "$0")/../.." && pwd)/scripts/wine-run"
dir="$WINEPREFIX/drive_c/Program Files/Portolan"

fail() {
    echo "msi-test: FAIL: $*" >&2
    exit 1
}
shortcuts() {
    find "$WINEPREFIX/drive_c/users" "$WINEPREFIX/drive_c/ProgramData" -iname 'Portolan.lnk' 2>/dev/null
}
registered() {
    # The product's own key, and its entry in Add/Remove Programs.
    timeout 60 "$wine_run" reg query 'HKLM\Software\Portolan' >/dev/null 2>&1 && return 0
    timeout 60 "$wine_run" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null \
        | grep -q 'DisplayName.*Portolan'
}

[ -f "$msi" ] || fail "no MSI at $msi (target msi)"
# A leftover of an interrupted run would hide a broken install.
if [ -e "$dir" ] || registered; then
    timeout 300 "$wine_run" msiexec /x "$msi" /qn >/dev/null 2>&1
    rm -rf "$dir"
fi

echo "msi-test: msiexec /i $(basename "$msi") /qn"
timeout 300 "$wine_run" msiexec /i "$msi" /qn || fail "msiexec /i exited $?"
for file in portolan.exe portolan.com portolan-cli.exe LICENSE.txt THIRD-PARTY-NOTICES.txt; do
    [ -f "$dir/$file" ] || fail "$file is not in $dir after the install"
done
# The GPL, and the notices of what the programs link statically (Qt's LGPL first).
head -1 "$dir/LICENSE.txt" | grep -q 'GNU GENERAL PUBLIC LICENSE' \
    || fail "the installed LICENSE.txt is not the GPL: $(head -1 "$dir/LICENSE.txt")"
for component in 'Qt 6.4.2' 'FreeType' 'HarfBuzz' 'PCRE2' 'zlib' 'libpng' 'double-conversion' \
    'MD4C' 'SQLite' 'nlohmann/json' 'MinGW-w64 winpthreads' 'MinGW-w64 runtime'; do
    grep -q "^Component: $component" "$dir/THIRD-PARTY-NOTICES.txt" \
        || fail "the installed THIRD-PARTY-NOTICES.txt does not name $component"
done
echo "msi-test: LICENSE.txt and THIRD-PARTY-NOTICES.txt are installed beside the programs"
[ -n "$(shortcuts)" ] || fail "no Start-menu shortcut Portolan.lnk after the install"
registered || fail "the product is not registered after the install"

# The installed console runs from its folder (its own copy, not the build's).
out=$(cd "$dir" && timeout 60 "$wine_run" 'C:\Program Files\Portolan\portolan.exe' --version 2>&1) \
    || fail "installed portolan.exe --version exited $?: $out"
case $out in
    "portolan $version"*) echo "msi-test: installed console says: $(echo "$out" | head -1)" ;;
    *) fail "installed portolan.exe --version printed '$out', expected 'portolan $version'" ;;
esac
# The console twin relays the console's --version (app/consoletwin).
out=$(cd "$dir" && timeout 60 "$wine_run" 'C:\Program Files\Portolan\portolan.com' --version 2>&1) \
    || fail "installed portolan.com --version exited $?: $out"
case $out in
    "portolan $version"*) echo "msi-test: installed console twin says: $(echo "$out" | head -1)" ;;
    *) fail "installed portolan.com --version printed '$out', expected 'portolan $version'" ;;
esac
out=$(cd "$dir" && timeout 60 "$wine_run" 'C:\Program Files\Portolan\portolan-cli.exe' --version 2>&1) \
    || fail "installed portolan-cli.exe --version exited $?: $out"

echo "msi-test: msiexec /x $(basename "$msi") /qn"
timeout 300 "$wine_run" msiexec /x "$msi" /qn || fail "msiexec /x exited $?"
[ ! -e "$dir" ] || fail "$dir is still there after the uninstall: $(ls -A "$dir")"
[ -z "$(shortcuts)" ] || fail "the Start-menu shortcut is still there: $(shortcuts)"
! registered || fail "the product is still registered after the uninstall"
echo "msi-test: installed, ran and uninstalled; nothing left behind"
