use crate::components::NotFound;
use leptos::prelude::*;

/// Any path the site does not have.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound/> }
}
