use crate::api::{data, page_param, use_data, Paths};
use crate::components::{show_remote, ArticleCardView, Fresh, NotFound, Pagination};
use crate::content::{ListPage, Site};
use crate::meta::{self, use_document_title};
use crate::router::{use_router, Route};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// `/` and `/trang/<n>`: the newest articles of every category.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = use_router().route_value(|route| match route {
        Route::Home { page } => Some(page_param(page.clone())),
        _ => None,
    });
    move || {
        Fresh(match page.get() {
            Some(page) => Either::Left(view! { <Listing data_path=data::home_page(page)/> }),
            None => Either::Right(view! { <NotFound/> }),
        })
    }
}

/// `/chuyen-muc/<slug>` and `/chuyen-muc/<slug>/trang/<n>`.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let target = use_router().route_value(move |route| match route {
        Route::Category { slug, page } => Some(
            page_param(page.clone())
                .filter(|_| site.category(slug).is_some())
                .map(|page| data::category_page(slug, page)),
        ),
        _ => None,
    });
    move || {
        Fresh(match target.get() {
            Some(data_path) => Either::Left(view! { <Listing data_path/> }),
            None => Either::Right(view! { <NotFound/> }),
        })
    }
}

#[component]
fn Listing(data_path: String) -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    let list = use_data::<ListPage>(move || data_path.clone());
    {
        let (site, paths) = (site.clone(), paths.clone());
        use_document_title(move || match list.get() {
            crate::api::Load::Ready(page) => Some(meta::listing(&site, &paths, &page).title),
            _ => None,
        });
    }
    show_remote(
        list,
        12,
        move |page| view! { <ListingView page paths=paths.clone()/> },
    )
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
