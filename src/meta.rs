//! What each page says about itself in the document's `<head>`: its title, description,
//! canonical address, share preview and, for articles, structured data. One function per page
//! type makes a [`PageMeta`]; [`Head`] puts it in the head with leptos_meta, in the static page
//! the build writes and again as the reader moves within the app.

use crate::chrome::Chrome;
use crate::content::{Article, Image, InfoPage, Lang, ListPage, Site};
use crate::navigation::Announcement;
use crate::paths::Paths;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMeta {
    /// The page's own name: the article's title, the listing's heading.
    pub heading: String,
    /// The full document title, `<heading> – <short_name>`.
    pub title: String,
    pub description: String,
    /// The page's URL path, base included: `/bai-viet/x/`, or `/tin-tuc/bai-viet/x/` under a
    /// sub-path.
    pub path: String,
    /// A photo for share previews.
    pub image: Option<Image>,
    /// `Some(published_at)` for articles, which are `og:type` article.
    pub published_at: Option<String>,
    pub lang: Lang,
    /// The page in each language, itself included, where it has a counterpart in the other
    /// language: `hreflang` alternates.
    pub alternates: Vec<(Lang, String)>,
    /// What the page is, for its structured data.
    pub kind: PageKind,
}

/// What a page is, as schema.org names it in the page's structured data (Decree 224/2026
/// Art. 11.5: metadata that supports search and exchange).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The home page: the site itself (`WebSite`, with its search).
    Home,
    /// A list of articles, documents or pages (`CollectionPage`).
    Collection,
    Article,
    /// One of the department's own pages (`WebPage`).
    Page,
    /// A legal or administrative document (`DigitalDocument`).
    Document,
    /// An administrative procedure (`GovernmentService`), with where it is filed online.
    Service {
        url: Option<String>,
    },
    /// The department's organisation (`GovernmentOrganization`), with its leaders as
    /// `(name, position)` and its units' names.
    Organization {
        members: Vec<(String, String)>,
        departments: Vec<String>,
    },
    /// One of its leaders (`Person`).
    Person {
        job_title: String,
        email: Option<String>,
        phone: Option<String>,
    },
    /// A science and technology task (`ResearchProject`).
    Project {
        code: String,
        organisation: String,
        lead: String,
        /// `YYYY-MM`.
        start: String,
        end: String,
    },
    Search,
    /// Pages that describe nothing to search engines: not found, the style guide, the finder.
    Other,
}

fn titled(site: &Site, title: &str) -> String {
    format!("{title} – {}", site.short_name)
}

/// An English page's document title: the English name stands for the short Vietnamese one.
pub fn titled_in(site: &Site, lang: Lang, title: &str) -> String {
    match lang {
        Lang::Vi => titled(site, title),
        Lang::En => format!("{title} – {}", site.name_in(lang)),
    }
}

pub fn listing_heading(list: &ListPage) -> String {
    let name = list
        .category
        .as_ref()
        .map_or("Tin mới nhất", |c| c.name.as_str());
    if list.page > 1 {
        format!("{name} – Trang {}", list.page)
    } else {
        name.to_owned()
    }
}

pub fn listing(site: &Site, paths: &Paths, list: &ListPage) -> PageMeta {
    let path = match &list.category {
        Some(category) => paths.category(&category.slug, list.page),
        None => paths.home_page(list.page),
    };
    let description = match &list.category {
        Some(category) => format!(
            "Tin bài chuyên mục {} của {}.",
            category.name, site.short_name
        ),
        None => format!("{}. {}", site.name, site.slogan),
    };
    let heading = listing_heading(list);
    PageMeta {
        title: titled(site, &heading),
        heading,
        description,
        path,
        image: list.items.iter().find_map(|card| card.thumbnail.clone()),
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: if list.category.is_none() && list.page == 1 {
            PageKind::Home
        } else {
            PageKind::Collection
        },
    }
}

pub fn article(site: &Site, paths: &Paths, article: &Article) -> PageMeta {
    PageMeta {
        heading: article.title.clone(),
        title: titled(site, &article.title),
        description: article.summary.clone(),
        path: paths.article(&article.slug),
        image: article.figures().next().map(|(image, _)| image.clone()),
        published_at: Some(article.published_at.clone()),
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Article,
    }
}

