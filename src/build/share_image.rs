//! The site's default share picture (`share.png`, 1200×630), shown by Zalo, Facebook and the
//! like for pages without a photo. It is drawn from the bundle's own `site.json`, so another
//! department's bundle gets its own: the name large in white, the slogan in the accent colour,
//! and the site's host name in a dark band at the bottom, in the colours of `style/tokens.css`.
//!
//! The text is set in DejaVu Sans Bold (`fonts/`, under its licence there), which has a
//! precomposed glyph for every Vietnamese letter. There is no shaping: each character is one
//! glyph, which is right for Vietnamese in NFC (text is composed first; the bundle's already
//! is). A character the font has no glyph for is an error, never a box.

use crate::content::Site;
use crate::meta::DEFAULT_SHARE_IMAGE_SIZE;
use ab_glyph::{point, Font, FontRef, Glyph, GlyphId, PxScale, Rect, ScaleFont};

/// DejaVu Sans Bold 2.37 (Debian's fonts-dejavu-core), licence in `fonts/LICENSE-DejaVu.txt`.
const FONT: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");
/// Named in messages to editors.
const FONT_NAME: &str = "DejaVu Sans Bold";

const WIDTH: u32 = DEFAULT_SHARE_IMAGE_SIZE.0;
const HEIGHT: u32 = DEFAULT_SHARE_IMAGE_SIZE.1;

/// `--color-brand`, `--color-brand-dark`, `--color-accent`, `--color-on-brand` and
/// `--color-footer-text` of `style/tokens.css`.
pub const BRAND: [u8; 3] = [0x0b, 0x4a, 0x8b];
pub const BRAND_DARK: [u8; 3] = [0x07, 0x32, 0x61];
pub const ACCENT: [u8; 3] = [0xff, 0xd1, 0x66];
pub const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
pub const BAND_TEXT: [u8; 3] = [0xe6, 0xec, 0xf3];

/// No text comes closer than this to the left, right and top edges.
pub const MARGIN: u32 = 72;
/// The dark band at the bottom, with the host name; its top edge is an accent rule.
pub const BAND_TOP: u32 = 540;
const BAND_RULE: u32 = 6;
/// Free space between the text above and the band.
pub const ABOVE_BAND: u32 = 48;
/// The short accent bar above the name.
const BAR: (u32, u32) = (96, 8);
const BAR_TO_NAME: f32 = 36.0;

/// Text sizes are `PxScale`s (the font's ascent to descent, about 1.16 em for DejaVu). The
/// name starts at `NAME_MAX` and shrinks until name and slogan fit.
const NAME_MAX: f32 = 72.0;
const SLOGAN_MAX: f32 = 38.0;
const SLOGAN_MIN: f32 = 26.0;
const SMALLEST: f32 = 8.0;
const NAME_LEADING: f32 = 1.12;
const SLOGAN_LEADING: f32 = 1.26;
const HOST_SIZE: f32 = 32.0;

/// Why the picture cannot be drawn; each is about one field of `site.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareImageError {
    /// Characters the font has no glyph for (in order of appearance, each once).
    MissingGlyphs {
        field: &'static str,
        chars: Vec<char>,
    },
    /// The text does not fit even at the smallest size: the name and slogan together
    /// (reported as `name`), or the host name in the band (`origin`).
    TooLong { field: &'static str },
}

impl ShareImageError {
    /// The `site.json` field the problem is in.
    pub fn field(&self) -> &'static str {
        match self {
            ShareImageError::MissingGlyphs { field, .. } | ShareImageError::TooLong { field } => {
                field
            }
        }
    }

    /// The problem, in Vietnamese for editors.
    pub fn message(&self) -> String {
        match self {
            ShareImageError::MissingGlyphs { chars, .. } => {
                let listed: Vec<String> = chars
                    .iter()
                    .map(|&c| {
                        if c.is_control() {
                            format!("U+{:04X}", u32::from(c))
                        } else {
                            format!("\"{c}\" (U+{:04X})", u32::from(c))
                        }
                    })
                    .collect();
                format!(
                    "không vẽ được vào ảnh chia sẻ: phông chữ {FONT_NAME} không có ký tự {}",
                    listed.join(", ")
                )
            }
            ShareImageError::TooLong { field } => format!(
                "{} quá dài, không vừa ảnh chia sẻ {WIDTH}×{HEIGHT} ngay cả ở cỡ chữ nhỏ nhất",
                if *field == "origin" {
                    "tên miền"
                } else {
                    "tên và khẩu hiệu"
                }
            ),
        }
    }
}

