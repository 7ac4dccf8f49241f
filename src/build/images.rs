//! Photos as readers need them: resized variants in JPEG and WebP, turned upright and stripped
//! of their metadata, under names derived from their content so hosts may cache them forever.
//! Variants made by an earlier build are taken from the cache instead of being encoded again.

use super::store::content_key;
use crate::content::{Article, Block, Image, ImageVariants};
use image::{DynamicImage, ImageDecoder, ImageReader};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// Widths written for every photo wider than them; the photo's own width when it is narrower
/// than the largest. Never wider than the original.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 75.0;

/// The widths to write for a photo `width` pixels wide.
pub fn variant_widths(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] {
        widths.push(width);
    }
    widths
}

/// The displayed size of an image file (after its EXIF orientation), read from its header only.
pub fn displayed_size(path: &Path) -> Result<(u32, u32), String> {
    let mut decoder = ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| e.to_string())?
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let (width, height) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation::*;
        matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    Ok(if turned {
        (height, width)
    } else {
        (width, height)
    })
}

fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, String> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Flattens transparency onto white, as a JPEG has none.
fn opaque_rgb(image: &DynamicImage) -> image::RgbImage {
    let rgba = image.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

fn encode(image: &DynamicImage, width: u32, format: &str) -> Result<Vec<u8>, String> {
    let height = ((u64::from(image.height()) * u64::from(width) + u64::from(image.width()) / 2)
        / u64::from(image.width()))
    .max(1) as u32;
    let resized = if width == image.width() {
        image.clone()
    } else {
        image.resize_exact(width, height, image::imageops::FilterType::Lanczos3)
    };
    let rgb = opaque_rgb(&resized);
    match format {
        "jpg" => {
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
            Ok(out)
        }
        _ => Ok(webp::Encoder::from_rgb(&rgb, rgb.width(), rgb.height())
            .encode(WEBP_QUALITY)
            .to_vec()),
    }
}

/// What [`publish`] did.
pub struct Published {
    /// The files written.
    pub files: Vec<PathBuf>,
    /// Each photo's variants, by its path in the bundle (`images/a/b.jpg`).
    pub variants: BTreeMap<String, ImageVariants>,
}

/// Writes every variant of every photo the bundle uses into `out/content/anh/`, then points
/// the images of the articles, of `other_bodies` (pages, tasks) and `other_images` (the
/// organisation's chart and leaders) at them.
pub fn publish(
    articles: &mut [Article],
    other_bodies: Vec<&mut Vec<Block>>,
    other_images: Vec<&mut Image>,
    images: &BTreeSet<String>,
    content_dir: &Path,
    out: &Path,
    cache: Option<&Path>,
) -> Result<Published, String> {
    let folder = out.join("content/anh");
    fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    if let Some(cache) = cache {
        fs::create_dir_all(cache.join("anh")).map_err(|e| format!("{}: {e}", cache.display()))?;
    }
    let list: Vec<&String> = images.iter().collect();
    let done: Vec<Result<(String, ImageVariants, Vec<PathBuf>), String>> = list
        .par_iter()
        .map(
            |relative| -> Result<(String, ImageVariants, Vec<PathBuf>), String> {
                let path = content_dir.join(relative.as_str());
                let fail = |e: String| {
                    format!(
                        "ảnh {}: {}",
                        super::source::shown(&path),
                        super::source::one_line(&e)
                    )
                };
                let bytes = fs::read(&path).map_err(|e| fail(e.to_string()))?;
                let key: String = content_key(&bytes).chars().take(16).collect();
                let (width, _) = displayed_size(&path).map_err(fail)?;
                let widths = variant_widths(width);
                let mut decoded: Option<DynamicImage> = None;
                let mut written = Vec::new();
                for &w in &widths {
                    for format in ["jpg", "webp"] {
                        let name = format!("{key}-{w}.{format}");
                        let cached = cache.map(|c| c.join("anh").join(&name));
                        let target = folder.join(&name);
                        if let Some(cached) = cached.as_deref().filter(|c| c.is_file()) {
                            // Linked, as the store's blobs are: in use while the output
                            // links it, and with the date it was made.
                            super::store::link_cached(cached, &target).map_err(fail)?;
                        } else {
                            if decoded.is_none() {
                                decoded = Some(decode_upright(&bytes).map_err(fail)?);
                            }
                            let encoded =
                                encode(decoded.as_ref().expect("decoded above"), w, format)
                                    .map_err(fail)?;
                            super::store::write(&target, &encoded).map_err(fail)?;
                            if let Some(cached) = cached {
                                let _ = fs::write(cached, &encoded);
                            }
                        }
                        written.push(target);
                    }
                }
                Ok((relative.to_string(), ImageVariants { key, widths }, written))
            },
        )
        .collect();
    let mut published = Published {
        files: Vec::new(),
        variants: BTreeMap::new(),
    };
    for result in done {
        let (relative, variants, written) = result?;
        published.files.extend(written);
        published.variants.insert(relative, variants);
    }
    let point = |image: &mut Image| {
        let relative = image.src.strip_prefix("content/").unwrap_or(&image.src);
        if let Some(variants) = published.variants.get(relative) {
            image.set_variants(variants.clone());
        }
    };
    let bodies = articles.iter_mut().map(|a| &mut a.body).chain(other_bodies);
    for body in bodies {
        for block in body {
            if let Block::Figure { image, .. } = block {
                point(image);
            }
        }
    }
    for image in other_images {
        point(image);
    }
    for article in articles.iter_mut() {
        for card in &mut article.related {
            if let Some(image) = &mut card.thumbnail {
                point(image);
            }
        }
    }
    Ok(published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_never_wider_than_the_photo() {
        assert_eq!(variant_widths(4000), [480, 960, 1600]);
        assert_eq!(variant_widths(1600), [480, 960, 1600]);
        assert_eq!(variant_widths(1200), [480, 960, 1200]);
        assert_eq!(variant_widths(960), [480, 960]);
        assert_eq!(variant_widths(300), [300]);
    }
}
