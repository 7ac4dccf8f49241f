//! In-app navigation between the static pages.
//!
//! A link within the site opens its page without reloading the document: the app fetches the
//! page's static HTML (what the build wrote for that address, the same file a reader would
//! load), puts its content in place of the current page's, and takes over that content's
//! islands. Meanwhile the page shows a placeholder; a failure shows a Vietnamese message with
//! "Thử lại", never a blank page. The header and footer stay, so the reader keeps their place.

use crate::api::{fetch_html, FetchError, PageBoot, Paths};
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
    shown: Shown,
    /// Where the page being loaded scrolls once shown.
    pending: Scroll,
    /// The history entry shown, by the number its state holds.
    entry: f64,
    /// Where the reader was on each entry of this document's history they have left.
    positions: Vec<(f64, f64)>,
}

/// What the page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// A page of the site.
    Page,
    /// The placeholder, while the page at the address loads.
    Loading,
    /// Why the page at the address could not be shown.
    Failed,
}

/// Where the window scrolls once a page is shown.
#[derive(Clone, Debug, PartialEq)]
enum Scroll {
    /// The element the fragment names, else the top: a link, like a page load.
    To(String),
    /// Where the reader was on that page: Back and Forward.
    Back(Option<f64>, String),
}

fn with<T>(f: impl FnOnce(&mut Navigator) -> T) -> Option<T> {
    NAVIGATOR.with_borrow_mut(|n| n.as_mut().map(f))
}

/// Makes links, Back/Forward and search forms work within the app from now on. `build` is
/// the build of the site the document came from.
pub fn start(context: Context, build: String) {
    // Each entry of the history the app makes holds a number of its own, by which the app
    // remembers where the reader was on it. The first entry gets one now.
    let entry = new_entry();
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&entry_state(entry, None), "");
    }
    NAVIGATOR.with_borrow_mut(|n| {
        *n = Some(Navigator {
            context,
            build,
            generation: 0,
            shown: Shown::Page,
            pending: Scroll::To(String::new()),
            entry,
            positions: Vec::new(),
        })
    });
    // Back and Forward within the app scroll where the app says, once the page is there: the
    // browser would scroll the page being left, or a placeholder too short to scroll. While
    // the document unloads, the browser's own restoring applies again (a reload, say).
    set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    let pagehide = window_event_listener(leptos::ev::pagehide, |_| {
        set_scroll_restoration(web_sys::ScrollRestoration::Auto)
    });
    let pageshow = window_event_listener(leptos::ev::pageshow, |_| {
        set_scroll_restoration(web_sys::ScrollRestoration::Manual)
    });
    let click = window_event_listener(leptos::ev::click, on_click);
    let submit = window_event_listener(leptos::ev::submit, on_submit);
    let popstate = window_event_listener(leptos::ev::popstate, |ev| {
        let next = current();
        // A history entry of the same address (the photo viewer's) changes no page.
        let moved = with(|n| n.context.location.with_untracked(|shown| *shown != next));
        if moved != Some(true) {
            return;
        }
        let (entry, kept) = read_state(&ev.state());
        let y = with(|n| {
            n.leave_entry();
            n.entry = entry.unwrap_or_else(new_entry);
            n.positions
                .iter()
                .find(|(entry, _)| *entry == n.entry)
                .map(|(_, y)| *y)
        })
        .flatten()
        // Left by a link before this document was loaded again (a reload).
        .or(kept);
        let fragment = window().location().hash().unwrap_or_default();
        let fragment = fragment.trim_start_matches('#').to_owned();
        go(next, Scroll::Back(y, fragment));
    });
    // They live as long as the document.
    std::mem::forget((pagehide, pageshow, click, submit, popstate));
}

impl Navigator {
    /// Remembers where the reader is on the entry being left: on a page, its scroll position
    /// (returned); on a placeholder or an error, what it already had.
    fn leave_entry(&mut self) -> Option<f64> {
        if self.shown != Shown::Page {
            return None;
        }
        let y = window().scroll_y().unwrap_or_default();
        self.positions.retain(|(entry, _)| *entry != self.entry);
        self.positions.push((self.entry, y));
        Some(y)
    }
}

/// An entry's history state, `"khcn <number> [<y>]"`: its number and, once left by a link,
/// where the reader was.
fn entry_state(entry: f64, y: Option<f64>) -> wasm_bindgen::JsValue {
    let y = y.map_or(String::new(), |y| format!(" {}", y.round() as i64));
    wasm_bindgen::JsValue::from_str(&format!("{STATE} {}{y}", entry as u64))
}

const STATE: &str = "khcn";

