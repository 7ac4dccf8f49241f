//! Browser entry point: trunk's loader calls this once the page has loaded.

fn main() {
    // Compiling and instantiating the wasm is one task of the main thread; the start
    // (boot::start) follows in tasks of its own. Run back to back they made one long task that
    // held up a tap on a slow phone (Lighthouse's Total Blocking Time).
    // Every page's app but the search page's: without the search (see khcn-cantho-search.rs).
    #[cfg(feature = "hydrate")]
    leptos::prelude::set_timeout(|| khcn_cantho::boot::start(None), std::time::Duration::ZERO);
}
