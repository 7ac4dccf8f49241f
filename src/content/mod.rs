//! The content bundle: what editors write, what the build publishes, and the rules between.
//!
//! Pure and target-independent: the browser app reads the published types, the native build
//! tool parses and validates the editors' files and writes the published types, and both are
//! tested with plain `cargo test`.

pub mod bundle;
pub mod documents;
pub mod organisation;
pub mod procedures;
pub mod search;
pub mod tasks;
pub mod text;
pub mod time;

use serde::{Deserialize, Serialize};

/// A field of work ("lĩnh vực") of procedures or of science and technology tasks, with the
/// slug of its filter's address: "Hoạt động khoa học và công nghệ", `hoat-dong-khoa-hoc-va-cong-nghe`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Domain {
    pub slug: String,
    pub name: String,
}

impl Domain {
    /// The field an editor names, with its slug (`kind_slug`).
    pub fn named(name: &str) -> Self {
        let name = text::plain(name);
        Domain {
            slug: documents::kind_slug(&name),
            name,
        }
    }
}

/// Articles per listing page.
pub const PAGE_SIZE: usize = 10;

/// `public/content/site.json`: the site's identity. Published unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: String,
    /// The department's name in English, over the English section (`en/pages/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub short_name: String,
    /// The name under the site's icon on a phone's home screen (the web app manifest's
    /// `short_name`), where `short_name` is too long for it: "KH&CN Cần Thơ". Only the build
    /// reads it: the pages do not carry it.
    #[serde(default, skip_serializing)]
    pub home_screen_name: Option<String>,
    pub slogan: String,
    /// Absolute https URL of the production site, without a trailing slash once published.
    pub origin: String,
    pub categories: Vec<Category>,
    pub footer: Footer,
    /// The pages shown in the header menu after the categories, in order, by slug.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub menu_pages: Vec<String>,
    /// Every page of `pages/` with its title: written by the build, never by an editor, so
    /// that the app knows which addresses are pages without asking the network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageLink>,
    /// Every page of `en/pages/`, the English section: written by the build, like `pages`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub english_pages: Vec<PageLink>,
    /// Whether the bundle has documents (`van-ban/`): written by the build, like `pages`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_documents: bool,
    /// Whether the bundle has administrative procedures (`thu-tuc/`): written by the build.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_procedures: bool,
    /// Whether the bundle has science and technology tasks (`nhiem-vu/`): written by the build.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_tasks: bool,
    /// Whether the bundle has the organisation (`to-chuc.json`), and in English
    /// (`en/to-chuc.json`): written by the build.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_organisation: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_english_organisation: bool,
    /// An outage or urgent notice over every page (Decree 224/2026 Art. 13: a planned outage
    /// is announced at least 7 working days ahead, with the time of recovery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
}

/// `site.json`'s `notice`: plain text, shown from `from` until `until` (RFC 3339, both optional).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Whether the build's clock fell within the window, so that the static pages carry the
    /// notice or not: written by the build, never by an editor. The app decides again by the
    /// reader's clock.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shown_at_build: bool,
}

impl Notice {
    /// Whether the notice is shown at `now`, given a reader for its times (the build's parser,
    /// or the browser's `Date.parse`) in the same unit as `now`. A time that cannot be read
    /// (never one the build checked) bounds nothing.
    pub fn shown_at(&self, now: f64, time: impl Fn(&str) -> Option<f64>) -> bool {
        let started = self
            .from
            .as_deref()
            .and_then(&time)
            .is_none_or(|from| from <= now);
        let ended = self
            .until
            .as_deref()
            .and_then(&time)
            .is_some_and(|until| until <= now);
        started && !ended
    }

    /// The next time after `now` at which [`Notice::shown_at`] changes, if any.
    pub fn next_change(&self, now: f64, time: impl Fn(&str) -> Option<f64>) -> Option<f64> {
        [self.from.as_deref(), self.until.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(&time)
            .filter(|at| *at > now)
            .reduce(f64::min)
    }
}

impl Site {
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    pub fn page(&self, slug: &str) -> Option<&PageLink> {
        self.pages.iter().find(|p| p.slug == slug)
    }

