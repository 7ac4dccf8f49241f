//! Where the build keeps what it made, between builds: every file it writes is a blob named by
//! its contents, compressed once, then hard-linked into the output (trunk's staging folder,
//! which trunk empties before every build). A build after a small change makes only the few
//! blobs that changed; the tens of thousands of others are linked, not written, not compressed.
//!
//! Pages are also remembered by what they were rendered from (`PageKey`): a page whose inputs
//! did not change is not rendered again.

use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Brotli quality for pages and data, of which a 25,000-article archive has about 80,000.
/// Measured on 3,000 of them (27 KB on average): quality 6 takes 0.9 ms a file, 8 takes 2.1 ms
/// for 1.5% fewer bytes, 11 takes 36 ms for 10% fewer.
pub const BROTLI_QUALITY: i32 = 6;

/// Files hosts may serve precompressed.
pub const TEXT_EXTENSIONS: [&str; 10] = [
    "html",
    "js",
    "mjs",
    "wasm",
    "css",
    "json",
    "xml",
    "svg",
    "txt",
    "webmanifest",
];

/// How hard a file is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// The app's own code and the editing screen's, few files that every reader (or editor)
    /// downloads: as hard as brotli and gzip go.
    Hardest,
    /// Pages and data, of which an archive has tens of thousands: a little less, many times
    /// faster.
    Quick,
}

impl Effort {
    fn levels(self) -> (i32, u32) {
        match self {
            Effort::Hardest => (11, 9),
            Effort::Quick => (BROTLI_QUALITY, 6),
        }
    }

    /// By the file's name: the app's code (`<app>_bg.wasm`, `<app>.js`, trunk's hashed names),
    /// the editing screen's; everything else is a page or data.
    pub fn of(path: &Path) -> Effort {
        let text = path.to_string_lossy();
        let is_code = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("wasm" | "js" | "css")
        ) && !text.contains("khoi-dong/");
        if is_code {
            Effort::Hardest
        } else {
            Effort::Quick
        }
    }
}

