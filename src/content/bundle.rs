//! Parsing and validating the editors' bundle, and deriving what the app reads.
//!
//! Everything here works on text already read from disk and on a caller-supplied image probe,
//! so the build tool does the I/O and the tests need no files. Every error names the file and,
//! where there is one, the field.

use super::time::Timestamp;
use super::{
    text, Article, ArticleCard, ArticleSource, Block, BlockSource, Category, Download, Image,
    InfoPage, ListPage, Notice, PageLink, PageSource, Site, PAGE_SIZE,
};
use serde::de::DeserializeOwned;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// One problem in the bundle, reported to the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleError {
    /// Path of the offending file, as the editor knows it (`public/content/…`).
    pub file: String,
    /// The field, as a path into the JSON (`body[2].caption`), when the problem has one.
    pub field: Option<String>,
    pub message: String,
}

impl BundleError {
    pub fn new(file: &str, field: Option<&str>, message: impl Into<String>) -> Self {
        BundleError {
            file: file.to_owned(),
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}: trường \"{}\": {}", self.file, field, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Parses a JSON file into `T`, naming the field of the first problem.
/// The text is normalised to NFC first, so that text pasted in decomposed form is published
/// in the composed form Vietnamese fonts and search expect.
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, BundleError> {
    let text: String = text.trim_start_matches('\u{feff}').nfc().collect();
    let mut de = serde_json::Deserializer::from_str(&text);
    let value =
        serde_path_to_error::deserialize(&mut de).map_err(|err| describe_json_error(file, &err))?;
    de.end().map_err(|err| syntax_error(file, &err))?;
    Ok(value)
}

fn syntax_error(file: &str, err: &serde_json::Error) -> BundleError {
    BundleError::new(
        file,
        None,
        format!(
            "JSON không hợp lệ ở dòng {}, cột {} ({err})",
            err.line(),
            err.column()
        ),
    )
}

fn describe_json_error(
    file: &str,
    err: &serde_path_to_error::Error<serde_json::Error>,
) -> BundleError {
    let inner = err.inner();
    let (line, column) = (inner.line(), inner.column());
    if inner.is_syntax() || inner.is_eof() {
        return syntax_error(file, inner);
    }
    let path = err.path().to_string();
    // serde_path_to_error's path sometimes already ends at the field, sometimes at its parent.
    let at = |field: &str| {
        if path == "." {
            field.to_owned()
        } else if path == field || path.ends_with(&format!(".{field}")) {
            path.clone()
        } else {
            format!("{path}.{field}")
        }
    };
    // serde's own message, without its position suffix, is kept for whoever knows serde.
    let detail = inner.to_string();
    let detail = detail.split(" at line ").next().unwrap_or_default();
    let quoted = |prefix: &str| {
        detail
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let (field, message) = if let Some(name) = quoted("missing field `") {
        (at(&name), "thiếu trường bắt buộc".to_owned())
    } else if let Some(name) = quoted("unknown field `") {
        (at(&name), format!("trường không được phép ({detail})"))
    } else if let Some(name) = quoted("duplicate field `") {
        (
            at(&name),
            "trường được ghi hai lần; hãy giữ lại một".to_owned(),
        )
    } else if path == "." {
        // The file as a whole is not an object (an array, a string…).
        return BundleError::new(
            file,
            None,
            format!("tệp phải là một đối tượng JSON {{ … }}, ở dòng {line}, cột {column}"),
        );
    } else if let Some(name) = quoted("unknown variant `") {
        if path.ends_with(']') {
            // A block of a list, tagged by its `type` (`BlockSource`).
            (
                at("type"),
                format!("loại khối \"{name}\" không được hỗ trợ ({detail})"),
            )
        } else {
            (
                path.clone(),
                format!("giá trị \"{name}\" không được hỗ trợ ({detail})"),
            )
        }
    } else {
        (path.clone(), format!("giá trị không đúng kiểu ({detail})"))
    };
    BundleError::new(
        file,
        Some(&field),
        format!("{message}, ở dòng {line}, cột {column}"),
    )
}

/// Why a slug is not acceptable, if it is not: lowercase ASCII letters, digits, single hyphens.
pub fn slug_problem(slug: &str) -> Option<&'static str> {
    if slug.is_empty() {
        return Some("slug trống");
    }
    if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Some("slug chỉ được gồm chữ thường không dấu a–z, chữ số 0–9 và dấu gạch nối");
    }
    if slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
        return Some(
            "slug không được bắt đầu, kết thúc bằng dấu gạch nối hay có hai gạch nối liền nhau",
        );
    }
    None
}

