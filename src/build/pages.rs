//! Every page the site links to, rendered to static HTML by the app itself, and the data files
//! the app reads as the reader moves from page to page.

use super::security::InlineAllowed;
use super::source::Bundle;
use crate::api::{DataCache, DataFile, Loader, UnreadableData};
use crate::boot::PageBoot;
use crate::content::documents::{self, Document};
use crate::content::search::{self, DocEntry, IndexedText, DOCS_PER_CHUNK};
use crate::content::{bundle, Article, ArticleCard, Block, InfoPage, Lang, Site};
use crate::meta::{alternate_links, PageMetaSlot, SharePreview};
use crate::paths::{data, Paths};
use crate::App;
use futures::executor::block_on;
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One static page to write.
pub struct Page {
    /// Output file below the site root, e.g. `bai-viet/x/index.html`.
    pub file: String,
    /// The URL path it answers at, base included, e.g. `/tin-tuc/bai-viet/x/`.
    pub url_path: String,
    /// The data files its first render reads.
    pub data: Vec<String>,
    /// Last modification for the sitemap, when known.
    pub lastmod: Option<String>,
    pub in_sitemap: bool,
    /// Whether the page loads the app; the style guide does not (see
    /// [`crate::pages::StyleGuideRoute`]).
    pub loads_app: bool,
}

/// Everything derived from the bundle: the data files the app fetches and the pages.
pub struct SitePlan {
    pub site: Arc<Site>,
    pub paths: Paths,
    /// Which build of the site this is (see [`PageBoot::build`]).
    pub build: String,
    /// JSON text by data path (`data/…`).
    pub data: BTreeMap<String, Arc<str>>,
    pub pages: Vec<Page>,
}

fn json<T: serde::Serialize>(value: &T) -> Arc<str> {
    serde_json::to_string(value)
        .expect("content types always serialise")
        .into()
}

/// A page's data file: its data, and the build that wrote it.
fn data_file<T: serde::Serialize>(build: &str, data: T) -> Arc<str> {
    json(&DataFile {
        build: build.to_owned(),
        data,
    })
}

/// The output file for a URL path below the base: `bai-viet/x/` → `bai-viet/x/index.html`.
fn file_for(below_base: &str) -> String {
    if below_base.ends_with(".html") {
        below_base.to_owned()
    } else {
        format!("{below_base}index.html")
    }
}

