//! Printable documents (receipts, reports) as PDF.
//!
//! Strings arrive translated and formatted; this crate lays them out and draws them with
//! embedded Noto fonts, doing what printpdf does not: bidi reordering (unicode-bidi),
//! font fallback per script, and OpenType shaping (rustybuzz), so Arabic is joined and
//! right to left, Vietnamese marks sit on their letters and Han text shows.
//!
//! ```
//! use quay_pdf::*;
//! let doc = Document {
//!     title: "Receipt".into(),
//!     locale_dir: Direction::Ltr,
//!     page: PageSize::Receipt80mm(ReceiptLength::Auto),
//!     blocks: vec![
//!         Block::Heading("Quay Café".into()),
//!         Block::KeyValue(vec![("Total".into(), "125.000 ₫".into())]),
//!     ],
//! };
//! let pdf = render(&doc).unwrap();
//! assert!(pdf.starts_with(b"%PDF"));
//! ```
#![forbid(unsafe_code)]

mod fonts;
mod layout;
mod raster;
mod render;
mod shape;

pub use fonts::FontKey;
pub use layout::{layout, Item, Page};
pub use shape::{prepare, shape_line, wrap, Glyph, ShapedLine, TextStyle};

/// Base direction of the document's locale: decides the bidi paragraph level and which
/// side "start" is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// Paper.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageSize {
    /// 210 × 297 mm, paginated; table headers repeat on each page.
    A4,
    /// 80 mm roll paper.
    Receipt80mm(ReceiptLength),
    /// A roll printer's printable width (72 mm on 80 mm paper, 48 mm on 58 mm), as long
    /// as its content, with the narrow margins a thermal head needs: what is drawn as a
    /// raster for an ESC/POS printer, one dot per 1/8 mm.
    Roll { width_mm: f32 },
}

/// How a receipt is cut into pages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReceiptLength {
    /// One page as long as the content (pages only past the PDF limit of 200 inches).
    Auto,
    /// Fixed page height in millimetres.
    Paged { height_mm: f32 },
}

/// Which side of its column a table cell sits on. Start is the left in LTR documents
/// and the right in RTL ones; amounts use End.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Start,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// Share of the content width; fractions are normalised by their sum.
    pub width_fraction: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(String),
    Text(String),
    /// Label at the start side, value at the end side (e.g. "Total" / "125.000 ₫").
    KeyValue(Vec<(String, String)>),
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// A thin horizontal line across the content width.
    Rule,
    /// One blank line.
    Spacer,
    /// Bold text at twice the body size (a kitchen ticket's items, its order number).
    Large(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub locale_dir: Direction,
    pub page: PageSize,
    pub blocks: Vec<Block>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("embedded font {0} could not be parsed for the PDF")]
    Font(&'static str),
    #[error("table row {row} has {got} cells but the table has {expected} columns")]
    TableShape { row: usize, got: usize, expected: usize },
    #[error("PDF writer reported: {0}")]
    Writer(String),
    /// Bad raster parameters (resolution, width, a page too large to draw) or a PNG
    /// encoding failure.
    #[error("raster output: {0}")]
    Raster(String),
}

/// Lay out and draw `doc`; returns the bytes of a PDF file.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let pages = layout(doc)?;
    render::to_pdf(&doc.title, &pages)
}

/// Lay out `doc` and draw each page as a PNG file (bytes), with the same layout, fonts,
/// shaping and bidi as [`render`]. A page `W` points wide is `round(W * dpi / 72)`
/// pixels wide; `dpi` must be finite and within 10..=600.
pub fn render_png(doc: &Document, dpi: f32) -> Result<Vec<Vec<u8>>, PdfError> {
    if !dpi.is_finite() || !(10.0..=600.0).contains(&dpi) {
        return Err(PdfError::Raster(format!("resolution {dpi} dpi is outside 10..=600")));
    }
    let scale = dpi / 72.0;
    layout(doc)?
        .iter()
        .map(|p| raster::encode(&raster::draw_page(p, scale, raster::px(p.width, scale)?, raster::px(p.height, scale)?)?))
        .collect()
}

/// A grayscale page image: one byte per pixel, row-major, 0 = white (paper) … 255 =
/// black (ink).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bitmap {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Lay out `doc` and draw each page scaled so that it is exactly `width_px` pixels wide
/// (e.g. 576 dots for an 80 mm thermal printer, 384 for 58 mm), height to scale.
pub fn render_bitmap(doc: &Document, width_px: u32) -> Result<Vec<Bitmap>, PdfError> {
    if width_px == 0 {
        return Err(PdfError::Raster("bitmap width must be at least 1 px".into()));
    }
    layout(doc)?
        .iter()
        .map(|p| {
            let scale = width_px as f32 / p.width;
            Ok(raster::to_bitmap(&raster::draw_page(p, scale, width_px, raster::px(p.height, scale)?)?))
        })
        .collect()
}

impl Bitmap {
    /// The bitmap as a PNG file (gray, ink dark on white).
    pub fn to_png(&self) -> Result<Vec<u8>, PdfError> {
        raster::encode(&raster::from_bitmap(self)?)
    }

    /// 1 bit per pixel for a thermal printer: rows of `ceil(width / 8)` bytes, most
    /// significant bit leftmost, bit set (ink) where the pixel is `>= level`, the raster
    /// layout of ESC/POS `GS v 0`.
    pub fn packed_1bit(&self, level: u8) -> Vec<u8> {
        let w = self.width as usize;
        let row_bytes = w.div_ceil(8);
        let mut out = vec![0u8; row_bytes * self.height as usize];
        if w == 0 {
            return out;
        }
        for (y, row) in self.pixels.chunks(w).take(self.height as usize).enumerate() {
            for (x, &v) in row.iter().enumerate() {
                if v >= level {
                    out[y * row_bytes + x / 8] |= 0x80 >> (x % 8);
                }
            }
        }
        out
    }
}