/// The error of a file whose name cannot be its slug: not one (`Tin Mới.json`), or one of the
/// addresses its section keeps for itself (`reserved`).
pub fn file_slug_error(file: &str, slug: &str, reserved: &[&str]) -> Option<BundleError> {
    let message = match slug_problem(slug) {
        Some(problem) => format!("tên tệp \"{slug}\" không dùng được làm slug: {problem}"),
        None if reserved.contains(&slug) => format!(
            "tên tệp \"{slug}\" trùng với một đường dẫn của trang ({}): hãy đặt tên khác",
            reserved.join(", ")
        ),
        None => return None,
    };
    Some(BundleError::new(file, None, message))
}

/// Why an image path is not acceptable, if it is not. Paths are relative to `public/content/`.
pub fn image_path_problem(path: &str) -> Option<&'static str> {
    if path.trim().is_empty() {
        return Some("đường dẫn ảnh trống");
    }
    asset_path_problem(path)
}

/// Why the path of a file of the bundle is not acceptable, if it is not.
fn asset_path_problem(path: &str) -> Option<&'static str> {
    if path.trim().is_empty() {
        return Some("đường dẫn tệp trống");
    }
    if path.starts_with('/') || path.contains('\\') || path.contains("://") {
        return Some(
            "đường dẫn phải là đường dẫn tương đối tính từ public/content/, ví dụ images/anh-1.jpg hay files/ke-hoach.pdf",
        );
    }
    if path
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Some("đường dẫn không được chứa \"..\", \".\" hay \"//\"");
    }
    None
}

fn blank(s: &str) -> bool {
    text::plain(s).is_empty()
}

/// The longest name under the site's icon on a home screen: phones cut the rest.
pub const HOME_SCREEN_NAME_CHARS: usize = 15;

