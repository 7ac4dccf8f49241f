use crate::content::time::display_vi;
use leptos::prelude::*;

/// A publication time, shown in the offset it was stored with (Vietnam time), never the
/// reader's: the same text on the server, in the static page and in every browser.
#[component]
pub fn PublishedTime(#[prop(into)] at: String) -> impl IntoView {
    let shown = display_vi(&at);
    view! { <time datetime=at>{shown}</time> }
}