/// A page of either section, with its counterpart in the other language as an alternate.
pub fn info_page(site: &Site, paths: &Paths, lang: Lang, page: &InfoPage) -> PageMeta {
    let description = page
        .body
        .iter()
        .find_map(|block| match block {
            crate::content::Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
        .map_or_else(
            || format!("{} – {}", page.title, site.name_in(lang)),
            |text| {
                crate::content::text::cut_at_word(text, crate::content::text::SUMMARY_TARGET_CHARS)
            },
        );
    let path = paths.page_in(lang, &page.slug);
    let alternates = site
        .page_in(lang, &page.slug)
        .and_then(|link| link.translation.as_deref())
        .map(|other| {
            vec![
                (lang, path.clone()),
                (lang.other(), paths.page_in(lang.other(), other)),
            ]
        })
        .unwrap_or_default();
    PageMeta {
        heading: page.title.clone(),
        title: titled_in(site, lang, &page.title),
        description,
        path,
        image: page.body.iter().find_map(|block| match block {
            crate::content::Block::Figure { image, .. } => Some(image.clone()),
            _ => None,
        }),
        published_at: None,
        lang,
        alternates,
        kind: PageKind::Page,
    }
}

/// `/en/`: the English section's list of pages.
pub fn english_home(site: &Site, paths: &Paths) -> PageMeta {
    let name = site.name_in(Lang::En).to_owned();
    PageMeta {
        title: name.clone(),
        description: format!("{name}: information in English."),
        heading: name,
        path: paths.home_in(Lang::En),
        image: None,
        published_at: None,
        lang: Lang::En,
        alternates: Vec::new(),
        kind: PageKind::Collection,
    }
}

pub fn documents(
    site: &Site,
    paths: &Paths,
    list: &crate::content::documents::DocumentList,
) -> PageMeta {
    let mut heading = String::from("Văn bản");
    if let Some(kind) = &list.kind {
        heading.push_str(&format!(" – {}", kind.name));
    }
    if let Some(year) = list.year {
        heading.push_str(&format!(" – Năm {year}"));
    }
    if list.page > 1 {
        heading.push_str(&format!(" – Trang {}", list.page));
    }
    let kind = list.kind.as_ref().map(|k| k.slug.as_str());
    PageMeta {
        title: titled(site, &heading),
        heading,
        description: format!(
            "Văn bản pháp quy và hành chính của {}: số, ký hiệu, ngày ban hành và tệp văn bản.",
            site.short_name
        ),
        path: paths.documents(kind, list.year, list.page),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Collection,
    }
}

pub fn document(
    site: &Site,
    paths: &Paths,
    document: &crate::content::documents::Document,
) -> PageMeta {
    PageMeta {
        heading: document.title.clone(),
        title: titled(site, &format!("{} {}", document.kind.name, document.number)),
        description: format!(
            "{} số {}: {}",
            document.kind.name, document.number, document.title
        ),
        path: paths.document(&document.slug),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Document,
    }
}

pub fn procedures(
    site: &Site,
    paths: &Paths,
    list: &crate::content::procedures::ProcedureList,
) -> PageMeta {
    let mut heading = String::from("Thủ tục hành chính");
    if let Some(field) = &list.field {
        heading.push_str(&format!(" – {}", field.name));
    }
    PageMeta {
        title: titled(site, &heading),
        heading,
        description: format!(
            "Thủ tục hành chính do {} giải quyết: mã thủ tục, lĩnh vực, cách nộp hồ sơ và nơi nộp trực tuyến.",
            site.short_name
        ),
        path: paths.procedures(list.field.as_ref().map(|f| f.slug.as_str())),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Collection,
    }
}

pub fn procedure(
    site: &Site,
    paths: &Paths,
    procedure: &crate::content::procedures::Procedure,
) -> PageMeta {
    PageMeta {
        heading: procedure.title.clone(),
        title: titled(site, &procedure.title),
        description: format!(
            "Thủ tục {} ({}, {}): {}",
            procedure.code,
            procedure.field.name,
            procedure.filing.label().to_lowercase(),
            procedure.title
        ),
        path: paths.procedure(&procedure.slug),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Service {
            url: procedure.url.clone(),
        },
    }
}

/// A plain Vietnamese page: no photo of its own, no date, no other language.
fn vietnamese(
    site: &Site,
    heading: String,
    description: String,
    path: String,
    kind: PageKind,
) -> PageMeta {
    PageMeta {
        title: titled(site, &heading),
        heading,
        description,
        path,
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind,
    }
}

/// `/nhiem-vu/`, with its filters and page in the heading.
pub fn tasks(site: &Site, paths: &Paths, list: &crate::content::tasks::TaskList) -> PageMeta {
    let mut heading = String::from(crate::content::tasks::TASKS_HEADING);
    let chosen = [
        list.filter.status.map(|s| s.label().to_owned()),
        list.field_name.clone(),
        list.filter.year.map(|y| format!("Năm {y}")),
    ];
    for part in chosen.into_iter().flatten() {
        heading.push_str(&format!(" – {part}"));
    }
    if list.page > 1 {
        heading.push_str(&format!(" – Trang {}", list.page));
    }
    let description = format!(
        "Danh mục và kết quả các đề tài, dự án, đề án, chương trình khoa học và công nghệ do {} quản lý.",
        site.short_name
    );
    let path = paths.tasks(&list.filter, list.page);
    vietnamese(site, heading, description, path, PageKind::Collection)
}

pub fn task(site: &Site, paths: &Paths, task: &crate::content::tasks::Task) -> PageMeta {
    let description = format!(
        "{} {} ({}), {}; chủ nhiệm {}, tổ chức chủ trì {}: {}",
        task.kind,
        task.code,
        task.status.label().to_lowercase(),
        crate::content::tasks::display_period(&task.start, &task.end),
        task.lead,
        task.organisation,
        task.title
    );
    let kind = PageKind::Project {
        code: task.code.clone(),
        organisation: task.organisation.clone(),
        lead: task.lead.clone(),
        start: task.start.clone(),
        end: task.end.clone(),
    };
    vietnamese(
        site,
        task.title.clone(),
        description,
        paths.task(&task.slug),
        kind,
    )
}

/// The organisation's page, with its counterpart in the other language where there is one.
pub fn organisation(
    site: &Site,
    paths: &Paths,
    lang: Lang,
    organisation: &crate::content::organisation::Organisation,
) -> PageMeta {
    let heading = crate::pages::OrganisationWords::of(lang).heading.to_owned();
    let description = match lang {
        Lang::Vi => format!(
            "Chức năng, nhiệm vụ, quyền hạn, sơ đồ tổ chức, lãnh đạo, các đơn vị và lịch sử của {}.",
            site.name
        ),
        Lang::En => format!(
            "The functions, organisation chart, leadership, units and history of the {}.",
            site.name_in(Lang::En)
        ),
    };
    let alternates = if site.has_organisation && site.has_english_organisation {
        vec![
            (Lang::Vi, paths.organisation(Lang::Vi)),
            (Lang::En, paths.organisation(Lang::En)),
        ]
    } else {
        Vec::new()
    };
    PageMeta {
        title: titled_in(site, lang, &heading),
        heading,
        description,
        path: paths.organisation(lang),
        image: None,
        published_at: None,
        lang,
        alternates,
        kind: PageKind::Organization {
            members: organisation
                .leaders
                .iter()
                .map(|l| (l.name.clone(), l.position.clone()))
                .collect(),
            departments: organisation.units.iter().map(|u| u.name.clone()).collect(),
        },
    }
}

/// A leader's page; `translated` when the other language's organisation has the same leader.
pub fn leader(
    site: &Site,
    paths: &Paths,
    lang: Lang,
    leader: &crate::content::organisation::Leader,
    translated: bool,
) -> PageMeta {
    let description = match lang {
        Lang::Vi => format!(
            "{}, {}: nhiệm vụ được phân công và tiểu sử.",
            leader.name, leader.position
        ),
        Lang::En => format!(
            "{}, {}: duties and biography.",
            leader.name, leader.position
        ),
    };
    let alternates = if translated {
        vec![
            (Lang::Vi, paths.leader(Lang::Vi, &leader.slug)),
            (Lang::En, paths.leader(Lang::En, &leader.slug)),
        ]
    } else {
        Vec::new()
    };
    PageMeta {
        title: titled_in(site, lang, &leader.name),
        heading: leader.name.clone(),
        description,
        path: paths.leader(lang, &leader.slug),
        image: leader.photo.clone(),
        published_at: None,
        lang,
        alternates,
        kind: PageKind::Person {
            job_title: leader.position.clone(),
            email: leader.email.clone(),
            phone: leader.phone.clone(),
        },
    }
}

/// A search page's document title (the site's, "Tìm kiếm", or the editors' finder's, "Tìm bài
/// viết"), with the query once there is one.
pub fn search_title(site: &Site, heading: &str, query: &str) -> String {
    match query.trim() {
        "" => titled(site, heading),
        query => titled(site, &format!("{heading} “{query}”")),
    }
}

pub fn search(site: &Site, paths: &Paths, query: &str) -> PageMeta {
    PageMeta {
        heading: "Tìm kiếm".to_owned(),
        title: search_title(site, "Tìm kiếm", query),
        description: format!(
            "Tìm tin bài của {}, gõ có dấu hay không dấu đều được.",
            site.short_name
        ),
        path: paths.search("", 1),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Search,
    }
}

pub fn finder(site: &Site, paths: &Paths) -> PageMeta {
    PageMeta {
        heading: "Tìm bài viết".to_owned(),
        title: search_title(site, "Tìm bài viết", ""),
        description: "Tìm một bài đã đăng để mở trên màn hình biên tập.".to_owned(),
        path: paths.finder("", 1),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Other,
    }
}

pub fn style_guide(site: &Site, paths: &Paths) -> PageMeta {
    PageMeta {
        heading: "Mẫu giao diện".to_owned(),
        title: titled(site, "Mẫu giao diện"),
        description: "Các màu, cỡ chữ, khoảng cách và thành phần giao diện của trang tin."
            .to_owned(),
        path: paths.style_guide(),
        image: None,
        published_at: None,
        lang: Lang::Vi,
        alternates: Vec::new(),
        kind: PageKind::Other,
    }
}

pub fn not_found(site: &Site, paths: &Paths, lang: Lang) -> PageMeta {
    let chrome = Chrome::of(lang);
    PageMeta {
        heading: chrome.not_found_title.to_owned(),
        title: titled_in(site, lang, chrome.not_found_title),
        description: chrome.not_found_text.to_owned(),
        path: paths.not_found(),
        image: None,
        published_at: None,
        lang,
        alternates: Vec::new(),
        kind: PageKind::Other,
    }
}

/// The site's default share picture, at the site root, used when a page has no photo.
pub const DEFAULT_SHARE_IMAGE_PATH: &str = "share.png";
pub const DEFAULT_SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// Makes a JSON text safe inside a `<script>` element: no `<` can close it early.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(feature = "ssr")]
fn is_jpeg_or_png(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The page's `<head>` entries that follow it as the reader moves within the app: title,
/// description, canonical address and the feed (leptos_meta). After a move within the app, the
/// page is also announced (see [`Announcement`]). In the build, the page's [`PageMeta`] is also
/// left in the [`PageMetaSlot`], for its share preview.
#[component]
pub fn Head(meta: PageMeta) -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    let canonical = format!("{}{}", site.origin, meta.path);
    let heading = meta.heading.clone();
    let lang = paths.lang_of(&meta.path);
    Effect::new(move |_| Announcement::page_shown(lang, &heading));
    #[cfg(feature = "ssr")]
    if let Some(slot) = use_context::<PageMetaSlot>() {
        slot.put(meta.clone());
    }
    view! {
        <PageTitle text=meta.title.clone()/>
        <Meta name="description" content=meta.description/>
        <Link rel="canonical" href=canonical/>
        <Link
            rel="alternate"
            type_="application/rss+xml"
            title=format!("Tin mới – {}", site.short_name)
            href=format!("{}{}", site.origin, paths.feed())
        />
    }
}

/// The document title (leptos_meta's `<Title>`; the last one made wins, so a page's title
/// stands over the site's, which the app shows while a page loads). The browser sets it as
/// text; on the server leptos_meta writes it into `<title>` as it is, so text that looks like
/// HTML (`</title>`, `&amp;`) is escaped there.
#[component]
pub fn PageTitle(#[prop(into)] text: leptos::text_prop::TextProp) -> impl IntoView {
    let escaped = move || {
        let text = text.get();
        #[cfg(feature = "ssr")]
        return text.replace('&', "&amp;").replace('<', "&lt;");
        #[cfg(not(feature = "ssr"))]
        text.to_string()
    };
    view! { <Title text=escaped/> }
}

/// Where the page being rendered leaves its [`PageMeta`], for the build to write its share
/// preview.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct PageMetaSlot(Arc<std::sync::Mutex<Option<PageMeta>>>);

#[cfg(feature = "ssr")]
impl PageMetaSlot {
    fn put(&self, meta: PageMeta) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(meta);
    }

    pub fn take(&self) -> Option<PageMeta> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// `<meta property=… content=…>`, the OpenGraph form (`property` is not an HTML attribute the
/// view macro knows).
#[cfg(feature = "ssr")]
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content.into())
}

