use crate::api::use_page_data;
use crate::chrome::Chrome;
use crate::components::{with_page_data, Breadcrumb, DownloadLink, Pagination};
use crate::content::bundle::slug_problem;
use crate::content::documents::{Document, DocumentList};
use crate::content::time::display_date;
use crate::content::{Lang, Site};
use crate::meta::{self, Head};
use crate::paths::{data, page_param, slug_param, Paths};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/van-ban/` and its filtered pages: `/van-ban/loai/<kind>/`, `/van-ban/nam/<year>/`, both,
/// and `…/trang/<n>/`.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let params = use_params_map();
    let data_path = move || {
        site.has_documents.then_some(())?;
        let params = params.read();
        let kind = params.get("kind");
        if kind.as_deref().is_some_and(|k| slug_problem(k).is_some()) {
            return None;
        }
        let year = match params.get("year") {
            Some(year) => Some(
                year.parse::<u16>()
                    .ok()
                    .filter(|y| year.len() == 4 && *y >= 1900)?,
            ),
            None => None,
        };
        let page = page_param(params.get("page"))?;
        Some(data::documents(kind.as_deref(), year, page))
    };
    let list = use_page_data::<DocumentList>(data_path);
    with_page_data(list, 10, |list| view! { <DocumentsView list/> })
}

#[component]
fn DocumentsView(list: DocumentList) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::documents(&site, &paths, &list);
    let kind = list.kind.as_ref().map(|k| k.slug.clone());
    let year = list.year;
    // A filter's choice keeps the other filter and starts again at page 1. Plain links: the
    // router's `<A>` would also mark "Tất cả" current, its address being a prefix of the others.
    let kind_links =
        {
            let all = (None, "Tất cả".to_owned());
            std::iter::once(all)
            .chain(list.kinds.iter().map(|k| (Some(k.slug.clone()), k.name.clone())))
            .map(|(slug, name)| {
                let current = slug == kind;
                let href = paths.documents(slug.as_deref(), year, 1);
                view! {
                    <li class="filters__item">
                        <a href=href class="filters__link" aria-current=current.then_some("page")>
                            {name}
                        </a>
                    </li>
                }
            })
            .collect_view()
        };
    let year_links = std::iter::once(None)
        .chain(list.years.iter().copied().map(Some))
        .map(|y| {
            let current = y == year;
            let href = paths.documents(kind.as_deref(), y, 1);
            let name = y.map_or_else(|| "Tất cả".to_owned(), |y| y.to_string());
            view! {
                <li class="filters__item">
                    <a href=href class="filters__link" aria-current=current.then_some("page")>
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    let items = list
        .items
        .into_iter()
        .map(|doc| {
            let href = paths.document(&doc.slug);
            view! {
                <li class="document-card">
                    <p class="document-card__facts">
                        <span class="document-card__number">{doc.number}</span>
                        " · " {doc.kind} " · "
                        <time datetime=doc.issued_on.clone()>{display_date(&doc.issued_on)}</time>
                    </p>
                    <a href=href class="document-card__link">{doc.title}</a>
                </li>
            }
        })
        .collect_view();
    let href = {
        let paths = paths.clone();
        let kind = kind.clone();
        move |n: usize| paths.documents(kind.as_deref(), year, n)
    };
    view! {
        <Head meta=meta.clone()/>
        <section class="listing documents">
            <h1 class="listing__heading">{meta.heading}</h1>
            <nav class="filters" aria-label="Lọc văn bản">
                <p class="filters__label" id="loc-theo-loai">"Loại văn bản"</p>
                <ul class="filters__list" aria-labelledby="loc-theo-loai">{kind_links}</ul>
                <p class="filters__label" id="loc-theo-nam">"Năm ban hành"</p>
                <ul class="filters__list" aria-labelledby="loc-theo-nam">{year_links}</ul>
            </nav>
            <p class="documents__total">{format!("{} văn bản", list.total)}</p>
            <ul class="documents__items">{items}</ul>
            <Pagination current=list.page total=list.pages href/>
        </section>
    }
}

/// `/van-ban/<slug>/`: one document, its facts and its files.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let data_path = move || slug_param(params.read().get("slug")).map(|slug| data::document(&slug));
    let document = use_page_data::<Document>(data_path);
    with_page_data(document, 10, |document| view! { <DocumentView document/> })
}

#[component]
fn DocumentView(document: Document) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::document(&site, &paths, &document);
    let effective = document.effective_on.map(|date| {
        view! {
            <dt>"Ngày hiệu lực"</dt>
            <dd><time datetime=date.clone()>{display_date(&date)}</time></dd>
        }
    });
    let files = document
        .files
        .into_iter()
        .map(|download| view! { <DownloadLink download/> })
        .collect_view();
    view! {
        <Head meta/>
        <article class="article document">
            <Breadcrumb trail=vec![(paths.documents(None, None, 1), Chrome::of(Lang::Vi).documents.to_owned())]/>
            <h1 class="article__title">{document.title}</h1>
            <dl class="document__facts">
                <dt>"Số/ký hiệu"</dt>
                <dd>{document.number}</dd>
                <dt>"Loại văn bản"</dt>
                <dd>{document.kind.name}</dd>
                <dt>"Cơ quan ban hành"</dt>
                <dd>{document.issuer}</dd>
                <dt>"Ngày ban hành"</dt>
                <dd><time datetime=document.issued_on.clone()>{display_date(&document.issued_on)}</time></dd>
                {effective}
            </dl>
            <h2 class="article__heading">"Tệp văn bản"</h2>
            <div class="article__body">{files}</div>
        </article>
    }
}
