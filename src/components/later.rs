//! Taking over one element of a static page in a task of its own.

use super::wrapper::{adopt_element, Adopted};
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A view of exactly one element whose hydration waits for the next task: the rest of the page
/// is taken over first, then this element, each in a task short enough not to hold up a tap
/// on a slow phone (Lighthouse's Total Blocking Time). Rendered to HTML and built in the
/// browser, it is the view itself.
///
/// While it waits, the static element stays exactly as the build wrote it, and its links are
/// the browser's to follow: the router takes over links, and the address, only once the whole
/// page is the app's (see [`crate::router::Router::provide`]).
pub struct Later<V>(pub V);

/// What a [`Later`] holds in the browser: the static element until its view has hydrated it.
pub struct LaterState<S>(Rc<RefCell<Adopted<S>>>);

impl<V: Render> Render for Later<V> {
    type State = LaterState<V::State>;

    fn build(self) -> Self::State {
        LaterState(Rc::new(RefCell::new(Adopted::View(self.0.build()))))
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut stage = state.0.borrow_mut();
        match &mut *stage {
            Adopted::View(view) => self.0.rebuild(view),
            Adopted::Element(_) => {
                // New content before the static one was adopted: it takes the static one's place.
                let mut fresh = self.0.build();
                stage.insert_before_this(&mut fresh);
                stage.unmount();
                *stage = Adopted::View(fresh);
            }
        }
    }
}

impl<V> RenderHtml for Later<V>
where
    V: RenderHtml + 'static,
{
    type Owned = Later<V::Owned>;

    html_of_the_wrapped_view!();

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        if !FROM_SERVER {
            let inner = self.0.hydrate::<FROM_SERVER>(cursor, position);
            return LaterState(Rc::new(RefCell::new(Adopted::View(inner))));
        }
        let node = adopt_element(cursor, position);
        let stage = Rc::new(RefCell::new(Adopted::Element(node)));
        let owner = Owner::current();
        let view = self.0;
        let waiting = Rc::clone(&stage);
        set_timeout(
            move || {
                // Nothing to do if it was rebuilt meanwhile, or dropped with its page.
                let node = match &*waiting.borrow() {
                    Adopted::Element(node) if Rc::strong_count(&waiting) > 1 => node.clone(),
                    _ => return,
                };
                let hydrate = move || {
                    let cursor = Cursor::new(node.unchecked_into::<Element>());
                    view.hydrate::<true>(&cursor, &PositionState::new(Position::Current))
                };
                let live = match owner {
                    Some(owner) => owner.with(hydrate),
                    None => hydrate(),
                };
                *waiting.borrow_mut() = Adopted::View(live);
            },
            std::time::Duration::ZERO,
        );
        LaterState(stage)
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        LaterState(Rc::new(RefCell::new(Adopted::View(
            self.0.hydrate_async(cursor, position).await,
        ))))
    }

    fn into_owned(self) -> Self::Owned {
        Later(self.0.into_owned())
    }
}

attributes_go_to_the_wrapped_view!(Later);

impl<S: Mountable> Mountable for LaterState<S> {
    fn unmount(&mut self) {
        self.0.borrow_mut().unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.0.borrow_mut().mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.0.borrow().insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        self.0.borrow().elements()
    }
}
