//! Reading the editors' bundle from disk and validating all of it.

use super::cms::{self, CmsSettings};
use crate::content::bundle::{
    self, Assets, BundleError, FileFacts, ImageSize, PageFile, ENGLISH_PAGES_FOLDER,
};
use crate::content::documents::{self, Document};
use crate::content::organisation::{self, Organisation, ORGANISATION_FILE};
use crate::content::procedures::{self, Procedure};
use crate::content::tasks::{self, Task};
use crate::content::time::Timestamp;
use crate::content::{Article, Block, InfoPage, Site};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A bundle that passed every check: what the rest of the build works from.
pub struct Bundle {
    pub site: Site,
    /// Newest first, each with its related articles.
    pub articles: Vec<Article>,
    /// The pages of `pages/`, by slug.
    pub pages: Vec<InfoPage>,
    /// The pages of `en/pages/`, the English section, by slug.
    pub english_pages: Vec<InfoPage>,
    /// The documents of `van-ban/`, newest issue first.
    pub documents: Vec<Document>,
    /// The administrative procedures of `thu-tuc/`, by field, then by code.
    pub procedures: Vec<Procedure>,
    /// The science and technology tasks of `nhiem-vu/`, newest start first.
    pub tasks: Vec<Task>,
    /// The organisation (`to-chuc.json`) and its English version (`en/to-chuc.json`).
    pub organisation: Option<Organisation>,
    pub english_organisation: Option<Organisation>,
    /// Every image the articles and pages use, relative to the content folder.
    pub images: BTreeSet<String>,
    /// Every download the articles offer, relative to the content folder.
    pub downloads: BTreeSet<String>,
    /// The git host of the editors' screen (`cms.json`), if the bundle names one.
    pub cms: Option<CmsSettings>,
    pub content_dir: PathBuf,
}

/// Articles listed as related at the end of each article.
pub const RELATED_LIMIT: usize = 5;

/// An article whose time has not come ("hẹn giờ đăng"): checked like any other, published by no
/// build before its `published_at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheduled {
    pub slug: String,
    pub published_at: String,
}

impl Bundle {
    /// Holds back the articles published after `now` (Unix seconds): no page, listing, feed,
    /// sitemap entry, search entry, photo or download of theirs is written by this build, and
    /// no other article lists them as related. Returns them, soonest first.
    pub fn hold_scheduled(&mut self, now: i64) -> Vec<Scheduled> {
        let due = |article: &Article| {
            Timestamp::parse(&article.published_at).map_or(true, |t| t.unix_seconds() <= now)
        };
        if self.articles.iter().all(due) {
            return Vec::new();
        }
        let (published, held): (Vec<Article>, Vec<Article>) = std::mem::take(&mut self.articles)
            .into_iter()
            .partition(due);
        self.articles = published;
        bundle::link_related(&mut self.articles, RELATED_LIMIT);
        // Their photos and downloads, unless something published uses them too.
        let used: BTreeSet<&str> = self
            .articles
            .iter()
            .map(|a| &a.body)
            .chain(
                self.pages
                    .iter()
                    .chain(&self.english_pages)
                    .map(|p| &p.body),
            )
            .flat_map(|body| body_assets(body))
            .chain(
                self.documents
                    .iter()
                    .flat_map(|d| &d.files)
                    .map(|file| bundle_path(&file.href)),
            )
            .chain(self.procedures.iter().flat_map(|p| body_assets(&p.body)))
            .chain(
                self.tasks
                    .iter()
                    .flat_map(|t| body_assets(&t.summary).chain(body_assets(&t.results))),
            )
            .chain(
                self.organisation
                    .iter()
                    .chain(&self.english_organisation)
                    .flat_map(|org| {
                        org.bodies().flat_map(|body| body_assets(body)).chain(
                            org.chart
                                .iter()
                                .chain(org.leaders.iter().filter_map(|l| l.photo.as_ref()))
                                .map(|image| bundle_path(&image.src)),
                        )
                    }),
            )
            .collect();
        let only_held: Vec<String> = held
            .iter()
            .flat_map(|a| body_assets(&a.body))
            .filter(|path| !used.contains(path))
            .map(str::to_owned)
            .collect();
        for path in only_held {
            self.images.remove(&path);
            self.downloads.remove(&path);
        }
        let mut scheduled: Vec<Scheduled> = held
            .into_iter()
            .map(|a| Scheduled {
                slug: a.slug,
                published_at: a.published_at,
            })
            .collect();
        scheduled
            .sort_by_key(|s| Timestamp::parse(&s.published_at).map_or(0, |t| t.unix_seconds()));
        scheduled
    }
}

