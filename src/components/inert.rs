//! Parts of a static page with nothing to take over.

use super::wrapper::{adopt_element, replace, Adopted};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{PositionState, Render, RenderHtml};

/// A view of exactly one element with nothing in it for the app to do: no event handler, no
/// value that changes (links are the router's, which listens on the whole window). Taking over
/// a static page adopts its element as it is, without walking it; the browser builds it like any
/// view when the app shows a new page. Rendered to HTML, it is the view itself.
///
/// Skipping these parts makes the takeover shorter and leaves their hydration code out of the
/// app's wasm.
pub struct Inert<V>(pub V);

impl<V: Render> Render for Inert<V> {
    /// The static element it adopted, or what it built.
    type State = Adopted<V::State>;

    fn build(self) -> Self::State {
        Adopted::View(self.0.build())
    }

    fn rebuild(self, state: &mut Self::State) {
        // Nothing inert changes in place: new content takes the old one's place.
        replace(state, Adopted::View(self.0.build()));
    }
}

impl<V: RenderHtml> RenderHtml for Inert<V> {
    type Owned = Inert<V::Owned>;

    html_of_the_wrapped_view!();

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        Adopted::Element(adopt_element(cursor, position))
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.hydrate::<true>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Inert(self.0.into_owned())
    }
}

attributes_go_to_the_wrapped_view!(Inert);

/// A part of the shell every page shares (the footer), which the browser only ever
/// adopts from the static page: the app takes over static pages and never builds the shell
/// itself. So in the browser its view is not even made, and the code that makes it (text,
/// links, the phone numbers' parsing) stays out of the wasm. Rendered to HTML, it is `make()`.
#[cfg(not(feature = "hydrate"))]
pub fn adopted_from_the_page<V>(make: impl FnOnce() -> V) -> Inert<V> {
    Inert(make())
}

/// See above: in the browser, only the element the static page holds.
#[cfg(feature = "hydrate")]
pub fn adopted_from_the_page<V>(_make: impl FnOnce() -> V) -> Inert<()> {
    Inert(())
}