impl std::fmt::Display for ShareImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "trường \"{}\": {}", self.field(), self.message())
    }
}

impl std::error::Error for ShareImageError {}

pub(crate) fn font() -> FontRef<'static> {
    FontRef::try_from_slice(FONT).expect("the bundled font is a valid TrueType font")
}

/// The host name shown in the band: the origin without `https://`.
fn host(site: &Site) -> &str {
    let origin = site.origin.trim();
    origin
        .split_once("://")
        .map_or(origin, |(_, rest)| rest)
        .trim_end_matches('/')
}

/// A text as words of glyphs; whitespace only separates words.
type Words = Vec<Vec<GlyphId>>;

fn words(font: &FontRef, field: &'static str, text: &str) -> Result<Words, ShareImageError> {
    use unicode_normalization::UnicodeNormalization;
    // Composed, so that a letter and its marks are one precomposed glyph.
    let text: String = text.nfc().collect();
    let mut missing = Vec::new();
    let words = text
        .split_whitespace()
        .map(|word| {
            word.chars()
                .map(|c| {
                    let id = font.glyph_id(c);
                    if id.0 == 0 && !missing.contains(&c) {
                        missing.push(c);
                    }
                    id
                })
                .collect()
        })
        .collect();
    if missing.is_empty() {
        Ok(words)
    } else {
        Err(ShareImageError::MissingGlyphs {
            field,
            chars: missing,
        })
    }
}

/// Every problem drawing the picture for `site` would meet, without drawing it: what
/// `site-build check` reports.
pub fn problems(site: &Site) -> Vec<ShareImageError> {
    let font = font();
    let texts = [
        ("name", site.name.as_str()),
        ("slogan", site.slogan.as_str()),
        ("origin", host(site)),
    ];
    let mut problems: Vec<ShareImageError> = texts
        .iter()
        .filter_map(|(field, text)| words(&font, field, text).err())
        .collect();
    if problems.is_empty() {
        if let Err(error) = Layout::new(&font, site) {
            problems.push(error);
        }
    }
    problems
}

/// Where a line's pen starts, right of the line's left edge: far enough that a first glyph
/// whose ink reaches left of its origin stays inside.
fn lead(font: &FontRef, scale: PxScale, glyphs: &[GlyphId]) -> f32 {
    let scaled = font.as_scaled(scale);
    glyphs
        .first()
        .and_then(|&id| font.outline(id))
        .map_or(0.0, |o| {
            (-o.bounds.min.x * scaled.h_scale_factor()).max(0.0)
        })
}

/// The width a line takes: its lead, the advances and kerning, and the last glyph's ink where
/// it reaches past its advance.
fn line_width(font: &FontRef, scale: PxScale, glyphs: &[GlyphId]) -> f32 {
    let scaled = font.as_scaled(scale);
    let mut width = lead(font, scale, glyphs);
    for (i, &id) in glyphs.iter().enumerate() {
        if i > 0 {
            width += scaled.kern(glyphs[i - 1], id);
        }
        let ink_right = font
            .outline(id)
            .map_or(0.0, |o| o.bounds.max.x * scaled.h_scale_factor());
        width += if i + 1 == glyphs.len() {
            scaled.h_advance(id).max(ink_right)
        } else {
            scaled.h_advance(id)
        };
    }
    width
}