/// The photos and downloads a body uses, as paths in the bundle (`images/…`, `files/…`).
fn body_assets(body: &[Block]) -> impl Iterator<Item = &str> {
    body.iter().filter_map(|block| match block {
        Block::Figure { image, .. } => Some(bundle_path(&image.src)),
        Block::File(download) => Some(bundle_path(&download.href)),
        _ => None,
    })
}

/// A file's path in the bundle, from the address it is published at (`content/…`).
fn bundle_path(published: &str) -> &str {
    published.strip_prefix("content/").unwrap_or(published)
}

/// How a path is shown in messages: relative to the working directory when it is below it, so
/// editors read `public/content/articles/x.json`.
pub fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let relative = cwd
        .as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    relative.display().to_string()
}

/// Reads and checks the whole bundle under `content_dir`, collecting every problem.
pub fn load(content_dir: &Path) -> Result<Bundle, Vec<BundleError>> {
    let site_path = content_dir.join("site.json");
    let site_file = shown(&site_path);
    let mut site = match fs::read_to_string(&site_path) {
        Ok(text) => bundle::parse_site(&site_file, &text)?,
        Err(error) => {
            return Err(vec![BundleError::new(
                &site_file,
                None,
                format!("không đọc được tệp ({error})"),
            )]);
        }
    };

    // The default share picture is drawn from the site's name, slogan and origin: whatever it
    // could not draw is reported with the rest.
    let mut errors: Vec<BundleError> = super::share_image::problems(&site)
        .iter()
        .map(|problem| BundleError::new(&site_file, Some(problem.field()), problem.message()))
        .collect();
    let cms_path = content_dir.join(cms::SETTINGS_FILE);
    let cms = match fs::read_to_string(&cms_path) {
        Ok(text) => match cms::parse_settings(&shown(&cms_path), &text) {
            Ok(settings) => Some(settings),
            Err(problems) => {
                errors.extend(problems);
                None
            }
        },
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            errors.push(BundleError::new(
                &shown(&cms_path),
                None,
                format!("không đọc được tệp ({error})"),
            ));
            None
        }
    };
    let assets = DiskAssets {
        content_dir,
        images: Mutex::new(HashMap::new()),
        downloads: Mutex::new(HashMap::new()),
    };
    // Articles may sit in sub-folders (`articles/2024/…`); their slugs are still unique.
    let mut articles = load_folder(content_dir, "articles", &mut errors, |file, slug, text| {
        bundle::parse_article(file, slug, text, &site, &mut &assets)
    });
    let load_pages = |folder: &str, errors: &mut Vec<BundleError>| {
        let mut pages = load_folder(content_dir, folder, errors, |file, slug, text| {
            let page = bundle::parse_page(file, slug, text, &mut &assets)?;
            Ok(PageFile {
                file: file.to_owned(),
                page,
            })
        });
        pages.sort_by(|a, b| a.page.slug.cmp(&b.page.slug));
        pages
    };
    let pages = load_pages("pages", &mut errors);
    let english_pages = load_pages(ENGLISH_PAGES_FOLDER, &mut errors);
    let mut documents = load_folder(content_dir, "van-ban", &mut errors, |file, slug, text| {
        documents::parse_document(file, slug, text, &mut &assets)
    });
    documents::sort_documents(&mut documents);
    site.has_documents = !documents.is_empty();
    let procedures = load_folder(content_dir, "thu-tuc", &mut errors, |file, slug, text| {
        procedures::parse_procedure(file, slug, text, &mut &assets)
            .map(|procedure| (file.to_owned(), procedure))
    });
    errors.extend(procedures::duplicate_codes(&procedures));
    let mut procedures: Vec<Procedure> = procedures.into_iter().map(|(_, p)| p).collect();
    procedures::sort_procedures(&mut procedures);
    site.has_procedures = !procedures.is_empty();
    let tasks = load_folder(content_dir, "nhiem-vu", &mut errors, |file, slug, text| {
        tasks::parse_task(file, slug, text, &mut &assets).map(|task| (file.to_owned(), task))
    });
    errors.extend(tasks::duplicate_codes(&tasks));
    let mut tasks: Vec<Task> = tasks.into_iter().map(|(_, t)| t).collect();
    tasks::sort_tasks(&mut tasks);
    site.has_tasks = !tasks.is_empty();
    let mut load_organisation = |file: &Path| -> Option<Organisation> {
        match fs::read_to_string(file) {
            Ok(text) => organisation::parse_organisation(&shown(file), &text, &mut &assets)
                .map_err(|problems| errors.extend(problems))
                .ok(),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => {
                errors.push(BundleError::new(
                    &shown(file),
                    None,
                    format!("không đọc được tệp ({error})"),
                ));
                None
            }
        }
    };
    let mut vietnamese_organisation = load_organisation(&content_dir.join(ORGANISATION_FILE));
    let mut english_organisation =
        load_organisation(&content_dir.join("en").join(ORGANISATION_FILE));
    organisation::link_counterparts(&mut vietnamese_organisation, &mut english_organisation);
    site.has_organisation = vietnamese_organisation.is_some();
    site.has_english_organisation = english_organisation.is_some();
    if site.has_english_organisation && site.name_en.is_none() {
        errors.push(BundleError::new(
            &site_file,
            Some("name_en"),
            "thiếu tên tiếng Anh của Sở, cần cho phần tiếng Anh (en/to-chuc.json)",
        ));
    }
    errors.extend(bundle::link_pages(
        &site_file,
        &mut site,
        &pages,
        &english_pages,
    ));
    let pages = pages.into_iter().map(|p| p.page).collect();
    let english_pages = english_pages.into_iter().map(|p| p.page).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let images = found(
        assets
            .images
            .into_inner()
            .unwrap_or_else(|e| e.into_inner()),
    );
    let downloads = found(
        assets
            .downloads
            .into_inner()
            .unwrap_or_else(|e| e.into_inner()),
    );
    bundle::sort_newest_first(&mut articles);
    bundle::link_related(&mut articles, RELATED_LIMIT);
    Ok(Bundle {
        site,
        articles,
        pages,
        english_pages,
        documents,
        procedures,
        tasks,
        organisation: vietnamese_organisation,
        english_organisation,
        images,
        downloads,
        cms,
        content_dir: content_dir.to_owned(),
    })
}

