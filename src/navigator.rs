//! In-app navigation between the static pages.
//!
//! A link within the site opens its page without reloading the document: the app fetches the
//! page's static HTML (what the build wrote for that address, the same file a reader would
//! load), puts its content in place of the current page's, and takes over that content's
//! islands. Meanwhile the page shows a placeholder; a failure shows a Vietnamese message with
//! "Thử lại", never a blank page. The header and footer stay, so the reader keeps their place.

use crate::api::{FetchError, PageBoot, Paths};
use crate::app::MAIN_ID;
use crate::components::{ErrorPanel, NotFound, Skeleton};
use crate::islands::{self, Context};
use crate::router::{decode_query_value, in_app_url, Link, Location, PageKind, Route};
use leptos::either::Either;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    static NAVIGATOR: RefCell<Option<Navigator>> = const { RefCell::new(None) };
}

struct Navigator {
    context: Context,
    /// The build of the site this document's app came with (see [`PageBoot::build`]).
    build: String,
    /// Counts page loads: the answer for a page the reader has already left is dropped.
    generation: u64,
    /// Whether the page shown is a page of the site, rather than a placeholder or an error.
    page_shown: bool,
}

/// How a navigation treats the history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    /// A new entry (a link, a search).
    Push,
    /// The same entry (the start at a fallback page's address, "Thử lại").
    Keep,
}

fn with<T>(f: impl FnOnce(&mut Navigator) -> T) -> Option<T> {
    NAVIGATOR.with_borrow_mut(|n| n.as_mut().map(f))
}

/// Makes links, Back/Forward and search forms work within the app from now on. `build` is
/// the build of the site the document came from.
pub fn start(context: Context, build: String) {
    NAVIGATOR.with_borrow_mut(|n| {
        *n = Some(Navigator {
            context,
            build,
            generation: 0,
            page_shown: true,
        })
    });
    let click = window_event_listener(leptos::ev::click, on_click);
    let submit = window_event_listener(leptos::ev::submit, on_submit);
    let popstate = window_event_listener(leptos::ev::popstate, |_| {
        let next = current();
        // A history entry of the same address (the photo viewer's) changes no page.
        let moved = with(|n| n.context.location.with_untracked(|shown| *shown != next));
        if moved == Some(true) {
            go(next, "", None);
        }
    });
    // They live as long as the document.
    std::mem::forget((click, submit, popstate));
}

/// The address the browser shows, without its fragment.
pub fn current() -> Location {
    let location = window().location();
    Location {
        pathname: location.pathname().unwrap_or_default(),
        search: location
            .search()
            .unwrap_or_default()
            .trim_start_matches('?')
            .to_owned(),
    }
}

/// Opens `url` (a path below the site, with its query and maybe a `#fragment`) within the
/// app. The address already shown gets no second history entry, so Back still leaves it.
pub fn navigate(url: &str) {
    let next = Location::from_url(url);
    let fragment = url.split_once('#').map_or("", |(_, f)| f);
    // An app without the search leaves the search page to the browser (see `boot::start`).
    let Some(same) = with(|n| {
        let shows_it = n.context.search.is_some()
            || Route::parse(&n.context.paths, &next.pathname).kind() != PageKind::Search;
        shows_it.then(|| n.page_shown && n.context.location.with_untracked(|l| *l == next))
    })
    .flatten() else {
        let _ = window().location().assign(url);
        return;
    };
    if same {
        record(url, History::Keep);
        scroll_to(fragment);
    } else {
        go(next, fragment, Some((url, History::Push)));
    }
}

/// Shows the page at the address the browser shows, in place of the one the document was
/// written for (a host's fallback page).
pub fn show_current() {
    go(current(), "", None);
}

