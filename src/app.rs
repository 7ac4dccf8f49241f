//! The app: the router, the shell every page shares, and the routes.

use crate::components::{SiteFooter, SiteHeader};
use crate::content::Site;
use crate::pages::{ArticlePage, CategoryPage, HomePage, NotFoundPage, SearchPage};
use crate::router::{use_router, Location, PageKind, Router};
use leptos::either::EitherOf6;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole site, at `location`, as the build renders each page. Expects [`crate::api::Paths`]
/// and [`crate::api::DataCache`] in context, the cache holding the page's data. In the browser
/// only parts of it, the islands (`islands.rs`), are ever made.
#[component]
pub fn App(location: Location, site: Arc<Site>) -> impl IntoView {
    Router::provide(RwSignal::new(location));
    view! { <Shell site/> }
}

/// The main content's id: the skip link's target, and where the app puts each page.
pub const MAIN_ID: &str = "noi-dung";

#[component]
fn Shell(site: Arc<Site>) -> impl IntoView {
    provide_context(Arc::clone(&site));
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>"Bỏ qua điều hướng"</a>
        <SiteHeader site=Arc::clone(&site)/>
        <main class="page" id=MAIN_ID tabindex="-1">
            <div class="container">
                <Routes/>
            </div>
        </main>
        <SiteFooter site/>
    }
}

/// The page for the route.
#[component]
fn Routes() -> impl IntoView {
    let site_name = expect_context::<Arc<Site>>().short_name.clone();
    match use_router().route().get_untracked().kind() {
        PageKind::Home => EitherOf6::A(view! { <HomePage/> }),
        PageKind::Category => EitherOf6::B(view! { <CategoryPage/> }),
        PageKind::Article => EitherOf6::C(view! { <ArticlePage/> }),
        PageKind::Search => EitherOf6::D(view! { <SearchPage site_name/> }),
        PageKind::StyleGuide => EitherOf6::E(style_guide()),
        PageKind::NotFound => EitherOf6::F(view! { <NotFoundPage/> }),
    }
}

/// The style guide is static only (see [`crate::router::Route::is_static_only`]): the build
/// renders it, and the browser loads it as a document.
fn style_guide() -> impl IntoView {
    use crate::pages::StyleGuidePage;
    view! { <StyleGuidePage/> }
}