/// Every JSON file of a folder of the bundle (`pages/`, `van-ban/`), each parsed by `parse`
/// with its name as shown and its slug, in file order. A slug used twice is reported.
fn load_folder<T: Send>(
    content_dir: &Path,
    folder: &str,
    errors: &mut Vec<BundleError>,
    parse: impl Fn(&str, &str, &str) -> Result<T, Vec<BundleError>> + Sync,
) -> Vec<T> {
    let dir = content_dir.join(folder);
    let mut files = Vec::new();
    if dir.is_dir() {
        collect_json_files(&dir, &mut files, errors);
    }
    files.sort();
    let slugs: Vec<(String, String)> = files
        .iter()
        .map(|path| (slug_of(path), shown(path)))
        .collect();
    errors.extend(bundle::duplicate_slugs(&slugs));
    // Read and checked on every core, each file on its own; reported in file order.
    let results: Vec<Result<T, Vec<BundleError>>> = files
        .par_iter()
        .zip(&slugs)
        .map(|(path, (slug, file))| match fs::read_to_string(path) {
            Ok(text) => parse(file, slug, &text),
            Err(error) => Err(vec![BundleError::new(
                file,
                None,
                format!("không đọc được tệp ({error})"),
            )]),
        })
        .collect();
    let mut parsed = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(item) => parsed.push(item),
            Err(problems) => errors.extend(problems),
        }
    }
    parsed
}