/// What Zalo, Facebook and search engines show of a page: OpenGraph and Twitter tags and, for
/// articles, structured data. They read the static page, so the build writes these into its
/// head, and the app carries none of their code.
#[cfg(feature = "ssr")]
#[component]
pub fn SharePreview(meta: PageMeta) -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    let absolute = |path: &str| format!("{}{}", site.origin, path);
    let canonical = absolute(&meta.path);
    // Share previews need a JPEG or PNG; other formats fall back to the site's own picture.
    let (image_url, (image_width, image_height), image_alt) = match meta
        .image
        .as_ref()
        .filter(|i| is_jpeg_or_png(&i.largest_jpeg()))
    {
        Some(image) => (
            absolute(&paths.file(&image.largest_jpeg())),
            image.largest_size(),
            image.alt.clone(),
        ),
        None => (
            absolute(&paths.file(DEFAULT_SHARE_IMAGE_PATH)),
            DEFAULT_SHARE_IMAGE_SIZE,
            site.name.clone(),
        ),
    };
    let og_type = if meta.published_at.is_some() {
        "article"
    } else {
        "website"
    };
    let structured = structured_data(&site, &paths, &meta, &image_url).map(|json| {
        view! { <script type="application/ld+json" inner_html=script_json(&json.to_string())></script> }
    });
    let published = meta
        .published_at
        .clone()
        .map(|at| view! { {og("article:published_time", at)} });
    view! {
        {og("og:site_name", site.name.clone())}
        {og("og:locale", match meta.lang { Lang::Vi => "vi_VN", Lang::En => "en_GB" })}
        {og("og:type", og_type)}
        {og("og:title", meta.heading.clone())}
        {og("og:description", meta.description.clone())}
        {og("og:url", canonical)}
        {og("og:image", image_url.clone())}
        {og("og:image:width", image_width.to_string())}
        {og("og:image:height", image_height.to_string())}
        {og("og:image:alt", image_alt)}
        {published}
        <meta name="twitter:card" content="summary_large_image"/>
        <meta name="twitter:title" content=meta.heading/>
        <meta name="twitter:description" content=meta.description/>
        <meta name="twitter:image" content=image_url/>
        {structured}
    }
}

