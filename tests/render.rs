//! The static pages, rendered natively by the app itself through its route table, with what
//! the browser needs to hydrate them.

#![cfg(feature = "ssr")]

use khcn_cantho::build::pages::{self, Page, SitePlan};
use khcn_cantho::build::source::{self, Bundle};
use khcn_cantho::build::template::{self, Template};
use khcn_cantho::content::bundle::{self as rules, parse_article};
use khcn_cantho::meta::script_json;
use khcn_cantho::paths::Paths;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Trunk's `index.html`, with its loader naming the app's files.
const TEMPLATE: &str = "<!doctype html><html lang=vi><head><meta charset=utf-8><title>placeholder</title><script type=module>import a from\"/khcn-cantho-0123456789abcdef.js\";a({module_or_path:`/khcn-cantho-0123456789abcdef_bg.wasm`})</script></head><body></body></html>";
const BUILD: &str = "khcn-cantho-0123456789abcdef";
const ORIGIN: &str = "https://sokhcn.cantho.gov.vn";

fn seed() -> Bundle {
    source::load(Path::new("public/content")).expect("the seed is valid")
}

/// Every page, each followed by the script of its resolved data (a file of its own, which the
/// page loads) in a comment-marked `<script>`, so that assertions read both.
fn render_all(bundle: &Bundle, base: &str) -> Vec<(String, String)> {
    let template = Template::parse(TEMPLATE, false).unwrap();
    let plan = pages::plan(bundle, &Paths::new(base), &template.build_id());
    plan.pages
        .iter()
        .map(|page| {
            let rendered = pages::render(&plan, page, &template).unwrap();
            (page.file.clone(), with_resolved(rendered))
        })
        .collect()
}

fn with_resolved(rendered: pages::Rendered) -> String {
    match rendered.resolved {
        Some((path, script)) => {
            let src = format!("<script defer src=\"/{path}\"></script>");
            assert!(
                rendered.html.contains(&src) || rendered.html.contains(&path),
                "the page loads {path}"
            );
            format!("{}<!--{path}--><script>{script}</script>", rendered.html)
        }
        None => rendered.html,
    }
}

fn page<'a>(pages: &'a [(String, String)], file: &str) -> &'a str {
    &pages
        .iter()
        .find(|(f, _)| f == file)
        .unwrap_or_else(|| panic!("no page {file}"))
        .1
}

/// The page's canonical address.
fn canonical(html: &str) -> &str {
    let link = html
        .split("<link ")
        .find(|tag| tag.contains("rel=\"canonical\""))
        .expect("a canonical link");
    between(link, "href=\"", "\"").unwrap()
}

/// The text between `start` and the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    Some(&html[from..from + html[from..].find(end)?])
}

const ARTICLE: &str = "bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/index.html";

#[test]
fn every_page_the_site_links_to_is_written() {
    let pages = render_all(&seed(), "/");
    let files: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "index.html",
            "chuyen-muc/tin-hoat-dong/index.html",
            "chuyen-muc/khoa-hoc-cong-nghe/index.html",
            "chuyen-muc/thong-bao/index.html",
            ARTICLE,
            "gioi-thieu/index.html",
            "lien-he/index.html",
            "en/contact/index.html",
            "en/index.html",
            "tim-kiem/index.html",
            "mau-giao-dien/index.html",
            "404.html"
        ]
    );
}

