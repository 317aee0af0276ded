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
}

/// Lay out and draw `doc`; returns the bytes of a PDF file.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let pages = layout(doc)?;
    render::to_pdf(&doc.title, &pages)
}
