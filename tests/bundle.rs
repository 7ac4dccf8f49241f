//! The content bundle as editors meet it: the seed parses, and every kind of mistake fails the
//! build with the file and the field named.

#![cfg(feature = "ssr")]

use khcn_cantho::build::source;
use khcn_cantho::content::bundle::{
    self, list_pages, page_count, parse_article, parse_site, BundleError,
};
use khcn_cantho::content::{Article, Block, Site};
use std::fs;
use std::path::{Path, PathBuf};

const SITE: &str = r#"{
  "name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ",
  "short_name": "Sở KH&CN TP. Cần Thơ",
  "slogan": "Khẩu hiệu",
  "origin": "https://example.gov.vn/",
  "categories": [{ "slug": "tin-hoat-dong", "name": "Tin hoạt động" }, { "slug": "thong-bao", "name": "Thông báo" }],
  "footer": {
    "copyright": "Bản quyền", "address": "Địa chỉ", "phone": "0292.3820674", "fax": "0292.3821471",
    "email": "a@b.vn", "editor_in_chief": "Trưởng ban", "disclaimer": "Lưu ý"
  }
}"#;

fn site() -> Site {
    parse_site("site.json", SITE).expect("the test site is valid")
}

fn article_json(published_at: &str, body: &str) -> String {
    format!(
        r#"{{ "title": "Tiêu đề", "published_at": "{published_at}", "category": "tin-hoat-dong", "body": {body} }}"#
    )
}

const ONE_PARAGRAPH: &str = r#"[{ "type": "paragraph", "text": "Nội dung." }]"#;

fn no_images(_: &str) -> Result<(u32, u32), String> {
    Err("no images in this test".into())
}

fn parse(text: &str) -> Result<Article, Vec<BundleError>> {
    parse_article("articles/tin.json", "tin", text, &site(), &mut no_images)
}

fn only_error(result: Result<Article, Vec<BundleError>>) -> BundleError {
    let errors = result.expect_err("should be refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn the_shipped_seed_bundle_is_valid() {
    let bundle = source::load(Path::new("public/content")).expect("the seed bundle validates");
    assert_eq!(
        bundle.site.name,
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ"
    );
    assert_eq!(bundle.site.footer.phone, "0292.3820674");
    assert_eq!(bundle.articles.len(), 1);
    let article = &bundle.articles[0];
    assert!(article
        .title
        .starts_with("Sở Khoa học và Công nghệ TP. CầnThơ làm việc với UBND huyện Cở Đỏ"));
    assert_eq!(article.published_at, "2023-08-13T15:11:00+07:00");
    let paragraphs = article
        .body
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .count();
    let captions: Vec<&str> = article.figures().map(|(_, caption)| caption).collect();
    assert_eq!(paragraphs, 3);
    assert_eq!(captions.len(), 5);
    assert_eq!(captions[0], "Toàn cảnh buổi làm việc");
    assert!(captions[4].starts_with("Lãnh đạo các phòng chức năng và các doanh nghiệp"));
    assert_eq!(article.signature.as_deref(), Some("Sở KH&CN TP. Cần Thơ"));
    // Width and height come from the photo files, not from the editor.
    let (first, _) = article.figures().next().unwrap();
    assert_eq!((first.width, first.height), (960, 640));
    assert_eq!(first.alt, "Toàn cảnh buổi làm việc");
}

#[test]
fn invalid_json_names_the_file_and_position() {
    let error = only_error(parse(r#"{ "title": "x", "#));
    assert_eq!(error.file, "articles/tin.json");
    assert!(error.message.contains("JSON không hợp lệ"), "{error}");
    assert!(error.message.contains("dòng 1"), "{error}");
}

#[test]
fn a_missing_required_field_is_named() {
    let error = only_error(parse(
        r#"{ "title": "x", "category": "tin-hoat-dong", "body": [] }"#,
    ));
    assert_eq!(error.field.as_deref(), Some("published_at"));
    assert!(error.message.contains("thiếu trường bắt buộc"), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("articles/tin.json: trường \"published_at\""),
        "{error}"
    );
}

#[test]
fn a_missing_field_inside_a_block_is_named_with_its_path() {
    let body =
        r#"[{ "type": "paragraph", "text": "a" }, { "type": "figure", "image": "images/a.png" }]"#;
    let error = only_error(parse(&article_json("2023-08-13T15:11:00+07:00", body)));
    assert_eq!(error.field.as_deref(), Some("body[1].caption"), "{error}");
}

#[test]
fn an_unknown_field_is_named() {
    let error = only_error(parse(
        r#"{ "title": "x", "published_at": "2023-08-13T15:11:00+07:00", "category": "tin-hoat-dong",
            "body": [{ "type": "paragraph", "text": "a" }], "author": "Ai đó" }"#,
    ));
    assert_eq!(error.field.as_deref(), Some("author"), "{error}");
    assert!(error.message.contains("không được phép"), "{error}");

    let body = r#"[{ "type": "paragraph", "text": "a", "style": "bold" }]"#;
    let error = only_error(parse(&article_json("2023-08-13T15:11:00+07:00", body)));
    assert_eq!(error.field.as_deref(), Some("body[0].style"), "{error}");
}

#[test]
fn an_unknown_block_type_is_named() {
    let body = r#"[{ "type": "video", "src": "a.mp4" }]"#;
    let error = only_error(parse(&article_json("2023-08-13T15:11:00+07:00", body)));
    assert_eq!(error.field.as_deref(), Some("body[0].type"), "{error}");
    assert!(error.message.contains("video"), "{error}");
}

#[test]
fn an_unknown_category_is_refused() {
    let text = r#"{ "title": "x", "published_at": "2023-08-13T15:11:00+07:00", "category": "the-thao",
                    "body": [{ "type": "paragraph", "text": "a" }] }"#;
    let error = only_error(parse(text));
    assert_eq!(error.field.as_deref(), Some("category"));
    assert!(
        error
            .message
            .contains("\"the-thao\" không có trong site.json"),
        "{error}"
    );
    assert!(
        error.message.contains("tin-hoat-dong, thong-bao"),
        "{error}"
    );
}

#[test]
fn a_timestamp_without_offset_is_refused() {
    let error = only_error(parse(&article_json("2023-08-13T15:11:00", ONE_PARAGRAPH)));
    assert_eq!(error.field.as_deref(), Some("published_at"));
    assert!(error.message.contains("thiếu độ lệch múi giờ"), "{error}");
}

#[test]
fn an_impossible_timestamp_is_refused() {
    let error = only_error(parse(&article_json(
        "2023-02-30T15:11:00+07:00",
        ONE_PARAGRAPH,
    )));
    assert_eq!(error.field.as_deref(), Some("published_at"));
    assert!(error.message.contains("không hợp lệ"), "{error}");
}

#[test]
fn an_empty_body_is_refused() {
    let error = only_error(parse(&article_json("2023-08-13T15:11:00+07:00", "[]")));
    assert_eq!(error.field.as_deref(), Some("body"));
    assert!(error.message.contains("nội dung bài viết trống"), "{error}");
}

#[test]
fn blank_text_is_refused_where_it_is_required() {
    let body = r#"[{ "type": "paragraph", "text": "  " }]"#;
    let error = only_error(parse(&article_json("2023-08-13T15:11:00+07:00", body)));
    assert_eq!(error.field.as_deref(), Some("body[0].text"));
}

#[test]
fn an_invalid_slug_is_refused() {
    for slug in [
        "Tin-Moi",
        "tin_moi",
        "tin--moi",
        "-tin",
        "tin-",
        "tin mới",
        "",
    ] {
        assert!(
            bundle::slug_problem(slug).is_some(),
            "{slug:?} should be invalid"
        );
    }
    for slug in ["tin-moi", "a", "2023-08-13-co-do"] {
        assert_eq!(bundle::slug_problem(slug), None, "{slug:?} should be valid");
    }
    let errors = parse_article(
        "articles/Tin_Moi.json",
        "Tin_Moi",
        &article_json("2023-08-13T15:11:00+07:00", ONE_PARAGRAPH),
        &site(),
        &mut no_images,
    )
    .expect_err("refused");
    assert!(
        errors[0].message.contains("không dùng được làm slug"),
        "{:?}",
        errors
    );
}

#[test]
fn a_duplicate_slug_names_both_files() {
    let files = vec![
        ("tin-a".to_owned(), "articles/2023/tin-a.json".to_owned()),
        ("tin-b".to_owned(), "articles/2023/tin-b.json".to_owned()),
        ("tin-a".to_owned(), "articles/2024/tin-a.json".to_owned()),
    ];
    let errors = bundle::duplicate_slugs(&files);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "articles/2024/tin-a.json");
    assert!(
        errors[0].message.contains("articles/2023/tin-a.json"),
        "{}",
        errors[0]
    );
}

#[test]
fn image_paths_must_stay_inside_the_bundle() {
    for path in [
        "/etc/passwd",
        "../secret.png",
        "images/../../x.png",
        "https://cdn.example/a.jpg",
        "images//a.png",
        "",
    ] {
        assert!(
            bundle::image_path_problem(path).is_some(),
            "{path:?} should be refused"
        );
    }
    assert_eq!(bundle::image_path_problem("images/2023/anh-1.jpg"), None);
}

