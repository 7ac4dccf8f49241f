use super::{Photo, Picture, FULL_SIZES};
use crate::chrome::{use_lang, Chrome};
use leptos::prelude::*;

/// The article's photos, large, one at a time: previous and next by buttons, arrow keys and
/// swipe; closed by Esc, the close button or the phone's Back button; focus kept inside while
/// open and given back to the photo afterwards. `open` is the photo shown, by its position; the
/// static page never contains the viewer.
#[component]
pub fn PhotoViewer(photos: Vec<(Photo, String)>, open: RwSignal<Option<usize>>) -> impl IntoView {
    let total = photos.len();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Whether this viewer added a history entry that Back should consume.
    let pushed = StoredValue::new(false);
    let last_opened = StoredValue::new(None::<usize>);
    let touch_start = StoredValue::new(None::<i32>);

    let step = move |delta: isize| {
        open.update(|index| {
            if let Some(i) = index {
                *i = (*i as isize + delta).rem_euclid(total as isize) as usize;
            }
        });
    };
    let close = move || {
        if pushed.get_value() {
            // Back closes it, through the popstate listener below, and keeps history tidy.
            history_back();
        } else {
            open.set(None);
        }
    };

    // Show it as a modal dialog once it is in the document; remember a history entry for Back.
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
            if !pushed.get_value() {
                pushed.set_value(push_history_entry());
            }
        }
    });
    // Closing: give focus back to the photo that opened it.
    Effect::new(move |_| match open.get() {
        Some(i) => {
            if last_opened.get_value().is_none() {
                last_opened.set_value(Some(i));
            }
        }
        None => {
            if let Some(i) = last_opened.get_value() {
                last_opened.set_value(None);
                focus_photo(i);
            }
        }
    });
    // The phone's Back button (and the browser's) closes the viewer. Registered in an effect,
    // which only runs in the browser.
    Effect::new(move |_| {
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            if pushed.get_value() {
                pushed.set_value(false);
                open.set(None);
            }
        });
        on_cleanup(move || listener.remove());
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowRight" => {
            ev.prevent_default();
            step(1);
        }
        "ArrowLeft" => {
            ev.prevent_default();
            step(-1);
        }
        "Tab" => trap_focus(&ev),
        _ => {}
    };
    let on_touchstart = move |ev: leptos::ev::TouchEvent| {
        touch_start.set_value(touch_x(&ev));
    };
    let on_touchend = move |ev: leptos::ev::TouchEvent| {
        if let (Some(start), Some(end)) = (touch_start.get_value(), touch_x(&ev)) {
            let moved = end - start;
            if moved.abs() > 40 {
                step(if moved < 0 { 1 } else { -1 });
            }
        }
        touch_start.set_value(None);
    };

    let photos = StoredValue::new(photos);
    let current = move || open.get().unwrap_or(0).min(total.saturating_sub(1));
    // The dialog is built when a photo opens and kept while the reader moves between photos.
    let visible = Memo::new(move |_| open.get().is_some() && total > 0);
    let [label, close_label, previous_label, next_label] =
        Chrome::of(use_lang().get_untracked()).viewer;
    move || {
        visible.get().then(|| view! {
            <dialog
                node_ref=dialog
                class="viewer"
                aria-label=label
                on:cancel=move |ev: leptos::ev::Event| {
                    ev.prevent_default();
                    close();
                }
                on:keydown=on_keydown
                on:touchstart=on_touchstart
                on:touchend=on_touchend
            >
                <button type="button" class="viewer__close" aria-label=close_label on:click=move |_| close()>
                    "✕"
                </button>
                {move || {
                    let (photo, caption) = photos.with_value(|p| p[current()].clone());
                    view! {
                        <figure class="viewer__figure">
                            <Picture photo class="viewer__image" sizes=FULL_SIZES eager=true/>
                            <figcaption class="viewer__caption">{caption}</figcaption>
                        </figure>
                    }
                }}
                <div class="viewer__controls">
                    <button type="button" class="viewer__nav" aria-label=previous_label on:click=move |_| step(-1)>
                        "‹"
                    </button>
                    <p class="viewer__counter" aria-live="polite">
                        {move || format!("{} / {total}", current() + 1)}
                    </p>
                    <button type="button" class="viewer__nav" aria-label=next_label on:click=move |_| step(1)>
                        "›"
                    </button>
                </div>
            </dialog>
        })
    }
}

fn touch_x(_ev: &leptos::ev::TouchEvent) -> Option<i32> {
    #[cfg(feature = "hydrate")]
    return _ev.changed_touches().get(0).map(|t| t.client_x());
    #[cfg(not(feature = "hydrate"))]
    None
}

#[cfg(feature = "hydrate")]
fn push_history_entry() -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| {
            h.push_state_with_url(&wasm_bindgen::JsValue::from_str("anh"), "", None)
                .is_ok()
        })
}

#[cfg(not(feature = "hydrate"))]
fn push_history_entry() -> bool {
    false
}

fn history_back() {
    #[cfg(feature = "hydrate")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

fn focus_photo(_index: usize) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(".article .figure__link").ok())
            .and_then(|links| links.item(_index as u32))
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    }
}

/// Keeps Tab inside the open viewer: from the last control to the first, and back.
fn trap_focus(_ev: &leptos::ev::KeyboardEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(controls) = document.query_selector_all("dialog.viewer button") else {
            return;
        };
        let count = controls.length();
        if count == 0 {
            return;
        }
        let element = |i: u32| {
            controls
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        };
        let (first, last) = (element(0), element(count - 1));
        let active = document.active_element();
        let is = |target: &Option<web_sys::HtmlElement>| matches!((target, &active), (Some(t), Some(a)) if a == t.unchecked_ref::<web_sys::Element>());
        let wrap_to = if _ev.shift_key() && is(&first) {
            last
        } else if !_ev.shift_key() && is(&last) {
            first
        } else {
            None
        };
        if let Some(target) = wrap_to {
            _ev.prevent_default();
            let _ = target.focus();
        }
    }
}
