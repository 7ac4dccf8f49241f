use crate::chrome::{use_lang, Chrome};
use crate::paths::Paths;
use leptos::prelude::*;

/// Where a page stands in the site: its section's home, in the page's language, then each
/// section above the page, as `(address, name)`.
#[component]
pub fn Breadcrumb(#[prop(optional)] trail: Vec<(String, String)>) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let lang = use_lang().get_untracked();
    let chrome = Chrome::of(lang);
    let trail = trail
        .into_iter()
        .map(|(href, name)| {
            view! {
                <li class="breadcrumb__item">
                    <span class="breadcrumb__separator" aria-hidden="true">"›"</span>
                    <a class="breadcrumb__link" href=href>{name}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=chrome.breadcrumb_label>
            <ol class="breadcrumb__list">
                <li class="breadcrumb__item">
                    <a class="breadcrumb__link" href=paths.home_in(lang)>{chrome.home}</a>
                </li>
                {trail}
            </ol>
        </nav>
    }
}
