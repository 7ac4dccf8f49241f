#!/usr/bin/env bash
# Benchmark at archive scale (a script, not a test): builds a generated bundle of N articles
# (default 10,000) and prints build time, home page data bytes, search index bytes, the bytes a
# first search downloads, and search latency in headless Chromium.
#
#   tests/bench/archive.sh [N]
set -euo pipefail
source "$(dirname "$0")/../../.ci/env"
cd "$ROOT"
exec node tests/bench/archive.mjs "$@"
