use crate::api::{data, page_data, Paths};
use crate::components::{ArticleCardView, ArticleTools, Figure, NotFound, PublishedTime};
use crate::content::bundle::slug_problem;
use crate::content::{Article, Block, Site};
use crate::router::{use_router, Route};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use std::sync::Arc;

/// `/bai-viet/<slug>`: one article.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let article = match use_router().route().get_untracked() {
        Route::Article { slug } if slug_problem(&slug).is_none() => {
            page_data::<Article>(&data::article(&slug))
        }
        _ => None,
    };
    match article {
        Some(article) => Either::Left(view! { <ArticleView article/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn ArticleView(article: Arc<Article>) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let canonical = format!("{}{}", site.origin, paths.article(&article.slug));
    let mut first_photo = true;
    let blocks = article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { text } => EitherOf3::A(view! { <p>{text.clone()}</p> }),
            Block::Heading { text } => {
                EitherOf3::B(view! { <h2 class="article__heading">{text.clone()}</h2> })
            }
            Block::Figure { image, caption } => {
                let eager = std::mem::replace(&mut first_photo, false);
                EitherOf3::C(view! { <Figure image=image.clone() caption=caption.clone() eager/> })
            }
        })
        .collect_view();
    let signature = article
        .signature
        .clone()
        .map(|signature| view! { <p class="article__signature">{signature}</p> });
    let related = (!article.related.is_empty()).then(|| {
        let cards = article
            .related
            .iter()
            .map(|card| view! { <ArticleCardView card=card.clone() nested=true/> })
            .collect_view();
        view! {
            <aside class="related" aria-labelledby="tin-lien-quan">
                <h2 class="related__heading" id="tin-lien-quan">"Tin liên quan"</h2>
                <ul class="listing__items listing__items--compact">{cards}</ul>
            </aside>
        }
    });
    view! {
        <article class="article">
            <nav class="breadcrumb" aria-label="Vị trí trang">
                <ol class="breadcrumb__list">
                    <li class="breadcrumb__item">
                        <a class="breadcrumb__link" href=paths.home()>"Trang chủ"</a>
                    </li>
                    <li class="breadcrumb__item">
                        <span class="breadcrumb__separator" aria-hidden="true">"›"</span>
                        <a class="breadcrumb__link" href=paths.category(&article.category.slug, 1)>
                            {article.category.name.clone()}
                        </a>
                    </li>
                </ol>
            </nav>
            <h1 class="article__title">{article.title.clone()}</h1>
            <p class="article__meta">
                <PublishedTime at=article.published_at.clone()/>
            </p>
            <ArticleTools title=article.title.clone() canonical=canonical.clone()/>
            <div class="article__body">{blocks}</div>
            {signature}
            <p class="article__source">
                "Nguồn: " {site.name.clone()} " – " <span class="article__url">{canonical}</span>
            </p>
        </article>
        {related}
    }
}
