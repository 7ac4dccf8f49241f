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

    /// `object[name](...args)`, tolerant of stand-ins (tests stub these APIs) and of absence.
    pub fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let function: js_sys::Function = js_sys::Reflect::get(object, &name.into())?.dyn_into()?;
        let list = js_sys::Array::new();
        for arg in args {
            list.push(arg);
        }
        function.apply(object, &list)
    }

    pub fn get(object: &JsValue, name: &str) -> Option<JsValue> {
        js_sys::Reflect::get(object, &name.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    pub fn navigator() -> Option<JsValue> {
        Some(window()?.navigator().into())
    }

    pub fn print() {
        if let Some(window) = window() {
            let _ = window.print();
        }
    }

    /// Whether the browser offers its own share sheet (Web Share API).
    pub fn can_share() -> bool {
        navigator().and_then(|n| get(&n, "share")).is_some()
    }

    /// Opens the browser's share sheet for a page.
    pub fn share(title: &str, url: &str) {
        let Some(navigator) = navigator() else { return };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        if let Ok(promise) =
            call(&navigator, "share", &[data.into()]).and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            // It rejects when the reader closes the sheet; there is nothing to do then.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }

    /// Puts text on the clipboard; `true` when the browser accepted it.
    pub async fn copy_text(text: &str) -> bool {
        let Some(clipboard) = navigator().and_then(|n| get(&n, "clipboard")) else {
            return false;
        };
        match call(&clipboard, "writeText", &[text.into()])
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        }
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

pub use imp::{can_share, copy_text, print, share};

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
    use super::imp::{call, get};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn synthesis() -> Option<JsValue> {
        get(&web_sys::window()?.into(), "speechSynthesis")
    }

    /// A Vietnamese voice, if the browser has one now (voices may arrive later, with the
    /// `voiceschanged` event).
    pub fn vietnamese_voice() -> Option<JsValue> {
        let voices: js_sys::Array = call(&synthesis()?, "getVoices", &[])
            .ok()?
            .dyn_into()
            .ok()?;
        voices.iter().find(|voice| {
            get(voice, "lang")
                .and_then(|l| l.as_string())
                .is_some_and(|lang| {
                    lang.to_ascii_lowercase()
                        .replace('_', "-")
                        .starts_with("vi")
                })
        })
    }

    /// Calls `on_change` whenever the list of voices changes.
    pub fn on_voices_changed(on_change: impl Fn() + 'static) {
        if let Some(synthesis) = synthesis() {
            let callback = Closure::<dyn Fn()>::new(on_change);
            let _ = js_sys::Reflect::set(&synthesis, &"onvoiceschanged".into(), callback.as_ref());
            callback.forget();
        }
    }

    /// Speaks one text with the Vietnamese voice and calls `on_end` when it is finished.
    pub fn speak(text: &str, voice: &JsValue, on_end: impl FnOnce() + 'static) -> bool {
        let Some(synthesis) = synthesis() else {
            return false;
        };
        let Ok(constructor) = js_sys::Reflect::get(
            &web_sys::window().unwrap().into(),
            &"SpeechSynthesisUtterance".into(),
        ) else {
            return false;
        };
        let Ok(constructor) = constructor.dyn_into::<js_sys::Function>() else {
            return false;
        };
        let Ok(utterance) =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&text.into()))
        else {
            return false;
        };
        let _ = js_sys::Reflect::set(&utterance, &"lang".into(), &"vi-VN".into());
        // A real voice object only; a stand-in is refused, and the language still applies.
        let _ = js_sys::Reflect::set(&utterance, &"voice".into(), voice);
        let callback = Closure::once_into_js(on_end);
        let _ = js_sys::Reflect::set(&utterance, &"onend".into(), &callback);
        call(&synthesis, "speak", &[utterance]).is_ok()
    }

    /// Forgets the `voiceschanged` listener of a control that is going away.
    pub fn stop_watching_voices() {
        if let Some(synthesis) = synthesis() {
            let _ = js_sys::Reflect::set(&synthesis, &"onvoiceschanged".into(), &JsValue::NULL);
        }
    }

    pub fn pause() {
        if let Some(s) = synthesis() {
            let _ = call(&s, "pause", &[]);
        }
    }

    pub fn resume() {
        if let Some(s) = synthesis() {
            let _ = call(&s, "resume", &[]);
        }
    }

    pub fn cancel() {
        if let Some(s) = synthesis() {
            let _ = call(&s, "cancel", &[]);
        }
    }
}
