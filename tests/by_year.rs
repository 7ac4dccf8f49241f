//! `site-build sort-by-year`: a flat `articles/` moved into year folders publishes the same site,
//! every address kept.
#![cfg(feature = "ssr")]

mod common;

use common::{build, copy_tree, temp, tree};
use khcn_cantho::build::by_year::sort_by_year;
use std::fs;
use std::path::Path;

#[test]
fn moving_a_flat_archive_into_year_folders_keeps_every_address_and_every_byte() {
    let dir = temp("by-year");
    let content = dir.join("content");
    copy_tree(Path::new("public/content"), &content);
    // Flatten the seed, and add articles of two more years beside it.
    let articles = content.join("articles");
    for year in walkdir::WalkDir::new(&articles).min_depth(1).max_depth(1) {
        let year = year.unwrap().into_path();
        for file in fs::read_dir(&year).unwrap() {
            let file = file.unwrap().path();
            fs::rename(&file, articles.join(file.file_name().unwrap())).unwrap();
        }
        fs::remove_dir(&year).unwrap();
    }
    for (slug, at) in [
        ("tin-2019", "2019-05-02T07:30:00+07:00"),
        ("tin-2024", "2024-12-31T23:30:00+07:00"),
    ] {
        let article = serde_json::json!({
            "title": format!("Tin {slug}"),
            "published_at": at,
            "category": "tin-hoat-dong",
            "body": [{ "type": "paragraph", "text": "Nội dung." }]
        });
        fs::write(articles.join(format!("{slug}.json")), article.to_string()).unwrap();
    }
    build(&content, &dir.join("flat"), &dir.join("cache"));

    let (moved, problems) = sort_by_year(&content);
    assert!(problems.is_empty(), "{problems:?}");
    let mut now_at: Vec<String> = moved
        .iter()
        .map(|m| {
            m.to.strip_prefix(&content)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    now_at.sort();
    assert_eq!(
        now_at,
        [
            "articles/2019/tin-2019.json",
            "articles/2023/lam-viec-voi-ubnd-huyen-co-do-2023.json",
            // The year as written, in its own offset (UTC would say 2024 too, a reader abroad 2025).
            "articles/2024/tin-2024.json",
        ]
    );
    assert!(fs::read_dir(&articles)
        .unwrap()
        .all(|e| e.unwrap().path().is_dir()));

    build(&content, &dir.join("by-year"), &dir.join("cache"));
    assert!(
        tree(&dir.join("flat")) == tree(&dir.join("by-year")),
        "the same site"
    );
    // Run again, it has nothing left to move.
    assert_eq!(sort_by_year(&content), (vec![], vec![]));
    let _ = fs::remove_dir_all(&dir);
}
