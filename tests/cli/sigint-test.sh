#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Ctrl-C on the real executable: `acquire --hold` must release the reservation, say so and exit
# 130. Usage: sigint-test.sh PORTOLAN_CLI SCENARIO WORKDIR
set -u
cli=$1 scenario=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1

"$cli" --scenario "$scenario" --state "$work/state.json" acquire tcp 0 10 --hold 60 \
    >"$work/out" 2>"$work/err" &
pid=$!

# The "holding" line is flushed once the reservation is held.
tries=0
until grep -q '^holding' "$work/out" 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 200 ]; then
        echo "FAIL: portolan-cli never reported holding the reservation"
        kill "$pid" 2>/dev/null
        cat "$work/out" "$work/err"
        exit 1
    fi
    sleep 0.05
done

kill -INT "$pid"
wait "$pid"
rc=$?
echo "--- stdout"; cat "$work/out"
echo "--- stderr"; cat "$work/err"
echo "--- exit code $rc"

[ "$rc" -eq 130 ] || { echo "FAIL: expected exit code 130"; exit 1; }
grep -q '^released tcp reservation' "$work/out" || { echo "FAIL: no 'released' line"; exit 1; }
grep -q '^portolan-cli: Cancelled: ' "$work/err" || { echo "FAIL: no Cancelled message"; exit 1; }
echo "PASS"
