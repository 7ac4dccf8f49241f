//! Every page the site links to, rendered to static HTML by the app's own components.

use super::source::Bundle;
use crate::api::{data, DataCache, PageBoot, Paths, UnreadableData};
use crate::content::search::{self, DocEntry, IndexedText, DOCS_PER_CHUNK};
use crate::content::{bundle, Article, ArticleCard, Block, Site};
use crate::meta::{self, PageHead, PageMeta};
use crate::router::{Location, PageKind, Route};
use crate::App;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One static page to write.
pub struct Page {
    /// Output file below the site root, e.g. `bai-viet/x/index.html`.
    pub file: String,
    /// The URL path it answers at, base included, e.g. `/tin-tuc/bai-viet/x/`.
    pub url_path: String,
    pub meta: PageMeta,
    /// The data files its first render reads.
    pub data: Vec<String>,
    /// Last modification for the sitemap, when known.
    pub lastmod: Option<String>,
    pub in_sitemap: bool,
}

/// Everything derived from the bundle: the data files the app fetches and the pages.
pub struct SitePlan {
    pub site: Arc<Site>,
    pub paths: Paths,
    /// JSON text by data path (`data/…`).
    pub data: BTreeMap<String, Arc<str>>,
    pub pages: Vec<Page>,
}

fn json<T: serde::Serialize>(value: &T) -> Arc<str> {
    serde_json::to_string(value)
        .expect("content types always serialise")
        .into()
}

/// The output file for a URL path below the base: `bai-viet/x/` → `bai-viet/x/index.html`.
fn file_for(below_base: &str) -> String {
    format!("{below_base}index.html")
}

/// Works out every data file and page of the site.
pub fn plan(bundle: &Bundle, paths: &Paths) -> SitePlan {
    let site = Arc::new(bundle.site.clone());
    let mut data: BTreeMap<String, Arc<str>> = BTreeMap::new();
    let mut pages = Vec::new();
    data.insert(data::SITE.to_owned(), json(&bundle.site));

    let cards: Vec<ArticleCard> = bundle.articles.iter().map(|a| a.card()).collect();
    let below = |url: &str| url.strip_prefix(paths.base()).unwrap_or(url).to_owned();

    // The home listing, then each category's, page by page.
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
            data.insert(data_path.clone(), json(&list));
            pages.push(Page {
                file: file_for(&below(&url)),
                url_path: url,
                meta: meta::listing(&site, paths, &list),
                data: vec![data::SITE.to_owned(), data_path],
                lastmod: list.items.first().map(|c| c.published_at.clone()),
                in_sitemap: true,
            });
        }
    }
    for article in &bundle.articles {
        let data_path = data::article(&article.slug);
        data.insert(data_path.clone(), json(article));
        let url = paths.article(&article.slug);
        pages.push(Page {
            file: file_for(&below(&url)),
            url_path: url,
            meta: meta::article(&site, paths, article),
            data: vec![data::SITE.to_owned(), data_path],
            lastmod: Some(article.published_at.clone()),
            in_sitemap: true,
        });
    }
    write_search_index(&bundle.articles, &mut data);
    // Pages that read only the site's identity and stay out of the sitemap.
    for meta in [
        meta::search(&site, paths),
        meta::style_guide(&site, paths),
        meta::not_found(&site, paths),
    ] {
        let file = if meta.path.ends_with(".html") {
            below(&meta.path)
        } else {
            file_for(&below(&meta.path))
        };
        pages.push(Page {
            file,
            url_path: meta.path.clone(),
            meta,
            data: vec![data::SITE.to_owned()],
            lastmod: None,
            in_sitemap: false,
        });
    }
    SitePlan {
        site,
        paths: paths.clone(),
        data,
        pages,
    }
}

/// The search index: one postings file per word, and the article list in chunks, so that a
/// search downloads only what it needs. Article ids are positions in the newest-first order.
fn write_search_index(articles: &[Article], data: &mut BTreeMap<String, Arc<str>>) {
    let texts: Vec<IndexedText<'_>> = articles
        .iter()
        .map(|article| IndexedText {
            title: &article.title,
            summary: &article.summary,
            body: article.body.iter().map(Block::text).collect(),
        })
        .collect();
    for (token, postings) in search::build_index(&texts) {
        data.insert(
            search::token_path(&token),
            json(&search::encode_postings(&postings)),
        );
    }
    for (chunk, articles) in articles.chunks(DOCS_PER_CHUNK).enumerate() {
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
            .collect();
        data.insert(
            search::chunk_path((chunk * DOCS_PER_CHUNK) as u32),
            json(&entries),
        );
    }
}

