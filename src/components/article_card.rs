use super::{Photo, Picture, PublishedTime, THUMBNAIL_SIZES};
use crate::api::Loader;
use crate::content::ArticleCard;
use crate::paths::{data, Paths};
use leptos::either::Either;
use leptos::prelude::*;

/// One article in a listing: title link, category, time, summary and thumbnail.
#[component]
pub fn ArticleCardView(
    card: ArticleCard,
    #[prop(optional)] eager: bool,
    /// Inside a section with its own `h2` (Tin liên quan): the title is an `h3`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let href = paths.article(&card.slug);
    let thumbnail = card
        .thumbnail
        .map(|image| Photo::of(&image, &paths))
        .map(|photo| view! { <Picture photo class="card__image" sizes=THUMBNAIL_SIZES eager/> });
    // The reader resting on the link starts loading the article.
    let prefetch = Loader::from_context().prefetcher(data::article(&card.slug));
    let link = view! {
        <a
            class="card__link"
            href=href
            on:pointerenter=move |_| prefetch()
        >
            {card.title}
        </a>
    };
    let title = if nested {
        Either::Left(view! { <h3 class="card__title">{link}</h3> })
    } else {
        Either::Right(view! { <h2 class="card__title">{link}</h2> })
    };
    view! {
        <li class="card">
            <article class="card__inner">
                <div class="card__body">
                    <div class="card__heading">
                        {title}
                        <p class="card__meta">
                            <span class="card__category">{card.category.name}</span>
                            <span class="card__separator" aria-hidden="true">" · "</span>
                            <PublishedTime at=card.published_at/>
                        </p>
                    </div>
                    <p class="card__summary">{card.summary}</p>
                </div>
                {thumbnail.map(|img| view! { <div class="card__media">{img}</div> })}
            </article>
        </li>
    }
}