#[test]
fn a_missing_caption_or_image_is_reported_per_figure() {
    let body = r#"[{ "type": "figure", "image": "images/a.png", "caption": "" }]"#;
    let errors = parse_article(
        "articles/tin.json",
        "tin",
        &article_json("2023-08-13T15:11:00+07:00", body),
        &site(),
        &mut |path: &str| Err(format!("không tìm thấy tệp ảnh {path}")),
    )
    .expect_err("refused");
    let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, ["body[0].caption", "body[0].image"]);
}

#[test]
fn alt_defaults_to_the_caption_and_text_is_published_in_nfc() {
    // "Cờ Đỏ" typed in decomposed form (NFD).
    let decomposed = "C\u{006f}\u{031b}\u{0300} \u{0110}o\u{0309}";
    let body = format!(
        r#"[{{ "type": "figure", "image": "images/a.png", "caption": "{decomposed}" }},
            {{ "type": "figure", "image": "images/b.png", "alt": "Ảnh riêng", "caption": "Chú thích" }}]"#
    );
    let article = parse_article(
        "articles/tin.json",
        "tin",
        &article_json("2023-08-13T15:11:00+07:00", &body),
        &site(),
        &mut |_: &str| Ok((800, 600)),
    )
    .expect("valid");
    let figures: Vec<_> = article.figures().collect();
    assert_eq!(figures[0].1, "Cờ Đỏ");
    assert_eq!(figures[0].0.alt, "Cờ Đỏ");
    assert_eq!(figures[0].0.src, "content/images/a.png");
    assert_eq!(figures[1].0.alt, "Ảnh riêng");
}

#[test]
fn the_summary_defaults_to_the_cut_first_paragraph() {
    let long = "Lời mở đầu ".repeat(40);
    let body = format!(
        r#"[{{ "type": "heading", "text": "Mục" }}, {{ "type": "paragraph", "text": "{long}" }}]"#
    );
    let article = parse(&article_json("2023-08-13T15:11:00+07:00", &body)).expect("valid");
    assert!(article.summary.ends_with('…'));
    assert!(article.summary.chars().count() <= 201);
    assert!(long.starts_with(article.summary.trim_end_matches('…')));

    let with_summary = r#"{ "title": "x", "published_at": "2023-08-13T15:11:00+07:00", "category": "tin-hoat-dong",
        "summary": "Tóm tắt riêng.", "body": [{ "type": "paragraph", "text": "a" }] }"#;
    assert_eq!(parse(with_summary).unwrap().summary, "Tóm tắt riêng.");

    // Without a paragraph, the first heading or caption sums the article up.
    let headings = r#"[{ "type": "heading", "text": "Chỉ có tiêu đề mục" }, { "type": "heading", "text": "Mục hai" }]"#;
    let article = parse(&article_json("2023-08-13T15:11:00+07:00", headings)).expect("valid");
    assert_eq!(article.summary, "Chỉ có tiêu đề mục");
}

#[test]
fn a_blank_signature_is_no_signature() {
    let text = r#"{ "title": "x", "published_at": "2023-08-13T15:11:00+07:00", "category": "tin-hoat-dong",
        "signature": " \u00a0 ", "body": [{ "type": "paragraph", "text": "a" }] }"#;
    assert_eq!(parse(text).unwrap().signature, None);
}

#[test]
fn site_json_is_checked_too() {
    let errors = parse_site(
        "site.json",
        &SITE.replace("https://example.gov.vn/", "example.gov.vn"),
    )
    .expect_err("refused");
    assert_eq!(errors[0].field.as_deref(), Some("origin"));
    let errors = parse_site(
        "site.json",
        &SITE.replace("\"thong-bao\"", "\"tin-hoat-dong\""),
    )
    .expect_err("refused");
    assert_eq!(errors[0].field.as_deref(), Some("categories[1].slug"));
    assert!(errors[0].message.contains("hai lần"));
    let error = parse_site("site.json", &SITE.replace("\"fax\": \"0292.3821471\",", ""))
        .expect_err("refused");
    assert_eq!(error[0].field.as_deref(), Some("footer.fax"));
    // An empty one is allowed: a department without a fax.
    assert!(parse_site(
        "site.json",
        &SITE.replace("\"fax\": \"0292.3821471\"", "\"fax\": \"\"")
    )
    .is_ok());
    let errors = parse_site(
        "site.json",
        &SITE.replace("https://example.gov.vn/", "https://example.gov.vn/tin-tuc"),
    )
    .expect_err("an origin with a path is refused");
    assert!(errors[0].message.contains("--public-url"), "{}", errors[0]);
    assert_eq!(site().origin, "https://example.gov.vn");
}

/// `site.json` with a `notice` of these fields.
fn site_with_notice(notice: &str) -> Result<Site, Vec<BundleError>> {
    parse_site(
        "site.json",
        &SITE.replacen('{', &format!("{{ \"notice\": {{ {notice} }},"), 1),
    )
}

