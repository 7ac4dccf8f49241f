//! Starting the app in the browser, on top of the static page the build wrote.

use crate::api::{DataCache, PageBoot, Paths};
use crate::app::MAIN_ID;
use crate::islands::{self, Context, SearchIsland};
use crate::navigator;
use crate::router::{Location, Route};
use leptos::prelude::*;
use std::time::Duration;

/// Takes over the page's islands, then in-app navigation, each in a task of its own (see
/// main.rs for why tasks stay short). Until the last, links are the browser's to follow. A
/// page the build did not write (without its boot data), or a static-only page, is left as
/// it is.
///
/// `search` is the search page's island, which only the search page's app has: every other
/// page's app leaves the search to a page load, and its code out of the wasm.
pub fn start(search: Option<SearchIsland>) {
    let Some(Ok(boot)) = PageBoot::read(&document()) else {
        return;
    };
    let paths = Paths::new(&boot.base);
    let here = navigator::current();
    if Route::parse(&paths, &here.pathname).is_static_only() {
        return;
    }
    let _ = any_spawner::Executor::init_wasm_bindgen();
    mark("data-app-starting", "");
    let written_for_here = boot.path == here.pathname;
    let build = boot.build;
    let context = Context {
        paths,
        cache: DataCache::default(),
        // A page shown at another address than its own (a host's fallback page) starts at its
        // own, then moves on to `here` below, like a navigation.
        location: RwSignal::new(if written_for_here {
            here
        } else {
            Location::from_url(&boot.path)
        }),
        site_name: boot.site_name,
        search,
    };
    if let Some(header) = document().query_selector(".site-header").ok().flatten() {
        islands::start_header(&context, &header);
    }
    navigator::reveal_current_section();
    set_timeout(
        move || {
            if written_for_here {
                if let Some(main) = document().get_element_by_id(MAIN_ID) {
                    islands::start_page(&context, &main);
                }
            }
            set_timeout(
                move || {
                    navigator::start(context, build);
                    if !written_for_here {
                        navigator::show_current();
                    }
                    if let Some(html) = document().document_element() {
                        let _ = html.remove_attribute("data-app-starting");
                    }
                    mark(
                        "data-app",
                        if written_for_here {
                            "hydrated"
                        } else {
                            "rendered"
                        },
                    );
                },
                Duration::ZERO,
            );
        },
        Duration::ZERO,
    );
}

/// Marks the document: `<html data-app-starting>` while the app takes the page over, then
/// `<html data-app="hydrated">` (or `"rendered"`, for a page shown at another address than the
/// one it was written for), for tests and for anyone looking at the page in developer tools.
fn mark(attribute: &str, value: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute(attribute, value);
    }
}
