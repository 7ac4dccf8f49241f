//! The incremental build: after a change, an addition or a deletion, a build that reuses the
//! store of an earlier one writes exactly what a clean build writes, byte for byte, and renders
//! only the pages that depend on what changed. So does `site-build publish`, which writes the
//! change into the last build's folder in place.
#![cfg(feature = "ssr")]

mod common;

use common::{build, build_as_trunk, copy_tree, publish, publish_from, temp, tree};
use khcn_cantho::build::output::{Failure, Report};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The seed (with its photos, pages and English section) and twelve more articles over two
/// years, in year folders as editors keep them.
fn bundle(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(Path::new("public/content"), &content);
    for n in 1..=12 {
        write_article(
            &content,
            n,
            &format!("Tin thử số {n} về khoa học và công nghệ"),
        );
    }
    content
}

fn article_file(content: &Path, n: usize) -> PathBuf {
    let year = if n % 2 == 0 { 2024 } else { 2025 };
    content.join(format!("articles/{year}/tin-thu-{n}.json"))
}

fn write_article(content: &Path, n: usize, title: &str) {
    let year = if n % 2 == 0 { 2024 } else { 2025 };
    let file = article_file(content, n);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let article = serde_json::json!({
        "title": title,
        "published_at": format!("{year}-{:02}-{:02}T08:{:02}:00+07:00", 1 + n % 12, 1 + n % 27, n),
        "category": "tin-hoat-dong",
        "body": [
            { "type": "paragraph", "text": format!("Đoạn mở đầu của tin số {n}.") },
            { "type": "paragraph", "text": "Đoạn thứ hai, để có gì mà tìm." }
        ],
        "signature": "Phòng Quản lý khoa học"
    });
    fs::write(file, serde_json::to_string_pretty(&article).unwrap()).unwrap();
}

/// Asserts that the two folders hold the same files with the same bytes, naming the first
/// that differs.
fn assert_same_tree(incremental: &Path, clean: &Path) {
    let (incremental, clean) = (tree(incremental), tree(clean));
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    let only_incremental: Vec<_> = names(&incremental)
        .into_iter()
        .filter(|n| !clean.contains_key(n))
        .collect();
    let only_clean: Vec<_> = names(&clean)
        .into_iter()
        .filter(|n| !incremental.contains_key(n))
        .collect();
    assert!(
        only_incremental.is_empty(),
        "only in the incremental build: {only_incremental:?}"
    );
    assert!(
        only_clean.is_empty(),
        "only in the clean build: {only_clean:?}"
    );
    for (name, bytes) in &clean {
        assert!(
            incremental[name] == *bytes,
            "{name} differs from the clean build's"
        );
    }
}

/// Builds the bundle once with a store, edits it, builds again with that store and once
/// clean; returns the second build's report and the folders.
fn after_edit(name: &str, edit: impl FnOnce(&Path)) -> (Report, Report, PathBuf) {
    let dir = temp(name);
    let content = bundle(&dir);
    let cache = dir.join("cache");
    let first = build(&content, &dir.join("first"), &cache);
    edit(&content);
    let incremental = build(&content, &dir.join("incremental"), &cache);
    build(&content, &dir.join("clean"), &dir.join("clean-cache"));
    assert_same_tree(&dir.join("incremental"), &dir.join("clean"));
    (first, incremental, dir)
}

