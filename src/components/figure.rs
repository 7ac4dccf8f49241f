use super::{Photo, Picture, ARTICLE_SIZES};
use crate::chrome::{use_lang, Chrome};
use crate::content::Image;
use crate::paths::Paths;
use leptos::prelude::*;

/// A photo with its caption. Width and height come from the file, so the browser reserves the
/// space before the photo arrives and the text never jumps. The photo links to its file, which
/// is what it does without JavaScript; in an article, `open` opens the photo viewer instead.
#[component]
pub fn Figure(
    image: Image,
    caption: String,
    /// The first photo of a page: fetched at once rather than when scrolled to.
    #[prop(optional)]
    eager: bool,
    /// Opens the photo in the article's photo viewer, instead of its file.
    #[prop(optional_no_strip)]
    open: Option<Callback<()>>,
) -> impl IntoView {
    let paths = expect_context::<Paths>();
    // Without JavaScript the photo opens on its own, as large as the build made it.
    let href = paths.file(&image.largest_jpeg());
    let photo = Photo::of(&image, &paths);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let new_tab = ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key();
        if let (Some(open), false) = (open, new_tab) {
            ev.prevent_default();
            open.run(());
        }
    };
    view! {
        <figure class="figure">
            <a class="figure__link" href=href rel="external" on:click=on_click>
                <Picture photo class="figure__image" sizes=ARTICLE_SIZES eager/>
                <span class="visually-hidden">{Chrome::of(use_lang().get_untracked()).view_larger}</span>
            </a>
            <figcaption class="figure__caption">{caption}</figcaption>
        </figure>
    }
}
