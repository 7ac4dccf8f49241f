use super::ThemeToggle;
use crate::api::Loader;
use crate::chrome::{use_lang, Chrome};
use crate::content::tasks::TaskFilter;
use crate::content::{Lang, Site};
use crate::navigation::drop_unnamed_submitter;
use crate::paths::{data, Paths};
use leptos::prelude::*;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_location;
use std::sync::Arc;

/// The header band (department name and slogan, linking home), the search field and the
/// section navigation, which marks the section the page belongs to. On the English section's
/// pages: the English name, "Home" and the English pages. Both link to the other language.
/// What differs between the languages follows the page's, piece by piece: the header itself
/// stays, as the reader moves between the sections within the app.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    let lang = use_lang();
    let chrome = move || Chrome::of(lang.get());
    let vietnamese = move || lang.get() == Lang::Vi;
    let pathname = use_location().pathname;
    let home = {
        let paths = paths.clone();
        move || paths.home_in(lang.get())
    };
    // The home listing's pages belong to "Trang chủ" too; a category's pages to their category
    // (which `<A>` marks itself: the address starts with the category's).
    let at_home = {
        let home = home.clone();
        let home_pages = paths.file("trang/");
        move || {
            let home = home();
            pathname.with(|p| {
                p.trim_end_matches('/') == home.trim_end_matches('/')
                    || (vietnamese() && p.starts_with(&home_pages))
            })
        }
    };
    // The reader resting on a section starts loading its first page.
    let loader = Loader::from_context();
    let sections = {
        let site = Arc::clone(&site);
        let paths = paths.clone();
        let loader = loader.clone();
        move || {
            sections(&site, &paths, lang.get())
                .into_iter()
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
                .collect_view()
        }
    };
    let prefetch_home = loader.prefetcher(data::home_page(1));
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        pathname.track();
        request_animation_frame(reveal_current_section);
    });
    let name = {
        let site = Arc::clone(&site);
        move || site.name_in(lang.get()).to_owned()
    };
    let slogan = site.slogan.clone();
    let slogan = move || {
        vietnamese().then(|| view! { <span class="site-header__slogan">{slogan.clone()}</span> })
    };
    let search = move || vietnamese().then(|| view! { <HeaderSearch/> });
    // The other language's section, at this page's counterpart where it has one.
    let other_language = site.has_english().then(|| {
        let site = Arc::clone(&site);
        let paths = paths.clone();
        let href = move || pathname.with(|p| counterpart(&site, &paths, p));
        let other = move || lang.get().other().code();
        view! {
            <a class="site-header__language" href=href lang=other hreflang=other>
                {move || chrome().other_language}
            </a>
        }
    });
    view! {
        <header class="site-header">
            <div class="site-header__band">
                <div class="container site-header__inner">
                    <a class="site-header__brand" href=home.clone()>
                        <span class="site-header__name">{name}</span>
                        {slogan}
                    </a>
                    {search}
                    {other_language}
                </div>
            </div>
            <nav class="site-nav" aria-label=move || chrome().nav_label>
                <div class="container site-nav__inner">
                    <ul class="site-nav__list">
                        <li class="site-nav__item">
                            <a
                                class="site-nav__link"
                                href=home
                                aria-current=move || at_home().then_some("page")
                                on:pointerenter=move |_| {
                                    if vietnamese() {
                                        prefetch_home()
                                    }
                                }
                            >
                                {move || chrome().home}
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

/// The sections of the menu after "Trang chủ", each as its address, name and first page's
/// data: the categories, then the documents, the procedures, the tasks and the organisation
/// where the bundle has them, then the department's own pages (`site.json`'s `menu_pages`); in
/// English, the organisation and the English pages.
fn sections(site: &Site, paths: &Paths, lang: Lang) -> Vec<(String, String, String)> {
    let organisation = |lang: Lang| {
        (
            paths.organisation(lang),
            Chrome::of(lang).organisation.to_owned(),
            data::organisation(lang),
        )
    };
    if lang == Lang::En {
        let english_pages = site.english_pages.iter().map(|page| {
            (
                paths.page_in(lang, &page.slug),
                page.title.clone(),
                data::page_in(lang, &page.slug),
            )
        });
        return site
            .has_english_organisation
            .then(|| organisation(Lang::En))
            .into_iter()
            .chain(english_pages)
            .collect();
    }
    let categories = site.categories.iter().map(|category| {
        (
            paths.category(&category.slug, 1),
            category.name.clone(),
            data::category_page(&category.slug, 1),
        )
    });
    let documents = site.has_documents.then(|| {
        (
            paths.documents(None, None, 1),
            Chrome::of(Lang::Vi).documents.to_owned(),
            data::documents(None, None, 1),
        )
    });
    let pages = site.menu().map(|page| {
        (
            paths.info_page(&page.slug),
            page.title.clone(),
            data::info_page(&page.slug),
        )
    });
    let procedures = site.has_procedures.then(|| {
        (
            paths.procedures(None),
            Chrome::of(Lang::Vi).procedures.to_owned(),
            data::procedures(None),
        )
    });
    let tasks = site.has_tasks.then(|| {
        let all = TaskFilter::default();
        (
            paths.tasks(&all, 1),
            Chrome::of(Lang::Vi).tasks.to_owned(),
            data::tasks(&all, 1),
        )
    });
    let organisation = site.has_organisation.then(|| organisation(Lang::Vi));
    categories
        .chain(documents)
        .chain(procedures)
        .chain(tasks)
        .chain(organisation)
        .chain(pages)
        .collect()
}

/// The search field: in the Vietnamese site, whose articles and documents it searches.
#[component]
fn HeaderSearch() -> impl IntoView {
    let paths = expect_context::<Paths>();
    let chrome = Chrome::of(use_lang().get_untracked());
    view! {
        // leptos_router's `<Form>`: within the app it moves to the results' address; without
        // JavaScript, the browser submits it there.
        <Form method="GET" action=paths.search("", 1) on_form_data=drop_unnamed_submitter() attr:class="site-search" attr:role="search">
            // The label wraps its field: no id, so the header can appear more than once on a
            // page (the style guide shows it twice).
            <label class="site-search__field">
                <span class="visually-hidden">{chrome.search_label}</span>
                <input
                    class="site-search__input"
                    type="search"
                    name="q"
                    placeholder=chrome.search_placeholder
                    autocomplete="off"
                    enterkeyhint="search"
                />
            </label>
            <button class="site-search__button" type="submit">{chrome.search_button}</button>
        </Form>
    }
}

/// Where the language link of the page at `pathname` leads: the page's counterpart in the
/// other language where it has one (`translation`), else the other section's home.
pub fn counterpart(site: &Site, paths: &Paths, pathname: &str) -> String {
    let lang = paths.lang_of(pathname);
    let below = pathname.strip_prefix(paths.base()).unwrap_or(pathname);
    let slug = match lang {
        Lang::Vi => below,
        Lang::En => below.strip_prefix("en").unwrap_or(below),
    }
    .trim_matches('/');
    let other = lang.other();
    // The organisation and its leaders: the other language's organisation, where it has one.
    let organisation = match lang {
        Lang::Vi => "to-chuc",
        Lang::En => "organisation",
    };
    let has_other_organisation = match other {
        Lang::Vi => site.has_organisation,
        Lang::En => site.has_english_organisation,
    };
    if has_other_organisation
        && (slug == organisation || slug.starts_with(&format!("{organisation}/")))
    {
        return paths.organisation(other);
    }
    site.page_in(lang, slug)
        .and_then(|page| page.translation.as_deref())
        .map_or_else(|| paths.home_in(other), |t| paths.page_in(other, t))
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
