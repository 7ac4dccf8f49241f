//! Starting the app in the browser, on top of the static page the build wrote.

use crate::api::{DataCache, PageBoot, Paths};
use crate::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the data the page carries, then takes over the page in the next task. A static page
/// rendered for this very path is hydrated in place, which repaints nothing; anything else (a
/// host's fallback page holding another path's HTML, or no static HTML at all) gets a fresh
/// render that replaces the old markup only once it is built.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };

    let here = window.location().pathname().unwrap_or_default();
    let boot: Option<PageBoot> = document
        .get_element_by_id(PageBoot::ELEMENT_ID)
        .and_then(|el| el.text_content())
        .and_then(|json| crate::content::json::from_str(&json).ok());
    let paths = Paths::new(boot.as_ref().map_or("/", |b| b.base.as_str()));
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
    // Taking over the page is the next task (see main.rs for why tasks stay short).
    let take_over = move || take_over(document, paths, cache, boot, here);
    leptos::prelude::set_timeout(take_over, std::time::Duration::ZERO);
}

fn take_over(
    document: web_sys::Document,
    paths: Paths,
    cache: DataCache,
    boot: Option<PageBoot>,
    here: String,
) {
    effects_wait::install();
    effects_wait::hold();
    let app = move || {
        provide_context(paths);
        provide_context(cache);
        view! { <App location=crate::router::browser_location()/> }
    };

    let root = document.get_element_by_id("app");
    let how = match (root, boot) {
        (Some(root), Some(boot)) if boot.path == here => {
            leptos::mount::hydrate_from(root.unchecked_into(), app).forget();
            "hydrated"
        }
        (old_root, _) => {
            if let Ok(fresh) = document.create_element("div") {
                fresh.set_id("app");
                let handle = leptos::mount::mount_to(fresh.clone().unchecked_into(), app);
                match (old_root, document.body()) {
                    (Some(old), _) => {
                        let _ = old.replace_with_with_node_1(&fresh);
                    }
                    (None, Some(body)) => {
                        let _ = body.prepend_with_node_1(&fresh);
                    }
                    (None, None) => {}
                }
                handle.forget();
            }
            "rendered"
        }
    };
    // Each in a task of its own, in this order: the page's own content, which the hydration
    // above left for later (components::Later); then the effects of the whole page; then the
    // app counts as started.
    leptos::prelude::set_timeout(effects_wait::release, std::time::Duration::ZERO);
    let started = move || mark_started(&document, how);
    leptos::prelude::set_timeout(started, std::time::Duration::ZERO);
}

/// Records how the app started (`<html data-app="hydrated">`), for tests and for anyone
/// looking at the page in developer tools.
fn mark_started(document: &web_sys::Document, how: &str) {
    if let Some(html) = document.document_element() {
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
