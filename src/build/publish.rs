//! `site-build publish`: what editors changed in `public/content/`, published into the `dist/`
//! of the last release build, in place, without trunk.
//!
//! `trunk build --release` runs wasm-bindgen and wasm-opt again on every build, whatever
//! changed (12 s on a 2-core machine), then replaces the whole of `dist/` (6 s for the 350,000
//! files of a 25,000-article archive). When only the content changed, neither is needed: the
//! app is the same, and the store knows which pages are too. `publish` renders what changed into
//! `dist/`, leaves a file that already is the right blob alone, and removes what the last build
//! wrote and this one does not.
//!
//! It knows the last build by the record `write` leaves in the cache for the folder trunk made
//! `dist/` of ([`LastBuild`]). When the app's sources, this tool or the build's options differ
//! from that build's, or `dist/` is no longer what it wrote, `publish` says why and
//! `site-build` runs `trunk build --release` instead.

use super::store::{self, content_key};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What the last build wrote into a `dist/`, kept in the cache under `dist/`'s name.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct LastBuild {
    /// The app's sources and this tool, hashed ([`app_fingerprint`]).
    pub app: String,
    pub base: String,
    pub compress: bool,
    pub cms: bool,
    /// Trunk's `index.html`, which every page is rendered into: a blob of the store.
    pub template: String,
    /// The content key of the home page the build wrote: `dist/` is still that build's.
    pub home: String,
    /// Trunk's files (the app's code, the icon) and their compressed siblings, which only
    /// trunk writes.
    pub app_files: BTreeSet<String>,
    /// Every other file the build wrote, by its path below `dist/`.
    pub written: BTreeSet<String>,
}

/// Why the content cannot be published in place: what `trunk build --release` must do.
#[derive(Debug, PartialEq, Eq)]
pub struct NeedsFullBuild(pub String);

/// The sources trunk builds the app from, besides the content: a change to any of them changes
/// the app's files, which only trunk writes.
const APP_SOURCES: [&str; 7] = [
    "index.html",
    "Trunk.toml",
    "Cargo.toml",
    "Cargo.lock",
    "src",
    "style",
    "public",
];

/// The app's sources below `source_dir` (without `public/content/`) and the tool that renders
/// (`store::renderer_identity`), hashed: what makes two builds' app files the same.
pub fn app_fingerprint(source_dir: &Path, renderer: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(renderer);
    let content = source_dir.join("public/content");
    for source in APP_SOURCES {
        let walk = walkdir::WalkDir::new(source_dir.join(source)).sort_by_file_name();
        let files = walk
            .into_iter()
            .filter_entry(|entry| entry.path() != content)
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file());
        for entry in files {
            let name = entry
                .path()
                .strip_prefix(source_dir)
                .unwrap_or(entry.path());
            let bytes = fs::read(entry.path()).unwrap_or_default();
            for part in [name.to_string_lossy().as_bytes(), &bytes] {
                hasher.update((part.len() as u64).to_le_bytes());
                hasher.update(part);
            }
        }
    }
    format!("{:x}", hasher.finalize())
}

/// Where the record of the last build into `dist` is kept.
fn record_path(cache: &Path, dist: &Path) -> PathBuf {
    let dist = fs::canonicalize(dist).unwrap_or_else(|_| dist.to_owned());
    let key: String = content_key(dist.to_string_lossy().as_bytes())
        .chars()
        .take(16)
        .collect();
    cache.join("last-build").join(format!("{key}.json"))
}

impl LastBuild {
    pub fn load(cache: &Path, dist: &Path) -> Option<LastBuild> {
        let text = fs::read_to_string(record_path(cache, dist)).ok()?;
        serde_json::from_str(&text).ok()
    }

    pub fn save(&self, cache: &Path, dist: &Path) -> Result<(), String> {
        let json = serde_json::to_string(self).expect("the record serialises");
        store::write(&record_path(cache, dist), json.as_bytes())
    }

    /// Forgets the last build into `dist`: from the first file `publish` changes until it
    /// succeeds, `dist/` is neither that build's nor the next one's.
    pub fn forget(cache: &Path, dist: &Path) {
        let _ = fs::remove_file(record_path(cache, dist));
    }

    /// Whether this build's content can be published into `dist` in place, from the app built
    /// from `app` with these options.
    pub fn reuse(
        record: Option<&LastBuild>,
        dist: &Path,
        app: &str,
        base: &str,
        cms: bool,
    ) -> Result<(), NeedsFullBuild> {
        let why = |text: &str| Err(NeedsFullBuild(text.to_owned()));
        let Some(record) = record else {
            return why("chưa có lần dựng trunk build --release nào vào thư mục này");
        };
        if !record.compress {
            return why("lần dựng trước là bản dựng thử (trunk serve), không phải --release");
        }
        if record.app != app {
            return why(
                "mã nguồn của ứng dụng (src/, style/, index.html, …) đã đổi từ lần dựng trước",
            );
        }
        if record.base != base {
            return why("đường dẫn gốc (--public-url) khác lần dựng trước");
        }
        if record.cms != cms {
            return why("lần dựng trước có khác về màn hình biên tập");
        }
        let home = fs::read(dist.join("index.html")).map(|bytes| content_key(&bytes));
        if home.ok().as_deref() != Some(record.home.as_str()) {
            return why("thư mục đích không còn là kết quả của lần dựng trước");
        }
        Ok(())
    }
}

/// Paths below `root`, as the record keeps them.
pub fn relative(root: &Path, files: impl IntoIterator<Item = PathBuf>) -> BTreeSet<String> {
    files
        .into_iter()
        .filter_map(|file| {
            file.strip_prefix(root)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        })
        .collect()
}

/// Removes from `dist` what the last build wrote and this one did not, then the folders that
/// leaves empty. Returns how many files it removed.
pub fn remove_stale(
    dist: &Path,
    last: &BTreeSet<String>,
    now: &BTreeSet<String>,
) -> Result<usize, String> {
    let mut removed = 0;
    let mut folders = BTreeSet::new();
    for stale in last.difference(now) {
        let file = dist.join(stale);
        match fs::remove_file(&file) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", file.display())),
        }
        let mut folder = Path::new(stale).parent();
        while let Some(f) = folder.filter(|f| !f.as_os_str().is_empty()) {
            folders.insert(f.to_owned());
            folder = f.parent();
        }
    }
    // The deepest first; a folder that still holds anything stays.
    let mut folders: Vec<PathBuf> = folders.into_iter().collect();
    folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
    for folder in folders {
        let _ = fs::remove_dir(dist.join(folder));
    }
    Ok(removed)
}
