//! The site's notice (`site.json`'s `notice`): the static pages carry it shown when the build's
//! clock falls within its window and hidden otherwise, for the app to decide again by the
//! reader's clock; a build after its end takes it off every page, though nothing else changed.
#![cfg(feature = "ssr")]

mod common;

use common::{build_at, copy_tree, temp};
use std::fs;
use std::path::Path;

const TEXT: &str = "Cổng thông tin tạm ngừng để bảo trì (văn bản thử).";

/// The opening tag of the notice's banner in a page, if the page has one.
fn banner(page: &str) -> Option<&str> {
    let class = page.find("class=\"site-notice\"")?;
    let start = page[..class].rfind('<')?;
    Some(&page[start..class + page[class..].find('>')? + 1])
}

#[test]
fn the_static_pages_carry_the_notice_as_the_build_clock_places_it() {
    let dir = temp("notice");
    let content = dir.join("content");
    copy_tree(Path::new("public/content"), &content);
    let mut site: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(content.join("site.json")).unwrap()).unwrap();
    // Written with a space between day and time and fractions of a second, which the build
    // accepts and some browsers' `Date.parse` does not.
    site["notice"] = serde_json::json!({
        "text": TEXT,
        "from": "2026-06-05 18:00:00.0000+07:00",
        "until": "2026-06-06T06:00:00+07:00",
    });
    fs::write(content.join("site.json"), site.to_string()).unwrap();
    let out = dir.join("out");
    let cache = dir.join("cache");
    let pages = [
        "index.html",
        "bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/index.html",
        "en/contact/index.html",
    ];
    for (now, shown) in [
        ("2026-06-05T17:59:00+07:00", false),
        ("2026-06-05T11:00:00Z", true),
        ("2026-06-06T06:00:00+07:00", false),
    ] {
        build_at(&content, &out, &cache, Some(now));
        for page in pages {
            let html = fs::read_to_string(out.join(page)).unwrap();
            let tag = banner(&html).unwrap_or_else(|| panic!("{page} has no notice at {now}"));
            assert!(tag.contains("role=\"status\""), "{tag}");
            assert_eq!(!tag.contains(" hidden"), shown, "{page} at {now}: {tag}");
            assert!(html.contains(TEXT));
            // Above the header.
            assert!(html.find(tag).unwrap() < html.find("<header").unwrap());
            // The app gets its times in the one form every browser reads.
            assert!(
                html.contains(
                    r#""from":"2026-06-05T18:00:00+07:00","until":"2026-06-06T06:00:00+07:00""#
                ),
                "{page}"
            );
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_site_without_a_notice_has_no_banner() {
    let dir = temp("no-notice");
    let out = dir.join("out");
    build_at(Path::new("public/content"), &out, &dir.join("cache"), None);
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(banner(&home), None);
    let _ = fs::remove_dir_all(&dir);
}
