//! The app: the router, the shell every page shares, and the routes.

use crate::components::{adopted_from_the_page, Fresh, Later, SiteFooter, SiteHeader};
use crate::content::Site;
use crate::pages::{ArticlePage, CategoryPage, HomePage, NotFoundPage, SearchPage};
use crate::router::{use_router, Location, PageKind, Router};
use leptos::either::EitherOf6;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole site, at `location`. Expects [`crate::api::Paths`] and [`crate::api::DataCache`]
/// in context: the browser start-up provides them, and the site, from the page (which always
/// carries them), the build tool from the bundle.
#[component]
pub fn App(location: Location, site: Arc<Site>) -> impl IntoView {
    Router::provide(location);
    view! { <Shell site/> }
}

/// Moves keyboard focus to the main content, which is what the skip link promises and what a
/// screen reader needs to notice that a new page has arrived.
fn focus_main() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(main) = document()
            .get_element_by_id(MAIN_ID)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    }
}

const MAIN_ID: &str = "noi-dung";

#[component]
fn Shell(site: Arc<Site>) -> impl IntoView {
    provide_context(Arc::clone(&site));
    // After each navigation within the app (not on the first page, which the reader opened),
    // focus moves to the new page's content.
    let router = use_router();
    Effect::new(move |previous: Option<String>| {
        let current = router.location().read().pathname.clone();
        if previous.is_some_and(|p| p != current) {
            focus_main();
        }
        current
    });
    let skip = |ev: leptos::ev::MouseEvent| {
        // The router would take the link for a navigation and leave focus where it was.
        ev.prevent_default();
        focus_main();
    };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip>"Bỏ qua điều hướng"</a>
        <SiteHeader site=Arc::clone(&site)/>
        // The page's own content is taken over in the task after the header's and the footer's.
        {Later(view! {
            <main class="page" id=MAIN_ID tabindex="-1">
                <div class="container">
                    <Routes/>
                </div>
            </main>
        })}
        {adopted_from_the_page(|| view! { <SiteFooter site/> })}
    }
}

/// The page for the current route. It is rebuilt only when the kind of page changes; a new
/// article or page number reaches the page it is on through the route.
#[component]
fn Routes() -> impl IntoView {
    let route = use_router().route();
    let kind = Memo::new(move |_| route.read().kind());
    move || {
        Fresh(match kind.get() {
            PageKind::Home => EitherOf6::A(view! { <HomePage/> }),
            PageKind::Category => EitherOf6::B(view! { <CategoryPage/> }),
            PageKind::Article => EitherOf6::C(view! { <ArticlePage/> }),
            PageKind::Search => EitherOf6::D(view! { <SearchPage/> }),
            PageKind::StyleGuide => EitherOf6::E(style_guide()),
            PageKind::NotFound => EitherOf6::F(view! { <NotFoundPage/> }),
        })
    }
}

/// The style guide is static only (see [`crate::router::Route::is_static_only`]): the build
/// renders it, while the app never starts on it and lets the browser load it.
#[cfg(not(feature = "hydrate"))]
fn style_guide() -> impl IntoView {
    use crate::pages::StyleGuidePage;
    view! { <StyleGuidePage/> }
}

#[cfg(feature = "hydrate")]
fn style_guide() -> impl IntoView {
    // Unreachable through links, which the router leaves to the browser; a document load is
    // what the page needs anyway.
    let _ = window().location().reload();
}
