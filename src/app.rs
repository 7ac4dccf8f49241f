//! The app: the router, the shell every page shares, and the routes.

use crate::api::{data, use_data, Load, Paths};
use crate::components::{ErrorPanel, SiteFooter, SiteHeader, Skeleton};
use crate::content::Site;
use crate::pages::{ArticlePage, CategoryPage, HomePage, NotFoundPage, SearchPage, StyleGuidePage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use std::sync::Arc;

/// The whole site. Expects [`Paths`] and [`crate::api::DataCache`] in context: the browser
/// start-up provides them from the page, the build tool from the bundle.
#[component]
pub fn App() -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = use_data::<Site>(|| data::SITE.to_owned());
    let retry = Callback::new(move |()| site.retry());
    view! {
        <Router base=paths.router_base().unwrap_or_default()>
            {move || match site.get() {
                Load::Ready(site) => view! { <Shell site/> }.into_any(),
                Load::Loading => view! {
                    <main class="page" id=MAIN_ID>
                        <div class="container"><Skeleton/></div>
                    </main>
                }
                .into_any(),
                Load::Failed(error) => view! {
                    <main class="page" id=MAIN_ID>
                        <div class="container"><ErrorPanel error retry/></div>
                    </main>
                }
                .into_any(),
            }}
        </Router>
    }
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
    let pathname = leptos_router::hooks::use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
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
        <main class="page" id=MAIN_ID tabindex="-1">
            <div class="container">
                <FlatRoutes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/trang/:page") view=HomePage/>
                    <Route path=path!("/chuyen-muc/:category") view=CategoryPage/>
                    <Route path=path!("/chuyen-muc/:category/trang/:page") view=CategoryPage/>
                    <Route path=path!("/bai-viet/:slug") view=ArticlePage/>
                    <Route path=path!("/tim-kiem") view=SearchPage/>
                    <Route path=path!("/mau-giao-dien") view=StyleGuidePage/>
                </FlatRoutes>
            </div>
        </main>
        <SiteFooter site/>
    }
}
