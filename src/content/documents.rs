//! Legal and administrative documents (`public/content/van-ban/<slug>.json`): each with its
//! number, kind, issuer, dates, summary ("trích yếu") and files, listed newest issue first and
//! filtered by kind and by year.

use super::bundle::{download_path_problem, file_slug_error, parse_json, Assets, BundleError};
use super::{search, text, Download};
use serde::{Deserialize, Serialize};

/// Documents per listing page.
pub const DOCUMENTS_PAGE_SIZE: usize = 20;

/// The slugs a document may not take: they are the listing's own addresses.
pub const RESERVED_DOCUMENT_SLUGS: [&str; 3] = ["trang", "loai", "nam"];

/// A document as an editor writes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSource {
    /// Its "số/ký hiệu": `12/2024/QĐ-UBND`.
    pub number: String,
    /// "Quyết định", "Kế hoạch", "Thông báo", …
    pub kind: String,
    pub issuer: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    #[serde(default)]
    pub effective_on: Option<String>,
    /// Its summary, the "trích yếu".
    pub title: String,
    pub files: Vec<DocumentFileSource>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFileSource {
    pub file: String,
    #[serde(default)]
    pub label: Option<String>,
}

/// A document as the app shows it, written to `data/van-ban/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub slug: String,
    pub number: String,
    pub kind: DocumentKind,
    pub issuer: String,
    pub issued_on: String,
    #[serde(default)]
    pub effective_on: Option<String>,
    pub title: String,
    pub files: Vec<Download>,
}

/// A kind of document, with the slug of its filter's address.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocumentKind {
    pub slug: String,
    pub name: String,
}

/// One line of the documents' listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCard {
    pub slug: String,
    pub number: String,
    pub kind: String,
    pub issued_on: String,
    pub title: String,
}

/// One page of the listing, filtered or not: `data/van-ban/…/<page>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentList {
    pub kind: Option<DocumentKind>,
    pub year: Option<u16>,
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    pub items: Vec<DocumentCard>,
    /// The filters' choices: the kinds of the documents of the chosen year (all years if
    /// none), and the years of the documents of the chosen kind, so that every link finds
    /// documents.
    pub kinds: Vec<DocumentKind>,
    pub years: Vec<u16>,
}

impl Document {
    pub fn year(&self) -> u16 {
        self.issued_on[..4].parse().unwrap_or_default()
    }

    pub fn card(&self) -> DocumentCard {
        DocumentCard {
            slug: self.slug.clone(),
            number: self.number.clone(),
            kind: self.kind.name.clone(),
            issued_on: self.issued_on.clone(),
            title: self.title.clone(),
        }
    }
}

