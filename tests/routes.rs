//! One definition of every address: each route of the app's table (`app.rs`) has a case here,
//! whose address `Paths` builds; rendered at that address through the route table, it shows the
//! page the case expects. A route added to the table without a case fails the first test.

#![cfg(feature = "ssr")]
// Leptos views are deeply nested types.
#![recursion_limit = "256"]

mod common;

use khcn_cantho::boot::PageBoot;
use khcn_cantho::build::pages::{self, SitePlan};
use khcn_cantho::build::source::{self, Bundle};
use khcn_cantho::build::template::Template;
use khcn_cantho::content::tasks::{TaskFilter, TaskStatus, TASKS_HEADING as TASKS};
use khcn_cantho::content::Lang;
use khcn_cantho::paths::Paths;
use khcn_cantho::App;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use leptos_router::{PathSegment, RouteList};
use std::fs;
use std::path::{Path, PathBuf};

const TEMPLATE: &str =
    "<!doctype html><html lang=vi><head><meta charset=utf-8></head><body></body></html>";

/// The route table's patterns, as `path!` writes them, below the site's base.
/// The two tests of this file take turns: generating the route table while another thread
/// renders once left the render waiting for ever (a Leptos global the two share; `site-build`
/// itself never generates the table).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn route_patterns(base: &str) -> Vec<String> {
    let bundle = bundle();
    let boot = PageBoot {
        base: base.to_owned(),
        path: base.to_owned(),
        build: String::new(),
        site: bundle.site.clone(),
    };
    let owner = Owner::new_root(None);
    let routes = owner.with(|| {
        provide_context(RequestUrl::new(base));
        RouteList::generate(move || view! { <App boot then_show=None/> })
    });
    let base_segment = base.trim_matches('/');
    routes
        .expect("the app has a route table")
        .iter()
        .map(|route| {
            let segments: Vec<String> = route
                .path()
                .iter()
                .filter_map(|segment| match segment {
                    PathSegment::Static(s) => {
                        let s = s.trim_matches('/');
                        (!s.is_empty()).then(|| s.to_owned())
                    }
                    PathSegment::Param(p) => Some(format!(":{p}")),
                    PathSegment::Splat(p) => Some(format!("*{p}")),
                    other => Some(format!("{other:?}")),
                })
                .collect();
            let below: Vec<&str> = match segments.first() {
                Some(first) if !base_segment.is_empty() && first == base_segment => {
                    segments[1..].iter().map(String::as_str).collect()
                }
                _ => segments.iter().map(String::as_str).collect(),
            };
            format!("/{}", below.join("/"))
        })
        .collect()
}