/// Breaks `words` into lines no wider than `max`, filling each line in turn, except that a
/// last word left alone on the last line takes the word before it along (`THÀNH PHỐ`, not
/// `PHỐ`). A word wider than a line is broken between characters when `break_words` is set;
/// otherwise the text does not fit (`None`).
fn wrap(
    font: &FontRef,
    scale: PxScale,
    words: &Words,
    max: f32,
    break_words: bool,
) -> Option<Vec<Vec<GlyphId>>> {
    let space = font.glyph_id(' ');
    let fits = |glyphs: &[GlyphId]| line_width(font, scale, glyphs) <= max;
    let join = |words: &[Vec<GlyphId>]| words.join(&space);
    if break_words {
        return wrap_breaking_words(words, space, &fits);
    }
    // Lines as ranges of words.
    let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for end in 1..=words.len() {
        if !fits(&join(&words[start..end])) {
            if end - 1 == start {
                return None; // one word wider than a line
            }
            lines.push(start..end - 1);
            start = end - 1;
            if !fits(&words[start]) {
                return None;
            }
        }
    }
    lines.push(start..words.len());
    if let [.., before, last] = lines.as_mut_slice() {
        if last.len() == 1 && before.len() >= 3 && fits(&join(&words[before.end - 1..last.end])) {
            before.end -= 1;
            last.start -= 1;
        }
    }
    Some(lines.into_iter().map(|r| join(&words[r])).collect())
}