/// Works out every data file and page of the site, for the build `build`.
pub fn plan(bundle: &Bundle, paths: &Paths, build: &str) -> SitePlan {
    let site = Arc::new(bundle.site.clone());
    let mut data: BTreeMap<String, Arc<str>> = BTreeMap::new();
    let mut pages = Vec::new();
    let below = |url: &str| url.strip_prefix(paths.base()).unwrap_or(url).to_owned();
    let page = |url: String, data: Vec<String>, lastmod: Option<String>| Page {
        file: file_for(&below(&url)),
        url_path: url,
        data,
        lastmod,
        in_sitemap: true,
        loads_app: true,
    };

    // The home listing, then each category's, page by page.
    let cards: Vec<ArticleCard> = bundle.articles.iter().map(|a| a.card()).collect();
    let mut listings = vec![(None, cards.clone())];
    for category in &bundle.site.categories {
        let own: Vec<ArticleCard> = cards
            .iter()
            .filter(|c| c.category.slug == category.slug)
            .cloned()
            .collect();
        listings.push((Some(category), own));
    }
    for (category, cards) in listings {
        for list in bundle::list_pages(&cards, category) {
            let (data_path, url) = match category {
                Some(c) => (
                    data::category_page(&c.slug, list.page),
                    paths.category(&c.slug, list.page),
                ),
                None => (data::home_page(list.page), paths.home_page(list.page)),
            };
            let lastmod = list.items.first().map(|c| c.published_at.clone());
            data.insert(data_path.clone(), data_file(build, list));
            pages.push(page(url, vec![data_path], lastmod));
        }
    }
    for article in &bundle.articles {
        let data_path = data::article(&article.slug);
        data.insert(data_path.clone(), data_file(build, article));
        let lastmod = Some(article.published_at.clone());
        pages.push(page(paths.article(&article.slug), vec![data_path], lastmod));
    }
    let sections = [(Lang::Vi, &bundle.pages), (Lang::En, &bundle.english_pages)];
    for (lang, section) in sections {
        for info_page in section {
            let data_path = data::page_in(lang, &info_page.slug);
            data.insert(data_path.clone(), data_file(build, info_page));
            let lastmod = info_page.updated_at.clone();
            pages.push(page(
                paths.page_in(lang, &info_page.slug),
                vec![data_path],
                lastmod,
            ));
        }
    }
    // The English section's home lists its pages from the site's own data.
    if !bundle.english_pages.is_empty() {
        pages.push(page(paths.home_in(Lang::En), Vec::new(), None));
    }
    for list in documents::document_lists(&bundle.documents) {
        let kind = list.kind.as_ref().map(|k| k.slug.as_str());
        let data_path = data::documents(kind, list.year, list.page);
        let url = paths.documents(kind, list.year, list.page);
        let lastmod = list.items.first().map(|d| d.issued_on.clone());
        data.insert(data_path.clone(), data_file(build, &list));
        pages.push(page(url, vec![data_path], lastmod));
    }
    for document in &bundle.documents {
        let data_path = data::document(&document.slug);
        data.insert(data_path.clone(), data_file(build, document));
        let lastmod = Some(document.issued_on.clone());
        pages.push(page(
            paths.document(&document.slug),
            vec![data_path],
            lastmod,
        ));
    }
    let info_pages = [(Lang::Vi, &bundle.pages), (Lang::En, &bundle.english_pages)];
    write_search_index(&bundle.articles, &bundle.documents, &info_pages, &mut data);
    // Pages without data of their own, out of the sitemap.
    for url in [paths.search("", 1), paths.style_guide(), paths.not_found()] {
        let loads_app = url != paths.style_guide();
        pages.push(Page {
            in_sitemap: false,
            loads_app,
            ..page(url, Vec::new(), None)
        });
    }
    SitePlan {
        site,
        paths: paths.clone(),
        build: build.to_owned(),
        data,
        pages,
    }
}

/// The search index: one postings file per word, and the list of what it finds in chunks, so
/// that a search downloads only what it needs. Ids are positions: the articles newest first,
/// then the documents newest first, then the pages of each language. A document is found by
/// its number and its summary (its "title" here, which ranks first) and by its kind and issuer.
fn write_search_index(
    articles: &[Article],
    documents: &[Document],
    info_pages: &[(Lang, &Vec<InfoPage>)],
    data: &mut BTreeMap<String, Arc<str>>,
) {
    let pages = || {
        info_pages
            .iter()
            .flat_map(|(lang, pages)| pages.iter().map(move |page| (*lang, page)))
    };
    let document_titles: Vec<String> = documents
        .iter()
        .map(|d| format!("{} {}", d.number, d.title))
        .collect();
    let document_facts: Vec<String> = documents
        .iter()
        .map(|d| format!("{} {}", d.kind.name, d.issuer))
        .collect();
    let texts: Vec<IndexedText<'_>> = articles
        .iter()
        .map(|article| IndexedText {
            title: &article.title,
            summary: &article.summary,
            body: article.body.iter().flat_map(Block::texts).collect(),
        })
        .chain(
            document_titles
                .iter()
                .zip(&document_facts)
                .map(|(title, facts)| IndexedText {
                    title,
                    summary: facts,
                    body: Vec::new(),
                }),
        )
        .chain(pages().map(|(_, page)| IndexedText {
            title: &page.title,
            summary: "",
            body: page.body.iter().flat_map(Block::texts).collect(),
        }))
        .collect();
    for (token, postings) in search::build_index(&texts) {
        data.insert(
            search::token_path(&token),
            json(&search::encode_postings(&postings)),
        );
    }
    let entries: Vec<DocEntry> = articles
        .iter()
        .map(|a| {
            (
                a.slug.clone(),
                a.title.clone(),
                a.published_at.clone(),
                a.category.name.clone(),
            )
        })
        .chain(documents.iter().map(|d| {
            (
                format!("{}{}", search::DOCUMENT_PREFIX, d.slug),
                format!("{}: {}", d.number, d.title),
                d.issued_on.clone(),
                format!("Văn bản · {}", d.kind.name),
            )
        }))
        .chain(pages().map(|(lang, page)| {
            (
                search::page_entry_slug(lang, &page.slug),
                page.title.clone(),
                page.updated_at.clone().unwrap_or_default(),
                match lang {
                    Lang::Vi => "Trang thông tin".to_owned(),
                    Lang::En => "English".to_owned(),
                },
            )
        }))
        .collect();
    for (chunk, entries) in entries.chunks(DOCS_PER_CHUNK).enumerate() {
        data.insert(
            search::chunk_path((chunk * DOCS_PER_CHUNK) as u32),
            json(&entries),
        );
    }
}

