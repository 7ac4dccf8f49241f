#!/usr/bin/env bash
# Release builds for the browser tests: the seed into dist/, and the test bundles under
# target/e2e-sites/. The wasm is compiled once; each further build only re-runs the bundle tool.
set -euo pipefail
source "$(dirname "$0")/../../.ci/env"
cd "$ROOT"
out=target/e2e-sites
mkdir -p "$out"

echo "== seed bundle -> dist/"
trunk build --release

echo "== text that looks like HTML -> $out/literal"
SITE_CONTENT_DIR=tests/fixtures/literal-text trunk build --release --dist "$out/literal"

echo "== a table and a download -> $out/portal"
SITE_CONTENT_DIR=tests/fixtures/portal trunk build --release --dist "$out/portal"

echo "== seed under a sub-path -> $out/tin-tuc"
trunk build --release --public-url /tin-tuc/ --dist "$out/tin-tuc"

echo "== 25 generated articles -> $out/many"
node tests/tools/generate-bundle.mjs 25 target/e2e-bundles/many
SITE_CONTENT_DIR=target/e2e-bundles/many trunk build --release --dist "$out/many"

echo "== the literal-text bundle in a hostile template -> $out/hostile"
rm -rf "$out/hostile"
mkdir -p "$out/hostile"
cp tests/fixtures/hostile-template/index.html "$out/hostile/"
cargo run --quiet --profile tool --features ssr --bin site-build -- \
  write --content tests/fixtures/literal-text --out "$out/hostile" --no-cms --no-compress