    /// A page of one language's section: `pages/` or `en/pages/`.
    pub fn page_in(&self, lang: Lang, slug: &str) -> Option<&PageLink> {
        match lang {
            Lang::Vi => self.page(slug),
            Lang::En => self.english_pages.iter().find(|p| p.slug == slug),
        }
    }

    /// The name over a section: the English one over the English section, where there is one.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(name)) => name,
            _ => &self.name,
        }
    }

    /// Whether the site has an English section: English pages, or the organisation in English.
    pub fn has_english(&self) -> bool {
        !self.english_pages.is_empty() || self.has_english_organisation
    }

    /// The name under the site's icon on a home screen: `home_screen_name`, else `short_name`.
    pub fn home_screen_name(&self) -> &str {
        self.home_screen_name.as_deref().unwrap_or(&self.short_name)
    }

    /// The menu's pages, in the menu's order.
    pub fn menu(&self) -> impl Iterator<Item = &PageLink> {
        self.menu_pages.iter().filter_map(|slug| self.page(slug))
    }
}

/// A page of `pages/`, as links name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageLink {
    pub slug: String,
    pub title: String,
    /// The slug of the same page in the other language's section, either page naming the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
}

/// The site's two languages: the Vietnamese site, and its English section under `/en/`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, for `lang` and `hreflang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The other section's language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// `public/content/pages/<slug>.json`, as an editor writes it: a page that stands on its own
/// (the department's introduction, its contacts), published at `/<slug>/`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSource {
    pub title: String,
    pub body: Vec<BlockSource>,
    /// When the page was last brought up to date, RFC 3339 with its offset.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The slug of the same page in the other language: `about` for `gioi-thieu`.
    #[serde(default)]
    pub translation: Option<String>,
}

/// One page as the app shows it, written by the build to `data/trang-thong-tin/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoPage {
    pub slug: String,
    pub title: String,
    pub body: Vec<Block>,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The slug its own file names as its counterpart in the other language, for the build:
    /// the pair, from either side, is published in [`Site`]'s page lists.
    #[serde(skip)]
    pub translation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    pub copyright: String,
    pub address: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    pub editor_in_chief: String,
    pub disclaimer: String,
}

/// `public/content/articles/<slug>.json`, as an editor writes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleSource {
    pub title: String,
    pub published_at: String,
    pub category: String,
    #[serde(default)]
    pub summary: Option<String>,
    pub body: Vec<BlockSource>,
    #[serde(default)]
    pub signature: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum BlockSource {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    Figure {
        /// Path relative to `public/content/`.
        image: String,
        #[serde(default)]
        alt: Option<String>,
        caption: String,
    },
    /// A download: a document under `public/content/files/`.
    File {
        file: String,
        label: String,
    },
    /// A table of plain-text cells; every row has as many cells as the header.
    Table {
        #[serde(default)]
        caption: Option<String>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A published photo: its URL path below the site root, its displayed size, and the resized
/// variants the build wrote for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// A JPEG every browser shows (a variant near 960 px wide, once the build has made them).
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: Option<ImageVariants>,
}

/// Resized copies of a photo: `content/anh/<key>-<width>.jpg` and `.webp`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageVariants {
    pub key: String,
    /// Ascending; the last is the largest.
    pub widths: Vec<u32>,
}

impl Image {
    /// Points the image at its variants, using the one nearest 960 px as the plain `src`.
    pub fn set_variants(&mut self, variants: ImageVariants) {
        let fallback = variants
            .widths
            .iter()
            .copied()
            .filter(|&w| w <= 960)
            .max()
            .unwrap_or(variants.widths[0]);
        self.src = variant_path(&variants.key, fallback, "jpg");
        self.variants = Some(variants);
    }

