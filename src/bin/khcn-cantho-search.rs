//! The search page's app: the same app as every other page's (src/main.rs), plus the search.
//!
//! The search is a third of the app's code (its index reader, ranking, snippets and results),
//! and only the search page uses it. So it has an app of its own, which the build puts on the
//! search page alone: an article or a listing never downloads it, and the other pages open the
//! search page as a page load. From the search page on, this app navigates within the site.

fn main() {
    // As in src/main.rs: the start is a task of its own.
    leptos::prelude::set_timeout(
        || khcn_cantho::boot::start(Some(khcn_cantho::islands::search)),
        std::time::Duration::ZERO,
    );
}