/// Parses and checks `site.json`. The published origin loses any trailing slash.
pub fn parse_site(file: &str, text: &str) -> Result<Site, Vec<BundleError>> {
    let mut site: Site = parse_json(file, text).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut require = |field: &str, value: &str| {
        if blank(value) {
            errors.push(BundleError::new(file, Some(field), "không được để trống"));
        }
    };
    require("name", &site.name);
    require("short_name", &site.short_name);
    require("slogan", &site.slogan);
    let f = &site.footer;
    for (field, value) in [
        ("footer.copyright", &f.copyright),
        ("footer.address", &f.address),
        ("footer.phone", &f.phone),
        ("footer.email", &f.email),
        ("footer.editor_in_chief", &f.editor_in_chief),
        ("footer.disclaimer", &f.disclaimer),
    ] {
        require(field, value);
    }
    if let Some(name) = &site.home_screen_name {
        let name = text::plain(name);
        let problem = if name.is_empty() {
            Some("không được để trống (bỏ hẳn trường này để dùng short_name)".to_owned())
        } else {
            let count = name.chars().count();
            (count > HOME_SCREEN_NAME_CHARS).then(|| {
                format!(
                    "{count} ký tự: điện thoại chỉ hiện được khoảng {HOME_SCREEN_NAME_CHARS} ký tự dưới biểu tượng, ví dụ \"KH&CN Cần Thơ\""
                )
            })
        };
        if let Some(problem) = problem {
            errors.push(BundleError::new(file, Some("home_screen_name"), problem));
        }
        site.home_screen_name = Some(name);
    }
    if !blank(&f.email) && !f.email.trim().contains('@') {
        errors.push(BundleError::new(
            file,
            Some("footer.email"),
            "địa chỉ email không hợp lệ",
        ));
    }
    if let Some(problem) = origin_problem(&site.origin) {
        errors.push(BundleError::new(file, Some("origin"), problem));
    }
    site.origin = site.origin.trim().trim_end_matches('/').to_owned();
    if site.categories.is_empty() {
        errors.push(BundleError::new(
            file,
            Some("categories"),
            "cần ít nhất một chuyên mục",
        ));
    }
    for (i, category) in site.categories.iter().enumerate() {
        if let Some(problem) = slug_problem(&category.slug) {
            errors.push(BundleError::new(
                file,
                Some(&format!("categories[{i}].slug")),
                problem,
            ));
        }
        if blank(&category.name) {
            errors.push(BundleError::new(
                file,
                Some(&format!("categories[{i}].name")),
                "không được để trống",
            ));
        }
        if site.categories[..i].iter().any(|c| c.slug == category.slug) {
            errors.push(BundleError::new(
                file,
                Some(&format!("categories[{i}].slug")),
                format!("chuyên mục \"{}\" bị khai báo hai lần", category.slug),
            ));
        }
    }
    if site.has_documents {
        errors.push(BundleError::new(
            file,
            Some("has_documents"),
            "trường do bản dựng tự lập từ thư mục van-ban/, không viết trong site.json",
        ));
    }
    if site.has_procedures {
        errors.push(BundleError::new(
            file,
            Some("has_procedures"),
            "trường do bản dựng tự lập từ thư mục thu-tuc/, không viết trong site.json",
        ));
    }
    for (set, field) in [
        (site.has_organisation, "has_organisation"),
        (site.has_english_organisation, "has_english_organisation"),
    ] {
        if set {
            errors.push(BundleError::new(
                file,
                Some(field),
                "trường do bản dựng tự lập từ tệp to-chuc.json, không viết trong site.json",
            ));
        }
    }
    if site.has_tasks {
        errors.push(BundleError::new(
            file,
            Some("has_tasks"),
            "trường do bản dựng tự lập từ thư mục nhiem-vu/, không viết trong site.json",
        ));
    }
    if !site.pages.is_empty() {
        errors.push(BundleError::new(
            file,
            Some("pages"),
            "danh sách trang do bản dựng tự lập từ thư mục pages/, không viết trong site.json",
        ));
    }
    if !site.english_pages.is_empty() {
        errors.push(BundleError::new(
            file,
            Some("english_pages"),
            "danh sách trang do bản dựng tự lập từ thư mục en/pages/, không viết trong site.json",
        ));
    }
    if let Some(notice) = &site.notice {
        errors.extend(notice_problems(file, notice));
    }
    if errors.is_empty() {
        Ok(site)
    } else {
        Err(errors)
    }
}

/// Checks `site.json`'s `notice`: its text, its window's times, and their order.
fn notice_problems(file: &str, notice: &Notice) -> Vec<BundleError> {
    let mut errors = Vec::new();
    if blank(&notice.text) {
        errors.push(BundleError::new(
            file,
            Some("notice.text"),
            "không được để trống",
        ));
    }
    let mut time = |field: &str, value: &Option<String>| {
        let parsed = value.as_deref().map(Timestamp::parse)?;
        parsed
            .map_err(|e| errors.push(BundleError::new(file, Some(field), e.to_string())))
            .ok()
    };
    let from = time("notice.from", &notice.from);
    let until = time("notice.until", &notice.until);
    if let (Some(from), Some(until)) = (from, until) {
        if until.unix_seconds() <= from.unix_seconds() {
            errors.push(BundleError::new(
                file,
                Some("notice.until"),
                "thời điểm kết thúc phải sau thời điểm bắt đầu (notice.from)",
            ));
        }
    }
    if notice.shown_at_build {
        errors.push(BundleError::new(
            file,
            Some("notice.shown_at_build"),
            "trường do bản dựng tự lập theo giờ dựng, không viết trong site.json",
        ));
    }
    errors
}