#[test]
fn the_article_page_holds_the_whole_article_and_what_hydrates_it() {
    let pages = render_all(&seed(), "/");
    let html = page(&pages, ARTICLE);
    assert!(html.starts_with("<!doctype html><html lang=\"vi\"><head><meta charset=utf-8>"));
    assert!(
        !html.contains("<title>placeholder"),
        "the template's title is replaced"
    );
    assert_eq!(html.matches("<title>").count(), 1);
    assert!(html.contains("<title>Sở Khoa học và Công nghệ TP. CầnThơ làm việc với UBND huyện Cở Đỏ về việc triển khai các hoạt động khoa học và công nghệ trên địa bàn huyện 2023 – Sở KH&amp;CN TP. Cần Thơ</title>"));
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(
        html.contains("<h1 class=\"article__title\">Sở Khoa học và Công nghệ TP. CầnThơ làm việc")
    );
    assert!(html.contains("<time datetime=\"2023-08-13T15:11:00+07:00\">13/08/2023 15:11</time>"));
    assert_eq!(html.matches("<figcaption").count(), 5);
    // The first photo is fetched at once, the other four as the reader scrolls.
    assert_eq!(html.matches("loading=\"eager\"").count(), 1);
    assert_eq!(html.matches("fetchpriority=\"high\"").count(), 1);
    assert_eq!(html.matches("loading=\"lazy\"").count(), 4);
    assert!(html.contains("width=\"960\" height=\"640\""));
    assert!(html.contains("<p class=\"article__signature\">Sở KH&amp;CN TP. Cần Thơ</p>"));
    assert!(html.contains("href=\"tel:02923820674\""));
    assert!(html.contains("href=\"mailto:sokhcn@cantho.gov.vn\""));
    // The app hydrates #app with the props the page was rendered with...
    assert!(html.contains("<body><div id=\"app\">"));
    let boot = between(
        html,
        "<script type=\"application/json\" id=\"page-boot\">",
        "</script>",
    )
    .expect("boot data");
    let boot: serde_json::Value = serde_json::from_str(boot).unwrap();
    assert_eq!(boot["base"], "/");
    assert_eq!(
        boot["path"],
        "/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/"
    );
    assert_eq!(boot["build"], BUILD);
    assert_eq!(boot["site"]["short_name"], "Sở KH&CN TP. Cần Thơ");
    // The home screen's name is the manifest's alone.
    assert!(boot["site"].get("home_screen_name").is_none(), "{boot}");
    // ...and the data it rendered, which Leptos serialised for hydration.
    let resolved = between(html, "<script>__RESOLVED_RESOURCES", "</script>").expect("data");
    assert!(resolved.contains("Kết thúc buổi làm việc"));
    // The head: leptos_meta's entries after its marker, which the app hydrates from.
    let head = between(html, "<!--HEAD-->", "</head>").unwrap();
    assert!(head.starts_with("<meta name=\"description\" content=\"Chiều ngày 11/8/20203"));
    assert_eq!(
        canonical(head),
        "https://sokhcn.cantho.gov.vn/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/"
    );
    // The share preview, before the marker: the app leaves it as the build wrote it.
    let share = between(html, "id=\"page-boot\">", "<!--HEAD-->").unwrap();
    assert!(share.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(share.contains("<script type=\"application/ld+json\">"));
    assert!(
        !share.contains("<!"),
        "no hydration markers in the head: {share}"
    );
    assert!(html.find("<title>").unwrap() < html.find("</head>").unwrap());
}

#[test]
fn the_listing_search_and_not_found_pages() {
    let pages = render_all(&seed(), "/");
    let home = page(&pages, "index.html");
    assert!(home.contains("<h1 class=\"listing__heading\">Tin mới nhất</h1>"));
    assert!(home.contains("href=\"/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/\""));
    assert!(home.contains("aria-current=\"page\""));
    let empty = page(&pages, "chuyen-muc/thong-bao/index.html");
    assert!(empty.contains("Chưa có bài viết nào trong mục này."));
    // The header marks the category the page belongs to.
    assert!(empty.contains("href=\"/chuyen-muc/thong-bao/\" aria-current=\"page\""));
    let search = page(&pages, "tim-kiem/index.html");
    assert!(search.contains("Nhập từ khóa rồi bấm Tìm kiếm."));
    assert!(search.contains("<title>Tìm kiếm – Sở KH&amp;CN TP. Cần Thơ</title>"));
    let missing = page(&pages, "404.html");
    assert!(missing.contains("<h1 class=\"notice__title\">Không tìm thấy trang</h1>"));
    assert!(missing.contains("<title>Không tìm thấy trang – Sở KH&amp;CN TP. Cần Thơ</title>"));
}

#[test]
fn a_sub_path_build_prefixes_every_link_and_url() {
    let pages = render_all(&seed(), "/tin-tuc/");
    let html = page(&pages, ARTICLE);
    assert_eq!(
        canonical(html),
        "https://sokhcn.cantho.gov.vn/tin-tuc/bai-viet/lam-viec-voi-ubnd-huyen-co-do-2023/"
    );
    assert!(html
        .contains("src=\"/tin-tuc/content/images/lam-viec-voi-ubnd-huyen-co-do-2023/anh-1.png\""));
    assert!(html.contains("href=\"/tin-tuc/\""));
    assert!(
        !html.contains("href=\"/bai-viet"),
        "no link escapes the prefix"
    );
}

#[test]
fn data_in_a_page_cannot_close_its_script_element() {
    let json = r#"{"caption":"</script><script>alert(1)</script>"}"#;
    let safe = script_json(json);
    assert!(!safe.contains('<'));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&safe).unwrap()["caption"],
        "</script><script>alert(1)</script>"
    );
    // Text that looks like HTML in an article, in the data Leptos serialises for hydration.
    let mut bundle = seed();
    bundle.articles[0].title = "</script><script>alert(1)</script>".to_owned();
    let pages = render_all(&bundle, "/");
    let html = page(&pages, ARTICLE);
    assert_eq!(html.matches("<script>alert(1)").count(), 0, "{html}");
    assert!(html.contains("<title>&lt;/script>&lt;script>alert(1)&lt;/script> – "));
    bundle.articles[0].title = "</title><script>alert(1)</script>".to_owned();
    let html = render_all(&bundle, "/")
        .into_iter()
        .find(|(f, _)| f == ARTICLE)
        .unwrap()
        .1;
    assert!(html.contains("<title>&lt;/title>&lt;script>alert(1)&lt;/script> – "));
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render_all(&seed(), "/"), render_all(&seed(), "/"));
}

