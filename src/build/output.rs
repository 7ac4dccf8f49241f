//! The `site-build` command: options, the two modes, and writing the output.

use super::pages::{self, Template};
use super::{feeds, source};
use crate::api::Paths;
use crate::content::bundle::BundleError;
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
    /// Write `.br` and `.gz` siblings of every text file (release builds).
    pub compress: bool,
    /// Remove the output folder when the build fails; set for trunk's staging folder, so a
    /// failed build leaves nothing half-written behind.
    pub clean_on_failure: bool,
}

const USAGE: &str = "\
Cách dùng: site-build <check|write> [--content THƯ_MỤC] [--out THƯ_MỤC] [--public-url /đường-dẫn/] [--compress|--no-compress]

  check   kiểm tra toàn bộ nội dung (public/content), không ghi gì
  write   kiểm tra rồi ghi dữ liệu, ảnh và các trang tĩnh vào thư mục --out

Khi trunk chạy công cụ này (Trunk.toml), các giá trị mặc định lấy từ TRUNK_SOURCE_DIR,
TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL và TRUNK_PROFILE. SITE_CONTENT_DIR thay thư mục nội dung.";

impl Options {
    /// Reads the command line, falling back on the variables trunk gives its hooks.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let mut args = args.into_iter();
        let command = match args.next().as_deref() {
            Some("check") => Command::Check,
            Some("write") => Command::Write,
            Some("--help" | "-h") | None => return Err(USAGE.to_owned()),
            Some(other) => return Err(format!("lệnh không rõ: {other}\n\n{USAGE}")),
        };
        let source_dir = PathBuf::from(env("TRUNK_SOURCE_DIR").unwrap_or_else(|| ".".into()));
        let staging = env("TRUNK_STAGING_DIR").map(PathBuf::from);
        let mut options = Options {
            command,
            content_dir: env("SITE_CONTENT_DIR")
                .map_or_else(|| source_dir.join("public/content"), PathBuf::from),
            out_dir: staging.clone(),
            base: env("TRUNK_PUBLIC_URL").unwrap_or_else(|| "/".into()),
            compress: env("TRUNK_PROFILE").as_deref() == Some("release"),
            clean_on_failure: staging.is_some(),
        };
        while let Some(flag) = args.next() {
            let mut value = || {
                args.next()
                    .ok_or_else(|| format!("{flag} cần một giá trị\n\n{USAGE}"))
            };
            match flag.as_str() {
                "--content" => options.content_dir = value()?.into(),
                "--out" => {
                    options.out_dir = Some(value()?.into());
                    options.clean_on_failure = false;
                }
                "--public-url" => options.base = value()?,
                "--compress" => options.compress = true,
                "--no-compress" => options.compress = false,
                other => return Err(format!("tuỳ chọn không rõ: {other}\n\n{USAGE}")),
            }
        }
        if command == Command::Write && options.out_dir.is_none() {
            return Err(format!(
                "write cần --out (hoặc TRUNK_STAGING_DIR)\n\n{USAGE}"
            ));
        }
        Ok(options)
    }
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
    let bundle = source::load(&options.content_dir).map_err(Failure::Invalid)?;
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
    let template = Template::parse(&template).map_err(Failure::Output)?;
    let paths = Paths::new(&options.base);
    let plan = pages::plan(&bundle, &paths);

    // Render everything first: a failure here leaves the output untouched.
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (path, json) in &plan.data {
        files.push((out.join(path), json.as_bytes().to_vec()));
    }
    for page in &plan.pages {
        files.push((
            out.join(&page.file),
            pages::render(&plan, page, &template).into_bytes(),
        ));
    }
    files.push((
        out.join("feed.xml"),
        feeds::rss(&plan, &bundle.articles).into_bytes(),
    ));
    files.push((out.join("sitemap.xml"), feeds::sitemap(&plan).into_bytes()));
    files.push((out.join("robots.txt"), feeds::robots(&plan).into_bytes()));
    report.pages = plan.pages.len();

    for (path, bytes) in &files {
        write_file(path, bytes).map_err(|e| io("không ghi được", path, e))?;
    }
    for image in &bundle.images {
        let from = bundle.content_dir.join(image);
        let to = out.join("content").join(image);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| io("không tạo được", parent, e))?;
        }
        fs::copy(&from, &to).map_err(|e| io("không chép được", &from, e))?;
    }
    report.files = files.len() + bundle.images.len();
    if options.compress {
        compress_tree(out).map_err(Failure::Output)?;
    }
    Ok(report)
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

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

/// Writes `.br` and `.gz` siblings of every text file below `dir`.
pub fn compress_tree(dir: &Path) -> Result<(), String> {
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let is_text = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|ext| TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()));
            if is_text {
                let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let sibling = |ext: &str| PathBuf::from(format!("{}.{ext}", path.display()));
                fs::write(sibling("br"), brotli_bytes(&bytes))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                fs::write(sibling("gz"), gzip_bytes(&bytes))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing into memory cannot fail");
    out
}

pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .expect("compressing into memory cannot fail");
    encoder
        .finish()
        .expect("compressing into memory cannot fail")
}
