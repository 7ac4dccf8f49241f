use crate::browser;
use leptos::prelude::*;

/// Switches between the light and the dark theme, and remembers the choice. Before the reader
/// chooses, the theme follows the system setting (a script in index.html applies it before the
/// first paint). The pressed state is only read once the app runs, so that the first render
/// matches the static page.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let lang = crate::chrome::use_lang();
    let label = move || crate::chrome::Chrome::of(lang.get()).dark_theme;
    let dark = RwSignal::new(false);
    Effect::new(move |_| dark.set(browser::is_dark()));
    let toggle = move |_| {
        // The page itself is the truth: the script in index.html follows system changes.
        let next = !browser::is_dark();
        browser::set_dark(next);
        dark.set(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle tools__needs-app"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=toggle
        >
            <span class="theme-toggle__icon" aria-hidden="true">"◐"</span>
            <span class="theme-toggle__label">{label}</span>
        </button>
    }
}