/// Moves to `next`: records it in the history (`record`), then shows it.
fn go(next: Location, fragment: &str, record_as: Option<(&str, History)>) {
    if let Some((url, history)) = record_as {
        record(url, history);
    }
    let Some((context, same_page)) = with(|n| {
        let same_page = n.page_shown
            && n.context
                .location
                .with_untracked(|l| l.pathname == next.pathname);
        (n.context.clone(), same_page)
    }) else {
        return;
    };
    if same_page {
        // Another query of the same page (the search's next results): its islands follow.
        context.location.set(next);
        scroll_to(fragment);
        return;
    }
    islands::stop_page();
    context.location.set(next.clone());
    if record_as.is_some() {
        // Back and Forward leave the scroll position to the browser.
        scroll_to("");
    }
    focus_main();
    load(context, next, fragment.to_owned());
}

/// Fetches the page at `next` and shows it, with a placeholder meanwhile.
fn load(context: Context, next: Location, fragment: String) {
    let Some(generation) = with(|n| {
        n.generation += 1;
        n.page_shown = false;
        n.generation
    }) else {
        return;
    };
    let Some(container) = container() else {
        return;
    };
    container.set_text_content(None);
    let lines = match Route::parse(&context.paths, &next.pathname).kind() {
        PageKind::Article => 14,
        _ => 6,
    };
    islands::keep(islands::mount(&context, &container, move || {
        view! { <Skeleton lines/> }
    }));
    leptos::task::spawn_local(async move {
        let page = fetch_page(&context.paths, &next.pathname).await;
        if with(|n| n.generation) != Some(generation) {
            return; // the reader has moved on
        }
        match page {
            Ok((_, build)) if with(|n| n.build != build) == Some(true) => {
                // The site was rebuilt since this document loaded: its pages may need another
                // app. Loading the page anew brings both.
                let _ = window().location().reload();
            }
            Ok((page, _)) => show(&context, &page, &fragment),
            Err(error) => show_error(&context, &next, fragment, error),
        }
    });
}

/// Fetches and parses the static page for `pathname`, and tells which build wrote it.
async fn fetch_page(
    paths: &Paths,
    pathname: &str,
) -> Result<(web_sys::Document, String), FetchError> {
    let response = gloo_net::http::Request::get(pathname)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(FetchError::NotFound),
        status => return Err(FetchError::Status(status)),
    }
    let html = response.text().await.map_err(|_| FetchError::Network)?;
    let page = web_sys::DomParser::new()
        .and_then(|parser| parser.parse_from_string(&html, web_sys::SupportedType::TextHtml))
        .map_err(|_| FetchError::Malformed)?;
    // A page of the site starts with its boot data and ends with the footer: a page cut short,
    // or one that is not the site's, lacks one of them.
    let boot = page
        .get_element_by_id(PageBoot::ELEMENT_ID)
        .and_then(|el| el.text_content())
        .and_then(|json| crate::content::json::from_str::<PageBoot>(&json).ok())
        .filter(|_| page.get_element_by_id(MAIN_ID).is_some())
        .filter(|_| page.query_selector(".site-footer").ok().flatten().is_some())
        .ok_or(FetchError::Malformed)?;
    // A host that answers unknown addresses with another page (its index page, say) has no
    // page at this one.
    let here = paths.below_base(pathname).unwrap_or(pathname);
    let there = paths.below_base(&boot.path).unwrap_or(&boot.path);
    if here.trim_matches('/') != there.trim_matches('/') {
        return Err(FetchError::NotFound);
    }
    Ok((page, boot.build))
}

/// Puts the fetched page's content in place of the current page's.
fn show(context: &Context, page: &web_sys::Document, fragment: &str) {
    let document = document();
    let (Some(main), Some(new_main)) = (
        document.get_element_by_id(MAIN_ID),
        page.get_element_by_id(MAIN_ID),
    ) else {
        return;
    };
    islands::stop_page();
    main.set_text_content(None);
    while let Some(child) = new_main.first_child() {
        let _ = main.append_child(&child);
    }
    document.set_title(&page.title());
    // The header marks the section the page belongs to.
    let marks = |d: &web_sys::Document| d.query_selector_all(".site-nav__link").ok();
    if let (Some(links), Some(new_links)) = (marks(&document), marks(page)) {
        for i in 0..links.length().min(new_links.length()) {
            let (Some(link), Some(new_link)) = (
                links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok()),
                new_links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok()),
            ) else {
                continue;
            };
            match new_link.get_attribute("aria-current") {
                Some(mark) => link.set_attribute("aria-current", &mark).ok(),
                None => link.remove_attribute("aria-current").ok(),
            };
        }
    }
    // What sharing and printing read from the head.
    for selector in ["link[rel=\"canonical\"]", "meta[name=\"description\"]"] {
        if let (Ok(Some(old)), Ok(Some(new))) = (
            document.query_selector(selector),
            page.query_selector(selector),
        ) {
            let _ = old.replace_with_with_node_1(&new);
        }
    }
    with(|n| n.page_shown = true);
    islands::start_page(context, &main);
    scroll_to(fragment);
}