/// The HTML trunk wrote, split where each page's head and body go.
pub struct Template {
    head_start: String,
    head_end_to_body: String,
    after_body_open: String,
    /// The file name, without `_bg.wasm`, of the app trunk put in the page.
    app: Option<String>,
    /// The same of the search page's app, which trunk builds but leaves out of the page.
    search_app: Option<String>,
}

/// The search page's app, as trunk names its files (`SEARCH_APP[-hash]_bg.wasm`).
pub const SEARCH_APP: &str = "khcn-cantho-search";

/// Which app a page loads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PageApp {
    /// None: a static-only page.
    Without,
    /// The app every page has.
    Common,
    /// The search page's own, when the build made one.
    Search,
}

impl Template {
    /// Splits trunk's `index.html`: the page's head goes before `</head>` (the placeholder
    /// `<title>` is dropped) and the rendered app right after `<body …>`.
    pub fn parse(html: &str) -> Result<Self, String> {
        let mut html = html.to_owned();
        if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) {
            html.replace_range(start..end + "</title>".len(), "");
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
            search_app: None,
        })
    }

    /// Puts the search page's app, `<stem>_bg.wasm` and `<stem>.js` beside the page's app, on
    /// the search page in its place.
    pub fn with_search_app(mut self, stem: Option<String>) -> Self {
        self.search_app = stem;
        self
    }

    /// What tells one build of the site from another: the names of its apps' files, which
    /// change with their contents. Empty without an app.
    pub fn build_id(&self) -> String {
        [&self.app, &self.search_app]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the page's app has no search page's app beside it.
    pub fn lacks_search_app(&self) -> bool {
        self.app.is_some() && self.search_app.is_none()
    }

    /// The page: `head` and the rendered `app` in trunk's shell, loading `page_app`. A
    /// static-only page leaves out the module script that starts the app, so the browser
    /// downloads no wasm for it.
    fn fill(&self, head: &str, app: &str, page_app: PageApp) -> String {
        let mut page = String::with_capacity(self.head_start.len() + head.len() + app.len() + 4096);
        match (page_app, &self.app, &self.search_app) {
            (PageApp::Without, ..) => page.push_str(&without_module_scripts(&self.head_start)),
            (PageApp::Search, Some(common), Some(search)) => {
                page.push_str(&self.head_start.replace(common.as_str(), search))
            }
            _ => page.push_str(&self.head_start),
        }
        page.push_str(head);
        page.push_str(&self.head_end_to_body);
        page.push_str("<div id=\"app\">");
        page.push_str(app);
        page.push_str("</div>");
        page.push_str(&self.after_body_open);
        page
    }
}

/// `html` without its `<script type="module">` elements (trunk writes the attribute quoted or,
/// minified, bare).
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

/// Renders one page: the app for its URL, from the bundle's data.
pub fn render(plan: &SitePlan, page: &Page, template: &Template) -> Result<String, String> {
    let owner = Owner::new_root(None);
    let unreadable = UnreadableData::default();
    let (head, app) = owner.with(|| {
        provide_context(unreadable.clone());
        provide_context(plan.paths.clone());
        let cache = DataCache::default();
        for path in &page.data {
            cache.insert(path.clone(), Arc::clone(&plan.data[path]));
        }
        provide_context(cache);
        let app = view! { <App location=Location::from_url(&page.url_path) site=Arc::clone(&plan.site)/> }
            .to_html();
        let boot = PageBoot {
            base: plan.paths.base().to_owned(),
            path: page.url_path.clone(),
            site_name: plan.site.short_name.clone(),
            build: template.build_id(),
        };
        let head = view! {
            <PageHead meta=page.meta.clone() site=Arc::clone(&plan.site) paths=plan.paths.clone() boot/>
        }
        .to_html();
        (head, app)
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
    let route = Route::parse(&plan.paths, &page.url_path);
    let page_app = if route.is_static_only() {
        PageApp::Without
    } else if route.kind() == PageKind::Search {
        PageApp::Search
    } else {
        PageApp::Common
    };
    Ok(template.fill(&head, &app, page_app))
}