/// One address of each kind: the route's pattern, the address `Paths` builds, and the heading
/// the page at that address shows.
fn cases(paths: &Paths) -> Vec<(&'static str, String, String)> {
    let document_kind = "quyet-dinh";
    let accepted = TaskFilter {
        status: Some(TaskStatus::Accepted),
        ..TaskFilter::default()
    };
    vec![
        ("/", paths.home_page(1), "Tin mới nhất".into()),
        (
            "/trang/:page",
            paths.home_page(2),
            "Tin mới nhất – Trang 2".into(),
        ),
        (
            "/chuyen-muc/:category",
            paths.category("thong-bao", 1),
            "Thông báo".into(),
        ),
        (
            "/chuyen-muc/:category/trang/:page",
            paths.category("thong-bao", 2),
            "Thông báo – Trang 2".into(),
        ),
        (
            "/bai-viet/:slug",
            paths.article("tin-so-7"),
            "Tin số 7".into(),
        ),
        ("/tim-kiem", paths.search("", 1), "Tìm kiếm".into()),
        (
            "/quan-tri/tim-bai-viet",
            paths.finder("", 1),
            "Tìm bài viết".into(),
        ),
        (
            "/mau-giao-dien",
            paths.style_guide(),
            "Mẫu giao diện".into(),
        ),
        ("/van-ban", paths.documents(None, None, 1), "Văn bản".into()),
        (
            "/van-ban/trang/:page",
            paths.documents(None, None, 2),
            "Văn bản – Trang 2".into(),
        ),
        (
            "/van-ban/loai/:kind",
            paths.documents(Some(document_kind), None, 1),
            "Văn bản – Quyết định".into(),
        ),
        (
            "/van-ban/loai/:kind/trang/:page",
            paths.documents(Some(document_kind), None, 2),
            "Văn bản – Quyết định – Trang 2".into(),
        ),
        (
            "/van-ban/nam/:year",
            paths.documents(None, Some(2024), 1),
            "Văn bản – Năm 2024".into(),
        ),
        (
            "/van-ban/nam/:year/trang/:page",
            paths.documents(None, Some(2024), 2),
            "Văn bản – Năm 2024 – Trang 2".into(),
        ),
        (
            "/van-ban/loai/:kind/nam/:year",
            paths.documents(Some(document_kind), Some(2024), 1),
            "Văn bản – Quyết định – Năm 2024".into(),
        ),
        (
            "/van-ban/loai/:kind/nam/:year/trang/:page",
            paths.documents(Some(document_kind), Some(2024), 2),
            "Văn bản – Quyết định – Năm 2024 – Trang 2".into(),
        ),
        (
            "/van-ban/:slug",
            paths.document("van-ban-so-3"),
            "Trích yếu văn bản số 3".into(),
        ),
        (
            "/thu-tuc-hanh-chinh",
            paths.procedures(None),
            "Thủ tục hành chính".into(),
        ),
        (
            "/thu-tuc-hanh-chinh/linh-vuc/:field",
            paths.procedures(Some("linh-vuc-1")),
            "Thủ tục hành chính – Lĩnh vực 1".into(),
        ),
        (
            "/thu-tuc-hanh-chinh/:slug",
            paths.procedure("thu-tuc-so-2"),
            "Thủ tục số 2".into(),
        ),
        (
            "/nhiem-vu",
            paths.tasks(&TaskFilter::default(), 1),
            TASKS.into(),
        ),
        (
            "/nhiem-vu/*filters",
            paths.tasks(&TaskFilter::default(), 2),
            format!("{TASKS} – Trang 2"),
        ),
        (
            "/nhiem-vu/*filters",
            paths.tasks(&accepted, 1),
            format!("{TASKS} – Đã nghiệm thu"),
        ),
        (
            "/nhiem-vu/*filters",
            paths.tasks(
                &TaskFilter {
                    field: Some("linh-vuc-0".into()),
                    ..TaskFilter::default()
                },
                1,
            ),
            format!("{TASKS} – Lĩnh vực 0"),
        ),
        (
            "/nhiem-vu/*filters",
            paths.tasks(
                &TaskFilter {
                    year: Some(2024),
                    ..TaskFilter::default()
                },
                1,
            ),
            format!("{TASKS} – Năm 2024"),
        ),
        (
            "/nhiem-vu/*filters",
            paths.tasks(
                &TaskFilter {
                    field: Some("linh-vuc-0".into()),
                    year: Some(2024),
                    ..accepted.clone()
                },
                1,
            ),
            format!("{TASKS} – Đã nghiệm thu – Lĩnh vực 0 – Năm 2024"),
        ),
        (
            "/nhiem-vu/:slug",
            paths.task("nhiem-vu-so-3"),
            "Nhiệm vụ số 3".into(),
        ),
        (
            "/to-chuc",
            paths.organisation(Lang::Vi),
            "Cơ cấu tổ chức".into(),
        ),
        (
            "/to-chuc/:leader",
            paths.leader(Lang::Vi, "tran-dong-phuong-an"),
            "Trần Đông Phương An".into(),
        ),
        (
            "/en/organisation",
            paths.organisation(Lang::En),
            "Organisation".into(),
        ),
        (
            "/en/organisation/:leader",
            paths.leader(Lang::En, "tran-dong-phuong-an"),
            "Trần Đông Phương An".into(),
        ),
        (
            "/en",
            paths.home_in(Lang::En),
            "Department of Science and Technology of Cần Thơ City".into(),
        ),
        (
            "/en/:page",
            paths.page_in(Lang::En, "contact"),
            "Contact".into(),
        ),
        ("/:page", paths.info_page("gioi-thieu"), "Giới thiệu".into()),
    ]
}

#[test]
fn every_route_has_a_case_and_every_case_a_route() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    for base in ["/", "/tin-tuc/"] {
        let mut routes = route_patterns(base);
        let mut patterns: Vec<String> = cases(&Paths::new(base))
            .into_iter()
            .map(|(pattern, ..)| pattern.to_owned())
            .collect();
        routes.sort();
        patterns.sort();
        // The tasks' filters are one route with several cases.
        patterns.dedup();
        assert_eq!(
            routes, patterns,
            "app.rs's routes (left) and this file's cases (right) differ, under {base}"
        );
    }
}

#[test]
fn every_address_paths_builds_shows_its_page() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let bundle = bundle();
    for base in ["/", "/tin-tuc/"] {
        let paths = Paths::new(base);
        let template = Template::parse(TEMPLATE, false).unwrap();
        let mut plan = pages::plan(&bundle, &paths, &template.build_id());
        // Written when the build writes the editors' screen.
        plan.add_finder();
        for (pattern, url, heading) in cases(&paths) {
            assert!(url.starts_with(base), "{url} is below {base}");
            let html = rendered_at(&plan, &template, &url);
            let h1 = first_heading(&html);
            // The not-found page would show its own heading.
            assert_eq!(h1, heading, "{pattern}: {url}");
        }
    }
}

