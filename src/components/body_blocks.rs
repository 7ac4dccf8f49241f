use super::{DataTable, DownloadLink, Figure};
use crate::content::Block;
use leptos::either::EitherOf5;
use leptos::prelude::*;

/// The blocks of an article's or a page's body, in order. In an article, `reading` is the
/// paragraph "Nghe bài" is reading and `open_photo` opens the photo viewer, each by its
/// position among the body's paragraphs or photos; a page has neither, and its photos open as
/// files.
#[component]
pub fn BodyBlocks(
    blocks: Vec<Block>,
    #[prop(optional)] reading: Option<RwSignal<Option<usize>>>,
    #[prop(optional)] open_photo: Option<Callback<usize>>,
) -> impl IntoView {
    let (mut paragraph, mut photo) = (0, 0);
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { text } => {
                let i = paragraph;
                paragraph += 1;
                let marked = move || {
                    reading
                        .filter(|reading| reading.get() == Some(i))
                        .map(|_| "article__paragraph--reading")
                };
                EitherOf5::A(view! { <p class=marked>{text}</p> })
            }
            Block::Heading { text } => {
                EitherOf5::B(view! { <h2 class="article__heading">{text}</h2> })
            }
            Block::Figure { image, caption } => {
                let i = photo;
                photo += 1;
                let open = open_photo.map(|open| Callback::new(move |()| open.run(i)));
                EitherOf5::C(view! { <Figure image caption eager=i == 0 open/> })
            }
            Block::File(download) => EitherOf5::D(view! { <DownloadLink download/> }),
            Block::Table {
                caption,
                header,
                rows,
            } => EitherOf5::E(view! { <DataTable caption header rows/> }),
        })
        .collect_view()
}
