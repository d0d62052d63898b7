#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ansible-lint --offline on the portolan.fleet collection, with the collection reachable by its
# name (as ansible-galaxy would install it) so that the playbooks' roles resolve.
# usage: lint.sh COLLECTION_DIR WORK_DIR. Exit 77 (skipped) when ansible-lint is not installed.
set -eu
collection=$(cd "$1" && pwd)
work=$2
if ! command -v ansible-lint >/dev/null 2>&1; then
    echo "skipped: ansible-lint is not installed (scripts/install-deps linux installs Debian's)"
    exit 77
fi
rm -rf "$work"
mkdir -p "$work/ansible_collections/portolan"
ln -s "$collection" "$work/ansible_collections/portolan/fleet"
cd "$collection"
export ANSIBLE_COLLECTIONS_PATH="$work" ANSIBLE_HOME="$work/ansible-home" NO_COLOR=1
# The profile and --offline are in the collection's .ansible-lint; said again here so that the
# test cannot pass on a weaker profile.
exec ansible-lint --offline --profile production --strict --nocolor
