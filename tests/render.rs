//! The static pages, rendered natively by the same components the browser app hydrates.

#![cfg(feature = "ssr")]

use khcn_cantho::api::Paths;
use khcn_cantho::build::pages::{self, Template};
use khcn_cantho::build::source;
use khcn_cantho::meta::script_json;
use std::path::Path;

const TEMPLATE: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>placeholder</title><script type=\"module\">start()</script></head><body></body></html>";

fn render_all(base: &str) -> Vec<(String, String)> {
    let bundle = source::load(Path::new("public/content")).expect("seed is valid");
    let plan = pages::plan(&bundle, &Paths::new(base));
    let template = Template::parse(TEMPLATE).unwrap();
    plan.pages
        .iter()
        .map(|page| {
            (
                page.file.clone(),
                pages::render(&plan, page, &template).unwrap(),
            )
        })
        .collect()
}

fn page<'a>(pages: &'a [(String, String)], file: &str) -> &'a str {
    &pages
        .iter()
        .find(|(f, _)| f == file)
        .unwrap_or_else(|| panic!("no page {file}"))
        .1
}

const ARTICLE: &str = "bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/index.html";

#[test]
fn every_page_the_site_links_to_is_written() {
    let pages = render_all("/");
    let files: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "index.html",
            "chuyen-muc/tin-hoat-dong/index.html",
            "chuyen-muc/khoa-hoc-cong-nghe/index.html",
            "chuyen-muc/thong-bao/index.html",
            ARTICLE,
            "tim-kiem/index.html",
            "mau-giao-dien/index.html",
            "404.html"
        ]
    );
}

#[test]
fn the_article_page_holds_the_whole_article() {
    let pages = render_all("/");
    let html = page(&pages, ARTICLE);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"));
    assert!(
        !html.contains("<title>placeholder"),
        "the template's title is replaced"
    );
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(
        html.contains("<h1 class=\"article__title\">Sở Khoa học và Công nghệ TP. CầnThơ làm việc")
    );
    assert!(html.contains("<time datetime=\"2023-08-13T15:11:00+07:00\">13/08/2023 15:11</time>"));
    assert_eq!(html.matches("<figcaption").count(), 5);
    // The first photo is fetched at once, the other four as the reader scrolls.
    assert_eq!(
        html.matches("loading=\"eager\" fetchpriority=\"high\"")
            .count(),
        1
    );
    assert_eq!(html.matches("loading=\"lazy\"").count(), 4);
    assert!(html.contains("width=\"960\" height=\"640\""));
    assert!(html.contains("<p class=\"article__signature\">Sở KH&amp;CN TP. Cần Thơ</p>"));
    assert!(html.contains("href=\"tel:02923820674\""));
    assert!(html.contains("href=\"mailto:sokhcn@cantho.gov.vn\""));
    // The app takes over #app's islands, from where the page says it is; the page needs none
    // of the bundle's data for that.
    assert!(html.contains("<body><div id=\"app\">"));
    assert!(html.contains("<script type=\"application/json\" id=\"page-boot\">{\"base\":\"/\",\"path\":\"/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/\",\"site_name\":\"Sở KH&CN TP. Cần Thơ\",\"build\":\"\"}</script>"));
    assert!(!html.contains("data-path="));
    // The head goes before trunk's loader.
    assert!(html.find("<title>").unwrap() < html.find("</head>").unwrap());
}

#[test]
fn the_listing_and_not_found_pages() {
    let pages = render_all("/");
    let home = page(&pages, "index.html");
    assert!(home.contains("<h1 class=\"listing__heading\">Tin mới nhất</h1>"));
    assert!(home.contains("href=\"/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/\""));
    assert!(home.contains("aria-current=\"page\""));
    let empty = page(&pages, "chuyen-muc/thong-bao/index.html");
    assert!(empty.contains("Chưa có bài viết nào trong mục này."));
    let missing = page(&pages, "404.html");
    assert!(missing.contains("<h1 class=\"notice__title\">Không tìm thấy trang</h1>"));
    assert!(missing.contains("<title>Không tìm thấy trang – Sở KH&amp;CN TP. Cần Thơ</title>"));
}

#[test]
fn a_sub_path_build_prefixes_every_link_and_url() {
    let pages = render_all("/tin-tuc/");
    let html = page(&pages, ARTICLE);
    assert!(html.contains("<link rel=\"canonical\" href=\"https://sokhcn.cantho.gov.vn/tin-tuc/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/\">"));
    assert!(html
        .contains("src=\"/tin-tuc/content/images/lam-viec-voi-ubnd-huyen-co-do-2023/anh-1.png\""));
    assert!(html.contains("<a href=\"/tin-tuc/\" class=\"site-header__brand\">"));
    assert!(
        !html.contains("href=\"/bai-viet"),
        "no link escapes the prefix"
    );
}

