//! The plumbing of [`super::Fresh`], which wraps one view (`Fresh(pub V)`) and renders to HTML
//! exactly as that view.

use leptos::tachys::view::Mountable;

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