#[test]
fn only_app_pages_load_the_app() {
    let pages = render_all(&seed(), "/");
    for (file, html) in &pages {
        let loads_app = html.contains("<script type=module>import a from");
        let style_guide = file == "mau-giao-dien/index.html";
        assert_eq!(loads_app, !style_guide, "{file}");
        assert_eq!(html.contains("id=\"page-boot\""), !style_guide, "{file}");
        assert_eq!(
            html.contains("__RESOLVED_RESOURCES"),
            !style_guide,
            "{file}"
        );
    }
    // The static page keeps every other script: the stored theme and text size still apply.
    let style_guide = page(&pages, "mau-giao-dien/index.html");
    assert!(style_guide.contains("<h1>Mẫu giao diện</h1>"));
}

#[test]
fn every_number_in_the_phone_field_is_its_own_link() {
    let mut bundle = seed();
    bundle.site.footer.phone = "0292.3820674 – 0292.3820675 (máy lẻ 101, 102)".into();
    let html = render_all(&bundle, "/").remove(0).1;
    assert!(html.contains(", Fax: </span><span class=\"site-footer__fax\">"));
    assert!(html.contains("<a href=\"tel:02923820674\" class=\"site-footer__link site-footer__phone\">0292.3820674</a> – <a href=\"tel:02923820675\" class=\"site-footer__link site-footer__phone\">0292.3820675</a> (máy lẻ 101, 102)"), "{html}");
}

#[test]
fn an_empty_fax_is_left_out_of_the_footer() {
    let mut bundle = seed();
    bundle.site.footer.fax = String::new();
    let html = render_all(&bundle, "/").remove(0).1;
    assert!(!html.contains("Fax") && !html.contains("site-footer__fax"));
    assert!(html.contains("; Email: "));
}

#[test]
fn every_page_and_data_file_names_the_build_that_wrote_it() {
    let template = Template::parse(TEMPLATE, false).unwrap();
    assert_eq!(template.build_id(), BUILD);
    let bundle = seed();
    let plan = pages::plan(&bundle, &Paths::new("/"), &template.build_id());
    for (path, json) in &plan.data {
        if path.starts_with("data/tim-kiem/") {
            continue; // the search index belongs to the app that reads it
        }
        let file: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(file["build"], BUILD, "{path}");
    }
    // Nothing the app does not read: the site's identity travels with every page.
    assert!(!plan.data.contains_key("data/site.json"));
}