#[test]
fn page_data_cannot_close_its_script_element() {
    let json = r#"{"caption":"</script><script>alert(1)</script>"}"#;
    let safe = script_json(json);
    assert!(!safe.contains('<'));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&safe).unwrap()["caption"],
        "</script><script>alert(1)</script>"
    );
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render_all("/"), render_all("/"));
}

#[test]
fn only_app_pages_load_the_app() {
    let pages = render_all("/");
    for (file, html) in &pages {
        let loads_app = html.contains("<script type=\"module\">start()</script>");
        assert_eq!(loads_app, file != "mau-giao-dien/index.html", "{file}");
    }
    // The static page keeps every other script: the stored theme and text size still apply.
    let style_guide = page(&pages, "mau-giao-dien/index.html");
    assert!(style_guide.contains("<script type=\"application/json\" id=\"page-boot\">"));
}

#[test]
fn every_number_in_the_phone_field_is_its_own_link() {
    let mut bundle = source::load(Path::new("public/content")).expect("seed is valid");
    bundle.site.footer.phone = "0292.3820674 – 0292.3820675 (máy lẻ 101, 102)".into();
    let plan = pages::plan(&bundle, &Paths::new("/"));
    let template = Template::parse(TEMPLATE).unwrap();
    let html = pages::render(&plan, &plan.pages[0], &template).unwrap();
    assert!(html.contains(", Fax: </span><span class=\"site-footer__fax\">"));
    assert!(html.contains("<a href=\"tel:02923820674\" class=\"site-footer__link site-footer__phone\">0292.3820674</a> – <a href=\"tel:02923820675\" class=\"site-footer__link site-footer__phone\">0292.3820675</a> (máy lẻ 101, 102)"), "{html}");
}

#[test]
fn an_empty_fax_is_left_out_of_the_footer() {
    let mut bundle = source::load(Path::new("public/content")).expect("seed is valid");
    bundle.site.footer.fax = String::new();
    let plan = pages::plan(&bundle, &Paths::new("/"));
    let template = Template::parse(TEMPLATE).unwrap();
    let html = pages::render(&plan, &plan.pages[0], &template).unwrap();
    assert!(!html.contains("Fax") && !html.contains("site-footer__fax"));
    assert!(html.contains("; Email: "));
}

#[test]
fn the_search_page_loads_its_own_app_and_every_page_knows_its_build() {
    let trunk_page = "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title><script type=\"module\">\nimport init from '/khcn-cantho-0123456789abcdef.js';\ninit({ module_or_path: '/khcn-cantho-0123456789abcdef_bg.wasm' });\n</script></head><body></body></html>";
    let bundle = source::load(Path::new("public/content")).expect("seed is valid");
    let plan = pages::plan(&bundle, &Paths::new("/"));
    let template = Template::parse(trunk_page)
        .unwrap()
        .with_search_app(Some("khcn-cantho-search-fedcba9876543210".into()));
    let build = "khcn-cantho-0123456789abcdef khcn-cantho-search-fedcba9876543210";
    assert_eq!(template.build_id(), build);
    let render = |file: &str| {
        let page = plan.pages.iter().find(|p| p.file == file).unwrap();
        pages::render(&plan, page, &template).unwrap()
    };
    let search = render("tim-kiem/index.html");
    assert!(search.contains("import init from '/khcn-cantho-search-fedcba9876543210.js';"));
    assert!(search.contains("'/khcn-cantho-search-fedcba9876543210_bg.wasm'"));
    assert!(!search.contains("0123456789abcdef.js"));
    for file in ["index.html", ARTICLE, "404.html"] {
        let html = render(file);
        assert!(
            html.contains("import init from '/khcn-cantho-0123456789abcdef.js';"),
            "{file}"
        );
        let loader = html.split("<script type=\"module\">").nth(1).unwrap();
        let loader = &loader[..loader.find("</script>").unwrap()];
        assert!(!loader.contains("khcn-cantho-search"), "{file}");
        // What the app compares before it shows a fetched page in place of this one.
        assert!(
            html.contains(&format!(",\"build\":\"{build}\"}}")),
            "{file}"
        );
    }
    assert!(search.contains(&format!(",\"build\":\"{build}\"}}")));
    // The style guide loads no app at all.
    assert!(!render("mau-giao-dien/index.html").contains("import init"));
}

#[test]
fn page_data_the_pages_cannot_read_fails_the_build() {
    let bundle = source::load(Path::new("public/content")).expect("seed is valid");
    let mut plan = pages::plan(&bundle, &Paths::new("/"));
    let template = Template::parse(TEMPLATE).unwrap();
    let article = plan.pages.iter().position(|p| p.file == ARTICLE).unwrap();
    let path = plan.pages[article]
        .data
        .iter()
        .find(|d| d.contains("bai-viet"))
        .unwrap()
        .clone();
    plan.data.insert(path.clone(), "{\"title\": 1}".into());
    let error = pages::render(&plan, &plan.pages[article], &template).unwrap_err();
    assert!(error.contains(ARTICLE) && error.contains(&path), "{error}");
}