#[test]
fn a_notice_is_checked_field_by_field() {
    let notice = site_with_notice(
        r#""text": "Bảo trì", "from": "2026-06-05T18:00:00+07:00", "until": "2026-06-06T06:00:00+07:00""#,
    )
    .expect("valid")
    .notice
    .unwrap();
    assert_eq!(notice.text, "Bảo trì");
    // Only the text is required: a notice with no window is shown until it is removed.
    assert!(site_with_notice(r#""text": "Khẩn""#).is_ok());
    let refused = |fields: &str, field: &str, says: &str| {
        let errors = site_with_notice(fields).expect_err(fields);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, "site.json");
        assert_eq!(errors[0].field.as_deref(), Some(field), "{fields}");
        assert!(errors[0].message.contains(says), "{}", errors[0]);
    };
    refused(r#""text": " ""#, "notice.text", "không được để trống");
    refused(
        r#""text": "Bảo trì", "from": "2026-06-05 18:00""#,
        "notice.from",
        "RFC 3339",
    );
    refused(
        r#""text": "Bảo trì", "until": "2026-06-06T06:00:00""#,
        "notice.until",
        "múi giờ",
    );
    refused(
        r#""text": "Bảo trì", "from": "2026-06-06T06:00:00+07:00", "until": "2026-06-05T18:00:00+07:00""#,
        "notice.until",
        "phải sau thời điểm bắt đầu",
    );
    // An empty window would never show.
    refused(
        r#""text": "Bảo trì", "from": "2026-06-06T06:00:00+07:00", "until": "2026-06-06T06:00:00+07:00""#,
        "notice.until",
        "phải sau thời điểm bắt đầu",
    );
    refused(
        r#""text": "Bảo trì", "shown_at_build": true"#,
        "notice.shown_at_build",
        "bản dựng tự lập",
    );
    let errors = site_with_notice(r#""text": "Bảo trì", "den": "mai""#).expect_err("unknown");
    assert!(errors[0].to_string().contains("den"), "{}", errors[0]);
}

#[test]
fn a_notice_is_shown_within_its_window_whatever_the_offsets() {
    let notice = site_with_notice(
        r#""text": "Bảo trì", "from": "2026-06-05T18:00:00+07:00", "until": "2026-06-05T23:00:00Z""#,
    )
    .unwrap()
    .notice
    .unwrap();
    let seconds = |text: &str| {
        khcn_cantho::content::time::Timestamp::parse(text)
            .ok()
            .map(|t| t.unix_seconds() as f64)
    };
    let at = |text: &str| seconds(text).unwrap();
    assert!(!notice.shown_at(at("2026-06-05T17:59:59+07:00"), seconds));
    assert!(notice.shown_at(at("2026-06-05T11:00:00Z"), seconds));
    assert!(notice.shown_at(at("2026-06-06T05:59:59+07:00"), seconds));
    assert!(!notice.shown_at(at("2026-06-06T06:00:00+07:00"), seconds));
    assert_eq!(
        notice.next_change(at("2026-06-01T00:00:00Z"), seconds),
        Some(at("2026-06-05T11:00:00Z"))
    );
    assert_eq!(
        notice.next_change(at("2026-06-05T12:00:00Z"), seconds),
        Some(at("2026-06-05T23:00:00Z"))
    );
    assert_eq!(
        notice.next_change(at("2026-06-06T00:00:00Z"), seconds),
        None
    );
}

fn card_article(slug: &str, published_at: &str, category: &str) -> Article {
    let text = format!(
        r#"{{ "title": "{slug}", "published_at": "{published_at}", "category": "{category}", "body": [{{ "type": "paragraph", "text": "a" }}] }}"#
    );
    parse_article("a.json", slug, &text, &site(), &mut no_images).expect("valid")
}

#[test]
fn the_listing_is_newest_first_with_ties_broken_by_slug() {
    let mut articles = vec![
        card_article("b-tin", "2023-08-13T15:11:00+07:00", "tin-hoat-dong"),
        card_article("cu-nhat", "2022-01-01T00:00:00+07:00", "tin-hoat-dong"),
        // The same instant as b-tin, written in UTC.
        card_article("a-tin", "2023-08-13T08:11:00Z", "thong-bao"),
        card_article("moi-nhat", "2023-08-13T15:12:00+07:00", "thong-bao"),
    ];
    bundle::sort_newest_first(&mut articles);
    let order: Vec<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(order, ["moi-nhat", "a-tin", "b-tin", "cu-nhat"]);
}

#[test]
fn related_articles_are_the_same_category_nearest_in_time() {
    let mut articles: Vec<Article> = (1..=9)
        .map(|day| {
            card_article(
                &format!("tin-{day}"),
                &format!("2023-08-0{day}T08:00:00+07:00"),
                "tin-hoat-dong",
            )
        })
        .collect();
    articles.push(card_article(
        "khac",
        "2023-08-05T09:00:00+07:00",
        "thong-bao",
    ));
    bundle::sort_newest_first(&mut articles);
    bundle::link_related(&mut articles, 5);
    let fifth = articles.iter().find(|a| a.slug == "tin-5").unwrap();
    let related: Vec<&str> = fifth.related.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(related, ["tin-6", "tin-4", "tin-7", "tin-3", "tin-8"]);
    assert!(articles
        .iter()
        .find(|a| a.slug == "khac")
        .unwrap()
        .related
        .is_empty());
}

#[test]
fn listing_pages_hold_ten_articles() {
    let cards = |n: usize| -> Vec<_> {
        (0..n)
            .map(|i| {
                card_article(
                    &format!("tin-{i}"),
                    "2023-08-13T15:11:00+07:00",
                    "thong-bao",
                )
                .card()
            })
            .collect()
    };
    assert_eq!(page_count(0), 1);
    assert_eq!(page_count(10), 1);
    assert_eq!(page_count(11), 2);
    let empty = list_pages(&cards(0), None);
    assert_eq!(
        (empty.len(), empty[0].items.len(), empty[0].pages),
        (1, 0, 1)
    );
    let ten = list_pages(&cards(10), None);
    assert_eq!((ten.len(), ten[0].items.len()), (1, 10));
    let eleven = list_pages(&cards(11), None);
    assert_eq!(eleven.len(), 2);
    assert_eq!(
        (
            eleven[1].page,
            eleven[1].pages,
            eleven[1].total,
            eleven[1].items.len()
        ),
        (2, 2, 11, 1)
    );
}

/// A bundle on disk, for the checks that involve files.
struct TempBundle(PathBuf);

impl TempBundle {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("khcn-bundle-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("articles")).unwrap();
        fs::create_dir_all(dir.join("images")).unwrap();
        fs::write(dir.join("site.json"), SITE).unwrap();
        TempBundle(dir)
    }

    fn file(self, path: &str, contents: &[u8]) -> Self {
        let path = self.0.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    fn errors(&self) -> Vec<String> {
        match source::load(&self.0) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }
}

impl Drop for TempBundle {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A real PNG of the given size.
fn png(width: u32, height: u32) -> Vec<u8> {
    encoded(image::RgbImage::new(width, height), image::ImageFormat::Png)
}

fn encoded(picture: image::RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    picture
        .write_to(&mut std::io::Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

fn figure_article(image: &str) -> Vec<u8> {
    article_json(
        "2023-08-13T15:11:00+07:00",
        &format!(r#"[{{ "type": "figure", "image": "{image}", "caption": "Ảnh" }}]"#),
    )
    .into_bytes()
}

#[test]
fn image_sizes_are_read_from_the_files() {
    let dir = TempBundle::new("sizes")
        .file("images/a.png", &png(1234, 567))
        .file("articles/tin.json", &figure_article("images/a.png"));
    let bundle = source::load(&dir.0).expect("valid");
    let (image, _) = bundle.articles[0].figures().next().unwrap();
    assert_eq!((image.width, image.height), (1234, 567));
    assert!(bundle.images.contains("images/a.png"));
}

#[test]
fn a_missing_image_file_names_the_article_field_and_the_image() {
    let dir = TempBundle::new("missing-image")
        .file("articles/tin.json", &figure_article("images/khong-co.jpg"));
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("articles/tin.json: trường \"body[0].image\""),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].contains("không tìm thấy tệp ảnh"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("images/khong-co.jpg"), "{}", errors[0]);
}

#[test]
fn a_file_that_is_not_an_image_is_refused() {
    let dir = TempBundle::new("not-image")
        .file("images/a.png", b"<html>not a picture</html>")
        .file("articles/tin.json", &figure_article("images/a.png"));
    let errors = dir.errors();
    assert!(errors[0].contains("không phải ảnh JPEG, PNG"), "{errors:?}");
}

#[test]
fn duplicate_slugs_across_folders_fail_the_load() {
    let text = article_json("2023-08-13T15:11:00+07:00", ONE_PARAGRAPH).into_bytes();
    let dir = TempBundle::new("duplicate")
        .file("articles/2023/tin.json", &text)
        .file("articles/2024/tin.json", &text);
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("2024/tin.json") && errors[0].contains("trùng với tệp"),
        "{errors:?}"
    );
}

#[test]
fn every_problem_in_the_bundle_is_reported_at_once() {
    let dir = TempBundle::new("many")
        .file(
            "articles/a.json",
            article_json("2023-08-13T15:11:00", ONE_PARAGRAPH).as_bytes(),
        )
        .file("articles/b.json", b"{ not json")
        .file(
            "articles/Sai_Ten.json",
            article_json("2023-08-13T15:11:00+07:00", ONE_PARAGRAPH).as_bytes(),
        );
    let errors = dir.errors();
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn a_missing_site_json_is_reported() {
    let dir = TempBundle::new("no-site");
    fs::remove_file(dir.0.join("site.json")).unwrap();
    let errors = dir.errors();
    assert!(
        errors[0].contains("site.json") && errors[0].contains("không đọc được tệp"),
        "{errors:?}"
    );
}

/// A real JPEG of the given size, with some detail so that its compressed data is long.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 13) as u8, ((x ^ y) * 3) as u8])
    });
    encoded(picture, image::ImageFormat::Jpeg)
}

#[test]
fn a_photo_cut_short_is_refused_naming_the_article_field() {
    for (name, mut photo) in [("a.jpg", jpeg(800, 600)), ("a.png", png(800, 600))] {
        photo.truncate(photo.len() / 2);
        let dir = TempBundle::new(&format!("cut-{name}"))
            .file(&format!("images/{name}"), &photo)
            .file(
                "articles/tin.json",
                &figure_article(&format!("images/{name}")),
            );
        let errors = dir.errors();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("trường \"body[0].image\"") && errors[0].contains("bị cắt cụt"),
            "{errors:?}"
        );
    }
}

#[test]
fn a_photo_with_something_appended_is_accepted() {
    // Phones' motion photos carry a video after the picture.
    let mut photo = jpeg(800, 600);
    // No 0xff in it, so the end-of-image marker is not among the last bytes: the file is
    // walked from its start.
    photo.extend((0..200_000u32).map(|i| (i % 251) as u8));
    let mut picture = png(300, 200);
    picture.extend(std::iter::repeat_n(7u8, 100_000));
    // And stray bytes between two of its segments, which decoders skip.
    assert_eq!(photo[2], 0xff, "a segment follows the start marker");
    let after_first_segment = 4 + usize::from(u16::from_be_bytes([photo[4], photo[5]]));
    photo.splice(after_first_segment..after_first_segment, [0u8, 0u8]);
    let dir = TempBundle::new("appended")
        .file("images/a.jpg", &photo)
        .file("images/b.png", &picture)
        .file("articles/tin.json", &figure_article("images/a.jpg"))
        .file("articles/tin-2.json", &figure_article("images/b.png"));
    assert_eq!(dir.errors(), Vec::<String>::new());
}

#[test]
fn a_photo_too_large_to_resize_is_refused() {
    // A PNG whose header claims 60000 × 60000 pixels: a broken file, or gigabytes to decode.
    let mut photo = png(10, 10);
    photo[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    photo[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&photo[12..29]);
    photo[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    let dir = TempBundle::new("huge")
        .file("images/a.png", &photo)
        .file("articles/tin.json", &figure_article("images/a.png"));
    let errors = dir.errors();
    assert!(
        errors.len() == 1 && errors[0].contains("quá lớn (60000×60000"),
        "{errors:?}"
    );
}

#[test]
fn a_photo_name_stored_decomposed_is_pointed_out() {
    // "ảnh.png" typed composed in the JSON, stored decomposed (NFD) on disk.
    let dir = TempBundle::new("nfd-name")
        .file("images/a\u{0309}nh.png", &png(20, 10))
        .file(
            "articles/tin.json",
            &figure_article("images/\u{1ea3}nh.png"),
        );
    let errors = dir.errors();
    assert!(
        errors.len() == 1 && errors[0].contains("mã hoá Unicode khác"),
        "{errors:?}"
    );
}

#[test]
fn a_field_written_twice_or_a_file_that_is_not_an_object_is_named_plainly() {
    let twice = r#"{ "title": "a", "title": "b", "published_at": "2023-08-13T15:11:00+07:00",
        "category": "tin-hoat-dong", "body": [{ "type": "paragraph", "text": "a" }] }"#;
    let error = only_error(parse(twice)).to_string();
    assert!(
        error.contains("trường \"title\": trường được ghi hai lần"),
        "{error}"
    );
    for not_an_object in ["[]", "\"bài viết\""] {
        let error = only_error(parse(not_an_object)).to_string();
        assert!(
            error.contains("tệp phải là một đối tượng JSON") && !error.contains("trường \".\""),
            "{error}"
        );
    }
}

// ---- Tables and downloads ----

fn table_article(header: &str, rows: &str) -> String {
    article_json(
        "2023-08-13T15:11:00+07:00",
        &format!(
            r#"[{{ "type": "table", "caption": "Kinh phí", "header": {header}, "rows": {rows} }}]"#
        ),
    )
}

#[test]
fn a_table_is_published_cell_by_cell_and_searchable() {
    let article = parse(&table_article(
        r#"["Hạng mục", "Kinh phí"]"#,
        r#"[["Đề tài cấp thành phố", "1.200 triệu đồng"], ["<b>Hội thảo</b>", "80 triệu\nđồng"]]"#,
    ))
    .expect("valid");
    let Block::Table {
        caption,
        header,
        rows,
    } = &article.body[0]
    else {
        panic!("{:?}", article.body[0]);
    };
    assert_eq!(caption.as_deref(), Some("Kinh phí"));
    assert_eq!(header, &["Hạng mục", "Kinh phí"]);
    assert_eq!(rows[1], ["<b>Hội thảo</b>", "80 triệu\nđồng"]);
    assert!(article.body[0].texts().contains(&"Đề tài cấp thành phố"));
    // A table alone still gives the listing a summary.
    assert_eq!(article.summary, "Kinh phí");
}

#[test]
fn every_row_of_a_table_has_as_many_cells_as_its_header() {
    let errors = parse(&table_article(
        r#"["A", "B"]"#,
        r#"[["1", "2"], ["3"], ["4", "5", "6"]]"#,
    ))
    .expect_err("refused");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0]
            .contains("trường \"body[0].rows[1]\": hàng có 1 ô, trong khi hàng tiêu đề có 2 ô"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("trường \"body[0].rows[2]\": hàng có 3 ô"),
        "{messages:?}"
    );
    let empty = parse(&table_article("[]", "[]")).expect_err("refused");
    let fields: Vec<_> = empty.iter().map(|e| e.field.as_deref().unwrap()).collect();
    assert_eq!(fields, ["body[0].header", "body[0].rows"], "{empty:?}");
}

fn file_article(file: &str, label: &str) -> Vec<u8> {
    article_json(
        "2023-08-13T15:11:00+07:00",
        &format!(r#"[{{ "type": "file", "file": "{file}", "label": "{label}" }}]"#),
    )
    .into_bytes()
}

/// A small real PDF, as a writer ends it.
fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// A ZIP archive holding `entries` (OOXML and ODF documents are such archives).
fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in entries {
        let options = zip::write::SimpleFileOptions::default();
        writer.start_file(*name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn docx() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", "<w:document/>"),
    ])
}

fn odt() -> Vec<u8> {
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content/>"),
    ])
}

/// An OLE2 compound file with one stream, as Excel 97–2003 writes `Workbook`.
fn ole2_with(stream: &str, size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut compound = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    compound
        .create_stream(stream)
        .unwrap()
        .write_all(&vec![7u8; size])
        .unwrap();
    compound.flush().unwrap();
    compound.into_inner().into_inner()
}

#[test]
fn a_download_is_published_with_its_kind_and_size() {
    let dir = TempBundle::new("downloads")
        .file("files/ke-hoach.pdf", &pdf())
        .file("files/mau-don.DOCX", &docx())
        .file("files/bao-cao.odt", &odt())
        .file("files/so-lieu.xls", &ole2_with("/Workbook", 9000))
        .file(
            "articles/tin.json",
            &article_json(
                "2023-08-13T15:11:00+07:00",
                r#"[
                  { "type": "file", "file": "files/ke-hoach.pdf", "label": "Kế hoạch năm 2024" },
                  { "type": "file", "file": "files/mau-don.DOCX", "label": "Mẫu đơn" },
                  { "type": "file", "file": "files/bao-cao.odt", "label": "Báo cáo" },
                  { "type": "file", "file": "files/so-lieu.xls", "label": "Số liệu" }
                ]"#,
            )
            .into_bytes(),
        );
    let bundle = source::load(&dir.0).expect("valid");
    let downloads: Vec<&khcn_cantho::content::Download> = bundle.articles[0]
        .body
        .iter()
        .map(|block| match block {
            Block::File(download) => download,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(downloads[0].href, "content/files/ke-hoach.pdf");
    assert_eq!(downloads[0].label, "Kế hoạch năm 2024");
    assert_eq!(downloads[0].facts(), format!("PDF, {} byte", pdf().len()));
    let kinds: Vec<&str> = downloads.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["PDF", "DOCX", "ODT", "XLS"]);
    assert_eq!(bundle.downloads.len(), 4);
}

fn download_error(name: &str, path: &str, contents: &[u8]) -> String {
    let dir = TempBundle::new(name)
        .file(path, contents)
        .file("articles/tin.json", &file_article(path, "Tài liệu"));
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("articles/tin.json: trường \"body[0].file\""),
        "{}",
        errors[0]
    );
    errors[0].clone()
}

