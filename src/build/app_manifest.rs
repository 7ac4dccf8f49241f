//! The web app manifest and its icons, so that a resident can put the site on their phone's
//! home screen: in Vietnamese, in the department's colours (`style/tokens.css`), with icons at
//! 192 and 512 px that fill the shape each phone cuts them to (`maskable`: the mark stays
//! inside the central circle). Chromium's own check is CDP's `Page.getInstallabilityErrors`.

use super::share_image::{font, Canvas, ACCENT, BRAND, WHITE};
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

/// The manifest: the department's name, and its home-screen name under the icon, opening at
/// the home page within the site's base, standalone.
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
        "short_name": site.home_screen_name(),
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
    // The mark set at half the side's width.
    let ids: Vec<_> = MARK.chars().map(|c| font.glyph_id(c)).collect();
    let width_at = |scale: PxScale| {
        let scaled = font.as_scaled(scale);
        ids.iter().map(|&id| scaled.h_advance(id)).sum::<f32>()
    };
    let scale = PxScale::from(side * 0.5 / width_at(PxScale::from(1.0)));
    let scaled = font.as_scaled(scale);
    let (width, cap) = (width_at(scale), scaled.ascent() * 0.73);
    // The mark and the bar under it (0.13 of the side below the baseline), centred as one.
    let (left, baseline) = ((side - width) / 2.0, (side + cap - side * 0.13) / 2.0);
    let mut x = left;
    let glyphs: Vec<_> = ids
        .iter()
        .map(|&id| {
            let glyph = id.with_scale_and_position(scale, point(x, baseline));
            x += scaled.h_advance(id);
            glyph
        })
        .collect();
    let mut canvas = Canvas::new((size, size), BRAND);
    canvas.text(&font, &glyphs, WHITE);
    // The accent bar under the mark, as in the favicon.
    let bar_top = (baseline + side * 0.07) as u32;
    let bar = (side * 0.06).max(2.0) as u32;
    canvas.fill(
        (left as u32, bar_top),
        ((left + width) as u32, bar_top + bar),
        ACCENT,
    );
    canvas.png()
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
