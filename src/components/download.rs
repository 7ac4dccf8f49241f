use crate::content::Download;
use crate::paths::Paths;
use leptos::prelude::*;

/// A document to download: its label, then its kind and size, all inside the link, so that a
/// screen reader listing the page's links hears what each one fetches. The file is the
/// browser's to open (`rel="external"`: not a page of the app).
#[component]
pub fn DownloadLink(download: Download) -> impl IntoView {
    let paths = expect_context::<Paths>();
    view! {
        <p class="download">
            <a class="download__link" href=paths.file(&download.href) rel="external">
                <span class="download__label">{download.label.clone()}</span>
                " "
                <span class="download__facts">"(" {download.facts()} ")"</span>
            </a>
        </p>
    }
}
