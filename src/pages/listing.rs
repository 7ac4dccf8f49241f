use crate::api::{data, page_data, page_param, Paths};
use crate::components::{ArticleCardView, NotFound, Pagination};
use crate::content::{ListPage, Site};
use crate::meta;
use crate::router::{use_router, Route};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// `/` and `/trang/<n>`: the newest articles of every category.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = match use_router().route().get_untracked() {
        Route::Home { page } => page_param(page),
        _ => None,
    };
    listing(page.map(data::home_page))
}

/// `/chuyen-muc/<slug>` and `/chuyen-muc/<slug>/trang/<n>`.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let data_path = match use_router().route().get_untracked() {
        Route::Category { slug, page } => page_param(page)
            .filter(|_| site.category(&slug).is_some())
            .map(|page| data::category_page(&slug, page)),
        _ => None,
    };
    listing(data_path)
}

/// The listing page whose data is at `data_path`, or the not-found page.
fn listing(data_path: Option<String>) -> impl IntoView {
    let paths = expect_context::<Paths>();
    match data_path.and_then(|path| page_data::<ListPage>(&path)) {
        Some(page) => Either::Left(view! { <ListingView page paths/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn ListingView(page: Arc<ListPage>, paths: Paths) -> impl IntoView {
    let heading = meta::listing_heading(&page);
    let items = page
        .items
        .iter()
        .enumerate()
        .map(|(i, card)| view! { <ArticleCardView card=card.clone() eager=i < 2/> })
        .collect_view();
    let empty = page.items.is_empty().then(|| {
        view! { <p class="listing__empty">"Chưa có bài viết nào trong mục này."</p> }
    });
    let category = page.category.as_ref().map(|c| c.slug.clone());
    let href = move |n: usize| match &category {
        Some(slug) => paths.category(slug, n),
        None => paths.home_page(n),
    };
    view! {
        <section class="listing">
            <h1 class="listing__heading">{heading}</h1>
            {empty}
            <ul class="listing__items">{items}</ul>
            <Pagination current=page.page total=page.pages href/>
        </section>
    }
}