/// The `index.html` trunk wrote, split where each page's parts go.
pub struct Template {
    head_start: String,
    head_end_to_body: String,
    after_body_open: String,
    /// The file name, without `_bg.wasm`, of the app trunk put in the page.
    app: Option<String>,
}

/// Where leptos_meta puts the page's `<head>` entries, and where the app finds them again.
const HEAD_MARKER: &str = "<!--HEAD-->";

impl Template {
    /// Splits trunk's `index.html`: the page's head goes before `</head>` (the placeholder
    /// `<title>` is dropped) and the rendered app right after `<body …>`.
    pub fn parse(html: &str) -> Result<Self, String> {
        if html.contains(HEAD_MARKER) || html.contains(PageBoot::ELEMENT_ID) {
            return Err(
                "index.html đã là một trang do site-build viết, không phải khuôn của trunk: hãy chạy qua trunk build"
                    .to_owned(),
            );
        }
        let mut html = html.to_owned();
        if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) {
            html.replace_range(start..end + "</title>".len(), "");
        }
        // Each page says its own language (`crate::chrome::DocumentLanguage`).
        if let Some(lang) = html_lang_attribute(&html) {
            html.replace_range(lang, "");
        }
        let head_end = html.find("</head>").ok_or("index.html không có </head>")?;
        let body_open = html[head_end..]
            .find("<body")
            .map(|i| i + head_end)
            .ok_or("index.html không có <body>")?;
        let body_content = html[body_open..]
            .find('>')
            .map(|i| i + body_open + 1)
            .ok_or("thẻ <body> không đóng")?;
        let head_start = html[..head_end].to_owned();
        // Trunk's loader script names the app's wasm: `…/<app>_bg.wasm'`.
        let app = head_start.find("_bg.wasm").map(|end| {
            let start = head_start[..end]
                .rfind(['/', '\'', '"'])
                .map_or(0, |i| i + 1);
            head_start[start..end].to_owned()
        });
        Ok(Template {
            head_start,
            head_end_to_body: html[head_end..body_content].to_owned(),
            after_body_open: html[body_content..].to_owned(),
            app,
        })
    }

    /// The template with the CSS of its `<style>` elements minified (lightningcss, as trunk's
    /// own minifier does): release builds. An element whose CSS does not parse is left as it is.
    pub fn with_minified_styles(mut self) -> Self {
        self.head_start = minify_styles(&self.head_start);
        self
    }

    /// The CSS of the page's `<style>` elements: the site's own styles, as every page has
    /// them. The editors' screen shows its preview in them.
    pub fn styles(&self) -> String {
        style_contents(&self.head_start)
            .map(|range| &self.head_start[range])
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// What tells one build of the site from another: the name of its app's file, which
    /// changes with its contents. Empty without an app.
    pub fn build_id(&self) -> String {
        self.app.clone().unwrap_or_default()
    }

    /// What the template's head runs and applies inline, on every page: the theme script, the
    /// loader that starts the app, the site's CSS.
    pub fn inline_allowed(&self) -> InlineAllowed {
        InlineAllowed::of_page(&format!(
            "{}{}{}",
            self.head_start, self.head_end_to_body, self.after_body_open
        ))
    }

    /// Whether `trunk serve` wrote this template: it adds a script that reloads the page on
    /// every rebuild, and rewrites that script's text in every response (the server's
    /// address), so that no hash written at build time can allow it.
    pub fn served_by_trunk(&self) -> bool {
        self.after_body_open.contains("{{__TRUNK_ADDRESS__}}")
    }

    /// The template with `policy` as a `<meta http-equiv>` at the top of its head, before any
    /// script or style it governs, for hosts that send no headers.
    pub fn with_policy(mut self, policy: &str) -> Self {
        let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
        // After `<meta charset>`, which must come first; else right after `<head>`.
        let at = ["<meta charset", "<head"]
            .iter()
            .find_map(|tag| {
                let start = self.head_start.find(tag)?;
                Some(start + self.head_start[start..].find('>')? + 1)
            })
            .unwrap_or(self.head_start.len());
        self.head_start.insert_str(at, &meta);
        self
    }

    /// The page around the rendered `app`, with its share preview in the head. A page with the
    /// app also carries what the app starts from: its boot data, and the data Leptos serialised
    /// while rendering, as a script of its own at `start`'s address (a file: the policy allows
    /// no inline script that differs from page to page). A page without leaves out the module
    /// script that starts the app, so the browser downloads no wasm for it.
    fn fill(&self, share_preview: &str, app: &str, start: Option<(&PageBoot, &str)>) -> String {
        let mut page = String::with_capacity(self.head_start.len() + app.len() + 4096);
        match start {
            Some((boot, resolved_src)) => {
                // Deferred, so that it holds up neither the parser nor the first paint, and
                // before trunk's module script, so that it has run when the app starts.
                let resolved = format!("<script defer src=\"{resolved_src}\"></script>");
                let at = ["<script type=module>", "<script type=\"module\">"]
                    .iter()
                    .filter_map(|tag| self.head_start.find(tag))
                    .min()
                    .unwrap_or(self.head_start.len());
                page.push_str(&self.head_start[..at]);
                page.push_str(&resolved);
                page.push_str(&self.head_start[at..]);
                page.push_str(&format!(
                    "<script type=\"application/json\" id=\"{}\">{}</script>",
                    PageBoot::ELEMENT_ID,
                    boot.to_script_json()
                ));
            }
            None => page.push_str(&without_module_scripts(&self.head_start)),
        }
        page.push_str(share_preview);
        page.push_str(HEAD_MARKER);
        page.push_str(&self.head_end_to_body);
        page.push_str(&format!("<div id=\"{}\">", crate::app::APP_ID));
        page.push_str(app);
        page.push_str("</div>");
        page.push_str(&self.after_body_open);
        page
    }
}

