//! What every static page tells the app, and the app's start on top of that page.

use crate::content::Site;
use serde::{Deserialize, Serialize};

/// Written by the build into every page (`<script type="application/json" id="page-boot">`):
/// the props the page's `<App>` was rendered with, so that the browser renders the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageBoot {
    /// The site's base (`/` or `/tin-tuc/`).
    pub base: String,
    /// The address the page was rendered for, base included. A host's fallback page is shown
    /// at other addresses too.
    pub path: String,
    /// Which build of the site wrote the page: the name of its app's file, which changes with
    /// its contents. Data files carry it too (see [`crate::api::DataFile`]).
    pub build: String,
    pub site: Site,
}

impl PageBoot {
    pub const ELEMENT_ID: &'static str = "page-boot";

    /// The boot data as it goes into the page: JSON that no `<` can end early.
    pub fn to_script_json(&self) -> String {
        crate::meta::script_json(&serde_json::to_string(self).expect("boot data serialises"))
    }
}

/// Starts the app on the page the browser shows: marks `<html data-app-starting>`, then in a
/// task of its own (so that compiling the wasm and hydrating are two short tasks, not one long
/// one that holds up a tap) hydrates the page and marks `<html data-app="hydrated">`. A page the
/// build did not write (without boot data) is left as it is.
///
/// A host's fallback page (a `404.html` shown at a missing address, or an index page served for
/// every address) holds what the build rendered for its own address: the app hydrates it there,
/// then moves on to the address asked for, like a navigation (`data-app="rendered"`).
#[cfg(feature = "hydrate")]
pub fn start() {
    use leptos::prelude::*;
    let Some(boot) = document()
        .get_element_by_id(PageBoot::ELEMENT_ID)
        .and_then(|script| script.text_content())
        .and_then(|json| crate::api::parse_json::<PageBoot>(&json).ok())
    else {
        return;
    };
    mark("data-app-starting", "");
    set_timeout(
        move || {
            let location = window().location();
            let pathname = location.pathname().unwrap_or_default();
            let written_for_here = pathname == boot.path;
            let then_show = (!written_for_here).then(|| {
                let search = location.search().unwrap_or_default();
                let hash = location.hash().unwrap_or_default();
                // Hydrated at the address it was written for, so that the router matches it.
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&boot.path),
                    );
                }
                format!("{pathname}{search}{hash}")
            });
            let Some(app) = document()
                .get_element_by_id(crate::app::APP_ID)
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
            else {
                return;
            };
            leptos::mount::hydrate_from(app, move || {
                view! { <crate::App boot then_show/> }
            })
            .forget();
            if let Some(html) = document().document_element() {
                let _ = html.remove_attribute("data-app-starting");
            }
            mark(
                "data-app",
                if written_for_here {
                    "hydrated"
                } else {
                    "rendered"
                },
            );
        },
        std::time::Duration::ZERO,
    );
}

/// Marks `<html>` for tests and for anyone looking at the page in developer tools.
#[cfg(feature = "hydrate")]
fn mark(attribute: &str, value: &str) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute(attribute, value);
    }
}
