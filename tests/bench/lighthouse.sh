#!/usr/bin/env bash
# Benchmark (a script, not a test): Lighthouse 12.2.3, mobile preset, on the seed article of the
# release build and on the static-HTML "floor" of the same article (the same page with every
# script removed), both served brotli from one loopback server, interleaved, one audit at a time.
# Prints the medians, the site/floor ratios and the budgets; with --check (as CI runs it), exits 1
# when a score is under 100 or CLS over 0 (LCP against the floor and TBT are reported).
#
#   tests/bench/lighthouse.sh [rounds] [--check]      (default 5 rounds)
set -euo pipefail
source "$(dirname "$0")/../../.ci/env"
cd "$ROOT"
lock_hash=$(sha256sum tests/bench/package-lock.json | cut -d' ' -f1)
if [ "$(cat tests/bench/node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  (cd tests/bench && npm ci --silent --no-audit --no-fund && echo "$lock_hash" > node_modules/.lock-hash)
fi
trunk build --release
exec node tests/bench/lighthouse.mjs "$@"
