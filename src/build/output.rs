//! The `site-build` command: options, the two modes, and writing the output.

use super::pages;
use super::security::{self, Delivery, InlineAllowed};
use super::template::Template;
use super::{cms, downloads, feeds, images, share_image, source};
use crate::content::bundle::BundleError;
use crate::paths::Paths;
use crate::paths::ADMIN_FOLDER;
use rayon::prelude::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Validate the bundle and write nothing: trunk's pre-build hook, and editors' own check.
    Check,
    /// Validate, then write everything derived into the output folder.
    Write,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub command: Command,
    pub content_dir: PathBuf,
    /// Trunk's staging folder, which becomes `dist/` only when the whole build succeeds.
    pub out_dir: Option<PathBuf>,
    /// The public URL (`/` or `/tin-tuc/`).
    pub base: String,
    /// Release builds: minify the pages' inline CSS, and write `.br` and `.gz` siblings of every
    /// text file.
    pub compress: bool,
    /// Remove the output folder when the build fails; set for trunk's staging folder, so a
    /// failed build leaves nothing half-written behind.
    pub clean_on_failure: bool,
    /// Where compressed files and photo variants from earlier builds are kept
    /// (`target/site-build-cache`).
    pub cache_dir: Option<PathBuf>,
    /// Decap CMS's files (`dist/` of the npm package `.ci/setup` installs), for the editors'
    /// screen at `quan-tri/`; none writes no screen.
    pub decap_dir: Option<PathBuf>,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The bundle has problems; each names its file and field.
    Invalid(Vec<BundleError>),
    /// Reading or writing the output failed.
    Output(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Invalid(errors) => {
                writeln!(
                    f,
                    "Nội dung không hợp lệ ({} lỗi), chưa xuất bản gì:",
                    errors.len()
                )?;
                for error in errors {
                    writeln!(f, "  {error}")?;
                }
                Ok(())
            }
            Failure::Output(message) => writeln!(f, "Lỗi khi ghi kết quả: {message}"),
        }
    }
}

/// What a successful run did, for the build log.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub pages: usize,
    pub files: usize,
}

/// Runs the tool. On failure with `clean_on_failure`, the output folder is removed.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let result = run_inner(options);
    if result.is_err() && options.clean_on_failure {
        if let Some(out) = &options.out_dir {
            let _ = fs::remove_dir_all(out);
        }
    }
    result
}

