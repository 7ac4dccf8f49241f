//! Scheduled publishing ("hẹn giờ đăng"): an article whose `published_at` is after the build's
//! clock is published nowhere, its download included, until a build at or after that time.
#![cfg(feature = "ssr")]

mod common;

use common::{build_at, copy_tree, temp, tree};
use std::fs;
use std::path::{Path, PathBuf};

const TITLE: &str = "Thông báo lịch tiếp công dân tháng 12";
const AT: &str = "2026-12-10T08:00:00+07:00";

/// The seed, and an article for `AT` with a download of its own.
fn bundle(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(Path::new("public/content"), &content);
    fs::create_dir_all(content.join("files")).unwrap();
    fs::copy(
        "tests/fixtures/portal/files/tb-05-2023.pdf",
        content.join("files/lich-tiep-cong-dan-12.pdf"),
    )
    .unwrap();
    fs::create_dir_all(content.join("articles/2026")).unwrap();
    let article = serde_json::json!({
        "title": TITLE,
        "published_at": AT,
        "category": "tin-hoat-dong",
        "body": [
            { "type": "paragraph", "text": "Lịch tiếp công dân của lãnh đạo Sở trong tháng 12." },
            { "type": "file", "file": "files/lich-tiep-cong-dan-12.pdf", "label": "Lịch tiếp công dân" }
        ]
    });
    fs::write(
        content.join("articles/2026/lich-tiep-cong-dan-12.json"),
        article.to_string(),
    )
    .unwrap();
    content
}

/// The names of the files, among `out`'s, that mention `needle`.
fn mentioning(out: &Path, needle: &str) -> Vec<String> {
    tree(out)
        .into_iter()
        .filter(|(name, _)| !name.ends_with(".br") && !name.ends_with(".gz"))
        .filter(|(name, bytes)| {
            name.contains(needle) || String::from_utf8_lossy(bytes).contains(needle)
        })
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn an_article_before_its_time_is_published_nowhere() {
    let dir = temp("scheduled-before");
    let content = bundle(&dir);
    let out = dir.join("out");
    // A minute before, in another offset: the instant counts, not the wall clock.
    let report = build_at(
        &content,
        &out,
        &dir.join("cache"),
        Some("2026-12-10T00:59:00Z"),
    );
    assert_eq!((report.articles, report.scheduled), (1, 1));
    for needle in ["lich-tiep-cong-dan-12", TITLE] {
        assert_eq!(mentioning(&out, needle), Vec::<String>::new(), "{needle}");
    }
    // The seed is published as ever.
    assert!(out
        .join("bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/index.html")
        .is_file());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn from_its_time_on_it_is_published_everywhere() {
    let dir = temp("scheduled-at");
    let content = bundle(&dir);
    let out = dir.join("out");
    let report = build_at(
        &content,
        &out,
        &dir.join("cache"),
        Some("2026-12-10T01:00:00Z"),
    );
    assert_eq!((report.articles, report.scheduled), (2, 0));
    let page = fs::read_to_string(out.join("bai-viet/lich-tiep-cong-dan-12/index.html")).unwrap();
    assert!(page.contains(TITLE));
    assert!(out
        .join("content/files/lich-tiep-cong-dan-12.pdf")
        .is_file());
    let found = mentioning(&out, TITLE);
    for file in ["index.html", "feed.xml", "data/trang/1.json"] {
        assert!(found.iter().any(|f| f == file), "{file} in {found:?}");
    }
    assert!(
        mentioning(&out, "lich-tiep-cong-dan-12")
            .iter()
            .any(|f| f == "sitemap.xml"),
        "the sitemap lists it"
    );
    assert!(
        found.iter().any(|f| f.starts_with("data/tim-kiem/")),
        "the search finds it"
    );
    let _ = fs::remove_dir_all(&dir);
}
