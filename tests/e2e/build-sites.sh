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

echo "== the portal under a sub-path -> $out/portal-tin-tuc"
SITE_CONTENT_DIR=tests/fixtures/portal trunk build --release --public-url /tin-tuc/ --dist "$out/portal-tin-tuc"

echo "== seed under a sub-path -> $out/tin-tuc"
trunk build --release --public-url /tin-tuc/ --dist "$out/tin-tuc"

echo "== 25 generated articles -> $out/many"
node tests/tools/generate-bundle.mjs 25 target/e2e-bundles/many
SITE_CONTENT_DIR=target/e2e-bundles/many trunk build --release --dist "$out/many"

# An editor's corrections published into the last build's dist/ by `site-build publish`, in
# place, without trunk (publish.spec.ts): the 25 articles built, then one retitled, one added and
# one deleted. It must not fall back to a full build.
echo "== 25 generated articles, then three edits published in place -> $out/published"
rm -rf target/e2e-bundles/published
cp -r target/e2e-bundles/many target/e2e-bundles/published
SITE_CONTENT_DIR=target/e2e-bundles/published trunk build --release --dist "$out/published"
node -e '
  const fs = require("fs");
  const articles = "target/e2e-bundles/published/articles";
  const retitled = `${articles}/2024/tin-tong-hop-00011.json`;
  const article = JSON.parse(fs.readFileSync(retitled, "utf8"));
  fs.writeFileSync(retitled, JSON.stringify({ ...article, title: "Tin đã sửa sau khi đăng (tin 11)" }, null, 2));
  fs.mkdirSync(`${articles}/2026`, { recursive: true });
  const added = { ...article, title: "Tin mới xuất bản tại chỗ", published_at: "2026-01-15T08:00:00+07:00" };
  fs.writeFileSync(`${articles}/2026/tin-moi-xuat-ban.json`, JSON.stringify(added, null, 2));
  fs.rmSync(`${articles}/2024/tin-tong-hop-00013.json`);
'
published=$(SITE_CONTENT_DIR=target/e2e-bundles/published cargo run --quiet --profile tool \
  --features ssr --bin site-build -- publish --dist "$out/published" 2>&1) || { echo "$published"; exit 1; }
echo "$published"
if grep -q "Cần dựng lại toàn bộ" <<<"$published"; then
  echo "site-build publish rebuilt everything instead of publishing in place" >&2
  exit 1
fi

echo "== the literal-text bundle in a hostile template -> $out/hostile"
rm -rf "$out/hostile"
mkdir -p "$out/hostile"
cp tests/fixtures/hostile-template/index.html "$out/hostile/"
cargo run --quiet --profile tool --features ssr --bin site-build -- \
  write --content tests/fixtures/literal-text --out "$out/hostile" --no-cms --no-compress

# Three years × 20 articles and one scheduled for 20/12/2024 08:00 (tests/fixtures/archive), for
# the editors' screen a year at a time (cms.spec.ts). The build's clock is fixed: first an hour
# before that time, with every article directly in articles/ (not yet sorted by year) ...
echo "== 3 years x 20 articles, flat, before a scheduled article's time -> $out/archive-flat"
node tests/tools/generate-bundle.mjs 60 target/e2e-bundles/archive-flat --years 2022-2024 --flat
cp tests/fixtures/archive/*.json target/e2e-bundles/archive-flat/articles/
SITE_CONTENT_DIR=target/e2e-bundles/archive-flat SITE_BUILD_NOW=2024-12-20T07:00:00+07:00 \
  trunk build --release --dist "$out/archive-flat"

# ... then sorted into year folders by `site-build sort-by-year`, an hour after that time.
echo "== the same sorted by year, after its time -> $out/archive"
rm -rf target/e2e-bundles/archive
cp -r target/e2e-bundles/archive-flat target/e2e-bundles/archive
cargo run --quiet --profile tool --features ssr --bin site-build -- \
  sort-by-year --content target/e2e-bundles/archive
SITE_CONTENT_DIR=target/e2e-bundles/archive SITE_BUILD_NOW=2024-12-20T09:00:00+07:00 \
  trunk build --release --dist "$out/archive"

# The seed with a planned outage's notice in site.json (tests/fixtures/notice.json), built
# before the notice's window, so that its pages carry it hidden (notice.spec.ts), and under
# --public-url /tin-tuc/: the reader's clock decides there too.
echo "== the seed with a notice, built before its time -> $out/notice"
rm -rf target/e2e-bundles/notice
cp -r public/content target/e2e-bundles/notice
node -e '
  const fs = require("fs");
  const file = "target/e2e-bundles/notice/site.json";
  const site = JSON.parse(fs.readFileSync(file, "utf8"));
  site.notice = JSON.parse(fs.readFileSync("tests/fixtures/notice.json", "utf8"));
  fs.writeFileSync(file, JSON.stringify(site, null, 2));
'
SITE_CONTENT_DIR=target/e2e-bundles/notice SITE_BUILD_NOW=2026-05-20T09:00:00+07:00 \
  trunk build --release --dist "$out/notice" --public-url /tin-tuc/
