//! What each page says about itself: the document title, and for the static pages' `<head>`,
//! the description, canonical URL and share preview. One function per page type, used by the
//! app for `document.title` and by the build for the head, so both always agree.

use crate::api::Paths;
use crate::content::{Article, Image, ListPage, Site};

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
}

fn titled(site: &Site, title: &str) -> String {
    format!("{title} – {}", site.short_name)
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
    }
}

/// The search page's document title, with the query once there is one; `site_name` is the
/// site's short name.
pub fn search_title(site_name: &str, query: &str) -> String {
    match query.trim() {
        "" => format!("Tìm kiếm – {site_name}"),
        query => format!("Tìm kiếm “{query}” – {site_name}"),
    }
}

pub fn search(site: &Site, paths: &Paths) -> PageMeta {
    PageMeta {
        heading: "Tìm kiếm".to_owned(),
        title: search_title(&site.short_name, ""),
        description: format!(
            "Tìm tin bài của {}, gõ có dấu hay không dấu đều được.",
            site.short_name
        ),
        path: paths.search("", 1),
        image: None,
        published_at: None,
    }
}

pub fn style_guide(site: &Site, paths: &Paths) -> PageMeta {
    PageMeta {
        heading: "Mẫu giao diện".to_owned(),
        title: titled(site, "Mẫu giao diện"),
        description: "Các màu, cỡ chữ, khoảng cách và thành phần giao diện của trang tin."
            .to_owned(),
        path: paths.file("mau-giao-dien/"),
        image: None,
        published_at: None,
    }
}

pub const NOT_FOUND_TITLE: &str = "Không tìm thấy trang";
pub const NOT_FOUND_TEXT: &str =
    "Trang bạn tìm không tồn tại, hoặc đã được chuyển sang địa chỉ khác.";

/// The not-found page's title; `site_name` is the site's short name.
pub fn not_found_title(site_name: &str) -> String {
    format!("{NOT_FOUND_TITLE} – {site_name}")
}

pub fn not_found(site: &Site, paths: &Paths) -> PageMeta {
    PageMeta {
        heading: NOT_FOUND_TITLE.to_owned(),
        title: not_found_title(&site.short_name),
        description: "Trang bạn tìm không tồn tại, hoặc đã được chuyển sang địa chỉ khác."
            .to_owned(),
        path: paths.file("404.html"),
        image: None,
        published_at: None,
    }
}

/// Keeps `document.title` in step with the page once the app runs; the static page already
/// has the right `<title>`.
pub fn use_document_title(title: impl Fn() -> Option<String> + Send + Sync + 'static) {
    leptos::prelude::Effect::new(move |_| {
        if let Some(title) = title() {
            leptos::prelude::document().set_title(&title);
        }
    });
}

/// The site's default share picture, at the site root, used when a page has no photo.
pub const DEFAULT_SHARE_IMAGE_PATH: &str = "share.png";
pub const DEFAULT_SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// Makes a JSON text safe inside a `<script>` element: no `<` can close it early.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// `<meta property=… content=…>`, the OpenGraph form (`property` is not an HTML attribute the
/// view macro knows).
fn og(property: &'static str, content: impl Into<String>) -> impl leptos::IntoView {
    use leptos::prelude::*;
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content.into())
}

fn is_jpeg_or_png(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The `<head>` of a static page: title, description, canonical URL, share previews, the feed,
/// structured data for articles, and where the app starts from.
#[leptos::component]
pub fn PageHead(
    meta: PageMeta,
    site: std::sync::Arc<Site>,
    paths: Paths,
    boot: crate::api::PageBoot,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let absolute = |path: &str| format!("{}{}", site.origin, path);
    let canonical = absolute(&meta.path);
    // Share previews need a JPEG or PNG; other formats fall back to the site's own picture.
    let (image_url, image_width, image_height, image_alt) = match meta
        .image
        .as_ref()
        .filter(|i| is_jpeg_or_png(&i.largest_jpeg()))
    {
        Some(image) => (
            absolute(&paths.file(&image.largest_jpeg())),
            image.largest_size().0,
            image.largest_size().1,
            image.alt.clone(),
        ),
        None => (
            absolute(&paths.file(DEFAULT_SHARE_IMAGE_PATH)),
            DEFAULT_SHARE_IMAGE_SIZE.0,
            DEFAULT_SHARE_IMAGE_SIZE.1,
            site.name.clone(),
        ),
    };
    let og_type = if meta.published_at.is_some() {
        "article"
    } else {
        "website"
    };
    let structured = meta.published_at.as_ref().map(|published| {
        let json = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": meta.heading,
            "description": meta.description,
            "datePublished": published,
            "image": [image_url],
            "mainEntityOfPage": canonical,
            "inLanguage": "vi",
            "publisher": { "@type": "GovernmentOrganization", "name": site.name, "url": absolute(paths.base()) },
        });
        view! { <script type="application/ld+json" inner_html=script_json(&json.to_string())></script> }
    });
    let published = meta
        .published_at
        .clone()
        .map(|at| view! { {og("article:published_time", at)} });
    let boot_json = script_json(&serde_json::to_string(&boot).unwrap_or_default());
    view! {
        <title>{meta.title.clone()}</title>
        <meta name="description" content=meta.description.clone()/>
        <link rel="canonical" href=canonical.clone()/>
        <link rel="alternate" type="application/rss+xml" title=format!("Tin mới – {}", site.short_name) href=absolute(&paths.file("feed.xml"))/>
        {og("og:site_name", site.name.clone())}
        {og("og:locale", "vi_VN")}
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
        <meta name="twitter:title" content=meta.heading.clone()/>
        <meta name="twitter:description" content=meta.description.clone()/>
        <meta name="twitter:image" content=image_url/>
        {structured}
        <script type="application/json" id=crate::api::PageBoot::ELEMENT_ID inner_html=boot_json></script>
    }
}