/// Whether hosts may be served a precompressed sibling of this file.
pub fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// A key for content-addressed caches and file names: the contents' SHA-256 (its first 128
/// bits) and their length. The same on every machine and Rust release, so a cache or a year-long
/// cached photo name stays valid.
pub fn content_key(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    format!("{}-{}", hex(&digest[..16]), bytes.len())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The blob store, or none (`--no-cache`): then every file is written and compressed anew.
#[derive(Clone, Debug)]
pub struct Store {
    dir: Option<PathBuf>,
    /// Release builds write `.br` and `.gz` siblings of text files.
    compress: bool,
    /// Every file this build wrote or linked, so that `site-build publish` knows what an earlier
    /// build wrote and this one did not: what to remove.
    written: Arc<Mutex<Vec<PathBuf>>>,
}

impl Store {
    pub fn new(cache: Option<&Path>, compress: bool) -> Result<Self, String> {
        let dir = cache.map(|c| c.join("blobs"));
        if let Some(dir) = &dir {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            fs::create_dir_all(dir.with_file_name("pages"))
                .map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        Ok(Store {
            dir,
            compress,
            written: Arc::default(),
        })
    }

    /// Keeps `bytes` as a blob that no output links to (trunk's template, for `publish`);
    /// returns its key.
    pub fn keep_blob(&self, bytes: &[u8]) -> Result<String, String> {
        let dir = self.dir.as_ref().expect("only with a store");
        let key = content_key(bytes);
        put(&blob_path(dir, &key), bytes)?;
        Ok(key)
    }

    /// The blob `key`, if the store still has it.
    pub fn read_blob(&self, key: &str) -> Option<Vec<u8>> {
        let blob = blob_path(self.dir.as_ref()?, key);
        let bytes = fs::read(&blob).ok()?;
        mark_used(&blob);
        Some(bytes)
    }

    /// Notes files the build wrote without the store (photos, downloads, the editing screen).
    pub fn note_written(&self, files: impl IntoIterator<Item = PathBuf>) {
        self.written.lock().expect("not poisoned").extend(files);
    }

    /// Every file written or linked so far.
    pub fn written(&self) -> Vec<PathBuf> {
        self.written.lock().expect("not poisoned").clone()
    }

    fn put_file(&self, dest: &Path, bytes: &[u8]) -> Result<(), String> {
        write(dest, bytes)?;
        self.note_written([dest.to_owned()]);
        Ok(())
    }

    fn link_file(&self, blob: &Path, dest: &Path) -> Result<(), String> {
        link(blob, dest)?;
        self.note_written([dest.to_owned()]);
        Ok(())
    }

    /// Writes `bytes` as the file `dest`, with its compressed siblings when the build compresses
    /// and `dest` is text.
    pub fn emit(&self, dest: &Path, bytes: &[u8]) -> Result<(), String> {
        let siblings = self.compress && is_text(dest);
        let effort = Effort::of(dest);
        match &self.dir {
            None => {
                self.put_file(dest, bytes)?;
                if siblings {
                    for (ext, packed) in compressed(bytes, effort) {
                        self.put_file(&with_extension(dest, ext), &packed)?;
                    }
                }
                Ok(())
            }
            Some(dir) => {
                let key = content_key(bytes);
                let blob = blob_path(dir, &key);
                if !blob.is_file() {
                    put(&blob, bytes)?;
                }
                self.link_file(&blob, dest)?;
                if siblings {
                    self.siblings(&key, Some(bytes), effort, dest)?;
                }
                Ok(())
            }
        }
    }

    /// Links the blob `key` as `dest`, with its siblings: a file an earlier build made.
    pub fn link_blob(&self, key: &str, dest: &Path) -> Result<(), String> {
        let dir = self.dir.as_ref().expect("only with a store");
        self.link_file(&blob_path(dir, key), dest)?;
        if self.compress && is_text(dest) {
            self.siblings(key, None, Effort::of(dest), dest)?;
        }
        Ok(())
    }

    /// Adds the compressed siblings of a file already in the output (trunk's, Decap's).
    pub fn compress_in_place(&self, file: &Path) -> Result<(), String> {
        if !self.compress || !is_text(file) {
            return Ok(());
        }
        let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let effort = Effort::of(file);
        match &self.dir {
            None => {
                for (ext, packed) in compressed(&bytes, effort) {
                    self.put_file(&with_extension(file, ext), &packed)?;
                }
                Ok(())
            }
            Some(_) => self.siblings(&content_key(&bytes), Some(&bytes), effort, file),
        }
    }

    /// Links the compressed siblings of blob `key` next to `dest`, compressing them first if
    /// no build has (from `bytes`, else from the blob).
    fn siblings(
        &self,
        key: &str,
        bytes: Option<&[u8]>,
        effort: Effort,
        dest: &Path,
    ) -> Result<(), String> {
        let dir = self.dir.as_ref().expect("only with a store");
        let (br, gz) = effort.levels();
        let blobs = [
            ("br", blob_path(dir, &format!("{key}.{br}.br"))),
            ("gz", blob_path(dir, &format!("{key}.{gz}.gz"))),
        ];
        if blobs.iter().any(|(_, blob)| !blob.is_file()) {
            let read;
            let bytes = match bytes {
                Some(bytes) => bytes,
                None => {
                    read = fs::read(blob_path(dir, key)).map_err(|e| format!("{key}: {e}"))?;
                    &read
                }
            };
            for ((_, packed), (_, blob)) in compressed(bytes, effort).into_iter().zip(&blobs) {
                put(blob, &packed)?;
            }
        }
        for (ext, blob) in &blobs {
            self.link_file(blob, &with_extension(dest, ext))?;
        }
        Ok(())
    }

    /// The page remembered under `key`: the blob of its HTML and, for a page with the app, its
    /// hydration script's path below the site root and blob. `None` unless every blob is there.
    pub fn page(&self, key: &PageKey) -> Option<PageRecord> {
        let dir = self.dir.as_ref()?;
        let path = blob_path(&dir.with_file_name("pages"), &key.0);
        let record = fs::read_to_string(&path).ok()?;
        // Used: pruning keeps it (records are the build's own, never served).
        mark_used(&path);
        let mut lines = record.lines().map(str::to_owned);
        let html = lines.next()?;
        let script = match (lines.next(), lines.next()) {
            (Some(path), Some(blob)) => Some((path, blob)),
            _ => None,
        };
        let blobs = std::iter::once(&html).chain(script.as_ref().map(|(_, blob)| blob));
        blobs
            .into_iter()
            .all(|blob| blob_path(dir, blob).is_file())
            .then_some(PageRecord { html, script })
    }

    /// Remembers a page rendered from `key`'s inputs, once its files are emitted.
    pub fn keep_page(&self, key: &PageKey, html: &[u8], script: Option<(&str, &str)>) {
        let Some(dir) = &self.dir else { return };
        let mut record = content_key(html);
        if let Some((path, script)) = script {
            record.push_str(&format!("\n{path}\n{}", content_key(script.as_bytes())));
        }
        // A record that cannot be written only costs a render on the next build.
        let _ = put(
            &blob_path(&dir.with_file_name("pages"), &key.0),
            record.as_bytes(),
        );
    }
}

/// A page an earlier build rendered: its blobs.
pub struct PageRecord {
    pub html: String,
    pub script: Option<(String, String)>,
}

/// What a page is rendered from, hashed: whatever differs makes another key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageKey(String);

impl PageKey {
    pub fn of<'a>(inputs: impl IntoIterator<Item = &'a [u8]>) -> PageKey {
        let mut hasher = Sha256::new();
        for input in inputs {
            // Each input's length first, so that no two lists of inputs hash alike.
            hasher.update((input.len() as u64).to_le_bytes());
            hasher.update(input);
        }
        PageKey(hex(&hasher.finalize()))
    }
}

/// Who renders: this very program, so that a change to any of its code renders every page anew.
pub fn renderer_identity() -> String {
    std::env::current_exe()
        .and_then(fs::read)
        .map(|bytes| content_key(&bytes))
        .unwrap_or_default()
}

fn compressed(bytes: &[u8], effort: Effort) -> [(&'static str, Vec<u8>); 2] {
    let (br, gz) = effort.levels();
    [
        ("br", brotli_bytes(bytes, br)),
        ("gz", gzip_bytes(bytes, gz)),
    ]
}

/// A blob's file: in one of 256 folders by its key's first two digits, so that two builders
/// rarely wait on the same folder, and no folder holds a hundred thousand files.
fn blob_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2]).join(key)
}

