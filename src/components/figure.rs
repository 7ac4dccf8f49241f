use crate::api::Paths;
use crate::content::Image;
use leptos::prelude::*;

/// A photo with its caption. Width and height come from the file, so the browser reserves the
/// space before the photo arrives and the text never jumps.
#[component]
pub fn Figure(image: Image, caption: String) -> impl IntoView {
    let paths = expect_context::<Paths>();
    view! {
        <figure class="figure">
            <img
                class="figure__image"
                src=paths.file(&image.src)
                alt=image.alt
                width=image.width
                height=image.height
                loading="lazy"
                decoding="async"
            />
            <figcaption class="figure__caption">{caption}</figcaption>
        </figure>
    }
}
