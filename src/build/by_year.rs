//! `site-build sort-by-year`: the one-off move of a flat `articles/` into year folders
//! (`articles/<YYYY>/<slug>.json`), so that the editing screen lists one year at a time. An
//! article's address is its file name, unique in the whole bundle, so no address changes.

use crate::content::bundle::BundleError;
use std::fs;
use std::path::{Path, PathBuf};

/// One article moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub from: PathBuf,
    pub to: PathBuf,
}

/// Moves every article directly in `articles/` into the folder of the year it was published in
/// (the year as written, in its own offset). Call it on a bundle that passed the checks. A file
/// already at the target is a problem, reported, and nothing of that article is moved. Returns
/// what moved and what could not.
pub fn sort_by_year(content_dir: &Path) -> (Vec<Moved>, Vec<BundleError>) {
    let folder = content_dir.join("articles");
    let mut flat: Vec<PathBuf> = fs::read_dir(&folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    flat.sort();
    let mut moved = Vec::new();
    let mut problems = Vec::new();
    for from in flat {
        let shown = super::source::shown(&from);
        let year = fs::read_to_string(&from)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|json| {
                json["published_at"]
                    .as_str()
                    .and_then(|t| t.get(..4))
                    .map(str::to_owned)
            })
            .filter(|year| year.bytes().all(|b| b.is_ascii_digit()));
        let Some(year) = year else {
            problems.push(BundleError::new(
                &shown,
                Some("published_at"),
                "không đọc được năm đăng",
            ));
            continue;
        };
        let to = folder
            .join(&year)
            .join(from.file_name().expect("a file has a name"));
        if to.exists() {
            problems.push(BundleError::new(
                &shown,
                None,
                format!("đã có {}, không chuyển", super::source::shown(&to)),
            ));
            continue;
        }
        let result = fs::create_dir_all(to.parent().expect("below articles/"))
            .and_then(|()| fs::rename(&from, &to));
        match result {
            Ok(()) => moved.push(Moved { from, to }),
            Err(error) => problems.push(BundleError::new(
                &shown,
                None,
                format!("không chuyển được ({error})"),
            )),
        }
    }
    (moved, problems)
}