fn with_extension(path: &Path, ext: &str) -> PathBuf {
    PathBuf::from(format!("{}.{ext}", path.display()))
}

/// Writes a blob whole or not at all: another build reading the store never sees half of it.
fn put(blob: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(folder) = blob.parent() {
        fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    // Named for this process and this write: two threads may make the same blob at once.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let partial = blob.with_extension(format!("part-{}-{write}", std::process::id()));
    fs::write(&partial, bytes)
        .and_then(|()| fs::rename(&partial, blob))
        .map_err(|e| format!("{}: {e}", blob.display()))
}

/// Links `blob` as `dest`; copies it where a link cannot be made (another file system). A `dest`
/// that already is the blob (`site-build publish` into the last build's folder) is left alone.
fn link(blob: &Path, dest: &Path) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let fail = |e: std::io::Error| format!("{}: {e}", dest.display());
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    match fs::hard_link(blob, dest) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let same = |a: fs::Metadata, b: fs::Metadata| a.dev() == b.dev() && a.ino() == b.ino();
            if let (Ok(blob_meta), Ok(dest_meta)) = (fs::metadata(blob), fs::symlink_metadata(dest))
            {
                if same(blob_meta, dest_meta) {
                    return Ok(());
                }
            }
            fs::remove_file(dest).map_err(fail)?;
            fs::hard_link(blob, dest)
                .or_else(|_| fs::copy(blob, dest).map(drop))
                .map_err(fail)
        }
        Err(_) => fs::copy(blob, dest).map(drop).map_err(fail),
    }
}

/// Records that a build used a cached file (a page record, a photo variant), so that pruning
/// keeps it.
pub fn mark_used(cached: &Path) {
    let _ = fs::File::options()
        .write(true)
        .open(cached)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// How often the store is pruned.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// How long a blob no output links to is kept.
const KEEP: std::time::Duration = std::time::Duration::from_secs(14 * 24 * 3600);

/// Removes the blobs and page records that the last build's output does not link to (a blob in
/// use has a second link, in the output) and that are older than two weeks. A blob keeps the
/// time it was made, so that a host sees an unchanged file with an unchanged date.
///
/// Walking a 25,000-article store takes seconds, so it is done at most once a day.
pub fn prune(cache: &Path) {
    use std::os::unix::fs::MetadataExt;
    let age = |meta: &fs::Metadata| {
        meta.modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .unwrap_or_default()
    };
    let old = |meta: &fs::Metadata| age(meta) > KEEP;
    let stamp = cache.join("pruned");
    if fs::metadata(&stamp).is_ok_and(|meta| age(&meta) < PRUNE_EVERY) {
        return;
    }
    let _ = fs::write(&stamp, b"");
    for entry in walkdir::WalkDir::new(cache).into_iter().flatten() {
        let Ok(meta) = entry.metadata() else { continue };
        let in_use = meta.nlink() > 1;
        if meta.is_file() && !in_use && old(&meta) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes a file of the output whole, replacing (never writing through) the file already there:
/// in the last build's folder, that file may be a link to a blob of the store. A file that
/// already holds these bytes is left as it is.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let same = fs::metadata(path).is_ok_and(|meta| meta.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|there| there == bytes);
    if same {
        return Ok(());
    }
    put(path, bytes)
}

/// Copies `from` as the output file `to`, as [`write`] writes.
pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    let bytes = fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    write(to, &bytes)
}

/// Links a file the cache keeps (a photo's variant) as the output file `to`, as blobs are.
pub fn link_cached(cached: &Path, to: &Path) -> Result<(), String> {
    link(cached, to)
}

pub fn brotli_bytes(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    // A window that fits the file, from 256 KB up to brotli's usual 4 MB: the same bytes out
    // as the full window for smaller files, without zeroing 4 MB for each of tens of thousands
    // of pages. Below 256 KB (lgwin 16 and less) this encoder switches to a hasher that is
    // several times slower.
    let fit = usize::BITS - bytes.len().max(1).leading_zeros();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: fit.clamp(18, 22) as i32,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing into memory cannot fail");
    out
}

pub fn gzip_bytes(bytes: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder
        .write_all(bytes)
        .expect("compressing into memory cannot fail");
    encoder
        .finish()
        .expect("compressing into memory cannot fail")
}
