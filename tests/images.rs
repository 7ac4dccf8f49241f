//! Photos as the build publishes them: upright, without metadata, in every width, from cache.

#![cfg(feature = "ssr")]

use khcn_cantho::build::images::{self, displayed_size};
use khcn_cantho::content::bundle::{parse_article, parse_site};
use khcn_cantho::content::Block;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khcn-images-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A JPEG `width`×`height`, left half red and right half blue, with an EXIF orientation tag
/// (6: the camera was turned, display rotated 90° clockwise).
fn jpeg_with_orientation(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            image::Rgb([220, 0, 0])
        } else {
            image::Rgb([0, 0, 220])
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95)
        .encode_image(&image)
        .unwrap();
    // APP1 "Exif": a little-endian TIFF header and one IFD entry, Orientation (0x0112).
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend(1u16.to_le_bytes());
    tiff.extend(0x0112u16.to_le_bytes());
    tiff.extend(3u16.to_le_bytes()); // SHORT
    tiff.extend(1u32.to_le_bytes());
    tiff.extend(orientation.to_le_bytes());
    tiff.extend([0, 0]);
    tiff.extend(0u32.to_le_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn publish(content: &Path, out: &Path, cache: &Path, file: &str) -> Vec<(u32, u32)> {
    let site = parse_site(
        "site.json",
        r#"{ "name": "n", "short_name": "s", "slogan": "x", "origin": "https://a.vn",
            "categories": [{ "slug": "tin", "name": "Tin" }],
            "footer": { "copyright": "c", "address": "a", "phone": "1", "fax": "2", "email": "a@b.vn",
                        "editor_in_chief": "e", "disclaimer": "d" } }"#,
    )
    .unwrap();
    let text = format!(
        r#"{{ "title": "t", "published_at": "2024-01-01T00:00:00+07:00", "category": "tin",
             "body": [{{ "type": "figure", "image": "{file}", "caption": "c" }}] }}"#
    );
    let mut article = parse_article("a.json", "a", &text, &site, &mut |p: &str| {
        displayed_size(&content.join(p)).map_err(|e| e.to_string())
    })
    .unwrap();
    let images: BTreeSet<String> = [file.to_owned()].into();
    let mut articles = vec![article.clone()];
    images::publish(
        &mut articles,
        Vec::new(),
        Vec::new(),
        &images,
        content,
        out,
        Some(cache),
    )
    .unwrap();
    article = articles.remove(0);
    let Block::Figure { image, .. } = &article.body[0] else {
        panic!()
    };
    let variants = image.variants.clone().expect("variants written");
    variants
        .widths
        .iter()
        .map(|w| {
            let file = out.join(format!("content/anh/{}-{w}.jpg", variants.key));
            image::image_dimensions(&file).unwrap()
        })
        .collect()
}

#[test]
fn camera_photos_are_turned_upright_resized_and_stripped_of_metadata() {
    let dir = temp("upright");
    let content = dir.join("content");
    fs::create_dir_all(content.join("images")).unwrap();
    // Taken 2000×1000 with the camera turned: shown 1000×2000.
    fs::write(
        content.join("images/camera.jpg"),
        jpeg_with_orientation(2000, 1000, 6),
    )
    .unwrap();
    assert_eq!(
        displayed_size(&content.join("images/camera.jpg")).unwrap(),
        (1000, 2000)
    );

    let sizes = publish(
        &content,
        &dir.join("out"),
        &dir.join("cache"),
        "images/camera.jpg",
    );
    assert_eq!(sizes, [(480, 960), (960, 1920), (1000, 2000)]);

    let written: Vec<PathBuf> = fs::read_dir(dir.join("out/content/anh"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 6, "JPEG and WebP for each width");
    for file in &written {
        let bytes = fs::read(file).unwrap();
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{} keeps no EXIF",
            file.display()
        );
    }
    // Upright: the red half, once at the left, is now at the top.
    let upright = image::open(
        written
            .iter()
            .find(|f| f.to_string_lossy().ends_with("-480.jpg"))
            .unwrap(),
    )
    .unwrap()
    .to_rgb8();
    let top = upright.get_pixel(240, 100).0;
    let bottom = upright.get_pixel(240, 860).0;
    assert!(top[0] > 150 && top[2] < 100, "top is red: {top:?}");
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom is blue: {bottom:?}"
    );
}

#[test]
fn unchanged_photos_come_from_the_cache() {
    let dir = temp("cache");
    let content = dir.join("content");
    fs::create_dir_all(content.join("images")).unwrap();
    fs::write(
        content.join("images/a.jpg"),
        jpeg_with_orientation(800, 600, 1),
    )
    .unwrap();
    publish(
        &content,
        &dir.join("out1"),
        &dir.join("cache"),
        "images/a.jpg",
    );
    // Mark the cached copies: a second build must copy them, not encode again.
    for entry in fs::read_dir(dir.join("cache/anh")).unwrap() {
        fs::write(entry.unwrap().path(), b"from the cache").unwrap();
    }
    let out = dir.join("out2");
    let site = fs::read_dir(dir.join("cache/anh")).unwrap().count();
    assert_eq!(site, 4); // 480 and 800 wide, JPEG and WebP
    let _ =
        std::panic::catch_unwind(|| publish(&content, &out, &dir.join("cache"), "images/a.jpg"));
    for entry in fs::read_dir(out.join("content/anh")).unwrap() {
        assert_eq!(fs::read(entry.unwrap().path()).unwrap(), b"from the cache");
    }
}