/// The number and the place an entry's state holds; none for a state the app did not write
/// (the photo viewer's, another app's).
fn read_state(state: &wasm_bindgen::JsValue) -> (Option<f64>, Option<f64>) {
    let state = state.as_string().unwrap_or_default();
    let mut parts = state.split(' ');
    if parts.next() != Some(STATE) {
        return (None, None);
    }
    let mut number = || {
        parts
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .map(|n| n as f64)
    };
    (number(), number())
}

/// A number for a new history entry, distinct from those of the tab's earlier documents: after
/// a reload, Back and Forward still reach the entries the document made before, within it.
fn new_entry() -> f64 {
    thread_local! {
        static LAST: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
    }
    LAST.with(|last| {
        let entry = js_sys::Date::now().max(last.get() + 1.0);
        last.set(entry);
        entry
    })
}

fn set_scroll_restoration(mode: web_sys::ScrollRestoration) {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(mode);
    }
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
/// app. The address already shown, or already loading, gets no second history entry, so Back
/// still leaves it at once.
pub fn navigate(url: &str) {
    let next = Location::from_url(url);
    let fragment = url.split_once('#').map_or("", |(_, f)| f).to_owned();
    // An app without the search leaves the search page to the browser (see `boot::start`).
    let Some(same) = with(|n| {
        let shows_it = n.context.search.is_some()
            || Route::parse(&n.context.paths, &next.pathname).kind() != PageKind::Search;
        let same = n.context.location.with_untracked(|l| *l == next);
        shows_it.then_some(same.then_some(n.shown))
    })
    .flatten() else {
        let _ = window().location().assign(url);
        return;
    };
    match same {
        Some(Shown::Page) => {
            record(url, History::Replace);
            scroll(&Scroll::To(fragment));
        }
        Some(Shown::Loading) => {
            record(url, History::Replace);
            with(|n| n.pending = Scroll::To(fragment));
        }
        // The link again, after a failure: a retry.
        Some(Shown::Failed) => {
            record(url, History::Replace);
            retry(next, Scroll::To(fragment));
        }
        None => {
            record(url, History::Push);
            go(next, Scroll::To(fragment));
        }
    }
}

/// Shows the page at the address the browser shows, in place of the one the document was
/// written for (a host's fallback page).
pub fn show_current() {
    go(current(), Scroll::Back(None, String::new()));
}

/// Shows the page at `next`, the address the history now holds.
fn go(next: Location, scroll_to: Scroll) {
    let Some((context, same_page)) = with(|n| {
        let same_page = n.shown == Shown::Page
            && n.context
                .location
                .with_untracked(|l| l.pathname == next.pathname);
        (n.context.clone(), same_page)
    }) else {
        return;
    };
    if same_page {
        // Another query of the same page (the search's next results): its islands follow,
        // from the next frame on.
        context.location.set(next);
        let generation = with(|n| n.generation).unwrap_or_default();
        request_animation_frame(move || scroll_when_there(scroll_to, generation, 0));
        return;
    }
    islands::stop_page();
    context.location.set(next.clone());
    if matches!(scroll_to, Scroll::To(_)) {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
    focus_main();
    load(context, next, scroll_to);
}

/// Loads the page at `next` again, after a failure.
fn retry(next: Location, scroll_to: Scroll) {
    let Some(context) = with(|n| n.context.clone()) else {
        return;
    };
    islands::stop_page();
    // The button that was pressed is gone.
    focus_main();
    load(context, next, scroll_to);
}

/// Fetches the page at `next` and shows it, with a placeholder meanwhile.
fn load(context: Context, next: Location, scroll_to: Scroll) {
    let Some(container) = container() else {
        return;
    };
    let Some(generation) = with(|n| {
        n.generation += 1;
        n.shown = Shown::Loading;
        n.pending = scroll_to;
        n.generation
    }) else {
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
            Ok((page, _)) => show(&context, &page, generation),
            Err(error) => {
                let scroll_to = with(|n| n.pending.clone()).unwrap_or(Scroll::To(String::new()));
                show_error(&context, next, scroll_to, error)
            }
        }
    });
}