#[test]
fn a_download_cut_short_is_refused() {
    let pdf = pdf();
    assert!(download_error("cut-pdf", "files/a.pdf", &pdf[..pdf.len() - 8]).contains("bị cắt cụt"));
    let docx = docx();
    assert!(
        download_error("cut-docx", "files/a.docx", &docx[..docx.len() - 30]).contains("bị cắt cụt")
    );
    let xls = ole2_with("/Workbook", 20_000);
    assert!(download_error("cut-xls", "files/a.xls", &xls[..xls.len() / 2]).contains("bị cắt cụt"));
}

#[test]
fn a_download_whose_content_is_not_its_extension_is_refused() {
    let error = download_error("pdf-as-docx", "files/a.docx", &pdf());
    assert!(error.contains("không phải DOCX như đuôi .docx"), "{error}");
    // An ODT is a ZIP archive, but not a Word document.
    assert!(download_error("odt-as-docx", "files/a.docx", &odt()).contains("không phải DOCX"));
    assert!(download_error("docx-as-ods", "files/a.ods", &docx()).contains("không phải ODS"));
    assert!(
        download_error("html-as-pdf", "files/a.pdf", b"<html></html>").contains("không phải PDF")
    );
    // An Excel file renamed .doc.
    assert!(
        download_error("xls-as-doc", "files/a.doc", &ole2_with("/Workbook", 100))
            .contains("không phải DOC")
    );
}

#[test]
fn a_download_must_be_a_known_kind_below_files_and_at_most_50_mb() {
    let error = download_error("exe", "files/cai-dat.exe", b"MZ");
    assert!(
        error.contains("chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ZIP"),
        "{error}"
    );
    let error = download_error("outside", "images/a.pdf", &pdf());
    assert!(error.contains("public/content/files/"), "{error}");
    let dir = TempBundle::new("missing-file").file(
        "articles/tin.json",
        &file_article("files/khong-co.pdf", "Tài liệu"),
    );
    assert!(
        dir.errors()[0].contains("không tìm thấy tệp"),
        "{:?}",
        dir.errors()
    );
    // 51 MB, written sparse.
    let dir = TempBundle::new("too-large").file(
        "articles/tin.json",
        &file_article("files/lon.pdf", "Tài liệu"),
    );
    fs::create_dir_all(dir.0.join("files")).unwrap();
    fs::File::create(dir.0.join("files/lon.pdf"))
        .unwrap()
        .set_len(51 * 1024 * 1024)
        .unwrap();
    let errors = dir.errors();
    assert!(
        errors[0].contains("quá lớn (51 MB; tối đa 50 MB)"),
        "{errors:?}"
    );
}

#[test]
fn a_download_needs_a_label() {
    let dir = TempBundle::new("no-label")
        .file("files/a.pdf", &pdf())
        .file("articles/tin.json", &file_article("files/a.pdf", " "));
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("trường \"body[0].label\": không được để trống"),
        "{errors:?}"
    );
}

#[test]
fn file_sizes_read_as_windows_shows_them() {
    use khcn_cantho::content::file_size;
    assert_eq!(file_size(850), "850 byte");
    assert_eq!(file_size(12 * 1024), "12 KB");
    assert_eq!(file_size(1_258_291), "1,2 MB");
    assert_eq!(file_size(1024 * 1024), "1 MB");
    assert_eq!(file_size(48 * 1024 * 1024 + 300_000), "48 MB");
}

// ---- Pages (pages/<slug>.json) and the menu ----

const PAGE: &str = r#"{ "title": "Giới thiệu", "body": [{ "type": "paragraph", "text": "Sở Khoa học và Công nghệ." }] }"#;

fn with_menu(menu: &str) -> String {
    SITE.replacen(
        "\"footer\"",
        &format!("\"menu_pages\": {menu},\n  \"footer\""),
        1,
    )
}