/// A file's slug: its name without `.json`.
fn slug_of(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn collect_json_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<BundleError>) {
    // Editor and OS litter (.DS_Store, swap files, .git) is skipped, folders and all.
    let visible = |entry: &walkdir::DirEntry| {
        entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
    };
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(visible)
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let at = error.path().unwrap_or(dir);
                errors.push(BundleError::new(
                    &shown(at),
                    None,
                    format!("không đọc được thư mục ({error})"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() {
            continue;
        }
        if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        {
            files.push(path.to_owned());
        } else {
            eprintln!(
                "cảnh báo: bỏ qua {}: bài viết phải là tệp .json",
                shown(path)
            );
        }
    }
}

/// The displayed size of an image in the bundle, or why it cannot be used.
/// The bundle's photos and downloads on disk, each read once however many articles use it.
struct DiskAssets<'a> {
    content_dir: &'a Path,
    images: Mutex<HashMap<String, Result<ImageSize, String>>>,
    downloads: Mutex<HashMap<String, Result<FileFacts, String>>>,
}

/// Looks `path` up in `known`, else asks `probe` (outside the lock, so that files are read on
/// every core) and keeps the answer.
fn known_or<T: Clone>(
    known: &Mutex<HashMap<String, Result<T, String>>>,
    path: &str,
    probe: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    let lock = || known.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(answer) = lock().get(path) {
        return answer.clone();
    }
    let answer = probe();
    lock().insert(path.to_owned(), answer.clone());
    answer
}

/// Shared by the workers that read the bundle's files.
impl Assets for &DiskAssets<'_> {
    fn image(&mut self, path: &str) -> Result<ImageSize, String> {
        known_or(&self.images, path, || probe_image(self.content_dir, path))
    }

    fn file(&mut self, path: &str) -> Result<FileFacts, String> {
        known_or(&self.downloads, path, || {
            super::downloads::probe(self.content_dir, path)
        })
    }
}

/// The files that were there and right.
fn found<T>(checked: HashMap<String, Result<T, String>>) -> BTreeSet<String> {
    checked
        .into_iter()
        .filter(|(_, facts)| facts.is_ok())
        .map(|(path, _)| path)
        .collect()
}

fn probe_image(content_dir: &Path, image: &str) -> Result<ImageSize, String> {
    let path = content_dir.join(image);
    let file = shown(&path);
    if !path.is_file() {
        return Err(match same_name_written_otherwise(&path) {
            Some(found) => format!(
                "không tìm thấy tệp ảnh {file}; có tệp {found} trông giống hệt nhưng tên được mã hoá Unicode khác (thường gặp với tệp chép từ máy Mac): hãy đặt lại tên tệp bằng cách gõ lại"
            ),
            None => format!("không tìm thấy tệp ảnh {file}"),
        });
    }
    // The format is judged by the content, not the file name.
    let mut header = Vec::with_capacity(64);
    fs::File::open(&path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 64), &mut header))
        .map_err(|e| format!("không đọc được tệp ảnh {file} ({e})"))?;
    let format = match image::guess_format(&header) {
        Ok(
            format @ (image::ImageFormat::Jpeg
            | image::ImageFormat::Png
            | image::ImageFormat::WebP
            | image::ImageFormat::Gif),
        ) => format,
        _ => return Err(format!("{file} không phải ảnh JPEG, PNG, WebP hay GIF")),
    };
    if !has_its_end(&path, format, &header)
        .map_err(|e| format!("không đọc được tệp ảnh {file} ({e})"))?
    {
        return Err(format!(
            "ảnh {file} bị cắt cụt: tệp thiếu phần cuối (chép hoặc tải lên chưa xong?)"
        ));
    }
    match super::images::displayed_size(&path) {
        Ok((width, height)) if width == 0 || height == 0 => {
            Err(format!("ảnh {file} có kích thước không hợp lệ"))
        }
        Ok((width, height))
            if width.max(height) > MAX_IMAGE_SIDE
                || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS =>
        {
            Err(format!(
                "ảnh {file} quá lớn ({width}×{height} điểm ảnh; tối đa {MAX_IMAGE_SIDE} điểm ảnh mỗi chiều và {} triệu điểm ảnh)",
                MAX_IMAGE_PIXELS / 1_000_000
            ))
        }
        Ok(size) => Ok(size),
        Err(e) => Err(format!(
            "không đọc được kích thước ảnh {file} ({})",
            one_line(&e)
        )),
    }
}

/// A file beside `path` whose name reads the same once composed (NFC): a name typed composed
/// in the JSON, stored decomposed on disk, looks identical in every message.
pub(super) fn same_name_written_otherwise(path: &Path) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let composed = |name: &str| name.nfc().collect::<String>();
    let wanted = composed(path.file_name()?.to_str()?);
    fs::read_dir(path.parent()?)
        .ok()?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| composed(name) == wanted)
}