/// The English section's pages, below the content folder.
pub const ENGLISH_PAGES_FOLDER: &str = "en/pages";

/// A page of `pages/` or `en/pages/` with the file it was read from, for messages.
pub struct PageFile {
    pub file: String,
    pub page: InfoPage,
}

/// Checks `site.json`'s `menu_pages` and `name_en`, and the pages' `translation`s, against the
/// pages the bundle has, and lists those pages in the published site, each with its
/// counterpart in the other language. A translation named by one page of a pair holds for
/// both; two pages that disagree are refused.
pub fn link_pages(
    file: &str,
    site: &mut Site,
    pages: &[PageFile],
    english_pages: &[PageFile],
) -> Vec<BundleError> {
    let mut errors = Vec::new();
    for (i, slug) in site.menu_pages.iter().enumerate() {
        if !pages.iter().any(|p| &p.page.slug == slug) {
            errors.push(BundleError::new(
                file,
                Some(&format!("menu_pages[{i}]")),
                format!("không có trang \"{slug}\" (tệp pages/{slug}.json)"),
            ));
        } else if site.menu_pages[..i].contains(slug) {
            errors.push(BundleError::new(
                file,
                Some(&format!("menu_pages[{i}]")),
                format!("trang \"{slug}\" có hai lần trong menu"),
            ));
        }
    }
    match site.name_en.as_deref().map(blank) {
        Some(true) => errors.push(BundleError::new(
            file,
            Some("name_en"),
            "không được để trống (bỏ hẳn trường này nếu không có phần tiếng Anh)",
        )),
        None if !english_pages.is_empty() => errors.push(BundleError::new(
            file,
            Some("name_en"),
            format!(
                "thiếu tên tiếng Anh của Sở, cần cho phần tiếng Anh ({} trang trong en/pages/)",
                english_pages.len()
            ),
        )),
        _ => {}
    }
    // Each pair once, whichever side names it: (Vietnamese slug, English slug).
    let mut pairs: Vec<(String, String)> = Vec::new();
    let sides = [
        (pages, english_pages, "en/pages", false),
        (english_pages, pages, "pages", true),
    ];
    for (own, others, other_folder, english) in sides {
        for page in own {
            let Some(target) = &page.page.translation else {
                continue;
            };
            if !others.iter().any(|p| &p.page.slug == target) {
                errors.push(BundleError::new(
                    &page.file,
                    Some("translation"),
                    format!("không có trang \"{target}\" (tệp {other_folder}/{target}.json)"),
                ));
                continue;
            }
            let pair = if english {
                (target.clone(), page.page.slug.clone())
            } else {
                (page.page.slug.clone(), target.clone())
            };
            if pairs.contains(&pair) {
                continue;
            }
            let taken = pairs.iter().find(|(vi, en)| vi == &pair.0 || en == &pair.1);
            if let Some((vi, en)) = taken {
                errors.push(BundleError::new(
                    &page.file,
                    Some("translation"),
                    format!(
                        "\"{vi}\" (pages/) và \"{en}\" (en/pages/) đã là bản dịch của nhau; mỗi trang chỉ có một bản dịch"
                    ),
                ));
                continue;
            }
            pairs.push(pair);
        }
    }
    let links = |pages: &[PageFile], english: bool| -> Vec<PageLink> {
        pages
            .iter()
            .map(|p| PageLink {
                slug: p.page.slug.clone(),
                title: p.page.title.clone(),
                translation: pairs
                    .iter()
                    .find(|(vi, en)| if english { en } else { vi } == &p.page.slug)
                    .map(|(vi, en)| if english { vi } else { en }.clone()),
            })
            .collect()
    };
    site.pages = links(pages, false);
    site.english_pages = links(english_pages, true);
    errors
}

