use super::ThemeToggle;
use crate::api::Loader;
use crate::content::Site;
use crate::navigation::search_on_submit;
use crate::paths::{data, Paths};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use std::sync::Arc;

/// The header band (department name and slogan, linking home), the search field and the
/// category navigation, which marks the section the page belongs to.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    let pathname = use_location().pathname;
    // The home listing's pages belong to "Trang chủ" too; a category's pages to their category
    // (which `<A>` marks itself: the address starts with the category's).
    let home = paths.home();
    let home_pages = paths.file("trang/");
    let at_home = move || {
        pathname.with(|p| {
            p.trim_end_matches('/') == home.trim_end_matches('/') || p.starts_with(&home_pages)
        })
    };
    // The reader resting on a section starts loading its first page.
    let loader = Loader::from_context();
    // The categories, then the department's own pages (`site.json`'s `menu_pages`).
    let categories = site.categories.iter().map(|category| {
        (
            paths.category(&category.slug, 1),
            category.name.clone(),
            data::category_page(&category.slug, 1),
        )
    });
    let menu_pages = site.menu().map(|page| {
        (
            paths.info_page(&page.slug),
            page.title.clone(),
            data::info_page(&page.slug),
        )
    });
    // The documents' listing, where the bundle has documents.
    let documents = site.has_documents.then(|| {
        (
            paths.documents(None, None, 1),
            "Văn bản".to_owned(),
            data::documents(None, None, 1),
        )
    });
    let sections = categories
        .chain(documents)
        .chain(menu_pages)
        .map(|(href, name, data_path)| {
            let prefetch = loader.prefetcher(data_path);
            view! {
                <li class="site-nav__item">
                    <A
                        href
                        attr:class="site-nav__link"
                        on:pointerenter=move |_| prefetch()
                    >
                        {name}
                    </A>
                </li>
            }
        })
        .collect_view();
    let prefetch_home = loader.prefetcher(data::home_page(1));
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        pathname.track();
        request_animation_frame(reveal_current_section);
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let search = search_on_submit(input);
    view! {
        <header class="site-header">
            <div class="site-header__band">
                <div class="container site-header__inner">
                    <a class="site-header__brand" href=paths.home()>
                        <span class="site-header__name">{site.name.clone()}</span>
                        <span class="site-header__slogan">{site.slogan.clone()}</span>
                    </a>
                    // Without JavaScript, the browser submits it to the same address.
                    <form class="site-search" role="search" action=paths.search("", 1) method="get" on:submit=search>
                        // The label wraps its field: no id, so the header can appear more than once
                        // on a page (the style guide shows it twice).
                        <label class="site-search__field">
                            <span class="visually-hidden">"Tìm kiếm tin bài"</span>
                            <input
                                node_ref=input
                                class="site-search__input"
                                type="search"
                                name="q"
                                placeholder="Tìm tin bài…"
                                autocomplete="off"
                                enterkeyhint="search"
                            />
                        </label>
                        <button class="site-search__button" type="submit">"Tìm"</button>
                    </form>
                </div>
            </div>
            <nav class="site-nav" aria-label="Chuyên mục">
                <div class="container site-nav__inner">
                    <ul class="site-nav__list">
                        <li class="site-nav__item">
                            <a
                                class="site-nav__link"
                                href=paths.home()
                                aria-current=move || at_home().then_some("page")
                                on:pointerenter=move |_| prefetch_home()
                            >
                                "Trang chủ"
                            </a>
                        </li>
                        {sections}
                    </ul>
                    <ThemeToggle/>
                </div>
            </nav>
        </header>
    }
}

/// On a phone the header's sections are one line that scrolls sideways: the one the page
/// belongs to is scrolled into that line's view, so the reader sees where they are.
#[cfg(feature = "hydrate")]
fn reveal_current_section() {
    use wasm_bindgen::JsCast;
    let Some(link) = document()
        .query_selector(".site-nav__link[aria-current]")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(list) = link.closest(".site-nav__list").ok().flatten() else {
        return;
    };
    // Within the strip, which is the link's offset parent (`position: relative`, site.css).
    let left = link.offset_left() - list.scroll_left();
    let right = left + link.offset_width();
    let width = list.client_width();
    if left < 0 || right > width {
        // Centred where it can be; the browser clamps at either end.
        list.set_scroll_left(list.scroll_left() + (left + right - width) / 2);
    }
}