#[test]
fn a_page_is_published_at_its_slug_and_listed_in_the_menu() {
    let dir = TempBundle::new("pages")
        .file(
            "site.json",
            with_menu(r#"["lien-he", "gioi-thieu"]"#).as_bytes(),
        )
        .file("pages/gioi-thieu.json", PAGE.as_bytes())
        .file(
            "pages/lien-he.json",
            PAGE.replace("Giới thiệu", "Liên hệ").as_bytes(),
        )
        .file(
            "articles/tin.json",
            article_json("2023-08-13T15:11:00+07:00", ONE_PARAGRAPH).as_bytes(),
        );
    let bundle = source::load(&dir.0).expect("valid");
    let slugs: Vec<&str> = bundle.pages.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["gioi-thieu", "lien-he"]);
    // The menu in site.json's order, with each page's title.
    let menu: Vec<&str> = bundle.site.menu().map(|p| p.title.as_str()).collect();
    assert_eq!(menu, ["Liên hệ", "Giới thiệu"]);
}

#[test]
fn a_page_may_not_take_an_address_of_the_site() {
    for slug in [
        "tim-kiem", "bai-viet", "van-ban", "en", "quan-tri", "data", "content", "trang",
    ] {
        let dir = TempBundle::new(&format!("reserved-{slug}"))
            .file(&format!("pages/{slug}.json"), PAGE.as_bytes());
        let errors = dir.errors();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains(&format!(
                "pages/{slug}.json: tên tệp \"{slug}\" trùng với một đường dẫn"
            )),
            "{errors:?}"
        );
    }
}

#[test]
fn a_menu_entry_needs_its_page() {
    let dir = TempBundle::new("menu-missing")
        .file(
            "site.json",
            with_menu(r#"["gioi-thieu", "lien-he"]"#).as_bytes(),
        )
        .file("pages/gioi-thieu.json", PAGE.as_bytes());
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("site.json: trường \"menu_pages[1]\": không có trang \"lien-he\""),
        "{errors:?}"
    );
}

#[test]
fn a_page_is_checked_like_an_article() {
    let dir = TempBundle::new("page-fields").file(
        "pages/gioi-thieu.json",
        br#"{ "title": " ", "updated_at": "2024-01-01 08:00", "body": [{ "type": "table", "header": ["A"], "rows": [["1", "2"]] }] }"#,
    );
    let errors = dir.errors();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        fields,
        ["title", "updated_at", "body[0].rows[0]"],
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|e| e.contains("pages/gioi-thieu.json")),
        "{errors:?}"
    );
    // An unknown field is named, as in an article.
    let dir = TempBundle::new("page-unknown").file(
        "pages/a.json",
        br#"{ "title": "A", "body": [], "language": "vi" }"#,
    );
    assert!(dir.errors()[0].contains("language"), "{:?}", dir.errors());
}

#[test]
fn the_list_of_pages_is_the_builds_not_the_editors() {
    let text = SITE.replacen(
        "\"footer\"",
        r#""pages": [{ "slug": "a", "title": "A" }], "footer""#,
        1,
    );
    let errors = parse_site("site.json", &text).expect_err("refused");
    assert_eq!(errors[0].field.as_deref(), Some("pages"), "{errors:?}");
}

// ---- Documents (van-ban/<slug>.json) ----

fn document_json(number: &str, kind: &str, issued_on: &str, file: &str) -> Vec<u8> {
    format!(
        r#"{{ "number": "{number}", "kind": "{kind}", "issuer": "UBND thành phố Cần Thơ", "issued_on": "{issued_on}",
             "title": "Trích yếu", "files": [{{ "file": "{file}" }}] }}"#
    )
    .into_bytes()
}

#[test]
fn documents_are_listed_newest_first_and_by_kind_and_year() {
    use khcn_cantho::content::documents::{document_lists, kind_slug};
    let dir = TempBundle::new("documents")
        .file("files/a.pdf", &pdf())
        .file(
            "van-ban/qd-12.json",
            &document_json("12/2024/QĐ-UBND", "Quyết định", "2024-03-15", "files/a.pdf"),
        )
        .file(
            "van-ban/kh-25.json",
            &document_json("25/KH-SKHCN", "Kế hoạch", "2024-01-10", "files/a.pdf"),
        )
        .file(
            "van-ban/tb-05.json",
            &document_json("05/TB-SKHCN", "Thông báo", "2023-11-20", "files/a.pdf"),
        );
    let bundle = source::load(&dir.0).expect("valid");
    assert!(bundle.site.has_documents);
    let numbers: Vec<&str> = bundle.documents.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(numbers, ["12/2024/QĐ-UBND", "25/KH-SKHCN", "05/TB-SKHCN"]);
    // A file without a label is named by its file.
    assert_eq!(bundle.documents[0].files[0].label, "a.pdf");
    assert_eq!(kind_slug("Quyết định"), "quyet-dinh");
    assert_eq!(kind_slug(" Đề án / Dự án "), "de-an-du-an");
    let lists = document_lists(&bundle.documents);
    let addresses: Vec<(Option<&str>, Option<u16>, usize)> = lists
        .iter()
        .map(|l| {
            (
                l.kind.as_ref().map(|k| k.slug.as_str()),
                l.year,
                l.items.len(),
            )
        })
        .collect();
    assert_eq!(
        addresses,
        [
            (None, None, 3),
            (None, Some(2024), 2),
            (None, Some(2023), 1),
            (Some("ke-hoach"), None, 1),
            (Some("ke-hoach"), Some(2024), 1),
            (Some("quyet-dinh"), None, 1),
            (Some("quyet-dinh"), Some(2024), 1),
            (Some("thong-bao"), None, 1),
            (Some("thong-bao"), Some(2023), 1),
        ]
    );
    // A filter offers only the choices that find documents.
    let quyet_dinh = &lists[5];
    assert_eq!(quyet_dinh.years, [2024]);
    let year_2023 = &lists[2];
    let kinds: Vec<&str> = year_2023.kinds.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(kinds, ["Thông báo"]);
}

#[test]
fn a_document_names_each_wrong_field() {
    let dir = TempBundle::new("document-fields").file(
        "van-ban/a.json",
        r#"{ "number": " ", "kind": "Quyết định", "issuer": "UBND", "issued_on": "2024-02-30",
              "effective_on": "01/04/2024", "title": "T", "files": [{ "file": "files/khong-co.pdf" }] }"#
            .as_bytes(),
    );
    let errors = dir.errors();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        fields,
        ["number", "issued_on", "effective_on", "files[0].file"],
        "{errors:?}"
    );
    let dir = TempBundle::new("document-no-files").file(
        "van-ban/trang.json",
        br#"{ "number": "1", "kind": "K", "issuer": "I", "issued_on": "2024-01-01", "title": "T", "files": [] }"#,
    );
    let errors = dir.errors();
    assert!(
        errors[0].contains("van-ban/trang.json: tên tệp \"trang\" trùng"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("trường \"files\": cần ít nhất một tệp"),
        "{errors:?}"
    );
}

// ---- Administrative procedures (thu-tuc/<slug>.json) ----

fn procedure_json(code: &str, field: &str, online: &str, url: Option<&str>) -> Vec<u8> {
    let url = url.map_or_else(String::new, |u| format!(r#", "url": "{u}""#));
    format!(
        r#"{{ "code": "{code}", "title": "Thủ tục {code}", "field": "{field}", "level": "Cấp tỉnh",
             "online": "{online}"{url} }}"#
    )
    .into_bytes()
}

#[test]
fn procedures_are_listed_by_field_then_code_each_field_its_own_list() {
    use khcn_cantho::content::procedures::{procedure_lists, Filing};
    let portal = "https://dichvucong.gov.vn/thu-tuc";
    let dir = TempBundle::new("procedures")
        .file(
            "thu-tuc/b.json",
            &procedure_json(
                "1.004491",
                "Khoa học và công nghệ",
                "toan-trinh",
                Some(portal),
            ),
        )
        .file(
            "thu-tuc/a.json",
            &procedure_json(
                "1.000002",
                "Khoa học và công nghệ",
                "mot-phan",
                Some(portal),
            ),
        )
        .file(
            "thu-tuc/c.json",
            &procedure_json("2.000001", "Đo lường", "truc-tiep", None),
        );
    let bundle = source::load(&dir.0).expect("valid");
    assert!(bundle.site.has_procedures);
    let codes: Vec<&str> = bundle.procedures.iter().map(|p| p.code.as_str()).collect();
    // "Đo lường" folds to "do luong", before "khoa hoc…".
    assert_eq!(codes, ["2.000001", "1.000002", "1.004491"]);
    assert_eq!(bundle.procedures[0].filing, Filing::InPerson);
    let lists = procedure_lists(&bundle.procedures);
    let shape: Vec<(Option<&str>, usize, usize)> = lists
        .iter()
        .map(|l| {
            (
                l.field.as_ref().map(|f| f.slug.as_str()),
                l.groups.len(),
                l.total,
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (None, 2, 3),
            (Some("do-luong"), 1, 1),
            (Some("khoa-hoc-va-cong-nghe"), 1, 2)
        ]
    );
    let counts: Vec<(&str, usize)> = lists[0]
        .fields
        .iter()
        .map(|(f, n)| (f.name.as_str(), *n))
        .collect();
    assert_eq!(counts, [("Đo lường", 1), ("Khoa học và công nghệ", 2)]);
}

#[test]
fn a_procedure_names_each_wrong_field() {
    let dir = TempBundle::new("procedure-fields").file(
        "thu-tuc/a.json",
        r#"{ "code": "1,004491", "title": " ", "field": "", "level": "Cấp tỉnh", "online": "qua-mang",
              "body": [{ "type": "figure", "image": "images/a.jpg", "caption": "Ảnh" }] }"#
            .as_bytes(),
    );
    let errors = dir.errors();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        fields,
        ["title", "field", "code", "online", "body[0]"],
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|e| e.contains("thu-tuc/a.json")),
        "{errors:?}"
    );
}

