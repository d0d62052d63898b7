#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tests/bench/store-bench.sh [BUILD_DIR] [RUNS] [REPEAT]
#
# Fills a database with RUNS probe runs (default 1,000,000) and
# measures what the console does at start, opening it and reading the first screen of the
# history (50 runs, newest first), next to the same for an empty database: time and the
# reading process's peak memory. The fill is a separate process, so the peak memory measured
# is the reader's alone; each measurement is a fresh process, REPEAT (default 5) times, the
# median kept. It prints the figures and their ratios and never fails on them: the targets
# are "at most 2x the empty database's time" and "at most +50 MiB".
set -eu

build=${1:-build/store}
runs=${2:-1000000}
repeat=${3:-5}
bench="$build/tests/bench/store-bench"
if [ ! -x "$bench" ]; then
    echo "store-bench: $bench not found; build the target store-bench first" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/store-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "store-bench: creating the empty database and filling one with $runs runs..."
"$bench" create "$work/empty.sqlite" >/dev/null
fill=$("$bench" fill "$work/full.sqlite" "$runs")
echo "  $fill" | tr '\n' ' '
echo

# Alternate the two databases so that a slow moment of the machine hits both alike.
i=0
while [ "$i" -lt "$repeat" ]; do
    "$bench" open "$work/empty.sqlite" >>"$work/empty.txt"
    "$bench" open "$work/full.sqlite" >>"$work/full.txt"
    i=$((i + 1))
done

# median KEY FILE
median() {
    sed -n "s/.*[ ^]$1=\([0-9-]*\).*/\1/p; s/^$1=\([0-9-]*\).*/\1/p" "$2" | sort -n |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

awk -v runs="$runs" -v repeat="$repeat" \
    -v eo="$(median open_us "$work/empty.txt")" -v fo="$(median open_us "$work/full.txt")" \
    -v es="$(median first_screen_us "$work/empty.txt")" -v fs="$(median first_screen_us "$work/full.txt")" \
    -v et="$(median start_us "$work/empty.txt")" -v ft="$(median start_us "$work/full.txt")" \
    -v ep="$(median process_us "$work/empty.txt")" -v fp="$(median process_us "$work/full.txt")" \
    -v em="$(median peak_kib "$work/empty.txt")" -v fm="$(median peak_kib "$work/full.txt")" \
    -v fn="$(median next_page_us "$work/full.txt")" -v fh="$(median host_screen_us "$work/full.txt")" \
    -v fb="$(ls -l "$work/full.sqlite" | awk '{ print $5 }')" '
function ms(us) { return sprintf("%.2f ms", us / 1000) }
function ratio(a, b) { return b > 0 ? sprintf("%.2fx", a / b) : "n/a" }
BEGIN {
    printf "\nmedian of %d fresh processes each; full database: %d runs, %.0f MiB\n\n", repeat, runs, fb / 1048576
    printf "%-34s %14s %14s %10s\n", "", "empty", "full", "full/empty"
    printf "%-34s %14s %14s %10s\n", "open (Store::open)", ms(eo), ms(fo), ratio(fo, eo)
    printf "%-34s %14s %14s %10s\n", "first screen (50 newest runs)", ms(es), ms(fs), ratio(fs, es)
    printf "%-34s %14s %14s %10s\n", "open + first screen", ms(et), ms(ft), ratio(ft, et)
    printf "%-34s %14s %14s %10s\n", "whole process until first screen", ms(ep), ms(fp), ratio(fp, ep)
    printf "%-34s %11.1f MiB %11.1f MiB %+8.1f MiB\n", "peak memory (VmHWM)", em / 1024, fm / 1024, (fm - em) / 1024
    printf "\nfor information (full database): next page %s, first screen of one host %s\n", ms(fn), ms(fh)
    printf "targets: open + first screen at most 2x the empty database (%s), memory at most +50 MiB (%s)\n",
        ratio(ft, et), sprintf("%+.1f MiB", (fm - em) / 1024)
}'
