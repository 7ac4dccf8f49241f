use crate::browser;
use crate::content::{Notice, Site};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// `site.json`'s notice (an outage, an urgent announcement) above the header of every page, in
/// both languages' frames: its text is the department's, in Vietnamese. The static page carries
/// it when the build's clock fell within its window; once the app runs, the reader's clock
/// decides, so that a page built last week does not announce an outage that has ended, and
/// the notice comes or goes at its times while the page stays open.
#[component]
pub fn SiteNotice() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    site.notice.clone().map(|notice| {
        let shown = RwSignal::new(notice.shown_at_build);
        let times = notice.clone();
        Effect::new(move |_| follow_clock(times.clone(), shown));
        view! {
            <div class="site-notice" role="status" lang="vi" hidden=move || !shown.get()>
                <div class="container">
                    <p class="site-notice__text">{notice.text}</p>
                </div>
            </div>
        }
    })
}

/// Shows the notice or not by the reader's clock now, and again at its next time.
fn follow_clock(notice: Notice, shown: RwSignal<bool>) {
    let now = browser::now_ms();
    shown.set(notice.shown_at(now, browser::time_ms));
    // A timer waits at most 2^31 - 1 ms (24.8 days): a change later than that is seen on a
    // later visit.
    if let Some(next) = notice.next_change(now, browser::time_ms) {
        let wait = next - now;
        if wait < f64::from(i32::MAX) {
            set_timeout(
                move || follow_clock(notice, shown),
                Duration::from_millis(wait as u64 + 1),
            );
        }
    }
}