/// Fetches and parses the static page for `pathname`, and tells which build wrote it.
async fn fetch_page(
    paths: &Paths,
    pathname: &str,
) -> Result<(web_sys::Document, String), FetchError> {
    let html = fetch_html(pathname).await?;
    let page = web_sys::DomParser::new()
        .and_then(|parser| parser.parse_from_string(&html, web_sys::SupportedType::TextHtml))
        .map_err(|_| FetchError::Malformed)?;
    // A page of the site starts with its boot data and ends with the footer: a page cut short,
    // or one that is not the site's, lacks one of them.
    let boot = PageBoot::read(&page)
        .filter(|_| page.get_element_by_id(MAIN_ID).is_some())
        .filter(|_| page.query_selector(".site-footer").ok().flatten().is_some())
        .ok_or(FetchError::Malformed)?;
    // Boot data this app cannot read comes from another build of the site (see `load`).
    let Ok(boot) = boot else {
        return Ok((page, String::new()));
    };
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
fn show(context: &Context, page: &web_sys::Document, generation: u64) {
    let document = document();
    let (Some(main), Some(new_main)) = (
        document.get_element_by_id(MAIN_ID),
        page.get_element_by_id(MAIN_ID),
    ) else {
        // Not a page this app can show in place (fetch_page has checked it has a `main`).
        let _ = window().location().reload();
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
    reveal_current_section();
    let scroll_to = with(|n| {
        n.shown = Shown::Page;
        n.pending.clone()
    });
    islands::start_page(context, &main);
    if let Some(scroll_to) = scroll_to {
        scroll_when_there(scroll_to, generation, 0);
    }
}

/// Scrolls as `scroll` does, once the page is long enough for it: the islands may still be
/// adding content (the search its results). Gives up waiting after about two seconds, or
/// when the reader has moved on.
fn scroll_when_there(to: Scroll, generation: u64, frames: u32) {
    let needed = match &to {
        Scroll::Back(Some(y), _) => {
            let screen = window().inner_height().ok().and_then(|h| h.as_f64());
            *y + screen.unwrap_or_default()
        }
        _ => 0.0,
    };
    let height = document()
        .document_element()
        .map_or(0.0, |root| f64::from(root.scroll_height()));
    if height >= needed || frames >= 120 {
        scroll(&to);
    } else if with(|n| n.generation) == Some(generation) {
        request_animation_frame(move || scroll_when_there(to, generation, frames + 1));
    }
}

/// On a phone the header's sections are one line that scrolls sideways: the one the page
/// belongs to is scrolled into that line's view, so the reader sees where they are.
pub fn reveal_current_section() {
    let link = document()
        .query_selector(".site-nav__link[aria-current]")
        .ok()
        .flatten();
    let Some((link, list)) = link.and_then(|link| {
        let list = link.closest(".site-nav__list").ok().flatten()?;
        Some((link, list))
    }) else {
        return;
    };
    let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    // Within the strip, which is the link's offset parent (`position: relative`, site.css).
    let left = link.offset_left() - list.scroll_left();
    let right = left + link.offset_width();
    let width = list.client_width();
    if left < 0 || right > width {
        // Centred where it can be; the browser clamps at either end.
        list.set_scroll_left(list.scroll_left() + (left + right - width) / 2);
    }
}

/// Shows why the page could not be shown, with "Thử lại".
fn show_error(context: &Context, next: Location, scroll_to: Scroll, error: FetchError) {
    let Some(container) = container() else {
        return;
    };
    with(|n| n.shown = Shown::Failed);
    islands::stop_page();
    container.set_text_content(None);
    let not_found = error == FetchError::NotFound;
    if not_found {
        document().set_title(&crate::meta::not_found_title(&context.site_name));
    }
    islands::keep(islands::mount(context, &container, move || {
        // Made within the panel, and gone with it.
        let retry = Callback::new(move |()| retry(next.clone(), scroll_to.clone()));
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

/// How a navigation treats the history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    /// A new entry: a link, a search.
    Push,
    /// The same entry, whose fragment may change: the address already shown.
    Replace,
}

/// A new history entry for `url`, or the same entry. The app remembers where the reader was
/// on the entry left behind, for Back.
fn record(url: &str, how: History) {
    let Ok(history) = window().history() else {
        return;
    };
    let Some(entry) = with(|n| {
        if how == History::Push {
            // Kept in the entry too, which outlives this document (a reload).
            if let Some(y) = n.leave_entry() {
                let _ = history.replace_state(&entry_state(n.entry, Some(y)), "");
            }
            n.entry = new_entry();
        }
        n.entry
    }) else {
        return;
    };
    let state = entry_state(entry, None);
    let _ = match how {
        History::Push => history.push_state_with_url(&state, "", Some(url)),
        History::Replace => history.replace_state_with_url(&state, "", Some(url)),
    };
}

/// Scrolls as a page load would: to the fragment's element, else to the top; Back and Forward
/// to where the reader was, when the entry knows.
fn scroll(to: &Scroll) {
    let (y, fragment) = match to {
        Scroll::To(fragment) => (None, fragment),
        Scroll::Back(y, fragment) => (*y, fragment),
    };
    if let Some(y) = y {
        window().scroll_to_with_x_and_y(0.0, y);
        return;
    }
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
