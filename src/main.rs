//! Browser entry point: trunk's loader calls this once the page has loaded and painted.

fn main() {
    #[cfg(feature = "hydrate")]
    khcn_cantho::boot::start();
}
