#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# validate_workflows.sh WORKFLOW...: each GitHub workflow against GitHub's schema with
# action-validator (the npm package @action-validator/cli, which scripts/install-deps linux
# installs into ${XDG_CACHE_HOME:-~/.cache}/portolan/npm). Exits 77 (skipped) with the reason
# when the validator is not installed. A broken workflow made here must fail first, so that a
# validator that accepts anything cannot pass this test.
set -u
[ $# -ge 1 ] || { echo "usage: $0 WORKFLOW..." >&2; exit 2; }
prefix=${PORTOLAN_NPM_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/portolan/npm}
validator=$prefix/node_modules/.bin/action-validator
if [ ! -x "$validator" ]; then
    echo "validate_workflows: skipped: $validator is not installed (scripts/install-deps linux)"
    exit 77
fi
if ! command -v node >/dev/null 2>&1; then
    echo "validate_workflows: skipped: no node to run $validator (Debian: nodejs)"
    exit 77
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A job without runs-on and a step that is neither run nor uses.
cat >"$scratch/broken.yml" <<'YAML'
name: broken
on: push
jobs:
  build:
    steps:
      - name: nothing
        with:
          x: 1
YAML
if "$validator" "$scratch/broken.yml" >"$scratch/broken.out" 2>&1; then
    echo "validate_workflows: FAIL: action-validator accepted a workflow without runs-on" >&2
    exit 1
fi

failures=0
for workflow in "$@"; do
    if "$validator" "$workflow"; then
        echo "validate_workflows: ok: $workflow"
    else
        echo "validate_workflows: FAIL: $workflow" >&2
        failures=$((failures + 1))
    fi
done
[ "$failures" -eq 0 ]
