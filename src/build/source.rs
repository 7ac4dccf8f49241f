//! Reading the editors' bundle from disk and validating all of it.

use crate::content::bundle::{self, BundleError, ImageSize};
use crate::content::{Article, Site};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// A bundle that passed every check: what the rest of the build works from.
pub struct Bundle {
    pub site: Site,
    /// Newest first, each with its related articles.
    pub articles: Vec<Article>,
    /// Every image the articles use, relative to the content folder.
    pub images: BTreeSet<String>,
    pub content_dir: PathBuf,
}

/// Articles listed as related at the end of each article.
pub const RELATED_LIMIT: usize = 5;

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
    let site = match fs::read_to_string(&site_path) {
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
    let mut files = Vec::new();
    let articles_dir = content_dir.join("articles");
    if articles_dir.is_dir() {
        collect_json_files(&articles_dir, &mut files, &mut errors);
    }
    files.sort();

    let slugs: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            (
                path.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                shown(path),
            )
        })
        .collect();
    errors.extend(bundle::duplicate_slugs(&slugs));

    let mut images = BTreeSet::new();
    let mut sizes: std::collections::HashMap<String, Result<ImageSize, String>> =
        Default::default();
    let mut articles = Vec::with_capacity(files.len());
    for (path, (slug, file)) in files.iter().zip(&slugs) {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                errors.push(BundleError::new(
                    file,
                    None,
                    format!("không đọc được tệp ({error})"),
                ));
                continue;
            }
        };
        // Each photo is read once, however many articles show it.
        let mut probe = |image: &str| -> Result<ImageSize, String> {
            let size = sizes
                .entry(image.to_owned())
                .or_insert_with(|| probe_image(content_dir, image))
                .clone()?;
            images.insert(image.to_owned());
            Ok(size)
        };
        match bundle::parse_article(file, slug, &text, &site, &mut probe) {
            Ok(article) => articles.push(article),
            Err(problems) => errors.extend(problems),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    bundle::sort_newest_first(&mut articles);
    bundle::link_related(&mut articles, RELATED_LIMIT);
    Ok(Bundle {
        site,
        articles,
        images,
        content_dir: content_dir.to_owned(),
    })
}

fn collect_json_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<BundleError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(BundleError::new(
                &shown(dir),
                None,
                format!("không đọc được thư mục ({error})"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // editor and OS litter: .DS_Store, swap files
        }
        if path.is_dir() {
            collect_json_files(&path, files, errors);
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        {
            files.push(path);
        } else {
            eprintln!(
                "cảnh báo: bỏ qua {}: bài viết phải là tệp .json",
                shown(&path)
            );
        }
    }
}

/// The displayed size of an image in the bundle, or why it cannot be used.
fn probe_image(content_dir: &Path, image: &str) -> Result<ImageSize, String> {
    let path = content_dir.join(image);
    let file = shown(&path);
    if !path.is_file() {
        return Err(format!("không tìm thấy tệp ảnh {file}"));
    }
    // The format is judged by the content, not the file name.
    let mut header = Vec::with_capacity(64);
    fs::File::open(&path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 64), &mut header))
        .map_err(|e| format!("không đọc được tệp ảnh {file} ({e})"))?;
    if !matches!(
        image::guess_format(&header),
        Ok(image::ImageFormat::Jpeg
            | image::ImageFormat::Png
            | image::ImageFormat::WebP
            | image::ImageFormat::Gif)
    ) {
        return Err(format!("{file} không phải ảnh JPEG, PNG, WebP hay GIF"));
    }
    match super::images::displayed_size(&path) {
        Ok((width, height)) if width > 0 && height > 0 => Ok((width, height)),
        Ok(_) => Err(format!("ảnh {file} có kích thước không hợp lệ")),
        Err(e) => Err(format!("không đọc được kích thước ảnh {file} ({e})")),
    }
}
