use crate::chrome::{use_lang, Chrome};
use crate::content::text::phone_pieces;
use crate::content::{Lang, Site};
use crate::paths::Paths;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// The department's footer: every field of `site.json`'s `footer`, phone and email as links.
/// On the English section's pages its labels are English; the fields, as written, stay
/// Vietnamese and say so (`lang="vi"`), for screen readers.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let paths = expect_context::<Paths>();
    let lang = use_lang();
    let chrome = move || Chrome::of(lang.get());
    let vietnamese = move || (lang.get() != Lang::Vi).then_some("vi");
    let footer = &site.footer;
    // A department without a fax leaves the field empty.
    let fax = Some(footer.fax.trim())
        .filter(|fax| !fax.is_empty())
        .map(|fax| {
            view! {
                <span class="site-footer__label">{move || chrome().fax}</span>
                <span class="site-footer__fax">{fax.to_owned()}</span>
            }
        });
    let name = {
        let site = Arc::clone(&site);
        move || site.name_in(lang.get()).to_owned()
    };
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p class="site-footer__name">{name}</p>
                <address class="site-footer__contact">
                    <p class="site-footer__row">
                        <span class="site-footer__label">{move || chrome().address}</span>
                        <span class="site-footer__address" lang=vietnamese>{footer.address.clone()}</span>
                    </p>
                    <p class="site-footer__row">
                        <span class="site-footer__label">{move || chrome().phone}</span>
                        <span class="site-footer__phones">{phone_links(&footer.phone, "site-footer__link site-footer__phone")}</span>
                        {fax}
                        <span class="site-footer__label">{move || chrome().email}</span>
                        <a class="site-footer__link site-footer__email" href=format!("mailto:{}", footer.email.trim())>
                            {footer.email.clone()}
                        </a>
                    </p>
                </address>
                <p class="site-footer__row">
                    <span class="site-footer__label">{move || chrome().editor_in_chief}</span>
                    <span class="site-footer__editor" lang=vietnamese>{footer.editor_in_chief.clone()}</span>
                </p>
                <p class="site-footer__row site-footer__disclaimer">
                    <span class="site-footer__label">{move || chrome().note}</span>
                    <span lang=vietnamese>{footer.disclaimer.clone()}</span>
                </p>
                <p class="site-footer__row site-footer__copyright" lang=vietnamese>{footer.copyright.clone()}</p>
                <p class="site-footer__row site-footer__feeds">
                    <a class="site-footer__link" href=paths.feed() rel="external">{move || chrome().feed}</a>
                </p>
            </div>
        </footer>
    }
}

/// Each number in the phone field as a `tel:` link of class `class`; the words around them (an
/// extension, "hoặc") as text.
pub fn phone_links(field: &str, class: &'static str) -> impl IntoView {
    phone_pieces(field)
        .into_iter()
        .map(|(text, href)| match href {
            Some(href) => Either::Left(view! {
                <a class=class href=href>{text.to_owned()}</a>
            }),
            None => Either::Right(text.to_owned()),
        })
        .collect_view()
}
