//! Parts of a static page with nothing to take over.

use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;

/// A view of exactly one element with nothing in it for the app to do: no event handler, no
/// value that changes (links are the router's, which listens on the whole window). Taking over
/// a static page adopts its element as it is, without walking it; the browser builds it like any
/// view when the app shows a new page. Rendered to HTML, it is the view itself.
///
/// Skipping these parts makes the takeover shorter and leaves their hydration code out of the
/// app's wasm.
pub struct Inert<V>(pub V);

/// What an [`Inert`] holds in the browser: the static element it adopted, or what it built.
pub enum InertState<S> {
    Adopted(Node),
    Built(S),
}

impl<V: Render> Render for Inert<V> {
    type State = InertState<V::State>;

    fn build(self) -> Self::State {
        InertState::Built(self.0.build())
    }

    fn rebuild(self, state: &mut Self::State) {
        // Nothing inert changes in place: new content takes the old one's place.
        let mut fresh = InertState::Built(self.0.build());
        if state.insert_before_this(&mut fresh) {
            state.unmount();
            *state = fresh;
        }
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
        // Step onto the element as an element's own hydration would, and leave the cursor on
        // it, so that the views after it hydrate from its next sibling.
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        position.set(Position::NextChild);
        InertState::Adopted(cursor.current())
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.hydrate::<true>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Inert(self.0.into_owned())
    }
}

attributes_go_to_the_wrapped_view!(Inert);

impl<S: Mountable> Mountable for InertState<S> {
    fn unmount(&mut self) {
        match self {
            InertState::Adopted(node) => Rndr::remove(node),
            InertState::Built(inner) => inner.unmount(),
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        match self {
            InertState::Adopted(node) => Rndr::insert_node(parent, node, marker),
            InertState::Built(inner) => inner.mount(parent, marker),
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self {
            InertState::Adopted(node) => match Rndr::get_parent(node) {
                Some(parent) => {
                    child.mount(parent.unchecked_ref(), Some(node));
                    true
                }
                None => false,
            },
            InertState::Built(inner) => inner.insert_before_this(child),
        }
    }

    fn elements(&self) -> Vec<Element> {
        match self {
            InertState::Adopted(node) => vec![node.clone().unchecked_into()],
            InertState::Built(inner) => inner.elements(),
        }
    }
}
