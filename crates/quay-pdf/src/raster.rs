//! Laid-out pages → pixels with tiny-skia: the same glyphs at the same positions as the
//! PDF (`render.rs`), drawn from the embedded fonts' outlines.

use std::collections::HashMap;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use tiny_skia::{Color, FillRule, IntSize, Paint, Path, PathBuilder, Pixmap, Rect, Stroke, Transform};

use crate::fonts::FontKey;
use crate::layout::{Item, Page};
use crate::{Bitmap, PdfError};

/// Largest pixmap drawn (64 Mpx, 256 MB of RGBA): an A4 page at 600 dpi is ~35 Mpx; a
/// 200-inch receipt at 600 dpi would be ~226 Mpx and is refused.
const MAX_PIXELS: u64 = 64 * 1024 * 1024;

fn err(msg: impl Into<String>) -> PdfError {
    PdfError::Raster(msg.into())
}

/// Collects a glyph outline in font units (y up) into a tiny-skia path.
struct Outline(PathBuilder);

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// Draw `page` onto a white pixmap of `width` × `height` px, `scale` px per point.
pub fn draw_page(page: &Page, scale: f32, width: u32, height: u32) -> Result<Pixmap, PdfError> {
    if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(err(format!("page of {width}×{height} px is empty or too large to draw")));
    }
    let mut pixmap = Pixmap::new(width, height).ok_or_else(|| err(format!("cannot allocate {width}×{height} px")))?;
    pixmap.fill(Color::WHITE);
    let mut ink = Paint::default();
    ink.set_color(Color::BLACK);
    ink.anti_alias = true;

    for item in &page.items {
        if let Item::Rule { x0, x1, y, thickness } = *item {
            // At least one pixel, snapped to the pixel grid so thermal prints stay crisp.
            let th = (thickness * scale).max(1.0).round();
            let top = (y * scale - th / 2.0).round();
            if let Some(r) = Rect::from_xywh(x0 * scale, top, (x1 - x0) * scale, th) {
                pixmap.fill_rect(r, &ink, Transform::identity(), None);
            }
        }
    }

    // Outlines in font units, built once per glyph per page.
    let mut outlines: HashMap<(FontKey, u16), Option<Path>> = HashMap::new();
    for item in &page.items {
        let Item::Text { x, baseline, line } = item else { continue };
        let Some(style) = line.style else { continue };
        for g in &line.glyphs {
            let outline = outlines.entry((g.font, g.gid)).or_insert_with(|| {
                let mut b = Outline(PathBuilder::new());
                g.font.face().outline_glyph(GlyphId(g.gid), &mut b)?;
                b.0.finish()
            });
            let Some(outline) = outline.clone() else { continue };
            // Font units (y up) → page pixels (y down); the PDF places the glyph origin
            // at (x + g.x, baseline - g.y) in top-down points.
            let k = style.size / g.font.face().units_per_em() as f32 * scale;
            let ts = Transform::from_row(k, 0.0, 0.0, -k, (x + g.x) * scale, (baseline - g.y) * scale);
            let Some(path) = outline.transform(ts) else { continue };
            pixmap.fill_path(&path, &ink, FillRule::Winding, Transform::identity(), None);
            if g.font.fake_bold(style.bold) {
                // As the PDF's FillStroke text rendering mode (render.rs).
                let stroke = Stroke { width: style.size * 0.035 * scale, ..Stroke::default() };
                pixmap.stroke_path(&path, &ink, &stroke, Transform::identity(), None);
            }
        }
    }
    Ok(pixmap)
}

/// Ink per pixel (0 white … 255 black) of a pixmap drawn black on opaque white.
pub fn to_bitmap(pixmap: &Pixmap) -> Bitmap {
    Bitmap { width: pixmap.width(), height: pixmap.height(), pixels: pixmap.pixels().iter().map(|p| 255 - p.red()).collect() }
}

