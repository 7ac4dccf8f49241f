//! What [`super::Fresh`], [`super::Inert`] and [`super::Later`] share. Each wraps one view
//! (`Wrapper(pub V)`) and renders to HTML exactly as that view; they differ only in the browser,
//! where the last two adopt a static element as it is, and the first two replace rather than
//! update.

use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::{Mountable, Position, PositionState};
use wasm_bindgen::JsCast;

/// A static element the app took over as it is, or the view that stands in its place.
pub enum Adopted<S> {
    Element(Node),
    View(S),
}

impl<S: Mountable> Mountable for Adopted<S> {
    fn unmount(&mut self) {
        match self {
            Adopted::Element(node) => Rndr::remove(node),
            Adopted::View(view) => view.unmount(),
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        match self {
            Adopted::Element(node) => Rndr::insert_node(parent, node, marker),
            Adopted::View(view) => view.mount(parent, marker),
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self {
            Adopted::Element(node) => match Rndr::get_parent(node) {
                Some(parent) => {
                    child.mount(parent.unchecked_ref(), Some(node));
                    true
                }
                None => false,
            },
            Adopted::View(view) => view.insert_before_this(child),
        }
    }

    fn elements(&self) -> Vec<Element> {
        match self {
            Adopted::Element(node) => vec![node.clone().unchecked_into()],
            Adopted::View(view) => view.elements(),
        }
    }
}

/// The element a static page has where hydration has got to, taken as it is: the cursor steps
/// onto it as an element's own hydration would, and stays there, so that the views after it
/// hydrate from its next sibling.
pub fn adopt_element(cursor: &Cursor, position: &PositionState) -> Node {
    match position.get() {
        Position::FirstChild => cursor.child(),
        Position::Current => {}
        _ => cursor.sibling(),
    }
    position.set(Position::NextChild);
    cursor.current()
}

/// Puts `fresh` where `old` stands, and takes `old` down. With nowhere to put it (`old` is
/// empty, or not in the page), `old` stays.
pub fn replace<M: Mountable>(old: &mut M, mut fresh: M) {
    if old.insert_before_this(&mut fresh) {
        old.unmount();
        *old = fresh;
    }
}

/// The items of `RenderHtml` that sizing, resolving and writing HTML need, all the wrapped
/// view's own. Used inside `impl<V: RenderHtml …> RenderHtml for Wrapper<V>`.
macro_rules! html_of_the_wrapped_view {
    () => {
        // Resolving is for async rendering to HTML, where nothing waits.
        type AsyncOutput = V::AsyncOutput;

        const MIN_LENGTH: usize = V::MIN_LENGTH;
        const EXISTS: bool = V::EXISTS;

        async fn resolve(self) -> Self::AsyncOutput {
            self.0.resolve().await
        }

        fn dry_resolve(&mut self) {
            self.0.dry_resolve();
        }

        fn html_len(&self) -> usize {
            self.0.html_len()
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut leptos::tachys::view::Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<leptos::tachys::html::attribute::any_attribute::AnyAttribute>,
        ) {
            self.0
                .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
        }

        fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
            self,
            buf: &mut leptos::tachys::ssr::StreamBuilder,
            position: &mut leptos::tachys::view::Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<leptos::tachys::html::attribute::any_attribute::AnyAttribute>,
        ) where
            Self: Sized,
        {
            self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
                buf,
                position,
                escape,
                mark_branches,
                extra_attrs,
            );
        }
    };
}

/// `AddAnyAttr` for a wrapper: attributes spread onto it make it the wrapped view with them, an
/// ordinary view again (the app spreads none).
macro_rules! attributes_go_to_the_wrapped_view {
    ($wrapper:ident) => {
        impl<V: leptos::tachys::view::add_attr::AddAnyAttr>
            leptos::tachys::view::add_attr::AddAnyAttr for $wrapper<V>
        {
            type Output<SomeNewAttr: leptos::tachys::html::attribute::Attribute> =
                V::Output<SomeNewAttr>;

            fn add_any_attr<NewAttr: leptos::tachys::html::attribute::Attribute>(
                self,
                attr: NewAttr,
            ) -> Self::Output<NewAttr>
            where
                Self::Output<NewAttr>: leptos::tachys::view::RenderHtml,
            {
                self.0.add_any_attr(attr)
            }
        }
    };
}
