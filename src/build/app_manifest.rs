//! The web app manifest and its icons, so that a resident can put the site on their phone's
//! home screen: in Vietnamese, in the department's colours (`style/tokens.css`), with icons at
//! 192 and 512 px that fill the shape each phone cuts them to (`maskable`: the mark stays
//! inside the central circle). Chromium's own check is CDP's `Page.getInstallabilityErrors`.

use super::share_image::{font, ACCENT, BRAND, WHITE};
use crate::content::Site;
use crate::paths::Paths;
use ab_glyph::{point, Font, PxScale, ScaleFont};

/// Below the site's base.
pub const MANIFEST_PATH: &str = "manifest.webmanifest";
const BACKGROUND_COLOUR: &str = "#ffffff";
pub const ICON_SIZES: [u32; 2] = [192, 512];
/// The mark on the icons: the department's field, as the favicon abbreviates it.
const MARK: &str = "KH&CN";

/// The browser's bar and the splash screen, in the header band's colour (`--color-brand`, as
/// `index.html`'s `theme-color`).
pub fn theme_colour() -> String {
    let [r, g, b] = BRAND;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// An icon's path below the site's base.
pub fn icon_path(size: u32) -> String {
    format!("icons/icon-{size}.png")
}

/// The manifest: the department's name, and its short name under the icon, opening at the
/// home page within the site's base, standalone.
pub fn manifest(site: &Site, paths: &Paths) -> String {
    let icons: Vec<serde_json::Value> = ["any", "maskable"]
        .into_iter()
        .flat_map(|purpose| {
            ICON_SIZES.map(|size| {
                serde_json::json!({
                    "src": paths.file(&icon_path(size)),
                    "sizes": format!("{size}x{size}"),
                    "type": "image/png",
                    "purpose": purpose,
                })
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "lang": "vi",
        "dir": "ltr",
        "name": site.name,
        "short_name": site.short_name,
        "description": site.slogan,
        "id": paths.base(),
        "start_url": paths.base(),
        "scope": paths.base(),
        "display": "standalone",
        "theme_color": theme_colour(),
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    });
    serde_json::to_string_pretty(&manifest).expect("the manifest serialises")
}

/// An icon, PNG: the mark in white over the brand colour, an accent bar under it, all within
/// the central circle (80 % of the side) that a maskable icon keeps whatever the shape.
pub fn icon(size: u32) -> Vec<u8> {
    let font = font();
    let side = size as f32;
    let mut image = image::RgbImage::from_pixel(size, size, image::Rgb(BRAND));
    // The mark's width, at a scale of 1, then scaled to half the side.
    let glyphs: Vec<_> = MARK.chars().map(|c| font.glyph_id(c)).collect();
    let width_at = |scale: f32| {
        let scaled = font.as_scaled(PxScale::from(scale));
        glyphs.iter().map(|&g| scaled.h_advance(g)).sum::<f32>()
    };
    let scale = PxScale::from(side * 0.5 / width_at(1.0));
    let scaled = font.as_scaled(scale);
    let (width, cap) = (width_at(scale.x), scaled.ascent() * 0.73);
    // The mark and the bar under it (0.13 of the side below the baseline), centred as one.
    let (left, baseline) = ((side - width) / 2.0, (side + cap - side * 0.13) / 2.0);
    let mut x = left;
    let mut coverage = vec![0f32; (size * size) as usize];
    for &id in &glyphs {
        let glyph = id.with_scale_and_position(scale, point(x, baseline));
        x += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, c| {
            let (px, py) = (
                bounds.min.x as i64 + i64::from(gx),
                bounds.min.y as i64 + i64::from(gy),
            );
            if (0..i64::from(size)).contains(&px) && (0..i64::from(size)).contains(&py) {
                let cell = &mut coverage[(py as u32 * size + px as u32) as usize];
                *cell = (*cell + c).min(1.0);
            }
        });
    }
    for (i, &c) in coverage.iter().enumerate() {
        if c > 0.0 {
            let pixel = image.get_pixel_mut(i as u32 % size, i as u32 / size);
            for (channel, &target) in pixel.0.iter_mut().zip(&WHITE) {
                let from = f32::from(*channel);
                *channel = (from + (f32::from(target) - from) * c).round() as u8;
            }
        }
    }
    // The accent bar under the mark, as in the favicon.
    let bar_top = (baseline + side * 0.07) as u32;
    let bar = (side * 0.06).max(2.0) as u32;
    for y in bar_top..bar_top + bar {
        for x in (left as u32)..(left + width) as u32 {
            image.put_pixel(x, y, image::Rgb(ACCENT));
        }
    }
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encoding a PNG into memory cannot fail");
    png
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_icon_is_a_png_of_its_size_in_the_brand_colour_with_the_mark_inside_the_safe_zone() {
        for size in ICON_SIZES {
            let image = image::load_from_memory(&icon(size)).unwrap().to_rgb8();
            assert_eq!(image.dimensions(), (size, size));
            // Full bleed: the corners are the brand colour, which a mask may cut away.
            assert_eq!(image.get_pixel(0, 0).0, BRAND);
            assert_eq!(image.get_pixel(size - 1, size - 1).0, BRAND);
            // Everything that is not background lies within the central circle of 80 %.
            let centre = size as f32 / 2.0;
            for (x, y, pixel) in image.enumerate_pixels() {
                if pixel.0 != BRAND {
                    let distance = ((x as f32 + 0.5 - centre).powi(2)
                        + (y as f32 + 0.5 - centre).powi(2))
                    .sqrt();
                    assert!(distance <= centre * 0.8, "{size}px: ink at ({x}, {y})");
                }
            }
            assert!(image.pixels().any(|p| p.0 == WHITE) && image.pixels().any(|p| p.0 == ACCENT));
        }
    }
}
