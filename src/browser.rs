//! The reader's browser: stored preferences, and the few web APIs the article tools use.
//!
//! Everything here is called from event handlers or effects, which only run in the browser; the
//! native build gets inert versions so the same components render to static HTML.

/// Text sizes offered by A−/A+, in percent of the reader's own browser setting.
pub const TEXT_SIZES: [u32; 5] = [90, 100, 115, 130, 150];
/// The default step (100 %).
pub const DEFAULT_TEXT_STEP: usize = 1;

const TEXT_SIZE_KEY: &str = "khcn:co-chu";
const THEME_KEY: &str = "khcn:giao-dien";

#[cfg(feature = "hydrate")]
mod imp {
    use wasm_bindgen::{JsCast, JsValue};

    pub fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    fn root() -> Option<web_sys::HtmlElement> {
        window()?.document()?.document_element()?.dyn_into().ok()
    }

    pub fn stored(key: &str) -> Option<String> {
        window()?.local_storage().ok()??.get_item(key).ok()?
    }

    pub fn store(key: &str, value: &str) {
        if let Some(Ok(Some(storage))) = window().map(|w| w.local_storage()) {
            let _ = storage.set_item(key, value);
        }
    }

    pub fn set_root_font_size(percent: u32) {
        if let Some(root) = root() {
            let _ = root
                .style()
                .set_property("font-size", &format!("{percent}%"));
        }
    }

    pub fn root_theme() -> Option<String> {
        root()?.get_attribute("data-theme")
    }

    pub fn set_root_theme(theme: &str) {
        if let Some(root) = root() {
            let _ = root.set_attribute("data-theme", theme);
        }
    }

    /// The reader's clock, in milliseconds since the Unix epoch.
    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    /// An RFC 3339 time the build checked, in the same unit, read by the browser.
    pub fn time_ms(text: &str) -> Option<f64> {
        Some(js_sys::Date::parse(text)).filter(|ms| ms.is_finite())
    }

    pub fn print() {
        if let Some(window) = window() {
            let _ = window.print();
        }
    }

    /// Whether the browser offers its own share sheet (Web Share API): feature detection, as
    /// web-sys has no binding that answers without calling it.
    pub fn can_share() -> bool {
        window().is_some_and(|w| {
            js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false)
        })
    }

    /// Opens the browser's share sheet for a page.
    pub fn share(title: &str, url: &str) {
        let Some(window) = window() else { return };
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        let promise = window.navigator().share_with_data(&data);
        // It rejects when the reader closes the sheet; there is nothing to do then.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }

    /// Puts text on the clipboard; `true` when the browser accepted it.
    pub async fn copy_text(text: &str) -> bool {
        let Some(window) = window() else { return false };
        let clipboard = window.navigator().clipboard();
        // Absent outside secure contexts.
        if clipboard.is_undefined() {
            return false;
        }
        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
            .await
            .is_ok()
    }
}

/// The stored text size step.
pub fn text_size_step() -> usize {
    imp::stored(TEXT_SIZE_KEY)
        .and_then(|s| s.parse::<u32>().ok())
        .and_then(|percent| TEXT_SIZES.iter().position(|&p| p == percent))
        .unwrap_or(DEFAULT_TEXT_STEP)
}

/// Applies a text size step to the whole site and remembers it.
pub fn set_text_size_step(step: usize) {
    let percent = TEXT_SIZES[step.min(TEXT_SIZES.len() - 1)];
    imp::set_root_font_size(percent);
    imp::store(TEXT_SIZE_KEY, &percent.to_string());
}

/// Whether the page shows the dark theme now.
pub fn is_dark() -> bool {
    imp::root_theme().as_deref() == Some("dark")
}

/// Switches the theme and remembers the choice.
pub fn set_dark(dark: bool) {
    let theme = if dark { "dark" } else { "light" };
    imp::set_root_theme(theme);
    imp::store(THEME_KEY, theme);
}

pub use imp::{can_share, copy_text, now_ms, print, share, time_ms};

#[cfg(not(feature = "hydrate"))]
mod imp {
    //! The native build renders static HTML and never runs these.
    pub fn stored(_key: &str) -> Option<String> {
        None
    }
    pub fn store(_key: &str, _value: &str) {}
    pub fn set_root_font_size(_percent: u32) {}
    pub fn root_theme() -> Option<String> {
        None
    }
    pub fn set_root_theme(_theme: &str) {}
    pub fn now_ms() -> f64 {
        0.0
    }
    pub fn time_ms(_text: &str) -> Option<f64> {
        None
    }
    pub fn print() {}
    pub fn can_share() -> bool {
        false
    }
    pub fn share(_title: &str, _url: &str) {}
    pub async fn copy_text(_text: &str) -> bool {
        false
    }
}

/// The browser's speech synthesis, when it has a Vietnamese voice.
#[cfg(feature = "hydrate")]
pub mod speech {
    use wasm_bindgen::prelude::*;
    use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

    fn synthesis() -> Option<SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    /// A Vietnamese voice, if the browser has one now (voices may arrive later, with the
    /// `voiceschanged` event).
    pub fn vietnamese_voice() -> Option<SpeechSynthesisVoice> {
        synthesis()?
            .get_voices()
            .iter()
            .map(JsCast::unchecked_into::<SpeechSynthesisVoice>)
            .find(|voice| {
                voice
                    .lang()
                    .to_ascii_lowercase()
                    .replace('_', "-")
                    .starts_with("vi")
            })
    }

    /// Calls `on_change` whenever the list of voices changes.
    pub fn on_voices_changed(on_change: impl Fn() + 'static) {
        if let Some(synthesis) = synthesis() {
            let callback = Closure::<dyn Fn()>::new(on_change);
            synthesis.set_onvoiceschanged(Some(callback.as_ref().unchecked_ref()));
            callback.forget();
        }
    }

    /// Speaks one text with the Vietnamese voice and calls `on_end` when it is finished.
    pub fn speak(
        text: &str,
        voice: &SpeechSynthesisVoice,
        on_end: impl FnOnce() + 'static,
    ) -> bool {
        let (Some(synthesis), Ok(utterance)) =
            (synthesis(), SpeechSynthesisUtterance::new_with_text(text))
        else {
            return false;
        };
        utterance.set_lang("vi-VN");
        utterance.set_voice(Some(voice));
        let callback = Closure::once_into_js(on_end);
        utterance.set_onend(Some(callback.unchecked_ref()));
        synthesis.speak(&utterance);
        true
    }

    /// Forgets the `voiceschanged` listener of a control that is going away.
    pub fn stop_watching_voices() {
        if let Some(synthesis) = synthesis() {
            synthesis.set_onvoiceschanged(None);
        }
    }

    pub fn pause() {
        if let Some(s) = synthesis() {
            s.pause();
        }
    }

    pub fn resume() {
        if let Some(s) = synthesis() {
            s.resume();
        }
    }

    pub fn cancel() {
        if let Some(s) = synthesis() {
            s.cancel();
        }
    }
}