/// Where the `lang` attribute of the `<html>` tag is, with the space before it: ` lang="vi"`,
/// or ` lang=vi` as trunk's minifier writes it.
fn html_lang_attribute(html: &str) -> Option<std::ops::Range<usize>> {
    let tag_start = html.find("<html")?;
    let tag_end = tag_start + html[tag_start..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let start = tag_start + tag.find(" lang=")?;
    let value = start + " lang=".len();
    let end = match html[value..].chars().next()? {
        quote @ ('"' | '\'') => value + 1 + html[value + 1..tag_end].find(quote)? + 1,
        _ => html[value..tag_end]
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .map_or(tag_end, |i| value + i),
    };
    Some(start..end)
}

/// Where the CSS of each `<style>` element of `html` is.
fn style_contents(html: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let content = from + html[from..].find("<style>")? + "<style>".len();
        let end = content + html[content..].find("</style>")?;
        from = end;
        Some(content..end)
    })
}

fn minify_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for range in style_contents(html) {
        let css = &html[range.clone()];
        out.push_str(&html[copied..range.start]);
        out.push_str(&minify_css(css).unwrap_or_else(|_| css.to_owned()));
        copied = range.end;
    }
    out.push_str(&html[copied..]);
    out
}

/// Minified CSS, as lightningcss writes it.
pub fn minify_css(css: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| e.to_string())?;
    Ok(printed.code)
}

