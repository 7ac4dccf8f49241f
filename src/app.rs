//! The app: the shell every page shares and the route table, the same in the build, which
//! renders every page with it, and in the browser.

use crate::api::{DataCache, Loader};
use crate::boot::PageBoot;
use crate::chrome::{use_lang, Chrome, DocumentLanguage};
use crate::components::{SiteFooter, SiteHeader, SiteNotice};
use crate::meta::PageTitle;
use crate::navigation::{
    focus, Announcement, MainFocus, MoveOn, ReaderPlaces, RouteAnnouncer, ScrollRestoration,
};
use crate::pages::{
    ArticlePage, CategoryPage, DocumentPage, DocumentsPage, EnglishHomePage, EnglishLeaderPage,
    EnglishOrganisationPage, EnglishPageRoute, FinderPage, HomePage, InfoPageRoute, LeaderPage,
    NotFoundPage, OrganisationPage, ProcedurePage, ProceduresPage, SearchPage, StyleGuideRoute,
    TaskPage, TasksPage,
};
use crate::paths::Paths;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{path, AsPath, StaticSegment};
use std::sync::{Arc, Mutex};

/// The element of each static page the app hydrates.
pub const APP_ID: &str = "app";
/// The main content's id: the skip link's target, and where focus goes after a navigation.
pub const MAIN_ID: &str = "noi-dung";

/// The whole site. The build renders it at each page's address, with a [`Loader`] in context
/// that reads the bundle; the browser hydrates it with the same `boot`, and then goes on to
/// `then_show` when the page was written for another address (a host's fallback page).
#[component]
pub fn App(boot: PageBoot, then_show: Option<String>) -> impl IntoView {
    let paths = Paths::new(&boot.base);
    let base = SiteBase::segment(&paths);
    provide_meta_context();
    Announcement::provide();
    ReaderPlaces::before_router();
    provide_context(paths.clone());
    let site = Arc::new(boot.site);
    provide_context(Arc::clone(&site));
    if use_context::<Loader>().is_none() {
        provide_context(Loader::new(paths.clone(), boot.build, DataCache::default()));
    }
    view! {
        // The title while a page loads; each page's own stands over it.
        <PageTitle text=site.short_name.clone()/>
        <Router>
            <DocumentLanguage/>
            <SkipLink/>
            <SiteNotice/>
            <SiteHeader/>
            <main class="page" id=MAIN_ID tabindex="-1">
                <div class="container">
                    <FlatRoutes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=(base, path!("/")) view=HomePage/>
                        <Route path=(base, path!("/trang/:page")) view=HomePage/>
                        <Route path=(base, path!("/chuyen-muc/:category")) view=CategoryPage/>
                        <Route path=(base, path!("/chuyen-muc/:category/trang/:page")) view=CategoryPage/>
                        <Route path=(base, path!("/bai-viet/:slug")) view=ArticlePage/>
                        <Route path=(base, path!("/tim-kiem")) view=SearchPage/>
                        <Route path=(base, path!("/mau-giao-dien")) view=StyleGuideRoute/>
                        // Beside the editors' screen (Decap's own page, not the app's).
                        <Route path=(base, path!("/quan-tri/tim-bai-viet")) view=FinderPage/>
                        <Route path=(base, path!("/van-ban")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/trang/:page")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/loai/:kind")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/loai/:kind/trang/:page")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/nam/:year")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/nam/:year/trang/:page")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/loai/:kind/nam/:year")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/loai/:kind/nam/:year/trang/:page")) view=DocumentsPage/>
                        <Route path=(base, path!("/van-ban/:slug")) view=DocumentPage/>
                        <Route path=(base, path!("/thu-tuc-hanh-chinh")) view=ProceduresPage/>
                        <Route path=(base, path!("/thu-tuc-hanh-chinh/linh-vuc/:field")) view=ProceduresPage/>
                        <Route path=(base, path!("/thu-tuc-hanh-chinh/:slug")) view=ProcedurePage/>
                        <Route path=(base, path!("/nhiem-vu")) view=TasksPage/>
                        <Route path=(base, path!("/nhiem-vu/:slug")) view=TaskPage/>
                        // Every filtered page of the listing: the page reads the segments.
                        <Route path=(base, path!("/nhiem-vu/*filters")) view=TasksPage/>
                        <Route path=(base, path!("/to-chuc")) view=OrganisationPage/>
                        <Route path=(base, path!("/to-chuc/:leader")) view=LeaderPage/>
                        <Route path=(base, path!("/en")) view=EnglishHomePage/>
                        <Route path=(base, path!("/en/organisation")) view=EnglishOrganisationPage/>
                        <Route path=(base, path!("/en/organisation/:leader")) view=EnglishLeaderPage/>
                        <Route path=(base, path!("/en/:page")) view=EnglishPageRoute/>
                        // Last: the bundle's pages take the addresses nothing above has.
                        <Route path=(base, path!("/:page")) view=InfoPageRoute/>
                    </FlatRoutes>
                </div>
            </main>
            <SiteFooter/>
            <RouteAnnouncer/>
            <ScrollRestoration/>
            <MoveOn url=then_show/>
        </Router>
    }
}

/// The site's base (`/tin-tuc/`) as the first segment of every route, rather than the router's
/// `base`: leptos_router's `<Form>` resolves its action against the router's base, and so
/// would add the base a second time to an action that already has it (leptos_router 0.8
/// `form.rs`), where the static page needs it for readers without JavaScript.
#[derive(Clone, Copy, Debug)]
pub struct SiteBase(&'static str);

impl SiteBase {
    pub fn segment(paths: &Paths) -> StaticSegment<SiteBase> {
        // A route's segments are `'static` (leptos_router's `AsPath`): each base the process
        // meets is kept once, for the process's life (the build renders every page with one).
        static BASES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
        let wanted = paths.base().trim_matches('/');
        let mut bases = BASES.lock().unwrap_or_else(|e| e.into_inner());
        let base = match bases.iter().find(|b| **b == wanted) {
            Some(base) => base,
            None => {
                let base: &'static str = Box::leak(wanted.to_owned().into_boxed_str());
                bases.push(base);
                base
            }
        };
        StaticSegment(SiteBase(base))
    }
}

impl AsPath for SiteBase {
    fn as_path(&self) -> &'static str {
        self.0
    }
}

/// The first link of every page, in the page's language: it moves focus to the main content.
#[component]
fn SkipLink() -> impl IntoView {
    let lang = use_lang();
    let skip_to_main = |ev: leptos::ev::MouseEvent| {
        // Followed as a link, it would add `#noi-dung` to the address and a history entry.
        ev.prevent_default();
        focus(MainFocus::ScrolledTo);
    };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            {move || Chrome::of(lang.get()).skip_link}
        </a>
    }
}
