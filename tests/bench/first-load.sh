#!/usr/bin/env bash
# Benchmark (a script, not a test): the seed article's first load in real headless Chromium
# with CDP throttling (4× CPU, 150 ms round trip, 1.6 Mbps), against its static-HTML floor,
# interleaved cold rounds; prints the largest contentful paint (median, range, spread) and Total
# Blocking Time of each, as the page's PerformanceObserver saw them. Next to Lighthouse's
# simulation (lighthouse.sh), the other measure of the first-load goal (#24).
#
#   tests/bench/first-load.sh [rounds]      (default 15)
set -euo pipefail
source "$(dirname "$0")/../../.ci/env"
cd "$ROOT"
trunk build --release
exec node tests/bench/first-load.mjs "$@"