#[test]
fn page_data_the_pages_cannot_read_fails_the_build() {
    let bundle = seed();
    let template = Template::parse(TEMPLATE, false).unwrap();
    let mut plan = pages::plan(&bundle, &Paths::new("/"), &template.build_id());
    let article = plan.pages.iter().position(|p| p.file == ARTICLE).unwrap();
    let path = plan.pages[article].data[0].clone();
    plan.data.insert(
        path.clone(),
        "{\"build\":\"\",\"data\":{\"title\":1}}".into(),
    );
    let Err(error) = pages::render(&plan, &plan.pages[article], &template) else {
        panic!("unreadable data must fail the page");
    };
    assert!(error.contains(ARTICLE) && error.contains(&path), "{error}");
}

/// A bundle of `n` articles across the seed's categories, without photos.
fn generated(n: usize) -> Bundle {
    let site = seed().site;
    let mut articles: Vec<_> = (0..n)
        .map(|i| {
            let category = &site.categories[i % site.categories.len()].slug;
            let text = format!(
                r#"{{ "title": "Tin số {i}", "published_at": "2024-01-{:02}T08:00:00+07:00", "category": "{category}",
                     "body": [{{ "type": "paragraph", "text": "Nội dung tin số {i}." }}] }}"#,
                i % 28 + 1
            );
            let slug = format!("tin-so-{i}");
            parse_article(&slug, &slug, &text, &site, &mut |_: &str| Err("no photos".into()))
                .expect("generated articles are valid")
        })
        .collect();
    rules::sort_newest_first(&mut articles);
    rules::link_related(&mut articles, source::RELATED_LIMIT);
    Bundle {
        site,
        articles,
        pages: Vec::new(),
        english_pages: Vec::new(),
        documents: Vec::new(),
        procedures: Vec::new(),
        tasks: Vec::new(),
        organisation: None,
        english_organisation: None,
        images: BTreeSet::new(),
        downloads: BTreeSet::new(),
        cms: None,
        content_dir: PathBuf::from("public/content"),
    }
}

/// Renders the address `url` through the app's route table.
fn render_url(plan: &SitePlan, url: &str, data: Vec<String>) -> String {
    let template = Template::parse(TEMPLATE, false).unwrap();
    let page = Page {
        file: "x.html".into(),
        url_path: url.to_owned(),
        data,
        lastmod: None,
        in_sitemap: false,
        loads_app: true,
    };
    with_resolved(pages::render(plan, &page, &template).unwrap())
}

