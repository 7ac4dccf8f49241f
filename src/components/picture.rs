use crate::api::Paths;
use crate::content::Image;
use leptos::either::Either;
use leptos::prelude::*;

/// `sizes` for photos in the article column: the column is 44rem wide, less on phones.
pub const ARTICLE_SIZES: &str = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";
/// `sizes` for listing thumbnails.
pub const THUMBNAIL_SIZES: &str = "(min-width: 48rem) 15rem, 7.5rem";
/// `sizes` for the photo viewer.
pub const FULL_SIZES: &str = "100vw";

/// A photo in the size and format the reader's screen and browser need: WebP where supported,
/// JPEG otherwise, from the variants the build wrote. `eager` is for the first photo on screen,
/// which the browser should fetch at once; the others load as the reader scrolls.
#[component]
pub fn Picture(
    image: Image,
    sizes: &'static str,
    #[prop(into)] class: String,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let webp = image.srcset(paths.base(), "webp");
    let jpeg = image.srcset(paths.base(), "jpg");
    // Typed attributes only: tachys hydrates an attribute named by a string (`.attr("srcset",
    // …)`) by setting it again, and setting `srcset` or `sizes` makes the browser choose the
    // image anew, on every photo of the page while it is being taken over.
    let img = leptos::html::img()
        .class(class)
        .src(paths.file(&image.src))
        .srcset(jpeg)
        .sizes(image.variants.is_some().then_some(sizes))
        .alt(image.alt)
        .width(image.width)
        .height(image.height)
        .loading(if eager { "eager" } else { "lazy" })
        .fetchpriority(eager.then_some("high"))
        .decoding(if eager { "auto" } else { "async" });
    match webp {
        Some(webp) => Either::Left(view! {
            <picture>
                <source type="image/webp" srcset=webp sizes=sizes/>
                {img}
            </picture>
        }),
        None => Either::Right(img),
    }
}
