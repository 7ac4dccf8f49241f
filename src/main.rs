//! Browser entry point: trunk's loader calls this once the page has loaded.

fn main() {
    #[cfg(feature = "hydrate")]
    khcn_cantho::boot::start();
}