#[test]
fn every_kind_of_url_the_site_builds_round_trips_through_the_route_table() {
    // Each address the build writes, built by `Paths`, renders through the route table as the
    // page that names that same address as its canonical one, under a sub-path too.
    for base in ["/", "/tin-tuc/"] {
        let bundle = generated(40);
        let paths = Paths::new(base);
        let plan = pages::plan(&bundle, &paths, BUILD);
        let kinds = [
            paths.home(),
            paths.home_page(2),
            paths.home_page(3),
            paths.category("tin-hoat-dong", 1),
            paths.category("tin-hoat-dong", 2),
            paths.article("tin-so-7"),
            paths.search("", 1),
            paths.style_guide(),
            paths.not_found(),
        ];
        for url in &kinds {
            let page = plan
                .pages
                .iter()
                .find(|p| &p.url_path == url)
                .unwrap_or_else(|| panic!("the build writes no page at {url}"));
            let html = render_url(&plan, url, page.data.clone());
            assert_eq!(canonical(&html), format!("{ORIGIN}{url}"), "{url}");
        }
        // Headings, as each page's data says.
        let heading = |url: &str, data: Vec<String>| {
            let html = render_url(&plan, url, data);
            between(&html, "<h1", "</h1>")
                .map(|h| h[h.find('>').unwrap() + 1..].to_owned())
                .unwrap()
        };
        let data_of = |url: &str| {
            plan.pages
                .iter()
                .find(|p| p.url_path == url)
                .unwrap()
                .data
                .clone()
        };
        assert_eq!(
            heading(&paths.home_page(2), data_of(&paths.home_page(2))),
            "Tin mới nhất – Trang 2"
        );
        assert_eq!(
            heading(
                &paths.category("tin-hoat-dong", 2),
                data_of(&paths.category("tin-hoat-dong", 2))
            ),
            "Tin hoạt động – Trang 2"
        );
        assert_eq!(
            heading(
                &paths.article("tin-so-7"),
                data_of(&paths.article("tin-so-7"))
            ),
            "Tin số 7"
        );
        // A search's address, with its query, is the search page (the results come in the
        // browser); without its trailing slash, the same page.
        let search = render_url(&plan, &paths.search("Cờ đỏ", 2), Vec::new());
        assert_eq!(
            canonical(&search),
            format!("{ORIGIN}{}", paths.search("", 1))
        );
        let bare = paths.article("tin-so-7").trim_end_matches('/').to_owned();
        assert_eq!(
            heading(&bare, data_of(&paths.article("tin-so-7"))),
            "Tin số 7"
        );
        // Addresses the site does not have are the not-found page.
        for missing in [
            paths.file("bai-viet/"),
            paths.file("bai-viet/a/b/"),
            paths.file("trang/x/"),
            paths.file("khac/"),
            paths.category("khong-co", 1),
            paths.article("khong-co"),
            paths.home_page(99),
        ] {
            let html = render_url(&plan, &missing, Vec::new());
            assert!(html.contains("Không tìm thấy trang</h1>"), "{missing}");
        }
    }
}

#[test]
fn release_builds_minify_the_inline_css_and_a_written_page_is_no_template() {
    assert_eq!(
        template::minify_css(
            "/* tokens */\n:root {\n  --space-1: 0.25rem;\n}\na:hover { color: #ff0000; }\n"
        )
        .unwrap(),
        ":root{--space-1:.25rem}a:hover{color:red}"
    );
    let template = Template::parse(
        "<html><head><style>\n  body { margin: 0px; }\n</style></head><body></body></html>",
        true,
    )
    .unwrap();
    let plan = pages::plan(&seed(), &Paths::new("/"), "");
    let html = pages::render(&plan, &plan.pages[0], &template)
        .unwrap()
        .html;
    assert!(html.contains("<style>body{margin:0}</style>"), "{html}");
    // Run on a folder that already holds the site, the build would take a page for trunk's
    // template, and nest one page in another.
    assert!(Template::parse(&html, false).is_err());
}

