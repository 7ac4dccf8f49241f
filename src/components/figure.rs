use super::{Photo, Picture, ARTICLE_SIZES};
use crate::api::Paths;
use crate::content::Image;
use leptos::prelude::*;

/// A photo with its caption. Width and height come from the file, so the browser reserves the
/// space before the photo arrives and the text never jumps. The photo links to its file, which
/// is what it does without JavaScript; in an article, the app opens the photo viewer instead
/// (see [`crate::islands`]).
#[component]
pub fn Figure(
    image: Image,
    caption: String,
    /// The first photo of a page: fetched at once rather than when scrolled to.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let paths = expect_context::<Paths>();
    // Without JavaScript the photo opens on its own, as large as the build made it.
    let href = paths.file(&image.largest_jpeg());
    let photo = Photo::of(&image, &paths);
    view! {
        <figure class="figure">
            <a class="figure__link" href=href rel="external">
                <Picture photo class="figure__image" sizes=ARTICLE_SIZES eager/>
                <span class="visually-hidden">" (xem ảnh lớn)"</span>
            </a>
            <figcaption class="figure__caption">{caption}</figcaption>
        </figure>
    }
}