#[test]
fn building_again_unchanged_renders_nothing_and_writes_the_same_files() {
    let (first, again, dir) = after_edit("unchanged", |_| {});
    assert_eq!(first.rendered, first.pages);
    assert_eq!(again.rendered, 0, "every page comes from the store");
    assert_same_tree(&dir.join("first"), &dir.join("incremental"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_changed_title_renders_only_the_pages_that_show_it_and_equals_a_clean_build() {
    let (first, changed, dir) = after_edit("change", |content| {
        write_article(content, 3, "Tiêu đề đã sửa của tin số ba");
    });
    assert!(changed.rendered > 0);
    assert!(
        changed.rendered < first.pages / 2,
        "{} of {} pages rendered again",
        changed.rendered,
        first.pages
    );
    let page = fs::read_to_string(dir.join("incremental/bai-viet/tin-thu-3/index.html")).unwrap();
    assert!(page.contains("Tiêu đề đã sửa của tin số ba"));
    // An article the change does not touch (other year, no listing page in common) is reused.
    let untouched = "bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/index.html";
    assert_eq!(
        fs::read(dir.join("first").join(untouched)).unwrap(),
        fs::read(dir.join("incremental").join(untouched)).unwrap()
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn an_added_article_is_published_everywhere_a_clean_build_publishes_it() {
    let (first, added, dir) = after_edit("add", |content| {
        write_article(content, 13, "Tin mới thêm vào kho");
    });
    assert_eq!(added.pages, first.pages + 1);
    assert!(added.rendered < first.pages);
    let feed = fs::read_to_string(dir.join("incremental/feed.xml")).unwrap();
    assert!(feed.contains("Tin mới thêm vào kho"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_deleted_article_leaves_nothing_behind() {
    let (first, deleted, dir) = after_edit("delete", |content| {
        fs::remove_file(article_file(content, 4)).unwrap();
    });
    assert_eq!(deleted.pages, first.pages - 1);
    let out = dir.join("incremental");
    assert!(dir.join("first/bai-viet/tin-thu-4/index.html").is_file());
    assert!(!out.join("bai-viet/tin-thu-4").exists());
    // No page, data file, feed, sitemap or search shard names it any more.
    for (name, bytes) in tree(&out) {
        if name.ends_with(".br") || name.ends_with(".gz") || name.ends_with(".png") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("tin-thu-4\""),
            "{name} still names the deleted article"
        );
        assert!(
            !text.contains("tin-thu-4/"),
            "{name} still links to the deleted article"
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

/// Trunk's own files besides its template: `publish` leaves them as the last build left them.
const APP_FILES: [(&str, &str); 2] = [
    ("khcn-cantho-0123abcd_bg.wasm", "the app's code"),
    (
        "khcn-cantho-0123abcd.js",
        "export default function init() {}",
    ),
];

/// Builds the bundle as trunk does, edits it, publishes the edit into that build's folder, and
/// builds it once clean; the folder `publish` wrote must be the clean build, byte for byte.
fn after_publish(name: &str, edit: impl FnOnce(&Path)) -> (Report, Report, PathBuf) {
    let dir = temp(name);
    let content = bundle(&dir);
    let (dist, cache) = (dir.join("dist"), dir.join("cache"));
    let first = build_as_trunk(&content, &dist, &cache, None, &APP_FILES);
    edit(&content);
    let published = publish(&content, &dist, &cache).unwrap_or_else(|e| panic!("{e}"));
    let clean = dir.join("clean");
    build_as_trunk(&content, &clean, &dir.join("clean-cache"), None, &APP_FILES);
    assert_same_tree(&dist, &clean);
    (first, published, dir)
}

#[test]
fn publishing_a_changed_title_in_place_renders_only_its_pages_and_equals_a_clean_build() {
    let (first, published, dir) = after_publish("publish-change", |content| {
        write_article(content, 3, "Tiêu đề đã sửa của tin số ba");
    });
    assert!(published.rendered > 0 && published.rendered < first.pages / 2);
    let page = fs::read_to_string(dir.join("dist/bai-viet/tin-thu-3/index.html")).unwrap();
    assert!(page.contains("Tiêu đề đã sửa của tin số ba"));
    // The app's files and their compressed siblings are still there, untouched.
    for name in [
        "khcn-cantho-0123abcd_bg.wasm",
        "khcn-cantho-0123abcd_bg.wasm.br",
    ] {
        assert!(dir.join("dist").join(name).is_file(), "{name}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn publishing_an_added_article_in_place_equals_a_clean_build() {
    let (first, published, dir) = after_publish("publish-add", |content| {
        write_article(content, 13, "Tin mới thêm vào kho");
    });
    assert_eq!(published.pages, first.pages + 1);
    let feed = fs::read_to_string(dir.join("dist/feed.xml")).unwrap();
    assert!(feed.contains("Tin mới thêm vào kho"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn publishing_a_deletion_in_place_removes_everything_the_article_had() {
    let (first, published, dir) = after_publish("publish-delete", |content| {
        fs::remove_file(article_file(content, 4)).unwrap();
    });
    assert_eq!(published.pages, first.pages - 1);
    assert!(published.removed > 0);
    let dist = dir.join("dist");
    assert!(!dist.join("bai-viet/tin-thu-4").exists());
    assert!(!dist.join("data/bai-viet/tin-thu-4.json").exists());
    let _ = fs::remove_dir_all(&dir);
}

/// Builds the bundle as trunk does, then tries `publish` after `meddle`: it must refuse,
/// saying why, and leave the folder as it was.
fn publish_refused(name: &str, meddle: impl FnOnce(&Path, &Path, &Path)) -> String {
    let dir = temp(name);
    let content = bundle(&dir);
    let (dist, cache) = (dir.join("dist"), dir.join("cache"));
    build_as_trunk(&content, &dist, &cache, None, &APP_FILES);
    write_article(&content, 3, "Tiêu đề đã sửa của tin số ba");
    meddle(&dir, &dist, &cache);
    let before = tree(&dist);
    let refused = match publish_from(&content, &dist, &cache, &dir.join("sources")) {
        Err(Failure::NeedsFullBuild(why)) => why,
        other => panic!("publish should have refused: {other:?}"),
    };
    assert!(
        tree(&dist) == before,
        "publish changed the folder it refused"
    );
    let _ = fs::remove_dir_all(&dir);
    refused
}

/// The app's sources, as in the repository: the last build's.
fn same_sources(dir: &Path) {
    let sources = dir.join("sources");
    for name in ["index.html", "Trunk.toml", "Cargo.toml", "Cargo.lock"] {
        fs::create_dir_all(&sources).unwrap();
        fs::copy(name, sources.join(name)).unwrap();
    }
    for folder in ["src", "style", "public"] {
        copy_tree(Path::new(folder), &sources.join(folder));
    }
}

#[test]
fn publish_refuses_when_the_app_changed_since_the_last_build() {
    let why = publish_refused("publish-app-changed", |dir, _, _| {
        same_sources(dir);
        fs::write(
            dir.join("sources/style/tokens.css"),
            ":root { --brand: red }",
        )
        .unwrap();
    });
    assert!(why.contains("mã nguồn của ứng dụng"), "{why}");
}

#[test]
fn publish_refuses_a_folder_another_build_has_replaced() {
    let why = publish_refused("publish-replaced", |dir, dist, _| {
        same_sources(dir);
        fs::write(
            dist.join("index.html"),
            "<!DOCTYPE html><title>khác</title>",
        )
        .unwrap();
    });
    assert!(why.contains("không còn là kết quả"), "{why}");
}

#[test]
fn publish_refuses_without_a_build_to_publish_into() {
    let why = publish_refused("publish-no-build", |dir, _, cache| {
        same_sources(dir);
        fs::remove_dir_all(cache.join("last-build")).unwrap();
    });
    assert!(why.contains("chưa có lần dựng"), "{why}");
}

#[test]
fn publishing_a_broken_bundle_fails_and_leaves_the_last_build_as_it_was() {
    let dir = temp("publish-broken");
    let content = bundle(&dir);
    let (dist, cache) = (dir.join("dist"), dir.join("cache"));
    build_as_trunk(&content, &dist, &cache, None, &APP_FILES);
    let before = tree(&dist);
    fs::write(article_file(&content, 5), "{ \"title\": ").unwrap();
    match publish(&content, &dist, &cache) {
        Err(Failure::Invalid(errors)) => {
            assert!(errors
                .iter()
                .any(|e| e.to_string().contains("tin-thu-5.json")))
        }
        other => panic!("a broken bundle should fail: {other:?}"),
    }
    assert!(tree(&dist) == before);
    // Fixed, it publishes.
    write_article(&content, 5, "Tin số năm, đã sửa lỗi");
    publish(&content, &dist, &cache).unwrap_or_else(|e| panic!("{e}"));
    let _ = fs::remove_dir_all(&dir);
}