#[test]
fn english_pages_are_in_english_and_point_at_their_vietnamese_counterparts() {
    let pages = render_all(&seed(), "/tin-tuc/");
    let english = page(&pages, "en/contact/index.html");
    assert!(
        english.starts_with("<!doctype html><html lang=\"en\">"),
        "{}",
        &english[..80]
    );

    // Both pages of the pair carry both alternates, themselves included.
    for html in [english, page(&pages, "lien-he/index.html")] {
        assert!(html.contains(&format!(
            r#"<link rel="alternate" hreflang="en" href="{ORIGIN}/tin-tuc/en/contact/">"#
        )));
        assert!(html.contains(&format!(
            r#"<link rel="alternate" hreflang="vi" href="{ORIGIN}/tin-tuc/lien-he/">"#
        )));
    }
    // The chrome: skip link, menu, footer labels, in English; the language switch leads to the
    // counterpart.
    for text in [
        ">Skip to main content<",
        "aria-label=\"Sections\"",
        ">Home<",
        "Department of Science and Technology of Cần Thơ City",
        ">Address: <",
        ">Editor-in-chief: <",
        r#"href="/tin-tuc/lien-he/" lang="vi" hreflang="vi" class="site-header__language">Tiếng Việt<"#,
    ] {
        assert!(english.contains(text), "{text}");
    }
    assert!(!english.contains("Bỏ qua điều hướng") && !english.contains("Trưởng Ban biên tập"));
    assert!(english.contains(r#"content="en_GB""#));
    // The Vietnamese page links to it; a page without a counterpart to the section's home.
    assert!(page(&pages, "lien-he/index.html")
        .contains(r#"href="/tin-tuc/en/contact/" lang="en" hreflang="en" class="site-header__language">English<"#));
    let about = page(&pages, "gioi-thieu/index.html");
    assert!(about.starts_with("<!doctype html><html lang=\"vi\">"));
    assert!(about.contains(
        r#"href="/tin-tuc/en/" lang="en" hreflang="en" class="site-header__language">English<"#
    ));
    assert!(!about.contains("rel=\"alternate\" hreflang"));
    // /en/ lists the English pages under the English name.
    let home = page(&pages, "en/index.html");
    assert!(home.starts_with("<!doctype html><html lang=\"en\">"));
    assert!(home.contains(
        r#"<h1 class="listing__heading">Department of Science and Technology of Cần Thơ City</h1>"#
    ));
    assert!(home.contains(r#"<a href="/tin-tuc/en/contact/" class="page-card__link">Contact</a>"#));
}

#[test]
fn the_policy_allows_what_the_template_runs_inline_anywhere_and_trunk_serve_gets_none() {
    let built = Template::parse(TEMPLATE, false).unwrap();
    assert!(!built.served_by_trunk());
    assert_eq!(
        built.inline_allowed().unwrap().scripts.len(),
        1,
        "trunk's loader"
    );
    // `trunk serve` appends its reload script to the body, and rewrites it in every response.
    let served = TEMPLATE.replace(
        "<body></body>",
        "<body><script>const address = '{{__TRUNK_ADDRESS__}}';</script></body>",
    );
    let served = Template::parse(&served, false).unwrap();
    assert!(served.served_by_trunk());
    assert_eq!(served.inline_allowed().unwrap().scripts.len(), 2);
}

/// A page's structured data (JSON-LD), parsed.
fn structured(html: &str) -> Option<serde_json::Value> {
    let json = between(html, "<script type=\"application/ld+json\">", "</script>")?;
    Some(serde_json::from_str(json).expect("the structured data is JSON"))
}

#[test]
fn every_page_says_what_it_is_in_structured_data() {
    let seed_pages = render_all(&seed(), "/");
    let portal = source::load(Path::new("tests/fixtures/portal")).expect("the portal is valid");
    let portal_pages = render_all(&portal, "/");
    for (pages, file, kind, lang) in [
        (&seed_pages, "index.html", "WebSite", "vi"),
        (&seed_pages, ARTICLE, "NewsArticle", "vi"),
        (
            &seed_pages,
            "chuyen-muc/tin-hoat-dong/index.html",
            "CollectionPage",
            "vi",
        ),
        (&seed_pages, "gioi-thieu/index.html", "WebPage", "vi"),
        (
            &seed_pages,
            "tim-kiem/index.html",
            "SearchResultsPage",
            "vi",
        ),
        (&seed_pages, "en/index.html", "CollectionPage", "en"),
        (&seed_pages, "en/contact/index.html", "WebPage", "en"),
        (&portal_pages, "van-ban/index.html", "CollectionPage", "vi"),
        (
            &portal_pages,
            "van-ban/quyet-dinh-12-2024/index.html",
            "DigitalDocument",
            "vi",
        ),
        (
            &portal_pages,
            "thu-tuc-hanh-chinh/index.html",
            "CollectionPage",
            "vi",
        ),
        (
            &portal_pages,
            "thu-tuc-hanh-chinh/linh-vuc/hoat-dong-khoa-hoc-va-cong-nghe/index.html",
            "CollectionPage",
            "vi",
        ),
        (
            &portal_pages,
            "thu-tuc-hanh-chinh/dang-ky-ket-qua-nhiem-vu-mau/index.html",
            "GovernmentService",
            "vi",
        ),
        (
            &portal_pages,
            "nhiem-vu/trang-thai/da-nghiem-thu/index.html",
            "CollectionPage",
            "vi",
        ),
        (
            &portal_pages,
            "nhiem-vu/giong-lua-chiu-man-mau/index.html",
            "ResearchProject",
            "vi",
        ),
        (
            &portal_pages,
            "to-chuc/index.html",
            "GovernmentOrganization",
            "vi",
        ),
        (
            &portal_pages,
            "en/organisation/index.html",
            "GovernmentOrganization",
            "en",
        ),
        (
            &portal_pages,
            "to-chuc/nguyen-van-mau/index.html",
            "Person",
            "vi",
        ),
    ] {
        let data = structured(page(pages, file)).unwrap_or_else(|| panic!("{file}: none"));
        assert_eq!(data["@context"], "https://schema.org", "{file}");
        assert_eq!(data["@type"], kind, "{file}");
        assert_eq!(data["inLanguage"], lang, "{file}");
        assert!(!data["description"].as_str().unwrap().is_empty(), "{file}");
        // The department, with its address and contacts from site.json.
        let publisher = &data["publisher"];
        assert_eq!(publisher["@type"], "GovernmentOrganization", "{file}");
        assert_eq!(
            publisher["name"],
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ"
        );
        assert_eq!(publisher["telephone"], "0292.3820674");
        assert_eq!(publisher["email"], "sokhcn@cantho.gov.vn");
        if kind != "WebSite" {
            assert_eq!(
                data["url"],
                format!("{ORIGIN}/{}", file.trim_end_matches("index.html")),
                "{file}"
            );
        }
    }
    // The home page offers the site's search to search engines.
    let home = structured(page(&seed_pages, "index.html")).unwrap();
    assert_eq!(
        home["potentialAction"]["target"],
        format!("{ORIGIN}/tim-kiem/?q={{search_term_string}}")
    );
    // A procedure filed online names where: its serviceUrl, and the department provides it.
    let procedure = structured(page(
        &portal_pages,
        "thu-tuc-hanh-chinh/dang-ky-ket-qua-nhiem-vu-mau/index.html",
    ))
    .unwrap();
    assert_eq!(
        procedure["serviceUrl"],
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.000101"
    );
    assert_eq!(procedure["provider"]["@type"], "GovernmentOrganization");
    let in_person = structured(page(
        &portal_pages,
        "thu-tuc-hanh-chinh/cong-bo-hop-chuan-mau/index.html",
    ))
    .unwrap();
    assert_eq!(in_person["@type"], "GovernmentService");
    assert!(in_person.get("serviceUrl").is_none(), "{in_person}");
    // A task names its code, its time, its lead and the organisation in charge.
    let task = structured(page(
        &portal_pages,
        "nhiem-vu/giong-lua-chiu-man-mau/index.html",
    ))
    .unwrap();
    assert_eq!(task["identifier"], "ĐT.2023.01");
    assert_eq!(task["foundingDate"], "2023-01");
    assert_eq!(task["dissolutionDate"], "2024-06");
    assert_eq!(task["member"]["@type"], "Person");
    assert_eq!(task["member"]["name"], "TS. Nguyễn Văn Mẫu");
    assert_eq!(task["parentOrganization"]["name"], "Viện Nghiên cứu Mẫu A");
    // The organisation names its leaders and its units; a leader, their position and contacts.
    let organisation = structured(page(&portal_pages, "to-chuc/index.html")).unwrap();
    assert_eq!(organisation["member"][1]["@type"], "Person");
    assert_eq!(organisation["member"][1]["name"], "Trần Thị Đào Mẫu");
    assert_eq!(organisation["member"][1]["jobTitle"], "Phó Giám đốc (mẫu)");
    assert_eq!(organisation["department"][0]["name"], "Văn phòng mẫu");
    let leader = structured(page(&portal_pages, "to-chuc/nguyen-van-mau/index.html")).unwrap();
    assert_eq!(leader["name"], "Nguyễn Văn Mẫu");
    assert_eq!(leader["jobTitle"], "Giám đốc (mẫu)");
    assert_eq!(leader["email"], "giamdoc.mau@example.gov.vn");
    assert_eq!(leader["worksFor"]["@type"], "GovernmentOrganization");
    // A page that describes nothing to search engines carries none.
    assert_eq!(structured(page(&seed_pages, "404.html")), None);
}
