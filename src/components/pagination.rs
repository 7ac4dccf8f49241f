use crate::chrome::{use_lang, Chrome};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// One entry of a pagination bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageItem {
    Page(usize),
    /// Pages left out between two shown ones.
    Gap,
}

/// The numbered entries for page `current` of `total`: the first and last pages, the current one
/// and its neighbours, with gaps for longer runs. A gap never hides a single page.
pub fn pagination_items(current: usize, total: usize) -> Vec<PageItem> {
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let mut shown: Vec<usize> = vec![
        1,
        total,
        current.saturating_sub(1).max(1),
        current,
        (current + 1).min(total),
    ];
    shown.sort_unstable();
    shown.dedup();
    let mut items = Vec::with_capacity(shown.len() * 2);
    let mut previous = 0;
    for page in shown {
        match page - previous {
            1 => {}
            2 => items.push(PageItem::Page(page - 1)),
            _ => items.push(PageItem::Gap),
        }
        items.push(PageItem::Page(page));
        previous = page;
    }
    items
}

/// Previous, numbered and next links for a listing. `href(n)` gives page `n`'s URL.
#[component]
pub fn Pagination(
    current: usize,
    total: usize,
    #[prop(into)] href: Callback<usize, String>,
) -> impl IntoView {
    let href = move |page: usize| href.run(page);
    if total <= 1 {
        return None;
    }
    let chrome = Chrome::of(use_lang().get_untracked());
    let link = |page: usize, label: String, class: &'static str, rel: Option<&'static str>| {
        view! { <a class=class href=href(page) rel=rel>{label}</a> }
    };
    let previous = (current > 1).then(|| {
        view! { <li class="pagination__item">{link(current - 1, chrome.previous_page.into(), "pagination__link", Some("prev"))}</li> }
    });
    let next = (current < total).then(|| {
        view! { <li class="pagination__item">{link(current + 1, chrome.next_page.into(), "pagination__link", Some("next"))}</li> }
    });
    let numbers = pagination_items(current, total)
        .into_iter()
        .map(|item| match item {
            PageItem::Gap => {
                EitherOf3::A(view! { <li class="pagination__item pagination__gap" aria-hidden="true">"…"</li> })
            }
            PageItem::Page(page) if page == current => EitherOf3::B(view! {
                <li class="pagination__item">
                    <a class="pagination__link pagination__link--current" href=href(page) aria-current="page">
                        <span class="visually-hidden">{chrome.page_word}</span>
                        {page.to_string()}
                    </a>
                </li>
            }),
            PageItem::Page(page) => EitherOf3::C(view! {
                <li class="pagination__item">
                    <a class="pagination__link" href=href(page)>
                        <span class="visually-hidden">{chrome.page_word}</span>
                        {page.to_string()}
                    </a>
                </li>
            }),
        })
        .collect_view();
    Some(view! {
        <nav class="pagination" aria-label=chrome.pages_label>
            <ul class="pagination__list">{previous}{numbers}{next}</ul>
        </nav>
    })
}

#[cfg(test)]
mod tests {
    use super::{pagination_items, PageItem::*};

    #[test]
    fn short_ranges_show_every_page() {
        assert_eq!(pagination_items(1, 0), vec![]);
        assert_eq!(pagination_items(1, 1), vec![Page(1)]);
        assert_eq!(pagination_items(2, 2), vec![Page(1), Page(2)]);
        assert_eq!(
            pagination_items(1, 4),
            vec![Page(1), Page(2), Page(3), Page(4)]
        );
    }

    #[test]
    fn long_ranges_get_gaps_but_never_hide_one_page() {
        assert_eq!(
            pagination_items(1, 10),
            vec![Page(1), Page(2), Gap, Page(10)]
        );
        assert_eq!(
            pagination_items(5, 10),
            vec![Page(1), Gap, Page(4), Page(5), Page(6), Gap, Page(10)]
        );
        assert_eq!(
            pagination_items(3, 10),
            vec![Page(1), Page(2), Page(3), Page(4), Gap, Page(10)]
        );
        assert_eq!(
            pagination_items(10, 10),
            vec![Page(1), Gap, Page(9), Page(10)]
        );
        assert_eq!(
            pagination_items(8, 10),
            vec![Page(1), Gap, Page(7), Page(8), Page(9), Page(10)]
        );
    }

    #[test]
    fn out_of_range_current_is_clamped() {
        assert_eq!(pagination_items(99, 3), vec![Page(1), Page(2), Page(3)]);
    }
}
