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
                    <main class="page" id="noi-dung">
                        <div class="container"><Skeleton/></div>
                    </main>
                }
                .into_any(),
                Load::Failed(error) => view! {
                    <main class="page" id="noi-dung">
                        <div class="container"><ErrorPanel error retry/></div>
                    </main>
                }
                .into_any(),
            }}
        </Router>
    }
}

#[component]
fn Shell(site: Arc<Site>) -> impl IntoView {
    provide_context(Arc::clone(&site));
    view! {
        <a class="skip-link" href="#noi-dung">"Bỏ qua điều hướng"</a>
        <SiteHeader site=Arc::clone(&site)/>
        <main class="page" id="noi-dung" tabindex="-1">
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
