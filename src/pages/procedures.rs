use crate::api::use_page_data;
use crate::chrome::Chrome;
use crate::components::{with_page_data, BodyBlocks, Breadcrumb};
use crate::content::bundle::slug_problem;
use crate::content::procedures::{Procedure, ProcedureList};
use crate::content::{Lang, Site};
use crate::meta::{self, Head};
use crate::paths::{data, slug_param, Paths};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/thu-tuc-hanh-chinh/` and one field's: `/thu-tuc-hanh-chinh/linh-vuc/<field>/`.
#[component]
pub fn ProceduresPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let params = use_params_map();
    let data_path = move || {
        site.has_procedures.then_some(())?;
        let field = params.read().get("field");
        if field.as_deref().is_some_and(|f| slug_problem(f).is_some()) {
            return None;
        }
        Some(data::procedures(field.as_deref()))
    };
    let list = use_page_data::<ProcedureList>(data_path);
    with_page_data(list, 10, |list| view! { <ProceduresView list/> })
}

#[component]
fn ProceduresView(list: ProcedureList) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::procedures(&site, &paths, &list);
    let chosen = list.field.as_ref().map(|f| f.slug.clone());
    let all = (
        None,
        "Tất cả".to_owned(),
        list.fields.iter().map(|(_, n)| n).sum(),
    );
    // Plain links, as the documents' filters: the router's `<A>` would also mark "Tất cả".
    let field_links = std::iter::once(all)
        .chain(
            list.fields
                .iter()
                .map(|(field, count)| (Some(field.slug.clone()), field.name.clone(), *count)),
        )
        .map(|(slug, name, count): (Option<String>, String, usize)| {
            let current = slug == chosen;
            let href = paths.procedures(slug.as_deref());
            view! {
                <li class="filters__item">
                    <a href=href class="filters__link" aria-current=current.then_some("page")>
                        {name} <span class="filters__count">{format!(" ({count})")}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let groups = list
        .groups
        .into_iter()
        .map(|group| {
            let count = format!(" ({})", group.items.len());
            let items = group
                .items
                .into_iter()
                .map(|procedure| {
                    let href = paths.procedure(&procedure.slug);
                    view! {
                        <li class="document-card">
                            <p class="document-card__facts">
                                <span class="document-card__number">{procedure.code}</span>
                                " · " {procedure.filing.label()}
                            </p>
                            <a href=href class="document-card__link">{procedure.title}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="procedures__field">
                    {group.field.name}
                    <span class="procedures__count">{count}</span>
                </h2>
                <ul class="documents__items">{items}</ul>
            }
        })
        .collect_view();
    view! {
        <Head meta=meta.clone()/>
        <section class="listing documents procedures">
            <h1 class="listing__heading">{meta.heading}</h1>
            <nav class="filters" aria-label="Lọc thủ tục">
                <p class="filters__label" id="loc-theo-linh-vuc">"Lĩnh vực"</p>
                <ul class="filters__list" aria-labelledby="loc-theo-linh-vuc">{field_links}</ul>
            </nav>
            <p class="documents__total">{format!("{} thủ tục", list.total)}</p>
            {groups}
        </section>
    }
}

/// `/thu-tuc-hanh-chinh/<slug>/`: one procedure, its facts, where to file it, its steps.
#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let data_path =
        move || slug_param(params.read().get("slug")).map(|slug| data::procedure(&slug));
    let procedure = use_page_data::<Procedure>(data_path);
    with_page_data(
        procedure,
        10,
        |procedure| view! { <ProcedureView procedure/> },
    )
}

#[component]
fn ProcedureView(procedure: Procedure) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::procedure(&site, &paths, &procedure);
    // Filed on the public-service portal, another site: said so on the link itself.
    let file_online = procedure.url.clone().map(|url| {
        view! {
            <p class="procedure__file">
                <a class="procedure__file-link" href=url rel="external noopener">
                    "Nộp hồ sơ trực tuyến"
                    <span class="procedure__leaving">" (Cổng Dịch vụ công, trang ngoài)"</span>
                </a>
            </p>
        }
    });
    let optional = |term: &'static str, value: Option<String>| {
        value.map(|value| view! { <dt>{term}</dt> <dd>{value}</dd> })
    };
    let field_href = paths.procedures(Some(&procedure.field.slug));
    let steps = (!procedure.body.is_empty())
        .then(|| view! { <div class="article__body"><BodyBlocks blocks=procedure.body/></div> });
    view! {
        <Head meta/>
        <article class="article document procedure">
            <Breadcrumb trail=vec![(paths.procedures(None), Chrome::of(Lang::Vi).procedures.to_owned())]/>
            <h1 class="article__title">{procedure.title}</h1>
            {file_online}
            <dl class="document__facts">
                <dt>"Mã thủ tục"</dt>
                <dd>{procedure.code}</dd>
                <dt>"Lĩnh vực"</dt>
                <dd><a href=field_href>{procedure.field.name}</a></dd>
                <dt>"Cấp thực hiện"</dt>
                <dd>{procedure.level}</dd>
                <dt>"Cách thực hiện"</dt>
                <dd>{procedure.filing.label()}</dd>
                {optional("Thời hạn giải quyết", procedure.processing_time)}
                {optional("Phí, lệ phí", procedure.fee)}
            </dl>
            {steps}
        </article>
    }
}