fn run_inner(options: &Options) -> Result<Report, Failure> {
    let clock = std::time::Instant::now();
    let lap = |what: &str| {
        if std::env::var_os("SITE_BUILD_TIMINGS").is_some() {
            eprintln!(
                "site-build: {what} after {:.2} s",
                clock.elapsed().as_secs_f64()
            );
        }
    };
    let mut bundle = source::load(&options.content_dir).map_err(Failure::Invalid)?;
    lap("bundle checked");
    let mut report = Report {
        articles: bundle.articles.len(),
        ..Report::default()
    };
    let Some(out) = options
        .out_dir
        .as_deref()
        .filter(|_| options.command == Command::Write)
    else {
        return Ok(report);
    };
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Failure::Output(format!("{what} {}: {e}", path.display()))
    };

    let index = out.join("index.html");
    let template = fs::read_to_string(&index).map_err(|e| io("không đọc được", &index, e))?;
    // Release builds minify the CSS; designers' `trunk serve` keeps it as written.
    let template = Template::parse(&template, options.compress).map_err(Failure::Output)?;
    let photos = images::publish(
        &mut bundle.articles,
        &mut bundle.pages,
        &bundle.images,
        &bundle.content_dir,
        out,
        options.cache_dir.as_deref(),
    )
    .map_err(Failure::Output)?;
    lap("photos resized");
    let downloads =
        downloads::publish(&bundle.downloads, &bundle.content_dir, out).map_err(Failure::Output)?;
    let paths = Paths::new(&options.base);
    let plan = pages::plan(&bundle, &paths, &template.build_id());
    lap("data and search index derived");

    // The Content-Security-Policy allows what the pages run and apply inline, by hash: the
    // template's head (on every page) and the style guide's samples (the page without the app).
    let mut inline = template.inline_allowed().map_err(Failure::Output)?;
    for page in plan.pages.iter().filter(|page| !page.loads_app) {
        let rendered = pages::render(&plan, page, &template).map_err(Failure::Output)?;
        inline.add(InlineAllowed::of_page(&rendered.html).map_err(Failure::Output)?);
    }
    let site_policy = security::site_policy(&inline, Delivery::Header);
    // Under `trunk serve` the pages carry no policy of their own: its reload script changes in
    // every response. Release builds, the ones deployed, always do.
    let template = if template.served_by_trunk() {
        template
    } else {
        template.with_policy(&security::site_policy(&inline, Delivery::Meta))
    };
    lap("security policy derived");

    // Pages render on every core; any failure fails the whole build, and trunk then discards
    // its staging folder. A page with anything inline the policy does not allow fails it too.
    let rendered: Vec<Result<Option<(String, String)>, Failure>> = plan
        .pages
        .par_iter()
        .map(|page| {
            let path = out.join(&page.file);
            let rendered = pages::render(&plan, page, &template).map_err(Failure::Output)?;
            let on_page = InlineAllowed::of_page(&rendered.html)
                .map_err(|e| Failure::Output(format!("{}: {e}", page.file)))?;
            if let Some(missing) = inline.missing(&on_page) {
                return Err(Failure::Output(format!(
                    "{}: có nội dung nội tuyến chính sách bảo mật không cho phép: {missing}",
                    page.file
                )));
            }
            write_file(&path, rendered.html.as_bytes())
                .map_err(|e| io("không ghi được", &path, e))?;
            Ok(rendered.resolved)
        })
        .collect();
    let mut resolved_scripts = std::collections::BTreeMap::new();
    for script in rendered {
        if let Some((path, script)) = script? {
            resolved_scripts.insert(path, script);
        }
    }
    report.pages = plan.pages.len();
    lap("pages rendered");

    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (path, script) in resolved_scripts {
        files.push((out.join(path), script.into_bytes()));
    }
    let admin_policy = security::admin_policy(&cms::connect_sources(bundle.cms.as_ref()));
    files.push((
        out.join("_headers"),
        security::headers_file(&options.base, &site_policy, &admin_policy, ADMIN_FOLDER)
            .into_bytes(),
    ));
    files.push((
        out.join(security::NGINX_FILE),
        security::nginx_file(&site_policy, false).into_bytes(),
    ));
    files.push((
        out.join(security::NGINX_ADMIN_FILE),
        security::nginx_file(&admin_policy, true).into_bytes(),
    ));
    for (path, json) in &plan.data {
        files.push((out.join(path), json.as_bytes().to_vec()));
    }
    files.push((
        out.join("feed.xml"),
        feeds::rss(&plan, &bundle.articles, None).into_bytes(),
    ));
    for category in &bundle.site.categories {
        files.push((
            out.join(format!("chuyen-muc/{}/feed.xml", category.slug)),
            feeds::rss(&plan, &bundle.articles, Some(category)).into_bytes(),
        ));
    }
    files.push((out.join("sitemap.xml"), feeds::sitemap(&plan).into_bytes()));
    files.push((out.join("robots.txt"), feeds::robots(&plan).into_bytes()));
    // Drawn from site.json, which `source::load` has checked it can draw.
    let share = share_image::render_share_image(&bundle.site)
        .map_err(|e| Failure::Output(format!("ảnh chia sẻ: {e}")))?;
    files.push((out.join(crate::meta::DEFAULT_SHARE_IMAGE_PATH), share));
    for (path, bytes) in &files {
        write_file(path, bytes).map_err(|e| io("không ghi được", path, e))?;
    }
    report.files = plan.pages.len() + files.len() + photos.files + downloads;
    lap("data written");
    if let Some(decap_dir) = &options.decap_dir {
        let config = cms::decap_config(&bundle.site, bundle.cms.as_ref(), &paths);
        let photos_on_site = cms::photos_on_site(&photos.variants);
        report.files += cms::publish(out, decap_dir, &config, &template.styles(), &photos_on_site)
            .map_err(|e| Failure::Output(format!("màn hình biên tập: {e}")))?;
        lap("editors' screen written");
    }
    if options.compress {
        compress_tree(out, options.cache_dir.as_deref()).map_err(Failure::Output)?;
        lap("files compressed");
    }
    if let Some(cache) = &options.cache_dir {
        prune_cache(cache, CACHE_KEEP);
    }
    Ok(report)
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

