#!/usr/bin/env bash
# Benchmark (a script, not a test): how long a move to an article takes within the app, against
# loading the same kind of article's static page as a document. Chromium with Lighthouse's mobile
# throttling (4× CPU, 150 ms RTT, 1.6 Mbps), the app's hashed files and the photos cached as a
# returning reader has them, `_headers` applied. From the click to the article's title being
# painted; 10 rounds each (or the number given), interleaved; prints the medians and their ratio.
#
#   tests/bench/navigation.sh [rounds]
set -euo pipefail
source "$(dirname "$0")/../../.ci/env"
cd "$ROOT"
exec node tests/bench/navigation.mjs "$@"
