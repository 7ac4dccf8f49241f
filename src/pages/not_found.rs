use crate::chrome::use_lang;
use crate::components::NotFound;
use crate::content::Site;
use crate::meta::{self, Head};
use crate::paths::Paths;
use leptos::prelude::*;
use std::sync::Arc;

/// Any address the site does not have: the route table's fallback, `404.html`, and a page
/// whose data the server says does not exist. That one offers `retry`: a link shared right
/// after publication can reach a CDN before the page does.
#[component]
pub fn NotFoundPage(#[prop(optional)] retry: Option<Callback<()>>) -> impl IntoView {
    let meta = meta::not_found(
        &expect_context::<Arc<Site>>(),
        &expect_context::<Paths>(),
        use_lang().get_untracked(),
    );
    view! {
        <Head meta/>
        <NotFound retry/>
    }
}
