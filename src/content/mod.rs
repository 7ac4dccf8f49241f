//! The content bundle: what editors write, what the build publishes, and the rules between.
//!
//! Pure and target-independent: the browser app reads the published types, the native build
//! tool parses and validates the editors' files, and both are tested with plain `cargo test`.

pub mod bundle;
pub mod search;
pub mod text;
pub mod time;

use serde::{Deserialize, Serialize};

/// Articles per listing page.
pub const PAGE_SIZE: usize = 10;

/// `public/content/site.json`: the site's identity. Published unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: String,
    pub short_name: String,
    pub slogan: String,
    /// Absolute https URL of the production site, without a trailing slash once published.
    pub origin: String,
    pub categories: Vec<Category>,
    pub footer: Footer,
}

impl Site {
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }
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
}

/// A published photo: its URL path below the site root, and its real size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph { text: String },
    Heading { text: String },
    Figure { image: Image, caption: String },
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