/// Fills lines word by word, breaking a word wider than a line between characters.
fn wrap_breaking_words(
    words: &Words,
    space: GlyphId,
    fits: &dyn Fn(&[GlyphId]) -> bool,
) -> Option<Vec<Vec<GlyphId>>> {
    let mut lines: Vec<Vec<GlyphId>> = Vec::new();
    let mut line: Vec<GlyphId> = Vec::new();
    for word in words {
        if !line.is_empty() {
            let mut longer = line.clone();
            longer.push(space);
            longer.extend(word);
            if fits(&longer) {
                line = longer;
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        for &id in word {
            line.push(id);
            if !fits(&line) {
                line.pop();
                if line.is_empty() {
                    return None; // one character wider than a line
                }
                lines.push(std::mem::replace(&mut line, vec![id]));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// Positions the glyphs of `lines`, the first baseline at `baseline`.
fn place(
    font: &FontRef,
    scale: PxScale,
    lines: &[Vec<GlyphId>],
    left: f32,
    baseline: f32,
    leading: f32,
) -> Vec<Glyph> {
    let scaled = font.as_scaled(scale);
    let mut placed = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let y = (baseline + n as f32 * leading).round();
        let mut x = left + lead(font, scale, line);
        for (i, &id) in line.iter().enumerate() {
            if i > 0 {
                x += scaled.kern(line[i - 1], id);
            }
            placed.push(id.with_scale_and_position(scale, point(x, y)));
            x += scaled.h_advance(id);
        }
    }
    placed
}

/// The smallest rectangle holding the ink of `glyphs`, if any has ink.
fn ink(font: &FontRef, glyphs: &[Glyph]) -> Option<Rect> {
    glyphs
        .iter()
        .filter_map(|g| font.outline_glyph(g.clone()))
        .map(|g| g.px_bounds())
        .reduce(|a, b| Rect {
            min: point(a.min.x.min(b.min.x), a.min.y.min(b.min.y)),
            max: point(a.max.x.max(b.max.x), a.max.y.max(b.max.y)),
        })
}

/// Where everything goes.
struct Layout {
    /// The accent bar's top edge.
    bar_top: u32,
    name: Vec<Glyph>,
    slogan: Vec<Glyph>,
    host: Vec<Glyph>,
}

impl Layout {
    /// Sets name and slogan as large as they fit, as a block centred in the space above the
    /// band, and the host name in the band.
    fn new(font: &FontRef, site: &Site) -> Result<Layout, ShareImageError> {
        let name = words(font, "name", &site.name)?;
        let slogan = words(font, "slogan", &site.slogan)?;
        let host_words = words(font, "origin", host(site))?;
        let left = MARGIN as f32;
        let right = (WIDTH - MARGIN) as f32;
        let top = MARGIN as f32;
        let bottom = (BAND_TOP - ABOVE_BAND) as f32;
        let width = right - left;

        // Whole words first, at every size; words broken between letters only if even the
        // smallest size needs it.
        let mut block = None;
        'fit: for break_words in [false, true] {
            let mut name_size = NAME_MAX;
            while name_size >= SMALLEST {
                let slogan_size = (name_size * 0.5).clamp(SLOGAN_MIN.min(name_size), SLOGAN_MAX);
                if let Some(fitted) = Self::block(
                    font,
                    (&name, name_size),
                    (&slogan, slogan_size),
                    (left, width),
                    bottom - top,
                    break_words,
                ) {
                    block = Some(fitted);
                    break 'fit;
                }
                name_size -= 2.0;
            }
        }
        let (mut name_glyphs, mut slogan_glyphs, height) =
            block.ok_or(ShareImageError::TooLong { field: "name" })?;
        // Centred vertically, on whole pixels so that baselines stay on the pixel grid.
        let shift = (top + ((bottom - top - height) / 2.0).max(0.0)).round();
        for glyph in name_glyphs.iter_mut().chain(slogan_glyphs.iter_mut()) {
            glyph.position.y += shift;
        }

        // The host name, centred in the band below the rule, shrunk if it is very long.
        let host_line = [host_words.join(&font.glyph_id(' '))];
        let band_middle = (BAND_TOP + BAND_RULE + HEIGHT) as f32 / 2.0;
        let mut size = HOST_SIZE;
        let host_glyphs = loop {
            if size < SMALLEST {
                return Err(ShareImageError::TooLong { field: "origin" });
            }
            let glyphs = place(font, PxScale::from(size), &host_line, left, 0.0, 0.0);
            match ink(font, &glyphs) {
                None => break glyphs,
                Some(r) if r.max.x <= right => {
                    let offset = (band_middle - (r.min.y + r.max.y) / 2.0).round();
                    break glyphs
                        .into_iter()
                        .map(|mut g| {
                            g.position.y += offset;
                            g
                        })
                        .collect::<Vec<_>>();
                }
                Some(_) => size -= 1.0,
            }
        };

        Ok(Layout {
            bar_top: shift as u32,
            name: name_glyphs,
            slogan: slogan_glyphs,
            host: host_glyphs,
        })
    }

    /// The accent bar, the name and the slogan at the given sizes, laid out from y = 0 (the
    /// bar's top): their glyphs and the block's height, or `None` if they do not fit.
    fn block(
        font: &FontRef,
        (name, name_size): (&Words, f32),
        (slogan, slogan_size): (&Words, f32),
        (left, width): (f32, f32),
        height: f32,
        break_words: bool,
    ) -> Option<(Vec<Glyph>, Vec<Glyph>, f32)> {
        let name_scale = PxScale::from(name_size);
        let slogan_scale = PxScale::from(slogan_size);
        let name_lines = wrap(font, name_scale, name, width, break_words)?;
        let slogan_lines = wrap(font, slogan_scale, slogan, width, break_words)?;
        let name_font = font.as_scaled(name_scale);
        let slogan_font = font.as_scaled(slogan_scale);
        let name_leading = name_size * NAME_LEADING;
        let slogan_leading = slogan_size * SLOGAN_LEADING;

        let first_baseline = BAR.1 as f32 + BAR_TO_NAME + name_font.ascent();
        let name_glyphs = place(
            font,
            name_scale,
            &name_lines,
            left,
            first_baseline,
            name_leading,
        );
        let last_name_baseline =
            (first_baseline + (name_lines.len() - 1) as f32 * name_leading).round();
        // The slogan starts a little more than a line below the name's last baseline.
        let slogan_baseline = last_name_baseline
            + name_font.descent().abs()
            + name_size * 0.42
            + slogan_font.ascent();
        let slogan_glyphs = place(
            font,
            slogan_scale,
            &slogan_lines,
            left,
            slogan_baseline,
            slogan_leading,
        );

        // Judged by the ink, diacritics and overhangs included.
        let name_ink = ink(font, &name_glyphs)?;
        let slogan_ink = ink(font, &slogan_glyphs);
        let within = |r: &Rect| r.min.x >= left && r.max.x <= left + width;
        let clear_of_bar = name_ink.min.y >= BAR.1 as f32 + BAR_TO_NAME / 2.0;
        let slogan_fits =
            slogan_ink.is_none_or(|r| within(&r) && r.min.y > name_ink.max.y && r.max.y <= height);
        let bottom = slogan_ink.map_or(name_ink.max.y, |r| r.max.y);
        (within(&name_ink) && clear_of_bar && slogan_fits && bottom <= height).then_some((
            name_glyphs,
            slogan_glyphs,
            bottom,
        ))
    }
}

/// An RGB canvas: the share picture's, and the home-screen icons' (`app_manifest`).
pub(crate) struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    pub(crate) fn new((width, height): (u32, u32), colour: [u8; 3]) -> Self {
        Canvas {
            width,
            height,
            pixels: colour.repeat((width * height) as usize),
        }
    }

    pub(crate) fn fill(&mut self, (x0, y0): (u32, u32), (x1, y1): (u32, u32), colour: [u8; 3]) {
        for y in y0..y1.min(self.height) {
            for x in x0..x1.min(self.width) {
                let i = ((y * self.width + x) * 3) as usize;
                self.pixels[i..i + 3].copy_from_slice(&colour);
            }
        }
    }

    /// Draws `glyphs` in `colour`, anti-aliased: coverage is summed over the glyphs (neighbours
    /// share edge pixels) and then blended onto what is there.
    pub(crate) fn text(&mut self, font: &FontRef, glyphs: &[Glyph], colour: [u8; 3]) {
        let (width, height) = (self.width, self.height);
        let mut coverage = vec![0f32; (width * height) as usize];
        for glyph in glyphs {
            let Some(outline) = font.outline_glyph(glyph.clone()) else {
                continue;
            };
            let bounds = outline.px_bounds();
            let (ox, oy) = (bounds.min.x as i64, bounds.min.y as i64);
            outline.draw(|x, y, c| {
                let (x, y) = (ox + i64::from(x), oy + i64::from(y));
                if (0..i64::from(width)).contains(&x) && (0..i64::from(height)).contains(&y) {
                    let cell = &mut coverage[(y as u32 * width + x as u32) as usize];
                    *cell = (*cell + c).min(1.0);
                }
            });
        }
        for (i, &c) in coverage.iter().enumerate() {
            if c > 0.0 {
                let pixel = &mut self.pixels[i * 3..i * 3 + 3];
                for (channel, &target) in pixel.iter_mut().zip(&colour) {
                    let from = f32::from(*channel);
                    *channel = (from + (f32::from(target) - from) * c).round() as u8;
                }
            }
        }
    }

    pub(crate) fn png(self) -> Vec<u8> {
        use image::ImageEncoder;
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new_with_quality(
            &mut png,
            image::codecs::png::CompressionType::Best,
            image::codecs::png::FilterType::Adaptive,
        )
        .write_image(
            &self.pixels,
            self.width,
            self.height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encoding a PNG into memory cannot fail");
        png
    }
}

/// Draws the site's default share picture: PNG bytes, 1200×630, RGB. The same site always
/// gives the same bytes.
pub fn render_share_image(site: &Site) -> Result<Vec<u8>, ShareImageError> {
    let font = font();
    let layout = Layout::new(&font, site)?;
    let mut canvas = Canvas::new((WIDTH, HEIGHT), BRAND);
    canvas.fill((0, BAND_TOP), (WIDTH, HEIGHT), BRAND_DARK);
    canvas.fill((0, BAND_TOP), (WIDTH, BAND_TOP + BAND_RULE), ACCENT);
    canvas.fill(
        (MARGIN, layout.bar_top),
        (MARGIN + BAR.0, layout.bar_top + BAR.1),
        ACCENT,
    );
    canvas.text(&font, &layout.name, WHITE);
    canvas.text(&font, &layout.slogan, ACCENT);
    canvas.text(&font, &layout.host, BAND_TEXT);
    Ok(canvas.png())
}