/// Grayscale bitmap → pixmap (opaque gray, ink dark) for PNG encoding.
pub fn from_bitmap(bitmap: &Bitmap) -> Result<Pixmap, PdfError> {
    let expected = u64::from(bitmap.width) * u64::from(bitmap.height);
    if bitmap.pixels.len() as u64 != expected {
        return Err(err(format!("bitmap of {}×{} px has {} pixels", bitmap.width, bitmap.height, bitmap.pixels.len())));
    }
    let size = IntSize::from_wh(bitmap.width, bitmap.height).ok_or_else(|| err("empty bitmap"))?;
    let rgba = bitmap.pixels.iter().flat_map(|&ink| [255 - ink, 255 - ink, 255 - ink, 255]).collect();
    Pixmap::from_vec(rgba, size).ok_or_else(|| err("bitmap too large"))
}

pub fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, PdfError> {
    pixmap.encode_png().map_err(|e| err(format!("PNG encoding failed: {e}")))
}

/// Pixel size of `len` points at `scale` px/pt.
pub fn px(len: f32, scale: f32) -> Result<u32, PdfError> {
    let v = (len * scale).round();
    if v.is_finite() && v >= 1.0 && v <= u32::MAX as f32 {
        Ok(v as u32)
    } else {
        Err(err(format!("{len} pt at {scale} px/pt is not a drawable size")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    fn doc(dir: Direction, page: PageSize, blocks: Vec<Block>) -> Document {
        Document { title: "Test".into(), locale_dir: dir, page, blocks }
    }

    fn receipt() -> PageSize {
        PageSize::Receipt80mm(ReceiptLength::Auto)
    }

    /// Count of pixels with ink >= 128 in [x0, x1) × [y0, y1).
    fn dark_in(b: &Bitmap, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
        (y0..y1.min(b.height))
            .flat_map(|y| (x0..x1.min(b.width)).map(move |x| (x, y)))
            .filter(|&(x, y)| b.pixels[(y * b.width + x) as usize] >= 128)
            .count()
    }

    /// (min x, max x, min y, max y) of pixels with any ink.
    fn ink_bbox(b: &Bitmap) -> Option<(u32, u32, u32, u32)> {
        let mut bb: Option<(u32, u32, u32, u32)> = None;
        for y in 0..b.height {
            for x in 0..b.width {
                if b.pixels[(y * b.width + x) as usize] > 0 {
                    bb = Some(match bb {
                        None => (x, x, y, y),
                        Some((a, c, d, e)) => (a.min(x), c.max(x), d.min(y), e.max(y)),
                    });
                }
            }
        }
        bb
    }

    #[test]
    fn latin_a4_png_decodes_with_ink_in_the_heading_and_a_blank_margin() {
        let d = doc(
            Direction::Ltr,
            PageSize::A4,
            vec![Block::Heading("Quay Café".into()), Block::Text("Connection test: all good".into()), Block::Rule],
        );
        let pngs = render_png(&d, 72.0).unwrap();
        assert_eq!(pngs.len(), 1);
        let pixmap = Pixmap::decode_png(&pngs[0]).expect("PNG decodes");
        assert_eq!((pixmap.width(), pixmap.height()), (595, 842)); // 210 × 297 mm at 72 dpi
        let b = to_bitmap(&pixmap);

        let pages = layout(&d).unwrap();
        let Item::Text { x, baseline, line } = &pages[0].items.iter().find(|i| matches!(i, Item::Text { .. })).unwrap() else {
            unreachable!()
        };
        let (x0, base, w) = (*x as u32, *baseline as u32, line.width as u32);
        assert!(dark_in(&b, x0, base - 12, x0 + w, base + 1) > 50, "heading has ink");
        // Left margin (18 mm ≈ 51 pt) and the bottom half are blank.
        assert_eq!(dark_in(&b, 0, 0, 45, 842), 0);
        assert_eq!(dark_in(&b, 0, 421, 595, 842), 0);

        // Higher resolution scales the page size.
        let hi = Pixmap::decode_png(&render_png(&d, 150.0).unwrap()[0]).unwrap();
        assert_eq!((hi.width(), hi.height()), (1240, 1754));
    }

    #[test]
    fn arabic_ink_sits_right_in_an_rtl_doc() {
        let d = doc(Direction::Rtl, receipt(), vec![Block::Text("المجموع".into())]);
        let b = &render_bitmap(&d, 576).unwrap()[0];
        let (min_x, max_x, _, _) = ink_bbox(b).expect("Arabic has ink");
        assert!(min_x > b.width / 2, "ink from {min_x} to {max_x} of {}", b.width);
        // Reaches the right margin (4 mm of 80 mm ≈ 29 px at 576).
        assert!(max_x > b.width - 40 && max_x < b.width - 20, "ink ends at {max_x}");

        // The same words in an LTR doc start at the left margin.
        let ltr = &render_bitmap(&doc(Direction::Ltr, receipt(), vec![Block::Text("Total".into())]), 576).unwrap()[0];
        let (min_x, ..) = ink_bbox(ltr).unwrap();
        assert!(min_x > 20 && min_x < 40, "LTR ink starts at {min_x}");
    }

    #[test]
    fn chinese_has_ink_and_fake_bold_adds_ink() {
        let regular = &render_bitmap(&doc(Direction::Ltr, receipt(), vec![Block::Text("合计 找零".into())]), 576).unwrap()[0];
        let n = dark_in(regular, 0, 0, regular.width, regular.height);
        assert!(n > 100, "{n} dark pixels");

        // Bold CJK is faked by stroking: more ink than the same outline unstroked.
        let d = doc(Direction::Ltr, receipt(), vec![Block::Heading("合计".into())]);
        let page = &layout(&d).unwrap()[0];
        let mut plain = page.clone();
        for item in &mut plain.items {
            if let Item::Text { line, .. } = item {
                line.style.as_mut().unwrap().bold = false;
            }
        }
        let ink = |p: &Page| {
            let b = to_bitmap(&draw_page(p, 2.0, px(p.width, 2.0).unwrap(), px(p.height, 2.0).unwrap()).unwrap());
            b.pixels.iter().map(|&v| u64::from(v)).sum::<u64>()
        };
        assert!(ink(page) > ink(&plain) * 11 / 10);
    }

    #[test]
    fn render_bitmap_width_is_exact() {
        let d = doc(
            Direction::Ltr,
            receipt(),
            vec![Block::Heading("Quay".into()), Block::KeyValue(vec![("Total".into(), "125.000 ₫".into())]), Block::Rule],
        );
        for w in [384, 576] {
            let pages = render_bitmap(&d, w).unwrap();
            assert_eq!(pages.len(), 1);
            let b = &pages[0];
            assert_eq!(b.width, w);
            assert!(b.height > 0);
            assert_eq!(b.pixels.len(), (b.width * b.height) as usize);
            // The rule is at least one fully black row somewhere.
            assert!((0..b.height).any(|y| (w / 4..w * 3 / 4).all(|x| b.pixels[(y * w + x) as usize] == 255)));
            let png = Pixmap::decode_png(&b.to_png().unwrap()).unwrap();
            assert_eq!((png.width(), png.height()), (b.width, b.height));
            assert_eq!(to_bitmap(&png), *b, "PNG round-trips the bitmap");
        }
        assert!(matches!(render_bitmap(&d, 0), Err(PdfError::Raster(_))));
    }

    #[test]
    fn packed_1bit_is_escpos_raster_layout() {
        let b = Bitmap {
            width: 10,
            height: 2,
            pixels: vec![
                255, 0, 0, 0, 0, 0, 0, 128, /* | */ 127, 200, //
                0, 0, 0, 0, 0, 0, 0, 0, /* | */ 0, 0,
            ],
        };
        assert_eq!(b.packed_1bit(128), vec![0b1000_0001, 0b0100_0000, 0, 0]);
        assert_eq!(b.packed_1bit(100), vec![0b1000_0001, 0b1100_0000, 0, 0]);
    }

    #[test]
    fn bad_dpi_is_refused() {
        let d = doc(Direction::Ltr, PageSize::A4, vec![Block::Text("x".into())]);
        for dpi in [f32::NAN, f32::INFINITY, -72.0, 0.0, 9.9, 600.5] {
            assert!(matches!(render_png(&d, dpi), Err(PdfError::Raster(_))), "{dpi}");
        }
        assert!(render_png(&d, 10.0).is_ok());
    }
}
