use crate::components::NotFound;
use crate::content::Site;
use crate::meta::{self, Head};
use crate::paths::Paths;
use leptos::prelude::*;
use std::sync::Arc;

/// Any address the site does not have: the route table's fallback, and `404.html`.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let meta = meta::not_found(&expect_context::<Arc<Site>>(), &expect_context::<Paths>());
    view! {
        <Head meta/>
        <NotFound/>
    }
}
