//! Browser entry point: trunk's loader calls this once the page has loaded.

fn main() {
    // Compiling and instantiating the wasm is one task of the main thread; taking over the page
    // is another. Run back to back they made one long task that held up a tap on a slow phone
    // (Lighthouse's Total Blocking Time); a timeout lets the browser breathe in between.
    #[cfg(feature = "hydrate")]
    leptos::prelude::set_timeout(khcn_cantho::boot::start, std::time::Duration::ZERO);
}