fn origin_problem(origin: &str) -> Option<&'static str> {
    let Some(rest) = origin.trim().strip_prefix("https://") else {
        return Some(
            "phải là địa chỉ tuyệt đối bắt đầu bằng https://, ví dụ https://sokhcn.cantho.gov.vn",
        );
    };
    let rest = rest.trim_end_matches('/');
    if rest.is_empty() || rest.contains(['?', '#', ' ']) {
        return Some("phải là địa chỉ https:// gồm tên miền, không có ? hay #");
    }
    if rest.contains('/') {
        return Some(
            "chỉ gồm https:// và tên miền, không kèm đường dẫn; \
             trang đặt dưới một đường dẫn con thì xây dựng với trunk build --public-url /đường-dẫn/",
        );
    }
    None
}

/// What the build learns about an image file; returned by the caller's probe.
pub type ImageSize = (u32, u32);

/// A download as the build finds it on disk: its kind (`PDF`, `DOCX`, …) and its size in bytes.
pub type FileFacts = (String, u64);

/// What the files an article names are, as the build finds them on disk. Each answer is the
/// file's facts or why it cannot be published. Paths are relative to `public/content/`.
pub trait Assets {
    /// A photo's pixel size.
    fn image(&mut self, path: &str) -> Result<ImageSize, String>;
    /// A download's kind and size.
    fn file(&mut self, path: &str) -> Result<FileFacts, String>;
}

/// A bundle of photos only: the function answers for photos, and there are no downloads.
impl<F: FnMut(&str) -> Result<ImageSize, String>> Assets for F {
    fn image(&mut self, path: &str) -> Result<ImageSize, String> {
        self(path)
    }

    fn file(&mut self, path: &str) -> Result<FileFacts, String> {
        Err(format!("không tìm thấy tệp {path}"))
    }
}

/// The files editors may offer for download, by extension, and the name readers know each by.
pub const DOWNLOAD_KINDS: [&str; 10] = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip",
];

/// The kinds of download, as readers know them: `PDF, DOC, …, ZIP`.
pub fn download_kinds() -> String {
    DOWNLOAD_KINDS.map(str::to_uppercase).join(", ")
}

/// The largest download: 50 MB.
pub const MAX_DOWNLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// Why a download's path is not acceptable, if it is not: it must be relative, below `files/`,
/// and of a kind in [`DOWNLOAD_KINDS`].
pub fn download_path_problem(path: &str) -> Option<String> {
    if let Some(problem) = asset_path_problem(path) {
        return Some(problem.to_owned());
    }
    if !path.starts_with("files/") {
        return Some(format!(
            "tệp tải về phải nằm trong public/content/files/, ví dụ files/ke-hoach-2024.pdf (không phải {path})"
        ));
    }
    let extension = download_extension(path);
    if !DOWNLOAD_KINDS.contains(&extension.as_str()) {
        return Some(format!(
            "chỉ nhận tệp {}, không nhận \".{extension}\"",
            download_kinds()
        ));
    }
    None
}

/// A download's extension, lowercase (`Ke-hoach.PDF` → `pdf`).
pub fn download_extension(path: &str) -> String {
    path.rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .filter(|extension| !extension.contains('/'))
        .unwrap_or_default()
}