    /// `srcset` for one format, or `None` for an image without variants.
    pub fn srcset(&self, base: &str, format: &str) -> Option<String> {
        let variants = self.variants.as_ref()?;
        Some(
            variants
                .widths
                .iter()
                .map(|&w| format!("{base}{} {w}w", variant_path(&variants.key, w, format)))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }

    /// Width and height of the largest JPEG.
    pub fn largest_size(&self) -> (u32, u32) {
        match self.variants.as_ref().and_then(|v| v.widths.last()) {
            Some(&w) if self.width > 0 => {
                let h = (u64::from(self.height) * u64::from(w) + u64::from(self.width) / 2)
                    / u64::from(self.width);
                (w, h as u32)
            }
            _ => (self.width, self.height),
        }
    }

    /// The largest JPEG, for share previews.
    pub fn largest_jpeg(&self) -> String {
        match &self.variants {
            Some(v) => variant_path(&v.key, *v.widths.last().unwrap_or(&self.width), "jpg"),
            None => self.src.clone(),
        }
    }
}

/// The width of an image's plain `src`.
pub const FALLBACK_WIDTH: u32 = 960;

/// Where the build writes a variant, below the site root.
pub fn variant_path(key: &str, width: u32, format: &str) -> String {
    format!("content/anh/{key}-{width}.{format}")
}

/// Written externally tagged (`{"paragraph": {"text": …}}`), unlike the editors' format: the
/// app then reads it in one pass, without the buffering an internal `type` field needs, which
/// measured 5 KB of brotli in the wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    Figure {
        image: Image,
        caption: String,
    },
    File(Download),
    Table {
        caption: Option<String>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

impl Block {
    /// The block's texts, in reading order: a paragraph's or heading's, a figure's caption, a
    /// download's label, a table's caption and cells.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Paragraph { text } | Block::Heading { text } => vec![text],
            Block::Figure { caption, .. } => vec![caption],
            Block::File(download) => vec![&download.label],
            Block::Table {
                caption,
                header,
                rows,
            } => caption
                .iter()
                .chain(header)
                .chain(rows.iter().flatten())
                .map(String::as_str)
                .collect(),
        }
    }
}

/// A published download: its URL path below the site root, what the reader is told of it, and
/// its kind and size, read by the build from the file itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    /// `content/files/…`.
    pub href: String,
    pub label: String,
    /// The format's name as readers know it: `PDF`, `DOCX`, `XLSX`, …
    pub kind: String,
    /// Bytes.
    pub size: u64,
}

impl Download {
    /// "PDF, 1,2 MB": the kind and the size as Windows shows it (1 MB = 1,024 KB), with a
    /// decimal comma.
    pub fn facts(&self) -> String {
        format!("{}, {}", self.kind, file_size(self.size))
    }
}

/// A file's size for readers: `850 byte`, `12 KB`, `1,2 MB`, `48 MB`.
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    let one_decimal = |value: u64, unit: u64| {
        // Tenths, rounded half up; "1,0 MB" reads as "1 MB".
        let tenths = (value * 10 + unit / 2) / unit;
        if tenths.is_multiple_of(10) || tenths >= 100 {
            format!("{}", (tenths + 5) / 10)
        } else {
            format!("{},{}", tenths / 10, tenths % 10)
        }
    };
    if bytes < KB {
        format!("{bytes} byte")
    } else if bytes < MB {
        format!("{} KB", one_decimal(bytes, KB))
    } else {
        format!("{} MB", one_decimal(bytes, MB))
    }
}

/// One article as the app shows it, written by the build to `data/bai-viet/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub published_at: String,
    pub category: Category,
    /// The editor's summary, or the cut first paragraph.
    pub summary: String,
    pub body: Vec<Block>,
    #[serde(default)]
    pub signature: Option<String>,
    /// Other articles of the same category, nearest in time first.
    #[serde(default)]
    pub related: Vec<ArticleCard>,
}

impl Article {
    pub fn figures(&self) -> impl Iterator<Item = (&Image, &str)> {
        self.body.iter().filter_map(|block| match block {
            Block::Figure { image, caption } => Some((image, caption.as_str())),
            _ => None,
        })
    }

    pub fn card(&self) -> ArticleCard {
        ArticleCard {
            slug: self.slug.clone(),
            title: self.title.clone(),
            published_at: self.published_at.clone(),
            category: self.category.clone(),
            summary: self.summary.clone(),
            thumbnail: self.figures().next().map(|(image, _)| image.clone()),
        }
    }
}

/// What a listing shows of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCard {
    pub slug: String,
    pub title: String,
    pub published_at: String,
    pub category: Category,
    pub summary: String,
    #[serde(default)]
    pub thumbnail: Option<Image>,
}

/// One page of a listing (the home page or a category), newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage {
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    /// `None` for the home listing.
    #[serde(default)]
    pub category: Option<Category>,
    pub items: Vec<ArticleCard>,
}
