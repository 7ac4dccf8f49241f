//! What a move to another page within the app does besides showing it, as a page load would:
//! focus goes to the new content and a screen reader hears which page it is; Back and Forward
//! return to where the reader was.

use crate::app::MAIN_ID;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The live region's text: the page just shown.
#[derive(Clone, Copy)]
pub struct Announcement {
    text: RwSignal<String>,
    /// Set once the reader has moved within the app: the first page, which the browser loaded,
    /// is announced by the browser itself.
    navigated: RwSignal<bool>,
    /// Set while the app moves on from a host's fallback page to the address the browser
    /// loaded (see [`MoveOn`]): part of the page load, not a move of the reader's.
    moving_on: StoredValue<bool>,
}

impl Announcement {
    pub fn provide() {
        provide_context(Announcement {
            text: RwSignal::new(String::new()),
            navigated: RwSignal::new(false),
            moving_on: StoredValue::new(false),
        });
    }

    /// Announces the page titled `heading`, when it was reached by a move within the app.
    pub fn page_shown(lang: crate::content::Lang, heading: &str) {
        if let Some(announcement) = use_context::<Announcement>() {
            if announcement.navigated.get_untracked() {
                let said = crate::chrome::Chrome::of(lang).page_shown;
                announcement.text.set(format!("{said}{heading}"));
            }
        }
    }
}

/// A visually hidden live region that says which page the reader has moved to, and the move of
/// focus to the new content, which the skip link also promises.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let announcement = expect_context::<Announcement>();
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        let moved_on = announcement.moving_on.try_update_value(std::mem::take);
        if previous.is_some_and(|previous| previous != current) && moved_on != Some(true) {
            announcement.navigated.set(true);
            focus(MainFocus::StayScrolled);
        }
        current
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || announcement.text.get()}
        </p>
    }
}

/// How focus moves to the main content.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MainFocus {
    /// Scrolled into view: the skip link.
    ScrolledTo,
    /// Where the page is: after a move within the app, the router scrolls as a page load would
    /// (to the top, or to the fragment), Back and Forward to the reader's place.
    StayScrolled,
}

/// Moves keyboard focus to the main content: what the skip link promises, and what a screen
/// reader needs to notice that a new page has arrived.
pub fn focus(how: MainFocus) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(main) = document()
            .get_element_by_id(MAIN_ID)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(how == MainFocus::StayScrolled);
            let _ = main.focus_with_options(&options);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (MAIN_ID, how);
}

/// For the search forms' `<Form on_form_data>`: leptos's `form_data_from_event` adds the
/// submit button's name and value even when the button has no name, which HTML leaves out,
/// and the results' address would end in `&=`.
pub fn drop_unnamed_submitter() -> std::sync::Arc<dyn Fn(&leptos::web_sys::FormData)> {
    std::sync::Arc::new(|data| data.delete(""))
}

/// How the app opens an address it built itself (a search form's results), which already
/// carries the site's base: within the app, as a link would.
pub fn within_app() -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        resolve: false,
        ..Default::default()
    }
}