/// Parses and checks one article file and resolves its photos and downloads through `assets`.
pub fn parse_article(
    file: &str,
    slug: &str,
    text: &str,
    site: &Site,
    assets: &mut dyn Assets,
) -> Result<Article, Vec<BundleError>> {
    let source: ArticleSource = parse_json(file, text).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    errors.extend(file_slug_error(file, slug, &[]));
    let mut fail =
        |field: &str, message: String| errors.push(BundleError::new(file, Some(field), message));
    if blank(&source.title) {
        fail("title", "không được để trống".into());
    }
    if let Err(problem) = Timestamp::parse(source.published_at.trim()) {
        fail("published_at", problem.to_string());
    }
    let category = site.category(source.category.trim()).cloned();
    if category.is_none() {
        let known: Vec<&str> = site.categories.iter().map(|c| c.slug.as_str()).collect();
        fail(
            "category",
            format!(
                "chuyên mục \"{}\" không có trong site.json (các chuyên mục: {})",
                source.category,
                known.join(", ")
            ),
        );
    }
    if source.body.is_empty() {
        fail(
            "body",
            "nội dung bài viết trống: cần ít nhất một khối".into(),
        );
    }
    let body = parse_body(source.body, assets, &mut fail);
    if !errors.is_empty() {
        return Err(errors);
    }
    let summary = match source.summary.as_deref().map(text::plain) {
        Some(summary) if !summary.is_empty() => summary,
        _ => first_paragraph_summary(&body),
    };
    Ok(Article {
        slug: slug.to_owned(),
        title: text::plain(&source.title),
        published_at: source.published_at.trim().to_owned(),
        category: category.expect("checked above"),
        summary,
        body,
        signature: source
            .signature
            .map(|s| text::plain(&s))
            .filter(|s| !s.is_empty()),
        related: Vec::new(),
    })
}

/// Parses the blocks of an article's or a page's body, reporting each problem by its field
/// (`body[2].caption`) through `fail`, and resolving photos and downloads through `assets`.
pub fn parse_body(
    source: Vec<BlockSource>,
    assets: &mut dyn Assets,
    fail: &mut dyn FnMut(&str, String),
) -> Vec<Block> {
    let mut body = Vec::with_capacity(source.len());
    for (i, block) in source.into_iter().enumerate() {
        match block {
            BlockSource::Paragraph { text } | BlockSource::Heading { text } if blank(&text) => {
                fail(&format!("body[{i}].text"), "không được để trống".into());
            }
            BlockSource::Paragraph { text } => body.push(Block::Paragraph {
                text: text::plain(&text),
            }),
            BlockSource::Heading { text } => body.push(Block::Heading {
                text: text::plain(&text),
            }),
            BlockSource::Figure {
                image,
                alt,
                caption,
            } => {
                if blank(&caption) {
                    fail(&format!("body[{i}].caption"), "không được để trống".into());
                }
                let image = image.trim();
                let size = match image_path_problem(image) {
                    Some(problem) => Err(problem.to_owned()),
                    None => assets.image(image),
                };
                match size {
                    Err(problem) => fail(&format!("body[{i}].image"), problem),
                    Ok((width, height)) => {
                        let caption = text::plain(&caption);
                        let alt = alt
                            .filter(|a| !blank(a))
                            .map_or_else(|| caption.clone(), |a| text::plain(&a));
                        body.push(Block::Figure {
                            image: Image {
                                src: format!("content/{image}"),
                                width,
                                height,
                                alt,
                                variants: None,
                            },
                            caption,
                        });
                    }
                }
            }
            BlockSource::File { file: path, label } => {
                if blank(&label) {
                    fail(&format!("body[{i}].label"), "không được để trống".into());
                }
                let path = path.trim();
                let facts = match download_path_problem(path) {
                    Some(problem) => Err(problem),
                    None => assets.file(path),
                };
                match facts {
                    Err(problem) => fail(&format!("body[{i}].file"), problem),
                    Ok((kind, size)) => body.push(Block::File(Download {
                        href: format!("content/{path}"),
                        label: text::plain(&label),
                        kind,
                        size,
                    })),
                }
            }
            BlockSource::Table {
                caption,
                header,
                rows,
            } => {
                let cells = |row: Vec<String>| row.iter().map(|c| text::plain(c)).collect();
                if header.is_empty() || header.iter().all(|cell| blank(cell)) {
                    fail(
                        &format!("body[{i}].header"),
                        "bảng cần một hàng tiêu đề có ít nhất một ô".into(),
                    );
                }
                if rows.is_empty() {
                    fail(
                        &format!("body[{i}].rows"),
                        "bảng cần ít nhất một hàng".into(),
                    );
                }
                for (r, row) in rows.iter().enumerate() {
                    if row.len() != header.len() {
                        fail(
                            &format!("body[{i}].rows[{r}]"),
                            format!(
                                "hàng có {} ô, trong khi hàng tiêu đề có {} ô",
                                row.len(),
                                header.len()
                            ),
                        );
                    }
                }
                body.push(Block::Table {
                    caption: caption.map(|c| text::plain(&c)).filter(|c| !c.is_empty()),
                    header: cells(header),
                    rows: rows.into_iter().map(cells).collect(),
                });
            }
        }
    }
    body
}

