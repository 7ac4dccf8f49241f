//! The parts of a static page that the browser makes live: the islands.
//!
//! The build renders every page whole, with the app's components. In the browser only these
//! few parts need code (the theme button, an article's tools, the search), so the app hydrates
//! just them, with the same components, and leaves the rest of each page to the browser. The
//! rest never reaches the wasm: that is most of what the app used to weigh (README,
//! "Measurements").

use crate::api::{DataCache, Paths};
use crate::browser::elements;
use crate::components::{ArticleTools, Photo, PhotoViewer, ThemeToggle};
use crate::pages::SearchPage;
use crate::router::{Location, Router};
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::cell::RefCell;

/// What every island may need, for the whole visit.
#[derive(Clone)]
pub struct Context {
    pub paths: Paths,
    /// Data fetched during this visit (the search index), kept across pages.
    pub cache: DataCache,
    /// The address shown; the navigation moves it.
    pub location: RwSignal<Location>,
    /// The site's short name, for document titles.
    pub site_name: String,
    /// The search page's island, in the app that has it (the search page's own, see
    /// `src/bin/khcn-cantho-search.rs`). Without it, the search page is left to the browser.
    pub search: Option<SearchIsland>,
}

/// Takes over a search page's `section.search`.
pub type SearchIsland = fn(&Context, web_sys::Element) -> Island;

/// The search page's island: the search form and its results, which follow the address.
pub fn search(context: &Context, section: web_sys::Element) -> Island {
    let site_name = context.site_name.clone();
    hydrate(context, section, move || view! { <SearchPage site_name/> })
}

impl Context {
    fn provide(&self) {
        provide_context(self.paths.clone());
        provide_context(self.cache.clone());
        Router::provide(self.location);
    }
}

/// A live island or panel. Dropping it takes it down: its effects, listeners and tasks end, and
/// what the app built (not what it hydrated) leaves the page.
pub struct Island {
    owner: Owner,
    view: View,
}

enum View {
    /// Hydrated: part of a static page, which goes with that page.
    Hydrated(#[allow(dead_code)] Box<dyn std::any::Any>),
    Built(Box<dyn Mountable>),
}

impl Drop for Island {
    fn drop(&mut self) {
        if let View::Built(view) = &mut self.view {
            view.unmount();
        }
        self.owner.cleanup();
    }
}

/// Hydrates `element` itself with `view`, which renders exactly that element. (Leptos's
/// `hydrate_from` hydrates an element's children, which would need a wrapper element around
/// each island in the static page.)
pub fn hydrate<V: IntoView + 'static>(
    context: &Context,
    element: web_sys::Element,
    view: impl FnOnce() -> V + 'static,
) -> Island {
    let (owner, state) = owned(context, move || {
        view().into_view().hydrate::<true>(
            &Cursor::new(element),
            &PositionState::new(Position::Current),
        )
    });
    Island {
        owner,
        view: View::Hydrated(Box::new(state)),
    }
}

/// Builds `view` at the end of `parent`: what the app shows that no static page holds (the
/// placeholder, an error, the photo viewer).
pub fn mount<V: IntoView + 'static>(
    context: &Context,
    parent: &web_sys::Element,
    view: impl FnOnce() -> V + 'static,
) -> Island {
    let (owner, state) = owned(context, move || {
        let mut state = view().into_view().build();
        state.mount(parent, None);
        state
    });
    Island {
        owner,
        view: View::Built(Box::new(state)),
    }
}

/// Runs `make` under a new root owner that provides `context`: whatever it creates belongs to
/// the island, and goes with it.
fn owned<T>(context: &Context, make: impl FnOnce() -> T) -> (Owner, T) {
    let owner = Owner::new_root(None);
    let made = owner.with(|| {
        context.provide();
        make()
    });
    (owner, made)
}

thread_local! {
    /// The islands of the page shown; the header's live for the whole visit.
    static PAGE: RefCell<Vec<Island>> = const { RefCell::new(Vec::new()) };
    /// The photo viewer of the page shown, once a photo has been opened.
    static VIEWER: RefCell<Option<(RwSignal<Option<usize>>, Island)>> = const { RefCell::new(None) };
}

fn element(scope: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    scope.query_selector(selector).ok().flatten()
}

fn text(scope: &web_sys::Element, selector: &str) -> String {
    element(scope, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The header's island: the theme button. The header is the same on every page, so it is
/// taken over once.
pub fn start_header(context: &Context, header: &web_sys::Element) {
    if let Some(button) = element(header, ".theme-toggle") {
        std::mem::forget(hydrate(context, button, ThemeToggle));
    }
}

/// Takes over the islands of the page in `main`.
pub fn start_page(context: &Context, main: &web_sys::Element) {
    let mut islands = Vec::new();
    if let Some(tools) = element(main, ".article .tools") {
        let title = text(main, ".article__title");
        let canonical = text(main, ".article__url");
        islands.push(hydrate(context, tools, move || {
            view! { <ArticleTools title canonical/> }
        }));
    }
    if let (Some(section), Some(search)) = (element(main, "section.search"), context.search) {
        islands.push(search(context, section));
    }
    PAGE.with_borrow_mut(|page| page.extend(islands));
}

/// Keeps `island` until the page is taken down: what the app shows in place of a page.
pub fn keep(island: Island) {
    PAGE.with_borrow_mut(|page| page.push(island));
}

/// Takes down the page's islands, before its content goes.
pub fn stop_page() {
    // Taken out first: taking an island down may run code that looks at the page's islands.
    let islands = PAGE.with_borrow_mut(std::mem::take);
    let viewer = VIEWER.with_borrow_mut(Option::take);
    drop(islands);
    if let Some((open, viewer)) = viewer {
        drop(viewer);
        // Made outside the viewer, which needs it from the start.
        open.dispose();
    }
}

/// A click on a photo of an article opens it in the photo viewer. `true` when it did.
pub fn open_photo(context: &Context, link: &web_sys::Element) -> bool {
    let Some(article) = link.closest(".article").ok().flatten() else {
        return false;
    };
    let links = elements(&article, ".figure__link");
    let Some(index) = links.iter().position(|l| l == link) else {
        return false;
    };
    let open = VIEWER.with_borrow(|viewer| viewer.as_ref().map(|(open, _)| *open));
    if let Some(open) = open {
        open.set(Some(index));
        return true;
    }
    let photos: Vec<(Photo, String)> = elements(&article, ".figure")
        .iter()
        .map(|figure| (photo_of(figure), text(figure, "figcaption")))
        .collect();
    let open = RwSignal::new(Some(index));
    let Some(body) = document().body() else {
        return false;
    };
    // In the body, outside the page's content: it is a modal dialog, shown above everything.
    let viewer = mount(context, &body, move || view! { <PhotoViewer photos open/> });
    VIEWER.with_borrow_mut(|slot| *slot = Some((open, viewer)));
    true
}

/// A figure's photo as the page shows it.
fn photo_of(figure: &web_sys::Element) -> Photo {
    let img = element(figure, "img");
    let attribute = |name: &str| img.as_ref().and_then(|img| img.get_attribute(name));
    let size = |name: &str| attribute(name).and_then(|v| v.parse().ok()).unwrap_or(0);
    Photo {
        src: attribute("src").unwrap_or_default(),
        jpeg: attribute("srcset"),
        webp: element(figure, "source[type=\"image/webp\"]")
            .and_then(|s| s.get_attribute("srcset")),
        width: size("width"),
        height: size("height"),
        alt: attribute("alt").unwrap_or_default(),
    }
}
