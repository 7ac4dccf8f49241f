#!/usr/bin/env bash
# Benchmark (a script, not a test): how much wasm Leptos itself costs before any of our code,
# the floor under the app's size budget. Builds two one-page apps with this repo's toolchain
# and profile (opt-level z, LTO, wasm-opt -Oz) and prints their sizes:
#   hydrate  – leptos 0.8 `hydrate`, one static view hydrated;
#   router   – the same with leptos_router 0.8 and two routes, the router the app uses.
#
#   tests/bench/leptos-floor.sh
set -euo pipefail
source "$(dirname "$0")/../../.ci/env"
cd "$ROOT"
work=target/bench/leptos-floor
mkdir -p "$work/src"
cp Cargo.lock "$work/Cargo.lock"
bindgen_version=$(wasm-bindgen --version | cut -d' ' -f2)

build() {
  local name=$1 deps=$2 source=$3
  cat > "$work/Cargo.toml" <<TOML
[package]
name = "leptos-floor"
version = "0.1.0"
edition = "2021"
publish = false
[lib]
crate-type = ["cdylib"]
[dependencies]
leptos = { version = "0.8", default-features = false, features = ["hydrate"] }
wasm-bindgen = "=$bindgen_version"
$deps
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
[workspace]
TOML
  printf '%s\n' "$source" > "$work/src/lib.rs"
  (cd "$work" && CARGO_TARGET_DIR="$ROOT/target" cargo build --quiet --release --target wasm32-unknown-unknown)
  local out="$work/out-$name"
  wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/leptos_floor.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/leptos_floor_bg.wasm" -o "$out/opt.wasm"
  printf '%-8s wasm %7.1f KB raw, %6.1f KB brotli; JS glue %5.1f KB brotli\n' "$name" \
    "$(echo "$(stat -c %s "$out/opt.wasm") / 1000" | bc -l)" \
    "$(echo "$(brotli -c -q 11 "$out/opt.wasm" | wc -c) / 1000" | bc -l)" \
    "$(echo "$(brotli -c -q 11 "$out/leptos_floor.js" | wc -c) / 1000" | bc -l)"
}

build hydrate "" '
use leptos::prelude::*;
#[component]
fn Home() -> impl IntoView {
    view! { <main><h1>"Tin tức"</h1><a href="/bai-viet/a/">"Bài a"</a></main> }
}
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    leptos::mount::hydrate_body(Home);
}'

build router 'leptos_router = { version = "=0.8.17", default-features = false }' '
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;
#[component]
fn Home() -> impl IntoView {
    view! { <main><h1>"Tin tức"</h1><A href="/bai-viet/a/">"Bài a"</A></main> }
}
#[component]
fn Article() -> impl IntoView {
    let params = use_params_map();
    view! { <main><h1>{move || params.read().get("slug").unwrap_or_default()}</h1></main> }
}
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    leptos::mount::hydrate_body(|| view! {
        <Router>
            <FlatRoutes fallback=|| "Không tìm thấy">
                <Route path=path!("") view=Home/>
                <Route path=path!("bai-viet/:slug") view=Article/>
            </FlatRoutes>
        </Router>
    });
}'