/// The largest photo the build resizes: a 108-megapixel phone photo is 12,000 × 9,000. A
/// bigger header is more likely a broken file, and decoding it would take gigabytes.
pub const MAX_IMAGE_SIDE: u32 = 16_384;
pub const MAX_IMAGE_PIXELS: u64 = 150_000_000;

/// Whether a photo file ends as its format requires. A photo cut short (a copy or upload that
/// did not finish) otherwise decodes with its lower part grey, or fails only later, while
/// writing the site. Most files are judged from their last bytes, which keeps the check quick
/// on every rebuild; a file with something appended (a phone's motion photo carries a video
/// after its picture) is then walked from the start.
fn has_its_end(path: &Path, format: image::ImageFormat, header: &[u8]) -> std::io::Result<bool> {
    use image::ImageFormat::{Gif, Jpeg, Png, WebP};
    use std::io::{Read, Seek, SeekFrom};
    const TAIL: u64 = 64 * 1024;
    let mut file = fs::File::open(path)?;
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(TAIL)))?;
    let mut tail = Vec::with_capacity(TAIL as usize);
    file.read_to_end(&mut tail)?;
    let ends_here = match format {
        // The end-of-image marker, last but for padding. An earlier one in these bytes may be
        // the end of the small preview picture inside the camera's metadata.
        Jpeg => {
            let padding = tail.iter().rev().take_while(|&&b| b == 0).count();
            tail[..tail.len() - padding].ends_with(&JPEG_END)
        }
        Png => tail.windows(PNG_END.len()).any(|w| w == PNG_END),
        // The trailer byte, perhaps followed by padding.
        Gif => tail.iter().rev().find(|&&b| b != 0) == Some(&0x3b),
        // The RIFF container states its own length.
        WebP => {
            return Ok(header.get(4..8).is_some_and(|size| {
                let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]);
                u64::from(size) + 8 <= len
            }))
        }
        _ => true,
    };
    if ends_here {
        return Ok(true);
    }
    let bytes = fs::read(path)?;
    Ok(match format {
        Jpeg => jpeg_reaches_its_end(&bytes),
        Png => png_reaches_its_end(&bytes),
        Gif => image::load_from_memory_with_format(&bytes, Gif).is_ok(),
        _ => false,
    })
}

const JPEG_END: [u8; 2] = [0xff, 0xd9];
const PNG_END: [u8; 8] = [b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82];

/// Walks a JPEG's segments and compressed scans to its end-of-image marker.
fn jpeg_reaches_its_end(bytes: &[u8]) -> bool {
    let length_at = |at: usize| -> Option<usize> {
        Some(usize::from(u16::from_be_bytes([
            *bytes.get(at)?,
            *bytes.get(at + 1)?,
        ])))
    };
    let mut at = 2;
    loop {
        // A marker: 0xff (perhaps repeated as fill), then its code. Stray bytes before it
        // are skipped, as decoders do.
        match bytes[at.min(bytes.len())..].iter().position(|&b| b == 0xff) {
            Some(offset) => at += offset,
            None => return false,
        }
        while bytes.get(at) == Some(&0xff) {
            at += 1;
        }
        let Some(&code) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match code {
            0xd9 => return true,
            0x01 | 0xd0..=0xd7 => {}
            _ => {
                let Some(length) = length_at(at) else {
                    return false;
                };
                at += length;
                if code == 0xda {
                    // Compressed data runs to the next marker that is neither a stuffed 0xff
                    // nor a restart marker.
                    loop {
                        match bytes.get(at..at + 2) {
                            None => return false,
                            Some([0xff, 0x00 | 0xd0..=0xd7]) => at += 2,
                            Some([0xff, 0xff]) => at += 1,
                            Some([0xff, _]) => break,
                            Some(_) => at += 1,
                        }
                    }
                }
            }
        }
    }
}

/// Walks a PNG's chunks to its IEND chunk.
fn png_reaches_its_end(bytes: &[u8]) -> bool {
    let mut at = 8;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let length = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]) as usize;
        let end = at.saturating_add(12).saturating_add(length);
        if end > bytes.len() {
            return false;
        }
        if &chunk[4..8] == b"IEND" {
            return true;
        }
        at = end;
    }
    false
}

/// Decoder messages can span lines; an error in the build log reads better on one.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
