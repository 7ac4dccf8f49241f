use crate::content::Image;
use crate::paths::Paths;
use leptos::either::Either;
use leptos::prelude::*;

/// `sizes` for photos in the article column: the column is 44rem wide, less on phones.
pub const ARTICLE_SIZES: &str = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";
/// `sizes` for listing thumbnails.
pub const THUMBNAIL_SIZES: &str = "(min-width: 48rem) 15rem, 7.5rem";
/// `sizes` for the photo viewer.
pub const FULL_SIZES: &str = "100vw";

/// A photo as a page shows it: the bundle's [`Image`] with its addresses resolved below the
/// site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Photo {
    pub src: String,
    /// `srcset` of the JPEG variants, when the build made them.
    pub jpeg: Option<String>,
    pub webp: Option<String>,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl Photo {
    pub fn of(image: &Image, paths: &Paths) -> Photo {
        Photo {
            src: paths.file(&image.src),
            jpeg: image.srcset(paths.base(), "jpg"),
            webp: image.srcset(paths.base(), "webp"),
            width: image.width,
            height: image.height,
            alt: image.alt.clone(),
        }
    }
}

/// A photo in the size and format the reader's screen and browser need: WebP where supported,
/// JPEG otherwise, from the variants the build wrote. `eager` is for the first photo on screen,
/// which the browser should fetch at once; the others load as the reader scrolls.
#[component]
pub fn Picture(
    photo: Photo,
    sizes: &'static str,
    #[prop(into)] class: String,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let has_variants = photo.jpeg.is_some();
    let img = leptos::html::img()
        .class(class)
        .src(photo.src)
        .srcset(photo.jpeg)
        .sizes(has_variants.then_some(sizes))
        .alt(photo.alt)
        .width(photo.width)
        .height(photo.height)
        .loading(if eager { "eager" } else { "lazy" })
        .fetchpriority(eager.then_some("high"))
        .decoding(if eager { "auto" } else { "async" });
    match photo.webp {
        Some(webp) => Either::Left(view! {
            <picture>
                <source type="image/webp" srcset=webp sizes=sizes/>
                {img}
            </picture>
        }),
        None => Either::Right(img),
    }
}
