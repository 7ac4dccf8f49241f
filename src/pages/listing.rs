use crate::api::use_page_data;
use crate::components::{with_page_data, ArticleCardView, Pagination};
use crate::content::{ListPage, Site};
use crate::meta::{self, Head};
use crate::paths::{data, page_param, Paths};
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/` and `/trang/<n>/`: the newest articles of every category.
#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_params_map();
    let data_path = move || page_param(params.read().get("page")).map(data::home_page);
    listing(data_path)
}

/// `/chuyen-muc/<slug>/` and `/chuyen-muc/<slug>/trang/<n>/`.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let params = use_params_map();
    let data_path = move || {
        let params = params.read();
        let slug = params.get("category")?;
        site.category(&slug)?;
        page_param(params.get("page")).map(|page| data::category_page(&slug, page))
    };
    listing(data_path)
}

/// The listing page whose data is at `data_path()`.
fn listing(data_path: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    let list = use_page_data::<ListPage>(data_path);
    with_page_data(list, 6, |page| view! { <ListingView page/> })
}

#[component]
fn ListingView(page: ListPage) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::listing(&site, &paths, &page);
    let empty = page.items.is_empty().then(|| {
        view! { <p class="listing__empty">"Chưa có bài viết nào trong mục này."</p> }
    });
    let items = page
        .items
        .into_iter()
        .enumerate()
        .map(|(i, card)| view! { <ArticleCardView card eager=i < 2/> })
        .collect_view();
    // A category's own feed, beside the site's (`Head`), for readers who follow one topic.
    let (feed, feed_link) = page
        .category
        .as_ref()
        .map(|category| {
            let href = paths.category_feed(&category.slug);
            let announced = view! {
                <Link
                    rel="alternate"
                    type_="application/rss+xml"
                    title=format!("{} – {}", category.name, site.short_name)
                    href=format!("{}{}", site.origin, href)
                />
            };
            let link = view! {
                <p class="listing__feed">
                    <a href=href rel="external">"Tin chuyên mục " {category.name.clone()} " qua RSS"</a>
                </p>
            };
            (announced, link)
        })
        .unzip();
    let category = page.category.map(|c| c.slug);
    let href = move |n: usize| match &category {
        Some(slug) => paths.category(slug, n),
        None => paths.home_page(n),
    };
    view! {
        <Head meta=meta.clone()/>
        {feed}
        <section class="listing">
            <h1 class="listing__heading">{meta.heading}</h1>
            {empty}
            <ul class="listing__items">{items}</ul>
            <Pagination current=page.page total=page.pages href/>
            {feed_link}
        </section>
    }
}
