use crate::api::use_page_data;
use crate::components::{
    with_page_data, ArticleCardView, ArticleTools, BodyBlocks, Breadcrumb, Photo, PhotoViewer,
    PublishedTime,
};
use crate::content::{Article, Block, Site};
use crate::meta::{self, Head};
use crate::paths::{data, feedback_mailto, slug_param, Paths};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/bai-viet/<slug>/`: one article.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let data_path = move || slug_param(params.read().get("slug")).map(|slug| data::article(&slug));
    let article = use_page_data::<Article>(data_path);
    with_page_data(article, 14, |article| view! { <ArticleView article/> })
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::article(&site, &paths, &article);
    let canonical = format!("{}{}", site.origin, meta.path);
    let feedback = feedback_mailto(&site.footer.email, &article.title, &canonical);
    // The paragraph "Nghe bài" is reading, and the photo the viewer shows, each by its position
    // among the article's paragraphs or photos.
    let reading = RwSignal::new(None::<usize>);
    let viewing = RwSignal::new(None::<usize>);
    let paragraphs: Vec<String> = article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    let photos: Vec<(Photo, String)> = article
        .figures()
        .map(|(image, caption)| (Photo::of(image, &paths), caption.to_owned()))
        .collect();
    let open_photo = Callback::new(move |i: usize| viewing.set(Some(i)));
    let blocks = view! { <BodyBlocks blocks=article.body reading open_photo/> };
    let signature = article
        .signature
        .map(|signature| view! { <p class="article__signature">{signature}</p> });
    let related = (!article.related.is_empty()).then(|| {
        let cards = article
            .related
            .into_iter()
            .map(|card| view! { <ArticleCardView card nested=true/> })
            .collect_view();
        view! {
            <aside class="related" aria-labelledby="tin-lien-quan">
                <h2 class="related__heading" id="tin-lien-quan">"Tin liên quan"</h2>
                <ul class="listing__items listing__items--compact">{cards}</ul>
            </aside>
        }
    });
    view! {
        <Head meta/>
        <article class="article">
            <Breadcrumb trail=vec![(paths.category(&article.category.slug, 1), article.category.name)]/>
            <h1 class="article__title">{article.title.clone()}</h1>
            <p class="article__meta">
                <PublishedTime at=article.published_at/>
            </p>
            <ArticleTools title=article.title canonical=canonical.clone() paragraphs reading/>
            <div class="article__body">{blocks}</div>
            {signature}
            <p class="article__source">
                "Nguồn: " {site.name.clone()} " – " <span class="article__url">{canonical.clone()}</span>
            </p>
            <p class="article__feedback">
                <a href=feedback rel="external">
                    "Góp ý về bài viết này"
                </a>
            </p>
            <PhotoViewer photos open=viewing/>
        </article>
        {related}
    }
}