/// The page's structured data (schema.org, JSON-LD): what it is, in which language, of which
/// site and by which department, with the department's address and contacts from `site.json`.
#[cfg(feature = "ssr")]
fn structured_data(
    site: &Site,
    paths: &Paths,
    meta: &PageMeta,
    image_url: &str,
) -> Option<serde_json::Value> {
    use serde_json::json;
    let absolute = |path: &str| format!("{}{}", site.origin, path);
    let url = absolute(&meta.path);
    let home = absolute(paths.base());
    let footer = &site.footer;
    let department = json!({
        "@type": "GovernmentOrganization",
        "name": site.name,
        "url": home,
        "address": footer.address,
        "telephone": footer.phone,
        "email": footer.email,
    });
    let website = json!({ "@type": "WebSite", "name": site.name, "url": home });
    let mut data = match &meta.kind {
        PageKind::Other => return None,
        PageKind::Home => json!({
            "@type": "WebSite",
            "name": site.name,
            "alternateName": site.short_name,
            "url": home,
            "potentialAction": {
                "@type": "SearchAction",
                "target": absolute(&paths.search("{search_term_string}", 1))
                    .replace("%7B", "{")
                    .replace("%7D", "}"),
                "query-input": "required name=search_term_string",
            },
        }),
        PageKind::Article => json!({
            "@type": "NewsArticle",
            "headline": meta.heading,
            "datePublished": meta.published_at,
            "image": [image_url],
            "mainEntityOfPage": url,
        }),
        PageKind::Collection => json!({ "@type": "CollectionPage", "isPartOf": website }),
        PageKind::Page => json!({ "@type": "WebPage", "isPartOf": website }),
        PageKind::Document => json!({ "@type": "DigitalDocument", "isPartOf": website }),
        PageKind::Service { url } => {
            let mut service = json!({
                "@type": "GovernmentService",
                "provider": department.clone(),
                "isPartOf": website,
            });
            if let Some(url) = url {
                service["serviceUrl"] = json!(url);
            }
            service
        }
        PageKind::Organization {
            members,
            departments,
        } => {
            let members: Vec<serde_json::Value> = members
                .iter()
                .map(|(name, position)| {
                    json!({ "@type": "Person", "name": name, "jobTitle": position })
                })
                .collect();
            let departments: Vec<serde_json::Value> = departments
                .iter()
                .map(|name| json!({ "@type": "GovernmentOrganization", "name": name }))
                .collect();
            let mut organisation = department.clone();
            organisation["member"] = json!(members);
            organisation["department"] = json!(departments);
            organisation["mainEntityOfPage"] = json!(url);
            organisation
        }
        PageKind::Person {
            job_title,
            email,
            phone,
        } => {
            let mut person = json!({
                "@type": "Person",
                "jobTitle": job_title,
                "worksFor": department.clone(),
                "mainEntityOfPage": url,
            });
            if let Some(email) = email {
                person["email"] = json!(email);
            }
            if let Some(phone) = phone {
                person["telephone"] = json!(phone);
            }
            person
        }
        PageKind::Project {
            code,
            organisation,
            lead,
            start,
            end,
        } => json!({
            "@type": "ResearchProject",
            "identifier": code,
            "foundingDate": start,
            "dissolutionDate": end,
            "member": { "@type": "Person", "name": lead, "roleName": "Chủ nhiệm" },
            "parentOrganization": { "@type": "Organization", "name": organisation },
            "funder": department.clone(),
            "mainEntityOfPage": url,
        }),
        PageKind::Search => json!({ "@type": "SearchResultsPage", "isPartOf": website }),
    };
    let fields = data.as_object_mut().expect("an object");
    fields.insert("@context".into(), json!("https://schema.org"));
    if meta.kind != PageKind::Home {
        // The organisation is named by its own name, not its page's heading.
        fields.entry("name").or_insert_with(|| json!(meta.heading));
        fields.insert("url".into(), json!(url));
    }
    fields.insert("description".into(), json!(meta.description));
    fields.insert("inLanguage".into(), json!(meta.lang.code()));
    fields.insert("publisher".into(), department);
    Some(data)
}

/// The page in each language, for search engines, which read each address's own static page:
/// the build writes them with the share preview, and the app carries none.
#[cfg(feature = "ssr")]
pub fn alternate_links(meta: &PageMeta) -> String {
    let origin = &expect_context::<Arc<Site>>().origin;
    meta.alternates
        .iter()
        .map(|(lang, path)| {
            view! { <link rel="alternate" hreflang=lang.code() href=format!("{origin}{path}")/> }
                .to_html()
        })
        .collect()
}
