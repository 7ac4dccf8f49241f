//! Replacing a view instead of updating it in place.

use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{PositionState, Render, RenderHtml};

/// A view that, when its reactive parent produces a new one, is built anew and put in place
/// of the old one instead of being compared with it node by node.
///
/// Used where a whole view changes (a new search's results, the photo viewer opening):
/// nothing of the old one is worth keeping, and the code that compares every element with its
/// next version is kilobytes of wasm, most of it never run. Everything inside still updates in
/// place.
///
/// Only for views made of elements: an empty one (`None`, `()`) has no place in the page to put
/// the new one, and is then left as it is.
pub struct Fresh<V>(pub V);

impl<V: Render> Render for Fresh<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        super::wrapper::replace(state, self.0.build());
    }
}

impl<V: RenderHtml> RenderHtml for Fresh<V> {
    type Owned = Fresh<V::Owned>;

    html_of_the_wrapped_view!();

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.0.hydrate_async(cursor, position).await
    }

    fn into_owned(self) -> Self::Owned {
        Fresh(self.0.into_owned())
    }
}

attributes_go_to_the_wrapped_view!(Fresh);