/// Shows why the page could not be shown, with "Thử lại".
fn show_error(context: &Context, next: &Location, fragment: String, error: FetchError) {
    let Some(container) = container() else {
        return;
    };
    islands::stop_page();
    container.set_text_content(None);
    let retry = {
        let (context, next) = (context.clone(), next.clone());
        Callback::new(move |()| load(context.clone(), next.clone(), fragment.clone()))
    };
    let not_found = error == FetchError::NotFound;
    if not_found {
        document().set_title(&crate::meta::not_found_title(&context.site_name));
    }
    islands::keep(islands::mount(context, &container, move || {
        if not_found {
            Either::Left(view! { <NotFound retry/> })
        } else {
            Either::Right(view! { <ErrorPanel error retry/> })
        }
    }));
}

/// Where a page's content goes.
fn container() -> Option<web_sys::Element> {
    document().get_element_by_id(MAIN_ID)?.first_element_child()
}

/// A new history entry for `url`, or the same entry (whose fragment may change).
fn record(url: &str, history: History) {
    if let Ok(h) = window().history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = match history {
            History::Push => h.push_state_with_url(&state, "", Some(url)),
            History::Keep => h.replace_state_with_url(&state, "", Some(url)),
        };
    }
}

/// The top of the page, or the element the fragment names (the top if it has none).
fn scroll_to(fragment: &str) {
    let target = (!fragment.is_empty())
        .then(|| document().get_element_by_id(&decode_query_value(fragment)))
        .flatten();
    match target {
        Some(element) => element.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// Moves keyboard focus to the main content: what the skip link promises, and what a screen
/// reader needs to notice that a new page has arrived.
fn focus_main() {
    if let Some(main) = document()
        .get_element_by_id(MAIN_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

fn on_click(ev: web_sys::MouseEvent) {
    if ev.default_prevented() {
        return;
    }
    let Some(anchor) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let modified =
        ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key();
    if modified {
        return;
    }
    if anchor.class_list().contains("skip-link") {
        // Followed by the browser, the link would add `#noi-dung` to the address.
        ev.prevent_default();
        focus_main();
        return;
    }
    let Some(context) = with(|n| n.context.clone()) else {
        return;
    };
    if anchor.class_list().contains("figure__link") && islands::open_photo(&context, &anchor) {
        ev.prevent_default();
        return;
    }
    let (pathname, search, hash) = (anchor.pathname(), anchor.search(), anchor.hash());
    let (target, rel) = (anchor.target(), anchor.rel());
    let link = Link {
        same_origin: window().location().origin().ok() == Some(anchor.origin()),
        pathname: &pathname,
        search: search.trim_start_matches('?'),
        hash: hash.trim_start_matches('#'),
        target: &target,
        rel: &rel,
        download: anchor.has_attribute("download"),
        modified,
    };
    if let Some(url) = in_app_url(&context.paths, &current(), &link) {
        ev.prevent_default();
        navigate(&url);
    }
}

/// A search form (the header's, or the search page's) opens its results within the app, at the
/// address the browser would have opened.
fn on_submit(ev: web_sys::SubmitEvent) {
    if ev.default_prevented() {
        return;
    }
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|form| form.get_attribute("role").as_deref() == Some("search"))
    else {
        return;
    };
    let query = form
        .query_selector("input[name=\"q\"]")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default();
    let Some(paths) = with(|n| n.context.paths.clone()) else {
        return;
    };
    ev.prevent_default();
    navigate(&paths.search(&query, 1));
}
