//! Every page the site links to, rendered to static HTML by the app itself, and the data files
//! the app reads as the reader moves from page to page.

use super::app_manifest;
use super::source::Bundle;
use super::template::{PageParts, Template};
use crate::api::{DataCache, DataFile, Loader, UnreadableData};
use crate::boot::PageBoot;
use crate::content::documents::{self, Document};
use crate::content::organisation::Organisation;
use crate::content::procedures::{self, Procedure};
use crate::content::search::{self, DocEntry, IndexedText, DOCS_PER_CHUNK};
use crate::content::tasks::{self, Task};
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
    /// The slug of each entry of the search index, by id (see [`DocEntry`]).
    pub search_slugs: Vec<String>,
}

impl SitePlan {
    /// Adds "Tìm bài viết", the editors' finder beside their screen (when the build writes
    /// the screen): the search page of the app for editors, out of the sitemap.
    pub fn add_finder(&mut self) {
        let url = self.paths.finder("", 1);
        let below = url.strip_prefix(self.paths.base()).unwrap_or(&url);
        self.pages.push(Page {
            file: file_for(below),
            url_path: url.clone(),
            data: Vec::new(),
            lastmod: None,
            in_sitemap: false,
            loads_app: true,
        });
    }
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
    if bundle.site.has_english() {
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
    for list in procedures::procedure_lists(&bundle.procedures) {
        let field = list.field.as_ref().map(|f| f.slug.as_str());
        let data_path = data::procedures(field);
        let url = paths.procedures(field);
        data.insert(data_path.clone(), data_file(build, &list));
        pages.push(page(url, vec![data_path], None));
    }
    for procedure in &bundle.procedures {
        let data_path = data::procedure(&procedure.slug);
        data.insert(data_path.clone(), data_file(build, procedure));
        pages.push(page(
            paths.procedure(&procedure.slug),
            vec![data_path],
            None,
        ));
    }
    for list in tasks::task_lists(&bundle.tasks) {
        let data_path = data::tasks(&list.filter, list.page);
        let url = paths.tasks(&list.filter, list.page);
        data.insert(data_path.clone(), data_file(build, &list));
        pages.push(page(url, vec![data_path], None));
    }
    for task in &bundle.tasks {
        let data_path = data::task(&task.slug);
        data.insert(data_path.clone(), data_file(build, task));
        let lastmod = task.accepted_on.clone();
        pages.push(page(paths.task(&task.slug), vec![data_path], lastmod));
    }
    for (lang, organisation) in [
        (Lang::Vi, &bundle.organisation),
        (Lang::En, &bundle.english_organisation),
    ] {
        let Some(organisation) = organisation else {
            continue;
        };
        let data_path = data::organisation(lang);
        data.insert(data_path.clone(), data_file(build, organisation));
        let lastmod = organisation.updated_at.clone();
        pages.push(page(
            paths.organisation(lang),
            vec![data_path.clone()],
            lastmod.clone(),
        ));
        for leader in &organisation.leaders {
            pages.push(page(
                paths.leader(lang, &leader.slug),
                vec![data_path.clone()],
                lastmod.clone(),
            ));
        }
    }
    let info_pages = [(Lang::Vi, &bundle.pages), (Lang::En, &bundle.english_pages)];
    let search_slugs = write_search_index(
        &bundle.articles,
        &bundle.documents,
        &bundle.procedures,
        &bundle.tasks,
        bundle.organisation.as_ref(),
        &info_pages,
        &mut data,
    );
    // Pages without data of their own, out of the sitemap.
    for url in [paths.search("", 1), paths.style_guide(), paths.not_found()] {
        let style_guide = url == paths.style_guide();
        // The style guide shows the newest article's card.
        let data = if style_guide && !bundle.articles.is_empty() {
            vec![data::home_page(1)]
        } else {
            Vec::new()
        };
        pages.push(Page {
            in_sitemap: false,
            loads_app: !style_guide,
            ..page(url, data, None)
        });
    }
    SitePlan {
        site,
        paths: paths.clone(),
        build: build.to_owned(),
        data,
        pages,
        search_slugs,
    }
}

/// The search index: one postings file per word, and the list of what it finds in chunks, so
/// that a search downloads only what it needs; returns each entry's slug, by id. Ids are
/// positions: the articles newest first, then the documents newest first, then the procedures,
/// the tasks, the leaders, then the pages of each language. A document is found by its number and its
/// summary (its "title" here, which ranks first) and by its kind and issuer; a procedure by its
/// code and title, then by its field and level; a task by its code and title, then by its
/// organisation, lead and field, then by its summary and results; a leader by name, then by
/// position, then by duties and biography.
fn write_search_index(
    articles: &[Article],
    documents: &[Document],
    procedures: &[Procedure],
    tasks: &[Task],
    organisation: Option<&Organisation>,
    info_pages: &[(Lang, &Vec<InfoPage>)],
    data: &mut BTreeMap<String, Arc<str>>,
) -> Vec<String> {
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
    let procedure_titles: Vec<String> = procedures
        .iter()
        .map(|p| format!("{} {}", p.code, p.title))
        .collect();
    let procedure_facts: Vec<String> = procedures
        .iter()
        .map(|p| format!("{} {}", p.field.name, p.level))
        .collect();
    let leaders = || organisation.into_iter().flat_map(|o| &o.leaders);
    let task_titles: Vec<String> = tasks
        .iter()
        .map(|t| format!("{} {}", t.code, t.title))
        .collect();
    let task_facts: Vec<String> = tasks
        .iter()
        .map(|t| format!("{} {} {}", t.organisation, t.lead, t.field.name))
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
        .chain(
            procedures
                .iter()
                .zip(procedure_titles.iter().zip(&procedure_facts))
                .map(|(procedure, (title, facts))| IndexedText {
                    title,
                    summary: facts,
                    body: procedure.body.iter().flat_map(Block::texts).collect(),
                }),
        )
        .chain(tasks.iter().zip(task_titles.iter().zip(&task_facts)).map(
            |(task, (title, facts))| {
                IndexedText {
                    title,
                    summary: facts,
                    body: task
                        .summary
                        .iter()
                        .chain(&task.results)
                        .flat_map(Block::texts)
                        .collect(),
                }
            },
        ))
        .chain(leaders().map(|leader| {
            IndexedText {
                title: &leader.name,
                summary: &leader.position,
                body: leader
                    .duties
                    .iter()
                    .chain(&leader.biography)
                    .flat_map(Block::texts)
                    .collect(),
            }
        }))
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
        .chain(procedures.iter().map(|p| {
            (
                format!("{}{}", search::PROCEDURE_PREFIX, p.slug),
                format!("{}: {}", p.code, p.title),
                String::new(),
                format!("Thủ tục · {}", p.field.name),
            )
        }))
        .chain(tasks.iter().map(|t| {
            (
                format!("{}{}", search::TASK_PREFIX, t.slug),
                format!("{}: {}", t.code, t.title),
                String::new(),
                format!("Nhiệm vụ · {}", t.kind),
            )
        }))
        .chain(leaders().map(|leader| {
            (
                format!("{}{}", search::LEADER_PREFIX, leader.slug),
                leader.name.clone(),
                String::new(),
                format!("Lãnh đạo · {}", leader.position),
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
    entries.into_iter().map(|(slug, ..)| slug).collect()
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
            let audience = if meta.path.starts_with(&plan.paths.admin()) {
                // Pages beside the editors' screen ("Tìm bài viết"), like the screen, are for
                // no search engine.
                view! { <meta name="robots" content="noindex, nofollow"/> }.to_html()
            } else {
                // Public pages offer the site for the home screen (`app_manifest`).
                let manifest = plan.paths.file(app_manifest::MANIFEST_PATH);
                view! { <link rel="manifest" href=manifest/> }.to_html()
            };
            audience + &view! { <SharePreview meta/> }.to_html() + &alternates
        }),
        None => String::new(),
    };
    let resolved = page
        .loads_app
        .then(|| (resolved_script_path(&resolved), resolved));
    let resolved_src = resolved.as_ref().map(|(path, _)| plan.paths.file(path));
    let html = template.fill(&PageParts {
        share_preview: &share_preview,
        app: &app,
        start: resolved_src.as_deref().map(|src| (&boot, src)),
    });
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