/// Every `code` given to more than one item of a folder (procedures, tasks), reported on each
/// later file: "mã <code> đã dùng cho <what> <first file>".
pub fn duplicate_codes<T>(
    items: &[(String, T)],
    code: impl Fn(&T) -> &str,
    what: &str,
) -> Vec<BundleError> {
    let mut errors = Vec::new();
    for (i, (file, item)) in items.iter().enumerate() {
        if let Some((first, _)) = items[..i]
            .iter()
            .find(|(_, other)| code(other) == code(item))
        {
            errors.push(BundleError::new(
                file,
                Some("code"),
                format!("mã {} đã dùng cho {what} {first}", code(item)),
            ));
        }
    }
    errors
}

/// Parses the blocks of a field other than `body` (`summary`, `leaders[0].duties`), each
/// problem named below that field (`summary[1].text`).
pub fn parse_blocks(
    field: &str,
    source: Vec<BlockSource>,
    assets: &mut dyn Assets,
    fail: &mut dyn FnMut(&str, String),
) -> Vec<Block> {
    parse_body(source, assets, &mut |inner: &str, message| {
        let below = inner.strip_prefix("body").unwrap_or(inner);
        fail(&format!("{field}{below}"), message)
    })
}

/// The site's own first path segments: a page may not take one (`/tim-kiem/` is the search).
pub const RESERVED_SLUGS: [&str; 18] = [
    "bai-viet",
    "chuyen-muc",
    "tim-kiem",
    "trang",
    "van-ban",
    "thu-tuc-hanh-chinh",
    "nhiem-vu",
    "to-chuc",
    // The English organisation's address, `/en/organisation/`.
    "organisation",
    "en",
    "quan-tri",
    "data",
    "content",
    "mau-giao-dien",
    "files",
    "images",
    "khoi-dong",
    "404",
];

/// Parses and checks one page file, `pages/<slug>.json`.
pub fn parse_page(
    file: &str,
    slug: &str,
    text: &str,
    assets: &mut dyn Assets,
) -> Result<InfoPage, Vec<BundleError>> {
    let source: PageSource = parse_json(file, text).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    errors.extend(file_slug_error(file, slug, &RESERVED_SLUGS));
    let mut fail =
        |field: &str, message: String| errors.push(BundleError::new(file, Some(field), message));
    if blank(&source.title) {
        fail("title", "không được để trống".into());
    }
    // Left empty on the editing screen, it is saved as "": no date, as when it is left out.
    let updated_at = source
        .updated_at
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    if let Some(Err(problem)) = updated_at.as_deref().map(Timestamp::parse) {
        fail("updated_at", problem.to_string());
    }
    if source.body.is_empty() {
        fail("body", "nội dung trang trống: cần ít nhất một khối".into());
    }
    let body = parse_body(source.body, assets, &mut fail);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(InfoPage {
        slug: slug.to_owned(),
        title: text::plain(&source.title),
        body,
        updated_at,
        translation: source
            .translation
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()),
    })
}