/// Brotli quality for pages and data. Measured on a 45 KB article page: quality 8 takes 2.3 ms
/// for 7,950 bytes, 9 takes 8.7 ms for the same, 11 takes 57 ms for 7,339.
pub const BROTLI_QUALITY: i32 = 8;

/// Files hosts may serve precompressed.
const TEXT_EXTENSIONS: [&str; 10] = [
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

/// Writes `.br` and `.gz` siblings of every text file below `dir`, on every core. With a cache
/// folder, a file compressed by an earlier build is not compressed again.
pub fn compress_tree(dir: &Path, cache: Option<&Path>) -> Result<(), String> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if entry.file_type().is_file()
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|ext| TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
        {
            files.push(path.to_owned());
        }
    }
    if let Some(cache) = cache {
        fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    }
    files.par_iter().try_for_each(|path| -> Result<(), String> {
        let fail = |e: std::io::Error| format!("{}: {e}", path.display());
        let bytes = fs::read(path).map_err(fail)?;
        // The app's own code is compressed as hard as brotli can; pages and data, of which an
        // archive has tens of thousands, a little less, which is many times faster.
        let is_app_code = path
            .extension()
            .is_some_and(|e| e == "wasm" || e == "js" || e == "css");
        let (brotli_quality, gzip_level) = if is_app_code {
            (11, 9)
        } else {
            (BROTLI_QUALITY, 6)
        };
        let brotli = |b: &[u8]| brotli_bytes(b, brotli_quality);
        let gzip = |b: &[u8]| gzip_bytes(b, gzip_level);
        for (ext, level, compress) in [
            (
                "br",
                brotli_quality as u32,
                &brotli as &(dyn Fn(&[u8]) -> Vec<u8> + Sync),
            ),
            ("gz", gzip_level, &gzip),
        ] {
            let sibling = PathBuf::from(format!("{}.{ext}", path.display()));
            let cached =
                cache.map(|dir| dir.join(format!("{}-{level}.{ext}", content_key(&bytes))));
            match cached.as_deref().filter(|c| c.is_file()) {
                Some(cached) => {
                    fs::copy(cached, &sibling).map_err(fail)?;
                    mark_used(cached);
                }
                None => {
                    let packed = compress(&bytes);
                    fs::write(&sibling, &packed).map_err(fail)?;
                    if let Some(cached) = cached {
                        // A cache that cannot be written only costs time on the next build.
                        let _ = fs::write(cached, &packed);
                    }
                }
            }
        }
        Ok(())
    })
}

/// Records that a build used a cached file, so that pruning keeps it.
pub fn mark_used(cached: &Path) {
    let _ = fs::File::options()
        .write(true)
        .open(cached)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// How long a cached file no build has used is kept.
const CACHE_KEEP: std::time::Duration = std::time::Duration::from_secs(14 * 24 * 3600);

/// Removes cached files (compressed pages, photo variants) no build has used for `keep`.
fn prune_cache(cache: &Path, keep: std::time::Duration) {
    let files = walkdir::WalkDir::new(cache).into_iter().flatten();
    for entry in files.filter(|entry| entry.file_type().is_file()) {
        let unused_for = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok());
        if unused_for.is_some_and(|age| age > keep) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A key for content-addressed caches and file names: the contents' SHA-256 (its first 128
/// bits) and their length. The same on every machine and Rust release, so a cache or a year-long
/// cached photo name stays valid.
pub fn content_key(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}-{}", bytes.len())
}

pub fn brotli_bytes(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    // The full window: measured on an article page, smaller ones make this encoder slower.
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
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