#[test]
fn a_procedure_filed_online_needs_its_https_address_and_one_in_person_has_none() {
    for (online, url, problem) in [
        ("toan-trinh", None, "cần địa chỉ nộp hồ sơ"),
        ("mot-phan", Some("http://dichvucong.gov.vn/x"), "https://"),
        ("mot-phan", Some("https://khong co"), "https://"),
        (
            "truc-tiep",
            Some("https://dichvucong.gov.vn/x"),
            "chỉ dùng cho thủ tục nộp trực tuyến",
        ),
    ] {
        let dir = TempBundle::new("procedure-url").file(
            "thu-tuc/a.json",
            &procedure_json("1.004491", "Lĩnh vực", online, url),
        );
        let errors = dir.errors();
        assert_eq!(errors.len(), 1, "{online} {url:?}: {errors:?}");
        assert!(
            errors[0].contains("thu-tuc/a.json")
                && errors[0].contains("trường \"url\"")
                && errors[0].contains(problem),
            "{online} {url:?}: {errors:?}"
        );
    }
}

#[test]
fn two_procedures_cannot_share_a_code_nor_one_take_the_listing_s_address() {
    let dir = TempBundle::new("procedure-codes")
        .file(
            "thu-tuc/a.json",
            &procedure_json("1.004491", "Lĩnh vực", "truc-tiep", None),
        )
        .file(
            "thu-tuc/b.json",
            &procedure_json("1.004491", "Lĩnh vực", "truc-tiep", None),
        )
        .file(
            "thu-tuc/linh-vuc.json",
            &procedure_json("1.000001", "Lĩnh vực", "truc-tiep", None),
        );
    let errors = dir.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("thu-tuc/linh-vuc.json: tên tệp \"linh-vuc\" trùng")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("thu-tuc/b.json")
            && e.contains("trường \"code\"")
            && e.contains("mã 1.004491 đã dùng cho thủ tục")
            && e.contains("thu-tuc/a.json")),
        "{errors:?}"
    );
    let dir = TempBundle::new("procedure-unknown").file(
        "thu-tuc/a.json",
        br#"{ "code": "1.1", "title": "T", "field": "F", "level": "L", "online": "truc-tiep", "lienket": "x" }"#,
    );
    let errors = dir.errors();
    assert!(errors[0].contains("lienket"), "{errors:?}");
}

// ---- The name under the site's icon on a home screen ----

#[test]
fn the_home_screen_name_is_short_enough_for_a_phone_else_the_short_name_stands() {
    use khcn_cantho::build::app_manifest::manifest;
    use khcn_cantho::paths::Paths;
    let seed = source::load(Path::new("public/content")).expect("valid");
    let written: serde_json::Value =
        serde_json::from_str(&manifest(&seed.site, &Paths::new("/"))).unwrap();
    assert_eq!(written["short_name"], "KH&CN Cần Thơ");
    assert_eq!(
        written["name"],
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ"
    );
    // Without one, the short name.
    let dir = TempBundle::new("home-screen-none");
    let bundle = source::load(&dir.0).expect("valid");
    assert_eq!(bundle.site.home_screen_name(), "Sở KH&CN TP. Cần Thơ");
    for (name, problem) in [
        ("  ", "không được để trống"),
        ("Sở Khoa học và Công nghệ", "24 ký tự"),
    ] {
        let dir = TempBundle::new("home-screen-wrong");
        let site = SITE.replacen('{', &format!(r#"{{ "home_screen_name": "{name}","#), 1);
        let dir = dir.file("site.json", site.as_bytes());
        let errors = dir.errors();
        assert!(
            errors.len() == 1
                && errors[0].contains("site.json")
                && errors[0].contains("\"home_screen_name\"")
                && errors[0].contains(problem),
            "{name}: {errors:?}"
        );
    }
}

// ---- Science and technology tasks (nhiem-vu/<slug>.json) ----

/// A valid task with `extra` fields (`"budget": 5, …`) over the defaults.
fn task_json(code: &str, field: &str, start: &str, status: &str, extra: &str) -> Vec<u8> {
    let accepted = if status == "da-nghiem-thu" && !extra.contains("accepted_on") {
        r#", "accepted_on": "2025-01-10""#
    } else {
        ""
    };
    format!(
        r#"{{ "code": "{code}", "title": "Nhiệm vụ {code}", "kind": "Đề tài", "level": "Cấp thành phố",
             "field": "{field}", "organisation": "Viện A", "lead": "TS. B", "start": "{start}",
             "end": "2026-12", "status": "{status}"{accepted},
             "summary": [{{ "type": "paragraph", "text": "Mục tiêu." }}]{extra} }}"#
    )
    .into_bytes()
}

#[test]
fn tasks_are_listed_newest_start_first_filtered_alone_and_combined_twenty_to_a_page() {
    use khcn_cantho::content::tasks::{task_lists, TaskFilter, TaskStatus};
    let mut dir = TempBundle::new("tasks");
    // 21 accepted in agriculture from 2023, one in progress in agriculture from 2024, one
    // accepted in engineering from 2024.
    for i in 0..21 {
        dir = dir.file(
            &format!("nhiem-vu/nn-{i:02}.json"),
            &task_json(
                &format!("ĐT.2023.{i:02}"),
                "Nông nghiệp",
                "2023-05",
                "da-nghiem-thu",
                "",
            ),
        );
    }
    let dir = dir
        .file(
            "nhiem-vu/moi.json",
            &task_json(
                "ĐT.2024.01",
                "Nông nghiệp",
                "2024-02",
                "dang-thuc-hien",
                r#", "budget": 1250000000"#,
            ),
        )
        .file(
            "nhiem-vu/ky-thuat.json",
            &task_json("DA.2024.02", "Kỹ thuật", "2024-01", "da-nghiem-thu", ""),
        );
    let bundle = source::load(&dir.0).expect("valid");
    assert!(bundle.site.has_tasks);
    let codes: Vec<&str> = bundle
        .tasks
        .iter()
        .take(3)
        .map(|t| t.code.as_str())
        .collect();
    assert_eq!(codes, ["ĐT.2024.01", "DA.2024.02", "ĐT.2023.00"]);
    assert_eq!(bundle.tasks[0].budget, Some(1_250_000_000));
    let lists = task_lists(&bundle.tasks);
    let find = |filter: TaskFilter, page: usize| {
        lists
            .iter()
            .find(|l| l.filter == filter && l.page == page)
            .unwrap_or_else(|| panic!("no list {filter:?} {page}"))
    };
    let all = find(TaskFilter::default(), 1);
    assert_eq!((all.total, all.pages, all.items.len()), (23, 2, 20));
    assert_eq!(find(TaskFilter::default(), 2).items.len(), 3);
    assert_eq!(all.statuses, [TaskStatus::InProgress, TaskStatus::Accepted]);
    assert_eq!(all.years, [2024, 2023]);
    // Combined: accepted in agriculture from 2024 finds nothing, so has no page, and the
    // accepted agriculture page offers 2023 only.
    let accepted_agriculture = TaskFilter {
        status: Some(TaskStatus::Accepted),
        field: Some("nong-nghiep".into()),
        year: None,
    };
    let list = find(accepted_agriculture.clone(), 1);
    assert_eq!((list.total, list.pages), (21, 2));
    assert_eq!(list.years, [2023]);
    assert!(!lists.iter().any(|l| l.filter
        == TaskFilter {
            year: Some(2024),
            ..accepted_agriculture.clone()
        }));
    // Year 2024 alone offers both statuses, and both fields.
    let of_2024 = find(
        TaskFilter {
            year: Some(2024),
            ..TaskFilter::default()
        },
        1,
    );
    assert_eq!(of_2024.total, 2);
    assert_eq!(of_2024.statuses.len(), 2);
    assert_eq!(of_2024.fields.len(), 2);
    // Every list's address reads back as its filter and page.
    for list in &lists {
        let segments = list.filter.segments(list.page);
        assert_eq!(
            TaskFilter::parse(&segments),
            Some((list.filter.clone(), list.page)),
            "{segments}"
        );
    }
}

