//! The default share picture, drawn by the build from `site.json`: its size and colours, text
//! that stays inside the margins whatever its length, and characters the font cannot draw.

#![cfg(feature = "ssr")]

use khcn_cantho::build::share_image::{
    problems, render_share_image, ShareImageError, ABOVE_BAND, ACCENT, BAND_TEXT, BAND_TOP, BRAND,
    BRAND_DARK, MARGIN, WHITE,
};
use khcn_cantho::build::{run, source, Command, Options};
use khcn_cantho::content::bundle::parse_site;
use khcn_cantho::content::Site;
use khcn_cantho::meta::{DEFAULT_SHARE_IMAGE_PATH, DEFAULT_SHARE_IMAGE_SIZE};
use std::fs;
use std::path::{Path, PathBuf};

fn seed() -> Site {
    let text = fs::read_to_string("public/content/site.json").unwrap();
    parse_site("site.json", &text).expect("the seed's site.json is valid")
}

fn with(name: &str, slogan: &str) -> Site {
    Site {
        name: name.to_owned(),
        slogan: slogan.to_owned(),
        ..seed()
    }
}

fn decode(png: &[u8]) -> image::RgbImage {
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .expect("a PNG that decodes");
    assert_eq!(image.color(), image::ColorType::Rgb8);
    image.to_rgb8()
}

fn draw(site: &Site) -> image::RgbImage {
    decode(&render_share_image(site).expect("drawable"))
}

/// The `y` of every row holding a pixel of exactly `colour`, above the band.
fn rows_with(image: &image::RgbImage, colour: [u8; 3]) -> Vec<u32> {
    (0..BAND_TOP)
        .filter(|&y| (0..image.width()).any(|x| image.get_pixel(x, y).0 == colour))
        .collect()
}

/// Every pixel between the edges and the margins, and in the space above the band, is the
/// plain background: no text reaches into it.
fn assert_margins_clear(image: &image::RgbImage) {
    let (width, _) = image.dimensions();
    for y in 0..BAND_TOP {
        for x in 0..width {
            let inside = (MARGIN..width - MARGIN).contains(&x)
                && (MARGIN..BAND_TOP - ABOVE_BAND).contains(&y);
            if !inside {
                assert_eq!(
                    image.get_pixel(x, y).0,
                    BRAND,
                    "pixel ({x}, {y}) is in the margin"
                );
            }
        }
    }
}

#[test]
fn the_colours_are_the_design_tokens() {
    let tokens = fs::read_to_string("style/tokens.css").unwrap();
    let token = |name: &str| {
        let start = tokens.find(&format!("--{name}: #")).unwrap() + name.len() + 5;
        let hex = &tokens[start..start + 6];
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
        [byte(0), byte(2), byte(4)]
    };
    assert_eq!(BRAND, token("color-brand"));
    assert_eq!(BRAND_DARK, token("color-brand-dark"));
    assert_eq!(ACCENT, token("color-accent"));
    assert_eq!(WHITE, token("color-on-brand"));
    assert_eq!(BAND_TEXT, token("color-footer-text"));
}