/// The address slug of a kind: `Quyết định` → `quyet-dinh`.
pub fn kind_slug(name: &str) -> String {
    let folded = search::fold(name);
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Why a `YYYY-MM-DD` date is not one, if it is not.
pub fn date_problem(date: &str) -> Option<String> {
    let valid = super::time::parse_day(date).is_ok_and(|day| day.year() >= 1900);
    (!valid)
        .then(|| format!("ngày \"{date}\" không hợp lệ: cần dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-15"))
}

/// Parses and checks one document file.
pub fn parse_document(
    file: &str,
    slug: &str,
    text_: &str,
    assets: &mut dyn Assets,
) -> Result<Document, Vec<BundleError>> {
    let source: DocumentSource = parse_json(file, text_).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    errors.extend(file_slug_error(file, slug, &RESERVED_DOCUMENT_SLUGS));
    let mut fail =
        |field: &str, message: String| errors.push(BundleError::new(file, Some(field), message));
    for (field, value) in [
        ("number", &source.number),
        ("kind", &source.kind),
        ("issuer", &source.issuer),
        ("title", &source.title),
    ] {
        if text::plain(value).is_empty() {
            fail(field, "không được để trống".into());
        }
    }
    if !source.kind.trim().is_empty() && kind_slug(&source.kind).is_empty() {
        fail("kind", "cần có chữ cái hoặc chữ số".into());
    }
    let issued_on = source.issued_on.trim().to_owned();
    if let Some(problem) = date_problem(&issued_on) {
        fail("issued_on", problem);
    }
    let effective_on = source
        .effective_on
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    if let Some(problem) = effective_on.as_deref().and_then(date_problem) {
        fail("effective_on", problem);
    }
    if source.files.is_empty() {
        fail("files", "cần ít nhất một tệp".into());
    }
    let mut files = Vec::new();
    for (i, attached) in source.files.into_iter().enumerate() {
        let path = attached.file.trim();
        let facts = match download_path_problem(path) {
            Some(problem) => Err(problem),
            None => assets.file(path),
        };
        match facts {
            Err(problem) => fail(&format!("files[{i}].file"), problem),
            Ok((kind, size)) => {
                let label = attached
                    .label
                    .map(|l| text::plain(&l))
                    .filter(|l| !l.is_empty())
                    .unwrap_or_else(|| path.rsplit('/').next().unwrap_or(path).to_owned());
                files.push(Download {
                    href: format!("content/{path}"),
                    label,
                    kind,
                    size,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let kind = text::plain(&source.kind);
    Ok(Document {
        slug: slug.to_owned(),
        number: text::plain(&source.number),
        kind: DocumentKind {
            slug: kind_slug(&kind),
            name: kind,
        },
        issuer: text::plain(&source.issuer),
        issued_on,
        effective_on,
        title: text::plain(&source.title),
        files,
    })
}

/// Newest issue first; on the same day, by number.
pub fn sort_documents(documents: &mut [Document]) {
    documents.sort_by(|a, b| {
        b.issued_on
            .cmp(&a.issued_on)
            .then_with(|| a.number.cmp(&b.number))
    });
}

/// Every listing page: unfiltered, by kind, by year, and by both, each cut in pages of
/// [`DOCUMENTS_PAGE_SIZE`]. `documents` is sorted newest first.
pub fn document_lists(documents: &[Document]) -> Vec<DocumentList> {
    // A bundle without documents has no listing, and no "Văn bản" in its menu.
    if documents.is_empty() {
        return Vec::new();
    }
    let mut kinds: Vec<DocumentKind> = documents.iter().map(|d| d.kind.clone()).collect();
    kinds.sort_by(|a, b| a.name.cmp(&b.name));
    kinds.dedup_by(|a, b| a.slug == b.slug);
    let mut years: Vec<u16> = documents.iter().map(Document::year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let kind_filters = std::iter::once(None).chain(kinds.iter().cloned().map(Some));
    let mut lists = Vec::new();
    for kind in kind_filters {
        for year in std::iter::once(None).chain(years.iter().copied().map(Some)) {
            let items: Vec<DocumentCard> = documents
                .iter()
                .filter(|d| kind.as_ref().is_none_or(|k| k.slug == d.kind.slug))
                .filter(|d| year.is_none_or(|y| y == d.year()))
                .map(Document::card)
                .collect();
            // A combination no document has gets no page; the filters never link to it.
            if items.is_empty() && (kind.is_some() || year.is_some()) {
                continue;
            }
            let kinds_of_year: Vec<DocumentKind> = kinds
                .iter()
                .filter(|k| {
                    documents
                        .iter()
                        .any(|d| d.kind.slug == k.slug && year.is_none_or(|y| y == d.year()))
                })
                .cloned()
                .collect();
            let years_of_kind: Vec<u16> = years
                .iter()
                .copied()
                .filter(|&y| {
                    documents.iter().any(|d| {
                        d.year() == y && kind.as_ref().is_none_or(|k| k.slug == d.kind.slug)
                    })
                })
                .collect();
            let pages = items.len().div_ceil(DOCUMENTS_PAGE_SIZE).max(1);
            for page in 1..=pages {
                lists.push(DocumentList {
                    kind: kind.clone(),
                    year,
                    page,
                    pages,
                    total: items.len(),
                    items: items
                        .iter()
                        .skip((page - 1) * DOCUMENTS_PAGE_SIZE)
                        .take(DOCUMENTS_PAGE_SIZE)
                        .cloned()
                        .collect(),
                    kinds: kinds_of_year.clone(),
                    years: years_of_kind.clone(),
                });
            }
        }
    }
    lists
}
