use crate::api::use_page_data;
use crate::chrome::Chrome;
use crate::components::{with_page_data, BodyBlocks, Breadcrumb, Pagination};
use crate::content::tasks::{display_dong, display_period, Task, TaskFilter, TaskList, TaskStatus};
use crate::content::time::display_date;
use crate::content::{Lang, Site};
use crate::meta::{self, Head};
use crate::paths::{data, slug_param, Paths};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/nhiem-vu/` and its filtered pages, any of `trang-thai/<status>/`, `linh-vuc/<field>/`,
/// `nam/<year>/` in that order, then `trang/<n>/`: one route reads them all
/// ([`TaskFilter::parse`]) rather than sixteen.
#[component]
pub fn TasksPage() -> impl IntoView {
    let site = expect_context::<Arc<Site>>();
    let params = use_params_map();
    let data_path = move || {
        site.has_tasks.then_some(())?;
        let filters = params.read().get("filters").unwrap_or_default();
        let (filter, page) = TaskFilter::parse(&filters)?;
        Some(data::tasks(&filter, page))
    };
    let list = use_page_data::<TaskList>(data_path);
    with_page_data(list, 10, |list| view! { <TasksView list/> })
}

#[component]
fn TasksView(list: TaskList) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::tasks(&site, &paths, &list);
    let filter = list.filter.clone();
    // A choice keeps the other two filters and starts again at page 1. Plain links, as the
    // documents' filters: the router's `<A>` would also mark "Tất cả" current.
    let choice = |label: String, chosen: TaskFilter, current: bool| {
        let href = paths.tasks(&chosen, 1);
        view! {
            <li class="filters__item">
                <a href=href class="filters__link" aria-current=current.then_some("page")>
                    {label}
                </a>
            </li>
        }
    };
    let all = || "Tất cả".to_owned();
    let status_links = std::iter::once(None)
        .chain(list.statuses.iter().copied().map(Some))
        .map(|status: Option<TaskStatus>| {
            let label = status.map_or_else(all, |s| s.label().to_owned());
            let chosen = TaskFilter {
                status,
                ..filter.clone()
            };
            choice(label, chosen, status == filter.status)
        })
        .collect_view();
    let field_links = std::iter::once(None)
        .chain(list.fields.iter().map(Some))
        .map(|field| {
            let label = field.map_or_else(all, |f| f.name.clone());
            let slug = field.map(|f| f.slug.clone());
            let current = slug == filter.field;
            let chosen = TaskFilter {
                field: slug,
                ..filter.clone()
            };
            choice(label, chosen, current)
        })
        .collect_view();
    let year_links = std::iter::once(None)
        .chain(list.years.iter().copied().map(Some))
        .map(|year| {
            let label = year.map_or_else(all, |y| y.to_string());
            let chosen = TaskFilter {
                year,
                ..filter.clone()
            };
            choice(label, chosen, year == filter.year)
        })
        .collect_view();
    let items = list
        .items
        .into_iter()
        .map(|task| {
            let href = paths.task(&task.slug);
            view! {
                <li class="document-card">
                    <p class="document-card__facts">
                        <span class="document-card__number">{task.code}</span>
                        " · " {task.kind} " · " {display_period(&task.start, &task.end)}
                        " · " <span class="task__status">{task.status.label()}</span>
                    </p>
                    <a href=href class="document-card__link">{task.title}</a>
                    <p class="document-card__facts">{task.organisation}</p>
                </li>
            }
        })
        .collect_view();
    let href = {
        let paths = paths.clone();
        let filter = filter.clone();
        move |n: usize| paths.tasks(&filter, n)
    };
    view! {
        <Head meta=meta.clone()/>
        <section class="listing documents tasks">
            <h1 class="listing__heading">{meta.heading}</h1>
            <nav class="filters" aria-label="Lọc nhiệm vụ">
                <p class="filters__label" id="loc-theo-tinh-trang">"Tình trạng"</p>
                <ul class="filters__list" aria-labelledby="loc-theo-tinh-trang">{status_links}</ul>
                <p class="filters__label" id="loc-theo-linh-vuc">"Lĩnh vực"</p>
                <ul class="filters__list" aria-labelledby="loc-theo-linh-vuc">{field_links}</ul>
                <p class="filters__label" id="loc-theo-nam">"Năm bắt đầu"</p>
                <ul class="filters__list" aria-labelledby="loc-theo-nam">{year_links}</ul>
            </nav>
            <p class="documents__total">{format!("{} nhiệm vụ", list.total)}</p>
            <ul class="documents__items">{items}</ul>
            <Pagination current=list.page total=list.pages href/>
        </section>
    }
}

/// `/nhiem-vu/<slug>/`: one task, its facts, its aims, and once accepted its results.
#[component]
pub fn TaskPage() -> impl IntoView {
    let params = use_params_map();
    let data_path = move || slug_param(params.read().get("slug")).map(|slug| data::task(&slug));
    let task = use_page_data::<Task>(data_path);
    with_page_data(task, 10, |task| view! { <TaskView task/> })
}

#[component]
fn TaskView(task: Task) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let meta = meta::task(&site, &paths, &task);
    let field_href = paths.tasks(
        &TaskFilter {
            field: Some(task.field.slug.clone()),
            ..TaskFilter::default()
        },
        1,
    );
    let budget = task.budget.map(|amount| {
        view! { <dt>"Kinh phí"</dt> <dd>{display_dong(amount)}</dd> }
    });
    let accepted = task.accepted_on.map(|date| {
        view! {
            <dt>"Ngày nghiệm thu"</dt>
            <dd><time datetime=date.clone()>{display_date(&date)}</time></dd>
        }
    });
    let results = (!task.results.is_empty()).then(|| {
        view! {
            <h2 class="article__heading">"Kết quả"</h2>
            <div class="article__body"><BodyBlocks blocks=task.results/></div>
        }
    });
    view! {
        <Head meta/>
        <article class="article document task">
            <Breadcrumb trail=vec![(paths.tasks(&TaskFilter::default(), 1), Chrome::of(Lang::Vi).tasks.to_owned())]/>
            <h1 class="article__title">{task.title}</h1>
            <dl class="document__facts">
                <dt>"Mã số"</dt>
                <dd>{task.code}</dd>
                <dt>"Loại nhiệm vụ"</dt>
                <dd>{task.kind}</dd>
                <dt>"Cấp quản lý"</dt>
                <dd>{task.level}</dd>
                <dt>"Lĩnh vực"</dt>
                <dd><a href=field_href>{task.field.name}</a></dd>
                <dt>"Tổ chức chủ trì"</dt>
                <dd>{task.organisation}</dd>
                <dt>"Chủ nhiệm"</dt>
                <dd>{task.lead}</dd>
                <dt>"Thời gian thực hiện"</dt>
                <dd>{display_period(&task.start, &task.end)}</dd>
                {budget}
                <dt>"Tình trạng"</dt>
                <dd>{task.status.label()}</dd>
                {accepted}
            </dl>
            <h2 class="article__heading">"Mục tiêu và nội dung"</h2>
            <div class="article__body"><BodyBlocks blocks=task.summary/></div>
            {results}
        </article>
    }
}
