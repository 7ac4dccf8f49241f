use crate::api::Paths;
use crate::content::Image;
use leptos::prelude::*;

/// A photo with its caption. Width and height come from the file, so the browser reserves the
/// space before the photo arrives and the text never jumps. The photo links to its file (which
/// is what it does without JavaScript); with `open`, activating it opens the photo viewer.
#[component]
pub fn Figure(
    image: Image,
    caption: String,
    #[prop(optional)] index: usize,
    #[prop(optional)] open: Option<Callback<usize>>,
) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let src = paths.file(&image.src);
    let href = src.clone();
    view! {
        <figure class="figure">
            <a
                class="figure__link"
                href=href
                rel="external"
                on:click=move |ev| {
                    if let Some(open) = open {
                        ev.prevent_default();
                        open.run(index);
                    }
                }
            >
                <img
                    class="figure__image"
                    src=src
                    alt=image.alt
                    width=image.width
                    height=image.height
                    loading="lazy"
                    decoding="async"
                />
                <span class="visually-hidden">" (xem ảnh lớn)"</span>
            </a>
            <figcaption class="figure__caption">{caption}</figcaption>
        </figure>
    }
}