/// The page the build writes for `url`, rendered through the route table.
fn rendered_at(plan: &SitePlan, template: &Template, url: &str) -> String {
    let page = plan
        .pages
        .iter()
        .find(|page| page.url_path == url.split('?').next().unwrap())
        .unwrap_or_else(|| panic!("the build writes no page at {url}"));
    pages::render(plan, page, template).unwrap().html
}

/// The text of the page's first `<h1>`.
fn first_heading(html: &str) -> String {
    let start = html.find("<h1").expect("a heading");
    let text_start = start + html[start..].find('>').unwrap() + 1;
    let end = text_start + html[text_start..].find("</h1>").unwrap();
    html[text_start..end]
        .replace("<!>", "")
        .replace("<!---->", "")
        .replace("&amp;", "&")
}

/// The seed, with enough articles and documents for a second page of every listing: 45
/// articles across its three categories, 21 decisions of 2024.
fn bundle() -> Bundle {
    static WRITTEN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let dir = WRITTEN.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("routes-bundle");
        let _ = fs::remove_dir_all(&dir);
        common::copy_tree(Path::new("public/content"), &dir);
        let categories = ["tin-hoat-dong", "khoa-hoc-cong-nghe", "thong-bao"];
        for i in 0..45 {
            let article = format!(
                r#"{{ "title": "Tin số {i}", "published_at": "2024-01-{:02}T08:00:00+07:00",
                     "category": "{}", "body": [{{ "type": "paragraph", "text": "Nội dung {i}." }}] }}"#,
                i % 28 + 1,
                categories[i % 3]
            );
            fs::write(dir.join(format!("articles/tin-so-{i}.json")), article).unwrap();
        }
        fs::create_dir_all(dir.join("van-ban")).unwrap();
        fs::create_dir_all(dir.join("files")).unwrap();
        fs::copy(
            "tests/fixtures/portal/files/qd-12-2024.pdf",
            dir.join("files/qd.pdf"),
        )
        .unwrap();
        for i in 0..21 {
            let document = format!(
                r#"{{ "number": "{i}/2024/QĐ-UBND", "kind": "Quyết định", "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
                     "issued_on": "2024-03-{:02}", "title": "Trích yếu văn bản số {i}",
                     "files": [{{ "file": "files/qd.pdf" }}] }}"#,
                i + 1
            );
            fs::write(dir.join(format!("van-ban/van-ban-so-{i}.json")), document).unwrap();
        }
        fs::create_dir_all(dir.join("thu-tuc")).unwrap();
        for i in 0..3 {
            let procedure = format!(
                r#"{{ "code": "1.00000{i}", "title": "Thủ tục số {i}", "field": "Lĩnh vực {}",
                     "level": "Cấp tỉnh", "online": "truc-tiep" }}"#,
                i % 2
            );
            fs::write(dir.join(format!("thu-tuc/thu-tuc-so-{i}.json")), procedure).unwrap();
        }
        let organisation = r#"{
            "functions": [{ "type": "paragraph", "text": "Chức năng." }],
            "history": [{ "type": "paragraph", "text": "Lịch sử." }],
            "leaders": [{ "name": "Trần Đông Phương An", "position": "Phó Giám đốc",
                          "duties": [{ "type": "paragraph", "text": "Phụ trách." }] }]
        }"#;
        fs::write(dir.join("to-chuc.json"), organisation).unwrap();
        fs::write(dir.join("en/to-chuc.json"), organisation).unwrap();
        fs::create_dir_all(dir.join("nhiem-vu")).unwrap();
        for i in 0..22 {
            let (status, accepted_on) = if i % 2 == 0 {
                ("da-nghiem-thu", r#", "accepted_on": "2025-01-10""#)
            } else {
                ("dang-thuc-hien", "")
            };
            let task = format!(
                r#"{{ "code": "ĐT.{i}", "title": "Nhiệm vụ số {i}", "kind": "Đề tài",
                     "level": "Cấp thành phố", "field": "Lĩnh vực {}", "organisation": "Viện A",
                     "lead": "TS. B", "start": "{}-0{}", "end": "2026-12",
                     "status": "{status}"{accepted_on},
                     "summary": [{{ "type": "paragraph", "text": "Mục tiêu {i}." }}] }}"#,
                i % 3,
                2023 + i / 11,
                i % 9 + 1
            );
            fs::write(dir.join(format!("nhiem-vu/nhiem-vu-so-{i}.json")), task).unwrap();
        }
        dir
    });
    source::load(dir).unwrap_or_else(|errors| panic!("{errors:?}"))
}