#[test]
fn a_task_s_filters_read_only_the_addresses_the_build_writes() {
    use khcn_cantho::content::tasks::{TaskFilter, TaskStatus};
    let combined = TaskFilter {
        status: Some(TaskStatus::InProgress),
        field: Some("nong-nghiep".into()),
        year: Some(2024),
    };
    assert_eq!(
        combined.segments(2),
        "trang-thai/dang-thuc-hien/linh-vuc/nong-nghiep/nam/2024/trang/2/"
    );
    assert_eq!(TaskFilter::parse(""), Some((TaskFilter::default(), 1)));
    for wrong in [
        "nam/2024/trang-thai/dang-thuc-hien/",
        "trang-thai/xong/",
        "nam/24/",
        "trang/1/",
        "trang/02/",
        "linh-vuc/Nong/",
        "linh-vuc/",
        "khac/x/",
    ] {
        assert_eq!(TaskFilter::parse(wrong), None, "{wrong}");
    }
}

#[test]
fn a_task_shows_its_period_and_budget_as_vietnamese_write_them() {
    use khcn_cantho::content::tasks::{display_dong, display_period};
    assert_eq!(display_dong(1_250_000_000), "1.250.000.000 đồng");
    assert_eq!(display_dong(500), "500 đồng");
    assert_eq!(display_dong(0), "0 đồng");
    assert_eq!(display_period("2023-01", "2024-12"), "01/2023 – 12/2024");
}

#[test]
fn a_task_names_each_wrong_field() {
    let dir = TempBundle::new("task-fields").file(
        "nhiem-vu/a.json",
        r#"{ "code": "ĐT 1", "title": " ", "kind": "Nghiên cứu", "level": "", "field": "F",
              "organisation": "", "lead": "L", "start": "2023-13", "end": "2023", "status": "xong",
              "summary": [] }"#
            .as_bytes(),
    );
    let errors = dir.errors();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "title",
            "level",
            "organisation",
            "code",
            "kind",
            "start",
            "end",
            "status",
            "summary"
        ],
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|e| e.contains("nhiem-vu/a.json")),
        "{errors:?}"
    );
}

#[test]
fn a_task_ends_after_it_starts_and_is_accepted_with_its_date_and_results_only() {
    for (status, extra, field, problem) in [
        (
            "dang-thuc-hien",
            r#", "end": "2022-12""#,
            "end",
            "trước tháng bắt đầu",
        ),
        (
            "da-nghiem-thu",
            r#", "accepted_on": """#,
            "accepted_on",
            "cần ngày nghiệm thu",
        ),
        (
            "da-nghiem-thu",
            r#", "accepted_on": "2024-02-30""#,
            "accepted_on",
            "không hợp lệ",
        ),
        (
            "dang-thuc-hien",
            r#", "accepted_on": "2024-02-01""#,
            "accepted_on",
            "chỉ dùng khi",
        ),
        (
            "dang-thuc-hien",
            r#", "results": [{ "type": "paragraph", "text": "Kết quả." }]"#,
            "results",
            "chỉ đăng kết quả khi",
        ),
        (
            "da-nghiem-thu",
            r#", "results": [{ "type": "file", "file": "files/khong-co.pdf", "label": "Báo cáo" }]"#,
            "results[0].file",
            "khong-co.pdf",
        ),
        (
            "dang-thuc-hien",
            r#", "budget": "1.250.000.000""#,
            "budget",
            "số nguyên đồng",
        ),
        (
            "dang-thuc-hien",
            r#", "budget": -5"#,
            "budget",
            "số nguyên đồng",
        ),
    ] {
        // `end` given twice would be refused by the JSON reader: the default comes out.
        let text = String::from_utf8(task_json("ĐT.1", "F", "2023-01", status, extra)).unwrap();
        let text = if extra.contains("\"end\"") {
            text.replace(r#""end": "2026-12", "#, "")
        } else {
            text
        };
        let dir = TempBundle::new("task-status").file("nhiem-vu/a.json", text.as_bytes());
        let errors = dir.errors();
        assert_eq!(errors.len(), 1, "{extra}: {errors:?}");
        assert!(
            errors[0].contains("nhiem-vu/a.json")
                && errors[0].contains(&format!("\"{field}\""))
                && errors[0].contains(problem),
            "{extra}: {errors:?}"
        );
    }
    // What the editing screen saves for an empty budget is no budget.
    let dir = TempBundle::new("task-empty-budget").file(
        "nhiem-vu/a.json",
        &task_json(
            "ĐT.1",
            "F",
            "2023-01",
            "dang-thuc-hien",
            r#", "budget": """#,
        ),
    );
    assert_eq!(source::load(&dir.0).expect("valid").tasks[0].budget, None);
}

#[test]
fn two_tasks_cannot_share_a_code_nor_one_take_the_listing_s_address() {
    let dir = TempBundle::new("task-codes")
        .file(
            "nhiem-vu/a.json",
            &task_json("ĐT.1", "F", "2023-01", "dang-thuc-hien", ""),
        )
        .file(
            "nhiem-vu/b.json",
            &task_json("ĐT.1", "F", "2023-01", "dang-thuc-hien", ""),
        )
        .file(
            "nhiem-vu/nam.json",
            &task_json("ĐT.2", "F", "2023-01", "dang-thuc-hien", ""),
        );
    let errors = dir.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("nhiem-vu/nam.json: tên tệp \"nam\" trùng")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("nhiem-vu/b.json")
            && e.contains("trường \"code\"")
            && e.contains("mã ĐT.1 đã dùng cho nhiệm vụ")
            && e.contains("nhiem-vu/a.json")),
        "{errors:?}"
    );
}

// ---- The organisation (to-chuc.json, en/to-chuc.json) ----

const ORGANISATION: &str = r#"{
  "functions": [{ "type": "paragraph", "text": "Chức năng." }],
  "history": [{ "type": "paragraph", "text": "Lịch sử." }],
  "chart": "images/so-do.png",
  "chart_alt": "Sơ đồ",
  "leaders": [
    { "name": "Trần Đông Phương An", "position": "Phó Giám đốc", "photo": "images/an.png",
      "phone": "0292.3820674", "email": "an@cantho.gov.vn",
      "duties": [{ "type": "paragraph", "text": "Phụ trách." }],
      "biography": [{ "type": "paragraph", "text": "Tiểu sử." }] },
    { "name": "Lê Văn Bình", "position": "Giám đốc", "duties": [{ "type": "paragraph", "text": "Chung." }] }
  ],
  "units": [{ "name": "Văn phòng", "head": "Chánh Văn phòng", "email": "vp@cantho.gov.vn" }],
  "updated_at": "2026-11-20T09:00:00+07:00"
}"#;

#[test]
fn the_organisation_has_its_leaders_at_their_names_and_its_photos() {
    let dir = TempBundle::new("organisation")
        .file("to-chuc.json", ORGANISATION.as_bytes())
        .file("images/so-do.png", &png(40, 30))
        .file("images/an.png", &png(30, 40));
    let bundle = source::load(&dir.0).expect("valid");
    assert!(bundle.site.has_organisation && !bundle.site.has_english_organisation);
    let org = bundle.organisation.as_ref().expect("loaded");
    let slugs: Vec<&str> = org.leaders.iter().map(|l| l.slug.as_str()).collect();
    assert_eq!(slugs, ["tran-dong-phuong-an", "le-van-binh"]);
    assert_eq!(
        org.chart.as_ref().map(|c| (c.width, c.alt.as_str())),
        Some((40, "Sơ đồ"))
    );
    assert_eq!(org.leaders[0].photo.as_ref().map(|p| p.height), Some(40));
    assert_eq!(org.units[0].head.as_deref(), Some("Chánh Văn phòng"));
    assert!(bundle.images.contains("images/an.png") && bundle.images.contains("images/so-do.png"));
}