#[test]
fn the_seed_picture_is_1200_by_630_with_the_name_and_slogan() {
    let image = draw(&seed());
    assert_eq!(image.dimensions(), DEFAULT_SHARE_IMAGE_SIZE);
    assert_eq!(image.dimensions(), (1200, 630));
    let (width, height) = image.dimensions();
    // The edges: brand blue above the band, the dark band at the bottom.
    for x in 0..width {
        assert_eq!(image.get_pixel(x, 0).0, BRAND, "top edge at x {x}");
        assert_eq!(
            image.get_pixel(x, height - 1).0,
            BRAND_DARK,
            "bottom edge at x {x}"
        );
    }
    for y in 0..BAND_TOP {
        assert_eq!(image.get_pixel(0, y).0, BRAND, "left edge at y {y}");
        assert_eq!(
            image.get_pixel(width - 1, y).0,
            BRAND,
            "right edge at y {y}"
        );
    }
    // The accent rule on top of the band.
    assert_eq!(image.get_pixel(600, BAND_TOP).0, ACCENT);
    assert_margins_clear(&image);

    // The name in white, two lines in the upper part; then the slogan in the accent colour.
    let white = rows_with(&image, WHITE);
    let (name_top, name_bottom) = (white[0], *white.last().unwrap());
    assert!(name_top > MARGIN && name_top < height / 2, "{white:?}");
    assert!(
        name_bottom - name_top > 100,
        "the seed's name takes two lines"
    );
    let accent = rows_with(&image, ACCENT);
    let slogan: Vec<u32> = accent.into_iter().filter(|&y| y > name_bottom).collect();
    assert!(
        slogan.len() > 40,
        "slogan rows below the name: {}",
        slogan.len()
    );
    // The host name in the band.
    let band_text = (BAND_TOP + 10..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .filter(|&(x, y)| image.get_pixel(x, y).0 != BRAND_DARK)
        .count();
    assert!(band_text > 500, "{band_text} pixels of text in the band");
}

#[test]
fn long_text_shrinks_and_stays_inside_the_margins() {
    let long_name = "SỞ KHOA HỌC VÀ CÔNG NGHỆ, THÔNG TIN VÀ TRUYỀN THÔNG, TÀI NGUYÊN VÀ MÔI \
                     TRƯỜNG CỦA THÀNH PHỐ CẦN THƠ TRỰC THUỘC ỦY BAN NHÂN DÂN THÀNH PHỐ";
    let one_word = "KHOAHỌCVÀCÔNGNGHỆTHÀNHPHỐCẦNTHƠKHOAHỌCVÀCÔNGNGHỆTHÀNHPHỐCẦNTHƠ";
    let seed = seed();
    for site in [
        with(long_name, &seed.slogan),
        with(&seed.name, &seed.slogan.repeat(6)),
        with(long_name, &long_name.to_lowercase()),
        with(one_word, "Ấ"),
        with(&one_word.repeat(8), &long_name.repeat(8)),
        with("jJ ỷ Ỹ", "fƒ ỹ"),
    ] {
        let image = draw(&site);
        assert_margins_clear(&image);
        assert!(
            !rows_with(&image, WHITE).is_empty(),
            "{} is drawn",
            site.name
        );
    }
    // Longer text is drawn smaller: the seed's name on two lines is taller than a short one.
    let height = |site: &Site| {
        let rows = rows_with(&draw(site), WHITE);
        rows.last().unwrap() - rows[0]
    };
    assert!(height(&with("SỞ TƯ PHÁP", &seed.slogan)) < height(&seed));
}

#[test]
fn the_picture_depends_on_the_site_and_only_on_it() {
    let seed = seed();
    let first = render_share_image(&seed).unwrap();
    assert_eq!(first, render_share_image(&seed).unwrap(), "deterministic");
    let other = with("SỞ TƯ PHÁP THÀNH PHỐ CẦN THƠ", &seed.slogan);
    assert_ne!(first, render_share_image(&other).unwrap());
    let other_slogan = with(&seed.name, "Phục vụ nhân dân");
    assert_ne!(first, render_share_image(&other_slogan).unwrap());
    // Decomposed text (a letter, then its marks) is drawn composed: the same picture.
    use unicode_normalization::UnicodeNormalization;
    let decomposed = with(&seed.name.nfd().collect::<String>(), &seed.slogan);
    assert_ne!(decomposed.name, seed.name);
    assert_eq!(first, render_share_image(&decomposed).unwrap());
    let other_host = Site {
        origin: "https://stp.cantho.gov.vn".into(),
        ..seed.clone()
    };
    assert_ne!(first, render_share_image(&other_host).unwrap());
}

#[test]
fn characters_the_font_lacks_are_refused_not_drawn_as_boxes() {
    let site = with("SỞ KHOA HỌC 科学 🦀", "Khẩu hiệu 🦀");
    let error = render_share_image(&site).unwrap_err();
    assert_eq!(
        error,
        ShareImageError::MissingGlyphs {
            field: "name",
            chars: vec!['科', '学', '🦀']
        }
    );
    assert!(
        error.message().contains("\"🦀\" (U+1F980)"),
        "{}",
        error.message()
    );
    let all = problems(&site);
    assert_eq!(
        all.iter().map(ShareImageError::field).collect::<Vec<_>>(),
        ["name", "slogan"]
    );
    assert!(problems(&seed()).is_empty());
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khcn-share-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies a bundle, with `site.json`'s name replaced.
fn bundle_named(from: &Path, to: &Path, name: &str) {
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            fs::create_dir_all(&target).unwrap();
            bundle_named(&path, &target, name);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
    let site_json = to.join("site.json");
    if site_json.is_file() {
        let mut site: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&site_json).unwrap()).unwrap();
        site["name"] = name.into();
        fs::write(&site_json, site.to_string()).unwrap();
    }
}

const TEMPLATE: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>t</title></head><body></body></html>";

fn options(command: Command, content: &Path, out: &Path, cache: &Path) -> Options {
    Options {
        command,
        content_dir: content.to_owned(),
        out_dir: Some(out.to_owned()),
        dist_dir: None,
        source_dir: ".".into(),
        base: "/".into(),
        compress: true,
        clean_on_failure: false,
        cache_dir: Some(cache.to_owned()),
        decap_dir: None,
        now: None,
    }
}

#[test]
fn site_build_write_draws_the_bundles_own_picture_and_check_writes_nothing() {
    let dir = temp("write");
    let content = dir.join("content");
    fs::create_dir_all(&content).unwrap();
    bundle_named(
        Path::new("tests/fixtures/literal-text"),
        &content,
        "SỞ TƯ PHÁP THÀNH PHỐ CẦN THƠ",
    );
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();

    let checked = dir.join("checked");
    run(&options(
        Command::Check,
        &content,
        &checked,
        &dir.join("cache"),
    ))
    .unwrap();
    assert!(!checked.exists(), "check writes nothing");

    run(&options(Command::Write, &content, &out, &dir.join("cache"))).unwrap();
    let written = fs::read(out.join(DEFAULT_SHARE_IMAGE_PATH)).expect("share.png is written");
    assert_eq!(decode(&written).dimensions(), DEFAULT_SHARE_IMAGE_SIZE);
    let bundle = source::load(&content).unwrap();
    assert_eq!(bundle.site.name, "SỞ TƯ PHÁP THÀNH PHỐ CẦN THƠ");
    assert_eq!(written, render_share_image(&bundle.site).unwrap());
    assert_ne!(written, render_share_image(&seed()).unwrap());
    // A PNG is compressed already: no .br or .gz beside it, as beside the pages.
    assert!(out.join("index.html.br").is_file());
    assert!(!out.join("share.png.br").exists() && !out.join("share.png.gz").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_site_name_the_picture_cannot_draw_fails_the_check_naming_the_field() {
    let dir = temp("glyph");
    let content = dir.join("content");
    fs::create_dir_all(&content).unwrap();
    bundle_named(
        Path::new("tests/fixtures/literal-text"),
        &content,
        "SỞ KHOA HỌC 🦀",
    );
    let errors: Vec<String> = source::load(&content)
        .err()
        .expect("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("site.json: trường \"name\": không vẽ được vào ảnh chia sẻ")
            && errors[0].contains("U+1F980"),
        "{errors:?}"
    );
    let _ = fs::remove_dir_all(&dir);
}
