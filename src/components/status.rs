//! What a page shows while its data loads, when it fails, and when there is nothing to show.

use crate::api::FetchError;
use crate::chrome::{use_lang, Chrome};
use crate::content::Site;
use crate::meta::{titled_in, PageTitle};
use crate::pages::NotFoundPage;
use crate::paths::Paths;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;

/// A page's data, shown by `shown` once it is there. Meanwhile a placeholder with `lines`
/// lines holds its place; a failure shows the not-found page, or a Vietnamese error, each with
/// "Thử lại", which loads the data again (not for an address that names no page).
pub fn with_page_data<T, V>(
    data: crate::api::PageResource<T>,
    lines: usize,
    shown: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=move || view! { <Skeleton lines/> }>
            {move || {
                let shown = shown.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => Either::Left(shown(value)),
                        Err(error) => Either::Right(view! { <LoadError error retry/> }),
                    }
                })
            }}
        </Suspense>
    }
}

/// A page whose data could not be loaded: the not-found page (with a retry when the server
/// said so), or what went wrong.
#[component]
fn LoadError(error: FetchError, retry: Callback<()>) -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let lang = use_lang().get_untracked();
    match error {
        FetchError::NotFound => EitherOf3::A(view! { <NotFoundPage retry/> }),
        FetchError::NoSuchPage => EitherOf3::B(view! { <NotFoundPage/> }),
        error => EitherOf3::C(view! {
            <PageTitle text=titled_in(&site, lang, Chrome::of(lang).load_error_title)/>
            <ErrorPanel error retry/>
        }),
    }
}

/// Grey blocks the size of the content to come, so that nothing jumps when it arrives.
#[component]
pub fn Skeleton(#[prop(default = 6)] lines: usize) -> impl IntoView {
    let chrome = Chrome::of(use_lang().get_untracked());
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{chrome.loading}</p>
            <div class="skeleton__title"></div>
            {(0..lines).map(|_| view! { <div class="skeleton__line"></div> }).collect_view()}
        </div>
    }
}

/// A failed load: what went wrong, in the page's language, and a button that tries again.
#[component]
pub fn ErrorPanel(error: FetchError, retry: Callback<()>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let chrome = Chrome::of(lang);
    // Data the app cannot read usually means the site was updated under an open tab: its data
    // has a newer format than this app. Loading the page anew brings both.
    let reload = error == FetchError::Malformed;
    let try_again = move |_| {
        if reload {
            #[cfg(feature = "hydrate")]
            let _ = window().location().reload();
        } else {
            retry.run(());
        }
    };
    view! {
        <section class="notice notice--error" role="alert">
            <h1 class="notice__title">{chrome.load_error_title}</h1>
            <p class="notice__text">{error.message(lang)}</p>
            <button type="button" class="button" on:click=try_again>
                {chrome.try_again}
            </button>
        </section>
    }
}

/// The not-found page. When it stands for data the server said is missing, it also offers a
/// retry: a link shared right after publication can reach a CDN before the article does.
#[component]
pub fn NotFound(#[prop(optional_no_strip)] retry: Option<Callback<()>>) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let lang = use_lang().get_untracked();
    let chrome = Chrome::of(lang);
    view! {
        <section class="notice notice--not-found">
            <h1 class="notice__title">{chrome.not_found_title}</h1>
            <p class="notice__text">{chrome.not_found_text}</p>
            <p class="notice__actions">
                <a class="button" href=paths.home_in(lang)>{chrome.back_home}</a>
                {retry.map(|retry| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| retry.run(())>
                        {chrome.try_again}
                    </button>
                })}
            </p>
        </section>
    }
}
