use crate::api::{use_page_data, FetchError};
use crate::components::{
    ArticleCardView, ErrorPanel, Figure, NotFound, Pagination, PublishedTime, SiteFooter,
    SiteHeader, Skeleton,
};
use crate::content::{ArticleCard, Image, ListPage, Site};
use crate::meta::{self, Head, DEFAULT_SHARE_IMAGE_PATH, DEFAULT_SHARE_IMAGE_SIZE};
use crate::paths::{data, Paths};
use leptos::prelude::*;
use std::sync::Arc;

/// The colour tokens of `style/tokens.css`, shown as swatches.
const COLOURS: [&str; 22] = [
    "brand",
    "brand-dark",
    "brand-tint",
    "brand-text",
    "accent",
    "on-brand",
    "text",
    "text-muted",
    "background",
    "surface",
    "border",
    "link",
    "link-visited",
    "link-hover",
    "error",
    "error-tint",
    "focus",
    "focus-text",
    "skeleton",
    "mark",
    "footer-bg",
    "footer-text",
];
const TYPE_SCALE: [&str; 8] = ["xs", "sm", "base", "md", "lg", "xl", "2xl", "brand"];
const SPACES: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];

/// Each sample reads its token through a class of its own, from the lists above: the
/// Content-Security-Policy allows this one `<style>` by its hash, where a `style` attribute per
/// sample would each need one.
fn samples_css() -> String {
    COLOURS
        .iter()
        .map(|name| format!(".styleguide__chip--{name}{{background:var(--color-{name})}}"))
        .chain(
            TYPE_SCALE.iter().map(|size| {
                format!(".styleguide__size--{size}{{font-size:var(--font-size-{size})}}")
            }),
        )
        .chain(
            SPACES
                .iter()
                .map(|space| format!(".styleguide__space--{space}{{width:var(--space-{space})}}")),
        )
        .collect()
}

/// `/mau-giao-dien/` in the route table. The build writes the style guide as a static page, which
/// loads no app (its samples of every component would weigh on every reader's app); a move to
/// it within the app therefore loads it as a document.
#[component]
pub fn StyleGuideRoute() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let address = expect_context::<Paths>().style_guide();
        leptos::task::spawn_local(async move { crate::api::load_as_document(&address).await });
        view! { <Skeleton/> }
    }
    #[cfg(not(feature = "hydrate"))]
    view! { <StyleGuidePage/> }
}

/// `/mau-giao-dien/`: the design tokens and every component with sample content, in both themes,
/// for designers. Not linked from the navigation. Every sample reads the live tokens, so a
/// change to `style/tokens.css` under `trunk serve` shows here at once.
#[component]
pub fn StyleGuidePage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let meta = meta::style_guide(&site, &expect_context::<Paths>());
    // The newest article, as its card shows in the listing: every sample is real, and links
    // where it says.
    let newest = use_page_data::<ListPage>(|| Some(data::home_page(1)));
    let themes = move || {
        Suspend::new(async move {
            let card = newest
                .await
                .ok()
                .and_then(|list| list.items.into_iter().next());
            view! {
                <ThemeSample theme="light" label="Giao diện sáng" card=card.clone()/>
                <ThemeSample theme="dark" label="Giao diện tối" card/>
            }
        })
    };
    view! {
        <Head meta/>
        <leptos_meta::Style>{samples_css()}</leptos_meta::Style>
        <section class="styleguide">
            <h1>"Mẫu giao diện"</h1>
            <p class="styleguide__intro">
                "Trang dành cho người thiết kế. Mọi màu, cỡ chữ và khoảng cách nằm trong "
                <code>"style/tokens.css"</code>
                "; khi chạy "
                <code>"trunk serve"</code>
                ", sửa tệp đó là mọi thành phần dưới đây đổi theo ngay, ở cả giao diện sáng lẫn tối."
            </p>
            <div class="styleguide__themes">
                <Suspense fallback=|| ()>{themes}</Suspense>
            </div>
        </section>
    }
}

