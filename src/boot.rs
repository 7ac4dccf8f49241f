//! Starting the app in the browser, on top of the static page the build wrote.

use crate::api::{data, DataCache, PageBoot, Paths};
use crate::content::Site;
use crate::router::Location;
use crate::App;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Reads the data the page carries, then takes over the page in the next task. The static
/// page is hydrated as what it was written for, so nothing repaints; a page shown at another
/// address (a host's fallback page) then moves on to that address within the app. A page the
/// build did not write (without its data) is left as it is.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };

    let here = window.location().pathname().unwrap_or_default();
    let Some(boot) = document
        .get_element_by_id(PageBoot::ELEMENT_ID)
        .and_then(|el| el.text_content())
        .and_then(|json| crate::content::json::from_str::<PageBoot>(&json).ok())
    else {
        return;
    };
    let paths = Paths::new(&boot.base);
    if crate::router::Route::parse(&paths, &here).is_static_only() {
        return;
    }
    let cache = DataCache::default();
    if let Ok(scripts) = document.query_selector_all("script[data-path]") {
        for i in 0..scripts.length() {
            let Some(script) = scripts
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            if let (Some(path), Some(json)) =
                (script.get_attribute("data-path"), script.text_content())
            {
                cache.insert(path, json);
            }
        }
    }
    cache.parse_all();
    let (Some(root), Some(Ok(site))) = (
        document.get_element_by_id("app"),
        cache.parsed::<Site>(data::SITE),
    ) else {
        return;
    };
    // Taking over the page is the next task (see main.rs for why tasks stay short).
    let take_over = move || take_over(document, root, paths, cache, site, boot, here);
    leptos::prelude::set_timeout(take_over, std::time::Duration::ZERO);
}

fn take_over(
    document: web_sys::Document,
    root: web_sys::Element,
    paths: Paths,
    cache: DataCache,
    site: Arc<Site>,
    boot: PageBoot,
    here: String,
) {
    effects_wait::install();
    effects_wait::hold();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app-starting", "");
    }
    let how = if boot.path == here {
        "hydrated"
    } else {
        "rendered"
    };
    let start = Location::from_url(&boot.path);
    let app = move || {
        provide_context(paths);
        provide_context(cache);
        view! { <App location=start site/> }
    };
    leptos::mount::hydrate_from(root.unchecked_into(), app).forget();
    // Each in a task of its own, in this order: the page's own content, which the hydration
    // above left for later (components::Later); then the effects of the whole page (among
    // them the move to the address shown); then the app counts as started.
    leptos::prelude::set_timeout(effects_wait::release, std::time::Duration::ZERO);
    let started = move || mark_started(&document, how);
    leptos::prelude::set_timeout(started, std::time::Duration::ZERO);
}

/// Records how the app started (`<html data-app="hydrated">`), for tests and for anyone
/// looking at the page in developer tools. Until then, `<html data-app-starting>` marks the
/// takeover under way.
fn mark_started(document: &web_sys::Document, how: &str) {
    if let Some(html) = document.document_element() {
        let _ = html.remove_attribute("data-app-starting");
        let _ = html.set_attribute("data-app", how);
    }
}

/// Leptos starts every effect, and all async work, by spawning a future. While the page is
/// being taken over (its content included, a task later), those futures wait: the takeover
/// tasks then only adopt the page, and what reacts to it (the document title, the theme button,
/// looking for a Vietnamese voice…) follows in a task of its own, in the same order. One long task of both held up the
/// reader's first tap on a slow phone (Lighthouse's Total Blocking Time).
mod effects_wait {
    use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
    use std::cell::RefCell;

    thread_local! {
        static HELD: RefCell<Option<Vec<PinnedLocalFuture<()>>>> = const { RefCell::new(None) };
    }

    struct Spawner;

    impl CustomExecutor for Spawner {
        // The browser has one thread: a future that could move between threads runs here too.
        fn spawn(&self, future: PinnedFuture<()>) {
            self.spawn_local(future);
        }

        fn spawn_local(&self, future: PinnedLocalFuture<()>) {
            let future = HELD.with_borrow_mut(|held| match held {
                Some(held) => {
                    held.push(future);
                    None
                }
                None => Some(future),
            });
            if let Some(future) = future {
                wasm_bindgen_futures::spawn_local(future);
            }
        }

        fn poll_local(&self) {}
    }

    /// Makes this Leptos's executor; the one Leptos would install otherwise is
    /// wasm-bindgen-futures' alone, which this one hands every future to.
    pub fn install() {
        let _ = Executor::init_local_custom_executor(Spawner);
    }

    pub fn hold() {
        HELD.with_borrow_mut(|held| *held = Some(Vec::new()));
    }

    pub fn release() {
        for future in HELD.with_borrow_mut(Option::take).unwrap_or_default() {
            wasm_bindgen_futures::spawn_local(future);
        }
    }
}
