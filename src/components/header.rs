use super::ThemeToggle;
use crate::api::Paths;
use crate::content::Site;
use crate::router::{use_router, Route};
use leptos::prelude::*;

use std::sync::Arc;

/// The header band (department name and slogan, linking home) and the category navigation.
#[component]
pub fn SiteHeader(site: Arc<Site>) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let route = use_router().route();
    // The navigation entry a page belongs to: the home listing (and its pages) or a category.
    let current = Memo::new(move |_| match &*route.read() {
        Route::Home { .. } => Some(String::new()),
        Route::Category { slug, .. } => Some(slug.clone()),
        _ => None,
    });
    let mark = move |key: String| {
        move || (current.get().as_deref() == Some(key.as_str())).then_some("page")
    };
    let categories = site
        .categories
        .iter()
        .map(|category| {
            view! {
                <li class="site-nav__item">
                    <a
                        class="site-nav__link"
                        href=paths.category(&category.slug, 1)
                        aria-current=mark(category.slug.clone())
                    >
                        {category.name.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header__band">
                <div class="container site-header__inner">
                    <a class="site-header__brand" href=paths.home()>
                        <span class="site-header__name">{site.name.clone()}</span>
                        <span class="site-header__slogan">{site.slogan.clone()}</span>
                    </a>
                    // Submitted within the app by the navigation (see `navigator.rs`); without JavaScript,
                    // by the browser, to the same address.
                    <form class="site-search" role="search" action=paths.file("tim-kiem/") method="get">
                        // The label wraps its field: no id, so the header can appear more than once
                        // on a page (the style guide shows it twice).
                        <label class="site-search__field">
                            <span class="visually-hidden">"Tìm kiếm tin bài"</span>
                            <input
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
                            <a class="site-nav__link" href=paths.home() aria-current=mark(String::new())>
                                "Trang chủ"
                            </a>
                        </li>
                        {categories}
                    </ul>
                    <ThemeToggle/>
                </div>
            </nav>
        </header>
    }
}
