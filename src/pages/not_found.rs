use crate::components::NotFound;
use crate::content::Site;
use crate::meta::{self, use_document_title};
use leptos::prelude::*;
use std::sync::Arc;

/// Any path the site does not have.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<crate::api::Paths>();
    let title = meta::not_found(&site, &paths).title;
    use_document_title(move || Some(title.clone()));
    view! { <NotFound/> }
}
