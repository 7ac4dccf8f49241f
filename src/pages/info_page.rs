use crate::api::use_page_data;
use crate::chrome::Chrome;
use crate::components::{with_page_data, BodyBlocks, Breadcrumb, PublishedTime};
use crate::content::{InfoPage, Lang, Site};
use crate::meta::{self, Head};
use crate::paths::{data, Paths};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/<slug>/`: a page of `pages/`, such as the department's introduction. Only the bundle's
/// pages are looked for: any other address is not found at once, without a request.
#[component]
pub fn InfoPageRoute() -> impl IntoView {
    view! { <PageOfSection lang=Lang::Vi/> }
}

/// `/en/<slug>/`: a page of the English section, `en/pages/`.
#[component]
pub fn EnglishPageRoute() -> impl IntoView {
    view! { <PageOfSection lang=Lang::En/> }
}

#[component]
fn PageOfSection(lang: Lang) -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let params = use_params_map();
    let data_path = move || {
        let slug = params.read().get("page")?;
        site.page_in(lang, &slug)?;
        Some(data::page_in(lang, &slug))
    };
    let page = use_page_data::<InfoPage>(data_path);
    with_page_data(page, 8, move |page| view! { <InfoPageView page lang/> })
}

#[component]
fn InfoPageView(page: InfoPage, lang: Lang) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let chrome = Chrome::of(lang);
    let meta = meta::info_page(&site, &paths, lang, &page);
    let updated = page.updated_at.map(|at| {
        view! { <p class="article__meta">{chrome.updated} <PublishedTime at/></p> }
    });
    view! {
        <Head meta/>
        <article class="article info-page">
            <Breadcrumb/>
            <h1 class="article__title">{page.title}</h1>
            {updated}
            <div class="article__body"><BodyBlocks blocks=page.body/></div>
        </article>
    }
}