/// The first paragraph, cut; an article without one (only headings or photos) is summed up by
/// its first heading or caption, so that its listing entry and share preview are not blank.
fn first_paragraph_summary(body: &[Block]) -> String {
    let first_paragraph = body
        .iter()
        .find(|block| matches!(block, Block::Paragraph { .. }));
    first_paragraph
        .or(body.first())
        .and_then(|block| block.texts().first().copied())
        .map(|text| text::cut_at_word(text, text::SUMMARY_TARGET_CHARS))
        .unwrap_or_default()
}

/// Reports every slug used by more than one file (articles may sit in sub-folders).
pub fn duplicate_slugs(files: &[(String, String)]) -> Vec<BundleError> {
    let mut first_file: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    let mut errors = Vec::new();
    for (slug, file) in files {
        match first_file.get(slug.as_str()) {
            Some(first) => errors.push(BundleError::new(
                file,
                None,
                format!(
                    "slug \"{slug}\" trùng với tệp {first}: mỗi bài viết cần một tên tệp riêng"
                ),
            )),
            None => {
                first_file.insert(slug, file);
            }
        }
    }
    errors
}

fn instant(article: &Article) -> i64 {
    Timestamp::parse(&article.published_at).map_or(i64::MIN, |t| t.unix_seconds())
}

/// Newest first; articles published at the same instant are ordered by slug.
pub fn sort_newest_first(articles: &mut [Article]) {
    articles.sort_by_cached_key(|a| (std::cmp::Reverse(instant(a)), a.slug.clone()));
}

/// Fills each article's `related`: up to `limit` others of its category, nearest in time first
/// (the newer one first when two are equally near). `articles` must be newest first.
pub fn link_related(articles: &mut [Article], limit: usize) {
    let mut by_category: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        by_category
            .entry(article.category.slug.clone())
            .or_default()
            .push(i);
    }
    let instants: Vec<i64> = articles.iter().map(instant).collect();
    let cards: Vec<ArticleCard> = articles.iter().map(Article::card).collect();
    for members in by_category.values() {
        // Newest first, so neighbours in this list are neighbours in time: walk outwards from
        // each article, taking the nearer side each step.
        for (position, &i) in members.iter().enumerate() {
            let (mut newer, mut older) = (position.checked_sub(1), position + 1);
            let mut related = Vec::with_capacity(limit);
            while related.len() < limit {
                let newer_gap = newer.map(|n| instants[members[n]].abs_diff(instants[i]));
                let older_gap = members
                    .get(older)
                    .map(|&o| instants[o].abs_diff(instants[i]));
                match (newer_gap, older_gap) {
                    (Some(a), Some(b)) if a <= b => {
                        related.push(cards[members[newer.unwrap()]].clone());
                        newer = newer.unwrap().checked_sub(1);
                    }
                    (_, Some(_)) => {
                        related.push(cards[members[older]].clone());
                        older += 1;
                    }
                    (Some(_), None) => {
                        related.push(cards[members[newer.unwrap()]].clone());
                        newer = newer.unwrap().checked_sub(1);
                    }
                    (None, None) => break,
                }
            }
            articles[i].related = related;
        }
    }
}

/// Number of listing pages for `total` articles; an empty listing still has its one page.
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// Splits cards (already newest first) into listing pages.
pub fn list_pages(cards: &[ArticleCard], category: Option<&Category>) -> Vec<ListPage> {
    let pages = page_count(cards.len());
    (0..pages)
        .map(|i| ListPage {
            page: i + 1,
            pages,
            total: cards.len(),
            category: category.cloned(),
            items: cards
                .iter()
                .skip(i * PAGE_SIZE)
                .take(PAGE_SIZE)
                .cloned()
                .collect(),
        })
        .collect()
}
