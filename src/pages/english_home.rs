use crate::chrome::Chrome;
use crate::content::{Lang, Site};
use crate::meta::{self, Head};
use crate::pages::NotFoundPage;
use crate::paths::Paths;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// `/en/`: the English section, under the department's English name, listing its pages. The
/// list is in the site's own data: the page needs no request. A bundle without English pages
/// has no such page.
#[component]
pub fn EnglishHomePage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    if !site.has_english() {
        return Either::Left(view! { <NotFoundPage/> });
    }
    let meta = meta::english_home(&site, &paths);
    let organisation = site.has_english_organisation.then(|| {
        (
            paths.organisation(Lang::En),
            Chrome::of(Lang::En).organisation.to_owned(),
        )
    });
    let pages = organisation
        .into_iter()
        .chain(
            site.english_pages
                .iter()
                .map(|page| (paths.page_in(Lang::En, &page.slug), page.title.clone())),
        )
        .map(|(href, title)| {
            view! {
                <li class="page-card">
                    <a class="page-card__link" href=href>{title}</a>
                </li>
            }
        })
        .collect_view();
    Either::Right(view! {
        <Head meta=meta.clone()/>
        <section class="listing english-home">
            <h1 class="listing__heading">{meta.heading}</h1>
            <ul class="listing__items">{pages}</ul>
        </section>
    })
}