/// Moves on, once the app runs, to `url`: the address asked for, when the page shown was
/// written for another one (a host's fallback page). The history keeps one entry.
#[component]
pub fn MoveOn(url: Option<String>) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if let Some(url) = url {
        use leptos_router::{hooks::use_navigate, NavigateOptions};
        let navigate = use_navigate();
        let announcement = expect_context::<Announcement>();
        Effect::new(move |_| {
            announcement.moving_on.set_value(true);
            navigate(
                &url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..within_app()
                },
            )
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Back and Forward return to where the reader was on each address, also after the page
/// behind it was reloaded: the position on each address is kept in the tab's session storage as
/// the reader scrolls and as they leave it, and applied once the page shown again is long enough
/// (its data, or a search's results, may still be on their way). The browser's own restoring
/// would scroll the page being left, or a placeholder too short to scroll; it stays on for
/// document loads.
///
/// [`ReaderPlaces::before_router`] must run before the `<Router>` is made, so that its `popstate`
/// listener runs before the router's, while the page being left is still shown;
/// `ScrollRestoration` goes inside the router.
#[derive(Clone, Copy)]
pub struct ReaderPlaces {
    #[cfg(feature = "hydrate")]
    places: places::Places,
}

impl ReaderPlaces {
    pub fn before_router() {
        provide_context(ReaderPlaces {
            #[cfg(feature = "hydrate")]
            places: places::Places::before_router(),
        });
    }
}

#[component]
pub fn ScrollRestoration() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    expect_context::<ReaderPlaces>().places.keep(use_location());
}

#[cfg(feature = "hydrate")]
mod places {
    use leptos::prelude::*;
    use leptos_router::location::Location;
    use web_sys::ScrollRestoration;

    const KEY: &str = "khcn:vi-tri:";

    /// The address the browser shows: path and query.
    fn browser_address() -> String {
        let location = window().location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    }

    /// The address whose page the app shows, which the browser's may not show yet.
    #[derive(Clone, Copy)]
    struct Shown {
        pathname: Memo<String>,
        search: Memo<String>,
    }

    impl Shown {
        fn address(&self) -> String {
            let search = self.search.get_untracked();
            let query = if search.is_empty() { "" } else { "?" };
            format!("{}{query}{search}", self.pathname.get_untracked())
        }
    }

    fn storage() -> Option<web_sys::Storage> {
        window().session_storage().ok().flatten()
    }

    /// Whole pixels, as integers: the app formats no floating-point numbers.
    fn save(address: &str) {
        let y = window().scroll_y().unwrap_or_default().round() as i64;
        if let Some(storage) = storage() {
            let _ = storage.set_item(&format!("{KEY}{address}"), &y.to_string());
        }
    }

    fn saved(address: &str) -> Option<f64> {
        let y: i64 = storage()?
            .get_item(&format!("{KEY}{address}"))
            .ok()??
            .parse()
            .ok()?;
        Some(y as f64)
    }

    fn set_mode(mode: ScrollRestoration) {
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(mode);
        }
    }

    /// Whether this document was loaded by Back or Forward.
    fn loaded_by_history() -> bool {
        use wasm_bindgen::JsCast;
        window()
            .performance()
            .map(|p| p.get_entries_by_type("navigation"))
            .and_then(|entries| {
                entries
                    .get(0)
                    .dyn_into::<web_sys::PerformanceNavigationTiming>()
                    .ok()
            })
            .is_some_and(|timing| timing.type_() == web_sys::NavigationType::BackForward)
    }

    #[derive(Clone, Copy)]
    pub struct Places {
        /// The router's address, once the router is made.
        shown: StoredValue<Option<Shown>>,
        /// Counts moves by Back and Forward: a wait for an earlier one's page stops.
        moves: StoredValue<u32>,
    }

    impl Places {
        pub fn before_router() -> Places {
            let places = Places {
                shown: StoredValue::new(None),
                moves: StoredValue::new(0),
            };
            // Left by Back or Forward: the router has not shown the next page yet, nor the
            // browser scrolled. (An entry of the same address, the photo viewer's, moves
            // nothing.)
            let popstate = window_event_listener(leptos::ev::popstate, move |_| {
                let Some(shown) = places.shown.get_value() else {
                    return;
                };
                let (left, next) = (shown.address(), browser_address());
                if left != next {
                    save(&left);
                    places.back_to(saved(&next).unwrap_or_default(), next);
                }
            });
            on_cleanup(move || popstate.remove());
            places
        }

        pub fn keep(self, location: Location) {
            let shown = Shown {
                pathname: location.pathname,
                search: location.search,
            };
            self.shown.set_value(Some(shown));
            Effect::new(move |_| {
                set_mode(ScrollRestoration::Manual);
                let scroll =
                    window_event_listener(leptos::ev::scroll, move |_| save(&shown.address()));
                // A document load (a reload, another site) restores as browsers do.
                let pagehide = window_event_listener(leptos::ev::pagehide, move |_| {
                    save(&shown.address());
                    set_mode(ScrollRestoration::Auto)
                });
                let pageshow = window_event_listener(leptos::ev::pageshow, |_| {
                    set_mode(ScrollRestoration::Manual)
                });
                on_cleanup(move || {
                    for listener in [scroll, pagehide, pageshow] {
                        listener.remove();
                    }
                });
                // A page loaded by Back or Forward whose place the browser did not keep: one
                // left within the app, before this document was loaded.
                if loaded_by_history() {
                    if let Some(y) = saved(&browser_address()) {
                        self.back_to(y, browser_address());
                    }
                }
            });
        }

        /// Scrolls to `y` once the page at `address` is shown and long enough for it.
        fn back_to(self, y: f64, address: String) {
            self.moves.update_value(|n| *n += 1);
            self.scroll_when_there(y, address, self.moves.get_value(), 0, 0);
        }

        /// Waits for the page at `address` and its content (its data, or a search's results,
        /// may be on their way: `aria-busy`), then for it to be long enough, at most about two
        /// seconds, then scrolls as far as it can. Stops when the reader has moved on, or after
        /// half a minute.
        fn scroll_when_there(
            self,
            y: f64,
            address: String,
            this_move: u32,
            waited: u32,
            shown_for: u32,
        ) {
            if self.moves.try_get_value() != Some(this_move) || waited >= 1800 {
                return;
            }
            let loading = document()
                .query_selector("main [aria-busy=\"true\"]")
                .ok()
                .flatten()
                .is_some();
            let shown = self.shown.get_value().map(|shown| shown.address());
            let shown_for = if shown.as_deref() == Some(address.as_str()) && !loading {
                shown_for + 1
            } else {
                0
            };
            let screen = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or_default();
            let height = document()
                .document_element()
                .map_or(0.0, |root| f64::from(root.scroll_height()));
            if shown_for > 0 && (height >= y + screen || shown_for >= 120) {
                window().scroll_to_with_x_and_y(0.0, y);
            } else {
                request_animation_frame(move || {
                    self.scroll_when_there(y, address, this_move, waited + 1, shown_for)
                });
            }
        }
    }
}