/// `html` without its `<script type="module">` elements (the attribute quoted, or bare as
/// trunk writes it when it minifies).
fn without_module_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = ["<script type=module>", "<script type=\"module\">"]
        .iter()
        .filter_map(|tag| rest.find(tag))
        .min()
    {
        let Some(end) = rest[start..].find("</script>") else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + end + "</script>".len()..];
    }
    out.push_str(rest);
    out
}

/// Renders one page: the app at its address, from the bundle's data, with Leptos's server
/// rendering; the data it read is serialised into the page for the browser's hydration, and
/// its `<head>` entries go into the head.
/// A rendered page: its HTML and, for a page with the app, the script of the data Leptos
/// serialised while rendering it, as (path below the site root, script).
pub struct Rendered {
    pub html: String,
    pub resolved: Option<(String, String)>,
}

/// Where a page's resolved data script goes: named by its contents, so that pages with the same
/// data share it, and it can be cached like the app's own files.
fn resolved_script_path(script: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(script.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("khoi-dong/{hex}.js")
}

pub fn render(plan: &SitePlan, page: &Page, template: &Template) -> Result<Rendered, String> {
    // Leptos's server rendering runs on the futures crate's executor (set once per process).
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let unreadable = UnreadableData::default();
    let (meta_context, meta_output) = ServerMetaContext::new();
    let page_meta = PageMetaSlot::default();
    let boot = PageBoot {
        base: plan.paths.base().to_owned(),
        path: page.url_path.clone(),
        build: plan.build.clone(),
        site: (*plan.site).clone(),
    };
    let app = owner.with(|| {
        provide_context(RequestUrl::new(&page.url_path));
        provide_context(meta_context);
        provide_context(page_meta.clone());
        let cache = DataCache::default();
        for path in &page.data {
            cache.insert(path.clone(), Arc::clone(&plan.data[path]));
        }
        provide_context(
            Loader::new(plan.paths.clone(), plan.build.clone(), cache)
                .reporting_unreadable(unreadable.clone()),
        );
        let boot = boot.clone();
        view! { <App boot then_show=None/> }.to_html_stream_in_order()
    });
    let app: String = block_on(app.collect::<Vec<String>>()).concat();
    let resolved = owner
        .with(Owner::current_shared_context)
        .and_then(|context| context.pending_data())
        .map(|data| block_on(data.collect::<Vec<String>>()).concat())
        .unwrap_or_default();
    // The share preview, from what the page said of itself, rendered in the same context.
    let share_preview = match page_meta.take() {
        Some(meta) => owner.with(|| {
            let alternates = alternate_links(&meta);
            view! { <SharePreview meta/> }.to_html() + &alternates
        }),
        None => String::new(),
    };
    let resolved = page
        .loads_app
        .then(|| (resolved_script_path(&resolved), resolved));
    let resolved_src = resolved.as_ref().map(|(path, _)| plan.paths.file(path));
    let html = template.fill(
        &share_preview,
        &app,
        resolved_src.as_deref().map(|src| (&boot, src)),
    );
    let html = block_on(async move {
        meta_output
            .inject_meta_context(futures::stream::iter([html]))
            .await
            .collect::<Vec<String>>()
            .await
            .concat()
    });
    drop(owner);
    if let Some(path) = unreadable
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .first()
    {
        return Err(format!(
            "{}: không đọc lại được dữ liệu {path} mà bản dựng vừa ghi",
            page.file
        ));
    }
    Ok(Rendered { html, resolved })
}

#[cfg(test)]
mod tests {
    use super::html_lang_attribute;

    #[test]
    fn finds_the_html_tags_lang_quoted_or_bare() {
        let cut = |html: &str| {
            let mut html = html.to_owned();
            if let Some(range) = html_lang_attribute(&html) {
                html.replace_range(range, "");
            }
            html
        };
        assert_eq!(
            cut(r#"<!DOCTYPE html><html lang="vi"><head>"#),
            "<!DOCTYPE html><html><head>"
        );
        assert_eq!(cut("<html lang=vi class=x>"), "<html class=x>");
        assert_eq!(cut("<html class=x lang='vi'>"), "<html class=x>");
        assert_eq!(cut("<html><body lang=vi>"), "<html><body lang=vi>");
    }
}