#[test]
fn the_english_organisation_needs_the_english_name_and_links_the_same_leaders() {
    let english = ORGANISATION.replace(r#"{ "name": "Lê Văn Bình""#, r#"{ "name": "Le Van Chi""#);
    let dir = TempBundle::new("organisation-en")
        .file("to-chuc.json", ORGANISATION.as_bytes())
        .file("en/to-chuc.json", english.as_bytes())
        .file("images/so-do.png", &png(40, 30))
        .file("images/an.png", &png(30, 40));
    let errors = dir.errors();
    assert!(
        errors.len() == 1 && errors[0].contains("site.json") && errors[0].contains("\"name_en\""),
        "{errors:?}"
    );
    let site = String::from_utf8(fs::read(dir.0.join("site.json")).unwrap()).unwrap();
    let dir = dir.file(
        "site.json",
        site.replacen(
            '{',
            r#"{ "name_en": "Department of Science and Technology","#,
            1,
        )
        .as_bytes(),
    );
    let bundle = source::load(&dir.0).expect("valid");
    assert!(bundle.site.has_english_organisation);
    // The one leader in both is each other's translation.
    assert_eq!(
        bundle.organisation.unwrap().counterpart_leaders,
        ["tran-dong-phuong-an"]
    );
    assert_eq!(
        bundle.english_organisation.unwrap().counterpart_leaders,
        ["tran-dong-phuong-an"]
    );
}

#[test]
fn the_organisation_names_each_wrong_field() {
    let dir = TempBundle::new("organisation-fields").file(
        "to-chuc.json",
        r#"{ "functions": [], "history": [{ "type": "paragraph", "text": " " }],
             "chart": "images/khong-co.png",
             "leaders": [
               { "name": "An", "position": " ", "duties": [], "email": "an@", "photo": "images/khong-co.jpg" },
               { "name": "  an ", "position": "P", "duties": [{ "type": "paragraph", "text": "x" }] }
             ],
             "units": [{ "name": "", "email": "vp cantho.gov.vn" }],
             "updated_at": "2026-11-20" }"#
            .as_bytes(),
    );
    let errors = dir.errors();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "functions",
            "history[0].text",
            "chart_alt",
            "leaders[0].position",
            "leaders[0].duties",
            "leaders[0].photo",
            "leaders[0].email",
            "leaders[1].name",
            "units[0].name",
            "units[0].email",
            "updated_at"
        ],
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|e| e.contains("to-chuc.json")),
        "{errors:?}"
    );
    // No leader at all.
    let dir = TempBundle::new("organisation-no-leader").file(
        "to-chuc.json",
        br#"{ "functions": [{ "type": "paragraph", "text": "C" }], "history": [{ "type": "paragraph", "text": "L" }], "leaders": [] }"#,
    );
    let errors = dir.errors();
    assert!(
        errors.len() == 1
            && errors[0].contains("\"leaders\"")
            && errors[0].contains("ít nhất một lãnh đạo"),
        "{errors:?}"
    );
}

// ---- The checklist of Decree 224/2026 that `site-build check` ends with ----

#[test]
fn the_checklist_says_what_the_seed_and_the_portal_have_and_what_they_lack() {
    use khcn_cantho::build::checklist::checklist;
    let has = |dir: &str| -> Vec<(&'static str, Option<String>)> {
        let bundle = source::load(Path::new(dir)).expect("valid");
        checklist(&bundle)
            .into_iter()
            .map(|item| (item.what, item.has))
            .collect()
    };
    let seed = has("public/content");
    let portal = has("tests/fixtures/portal");
    assert_eq!(seed.len(), 5);
    // Procedures: the portal's three, none in the seed.
    assert_eq!(seed[0].1, None);
    assert_eq!(portal[0].1.as_deref(), Some("3 thủ tục"));
    // The organisation: the portal's, in both languages; the seed has none.
    assert!(seed[1].0.contains("Điều 9.1.b") && seed[1].1.is_none());
    assert_eq!(
        portal[1].1.as_deref(),
        Some("chức năng, lịch sử, sơ đồ, 2 lãnh đạo, 2 đơn vị, bản tiếng Anh")
    );
    // Tasks: the portal's five, three of them accepted.
    assert!(seed[2].0.contains("Điều 19") && seed[2].1.is_none());
    assert_eq!(portal[2].1.as_deref(), Some("5 nhiệm vụ, 3 đã nghiệm thu"));
    assert_eq!(portal[3].1.as_deref(), Some("3 văn bản"));
    assert_eq!(seed[3].1, None);
    // The seed's English name and its English pages.
    assert!(
        seed[4]
            .1
            .as_deref()
            .is_some_and(|h| h.starts_with("tên tiếng Anh và ")),
        "{seed:?}"
    );
}

#[test]
fn site_build_check_ends_with_the_checklist_and_a_missing_item_fails_nothing() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_site-build"))
        .args(["check", "--content", "public/content"])
        .env_remove("TRUNK_STAGING_DIR")
        .output()
        .expect("site-build runs");
    assert!(run.status.success());
    let said = String::from_utf8(run.stderr).unwrap();
    let checklist = said
        .split("Danh mục thông tin theo Nghị định 224/2026/NĐ-CP:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no checklist in {said}"));
    let lines: Vec<&str> = checklist.lines().take(5).collect();
    assert_eq!(
        lines[0], "  – Thủ tục hành chính (Điều 9.1.a): chưa có",
        "{said}"
    );
    assert!(
        lines[4].starts_with("  ✔ Phần tiếng Anh tối thiểu"),
        "{said}"
    );
}

// ---- The English section (en/pages/<slug>.json, site.json's name_en, translation) ----

const ENGLISH_PAGE: &str = r#"{ "title": "Contact", "body": [{ "type": "paragraph", "text": "Department of Science and Technology." }] }"#;

fn with_english_name(name: &str) -> String {
    SITE.replacen(
        "\"footer\"",
        &format!("\"name_en\": \"{name}\",\n  \"footer\""),
        1,
    )
}

fn translated(page: &str, to: &str) -> String {
    page.replacen("{ ", &format!("{{ \"translation\": \"{to}\", "), 1)
}

#[test]
fn english_pages_are_published_with_their_vietnamese_counterparts_both_ways() {
    let dir = TempBundle::new("english")
        .file(
            "site.json",
            with_english_name("Department of Science and Technology").as_bytes(),
        )
        .file("pages/lien-he.json", PAGE.as_bytes())
        .file("pages/gioi-thieu.json", PAGE.as_bytes())
        .file(
            "en/pages/contact.json",
            translated(ENGLISH_PAGE, "lien-he").as_bytes(),
        )
        .file("en/pages/about.json", ENGLISH_PAGE.as_bytes())
        .file(
            "articles/tin.json",
            article_json("2023-08-13T15:11:00+07:00", ONE_PARAGRAPH).as_bytes(),
        );
    let bundle = source::load(&dir.0).expect("valid");
    let english: Vec<(&str, Option<&str>)> = bundle
        .site
        .english_pages
        .iter()
        .map(|p| (p.slug.as_str(), p.translation.as_deref()))
        .collect();
    assert_eq!(english, [("about", None), ("contact", Some("lien-he"))]);
    // Named on the English side only, the pair holds for the Vietnamese page too.
    let vietnamese = bundle.site.page("lien-he").unwrap();
    assert_eq!(vietnamese.translation.as_deref(), Some("contact"));
    assert_eq!(bundle.site.page("gioi-thieu").unwrap().translation, None);
    assert_eq!(
        bundle.site.name_in(khcn_cantho::content::Lang::En),
        "Department of Science and Technology"
    );
}

#[test]
fn english_pages_need_the_english_name() {
    let dir =
        TempBundle::new("english-no-name").file("en/pages/contact.json", ENGLISH_PAGE.as_bytes());
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("site.json: trường \"name_en\": thiếu tên tiếng Anh"),
        "{errors:?}"
    );
    let dir =
        TempBundle::new("english-blank-name").file("site.json", with_english_name(" ").as_bytes());
    let errors = dir.errors();
    assert!(
        errors.len() == 1 && errors[0].contains("trường \"name_en\": không được để trống"),
        "{errors:?}"
    );
}

#[test]
fn an_english_page_is_checked_like_a_page() {
    let dir = TempBundle::new("english-fields")
        .file("site.json", with_english_name("Department").as_bytes())
        .file(
            "en/pages/about.json",
            br#"{ "title": "", "body": [{ "type": "table", "header": ["A"], "rows": [["1", "2"]] }] }"#,
        );
    let errors = dir.errors();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(fields, ["title", "body[0].rows[0]"], "{errors:?}");
    assert!(
        errors.iter().all(|e| e.contains("en/pages/about.json")),
        "{errors:?}"
    );
}

#[test]
fn a_translation_must_name_a_page_of_the_other_language() {
    let dir = TempBundle::new("translation-missing")
        .file("site.json", with_english_name("Department").as_bytes())
        .file("pages/lien-he.json", translated(PAGE, "contact").as_bytes())
        .file(
            "en/pages/about.json",
            translated(ENGLISH_PAGE, "gioi-thieu").as_bytes(),
        );
    let errors = dir.errors();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].contains("pages/lien-he.json: trường \"translation\": không có trang \"contact\" (tệp en/pages/contact.json)"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("en/pages/about.json: trường \"translation\": không có trang \"gioi-thieu\" (tệp pages/gioi-thieu.json)"),
        "{errors:?}"
    );
}

#[test]
fn two_pages_that_disagree_on_a_translation_are_refused() {
    let dir = TempBundle::new("translation-conflict")
        .file("site.json", with_english_name("Department").as_bytes())
        .file("pages/lien-he.json", translated(PAGE, "contact").as_bytes())
        .file("pages/gioi-thieu.json", PAGE.as_bytes())
        .file(
            "en/pages/contact.json",
            translated(ENGLISH_PAGE, "gioi-thieu").as_bytes(),
        );
    let errors = dir.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("en/pages/contact.json: trường \"translation\": \"lien-he\" (pages/) và \"contact\" (en/pages/) đã là bản dịch của nhau"),
        "{errors:?}"
    );
}

#[test]
fn the_list_of_english_pages_is_the_builds_not_the_editors() {
    let text = SITE.replacen(
        "\"footer\"",
        r#""english_pages": [{ "slug": "a", "title": "A" }], "footer""#,
        1,
    );
    let errors = parse_site("site.json", &text).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("trường \"english_pages\"")),
        "{errors:?}"
    );
}