/// A whole-page state in its frame, its page heading counted three levels down (HTML's
/// `headingoffset`), below the sample's own `h3`.
fn page_state(state: impl IntoView) -> impl IntoView {
    leptos::html::div()
        .class("styleguide__frame")
        .attr("headingoffset", "3")
        .child(state)
}

#[component]
fn ThemeSample(
    theme: &'static str,
    label: &'static str,
    card: Option<ArticleCard>,
) -> impl IntoView {
    let image = Image {
        src: DEFAULT_SHARE_IMAGE_PATH.to_owned(),
        width: DEFAULT_SHARE_IMAGE_SIZE.0,
        height: DEFAULT_SHARE_IMAGE_SIZE.1,
        alt: "Ảnh mẫu".to_owned(),
        variants: None,
    };
    let colours = COLOURS
        .iter()
        .map(|name| {
            view! {
                <li class="styleguide__swatch">
                    <span class=format!("styleguide__chip styleguide__chip--{name}")></span>
                    <code>{format!("--color-{name}")}</code>
                </li>
            }
        })
        .collect_view();
    let sizes = TYPE_SCALE
        .iter()
        .map(|size| {
            view! {
                <li class=format!("styleguide__size--{size}")>
                    <code>{format!("--font-size-{size}")}</code>
                    " Khoa học và Công nghệ Cần Thơ"
                </li>
            }
        })
        .collect_view();
    let spaces = SPACES
        .iter()
        .map(|space| {
            view! {
                <li>
                    <span class=format!("styleguide__space styleguide__space--{space}")></span>
                    <code>{format!("--space-{space}")}</code>
                </li>
            }
        })
        .collect_view();
    let no_retry = Callback::new(|()| {});
    // The sample's pages are the style guide's own top: no listing has nine pages to link to.
    let page_href = move |_: usize| "#".to_owned();
    let card = card.map(|card| {
        view! {
            <h3>"Tin trong danh sách"</h3>
            <ul class="listing__items">
                <ArticleCardView card/>
            </ul>
        }
    });
    view! {
        <section class="styleguide__theme" data-theme=theme aria-label=label>
            <h2>{label}</h2>
            <h3>"Màu"</h3>
            <ul class="styleguide__swatches">{colours}</ul>
            <h3>"Cỡ chữ"</h3>
            <ul class="styleguide__list">{sizes}</ul>
            <h3>"Khoảng cách"</h3>
            <ul class="styleguide__list">{spaces}</ul>
            <h3>"Đầu trang"</h3>
            <div class="styleguide__frame"><SiteHeader/></div>
            {card}
            <h3>"Ảnh và chú thích"</h3>
            <Figure image caption="Chú thích ảnh: toàn cảnh buổi làm việc".to_owned()/>
            <h3>"Thời gian"</h3>
            <p><PublishedTime at="2023-08-13T15:11:00+07:00"/></p>
            <h3>"Phân trang"</h3>
            <Pagination current=3 total=9 href=page_href/>
            <h3>"Nút"</h3>
            <p class="notice__actions">
                <button type="button" class="button">"Nút chính"</button>
                <button type="button" class="button button--secondary">"Nút phụ"</button>
                <a class="button" href="#">"Liên kết dạng nút"</a>
            </p>
            <h3>"Đang tải"</h3>
            <Skeleton lines=3/>
            <h3>"Chân trang"</h3>
            <div class="styleguide__frame"><SiteFooter/></div>
            // Last: whole-page states, as pages show them, with the page's own heading (their
            // `h1` counts three levels down, below this section's `h3`s).
            <p class="styleguide__label">"Lỗi khi tải"</p>
            {page_state(view! { <ErrorPanel error=FetchError::Network retry=no_retry/> })}
            <p class="styleguide__label">"Không tìm thấy"</p>
            {page_state(view! { <NotFound/> })}
        </section>
    }
}
