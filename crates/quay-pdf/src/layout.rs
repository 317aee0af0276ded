//! Blocks → pages of positioned lines and rules. Coordinates here are points from the
//! page's top-left corner (y grows downwards); `render.rs` flips them for PDF.

use crate::shape::{wrap, ShapedLine, TextStyle};
use crate::{Align, Block, Column, Direction, Document, PageSize, PdfError, ReceiptLength};

const MM: f32 = 72.0 / 25.4;
/// PDF viewers reject pages longer than 200 inches (PDF 1.7 annex C).
const MAX_PAGE_HEIGHT: f32 = 200.0 * 72.0;
/// Line height as a multiple of the font size: room for Vietnamese stacked marks above
/// and Arabic descenders below.
const LEADING: f32 = 1.5;
/// Baseline position inside a line box, as a multiple of the font size.
const ASCENT: f32 = 1.08;

/// One laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A shaped line whose left end is at `x` and baseline at `baseline` (from top).
    Text { x: f32, baseline: f32, line: ShapedLine },
    /// A horizontal line from `x0` to `x1` at `y` (from top).
    Rule { x0: f32, x1: f32, y: f32, thickness: f32 },
}

struct Metrics {
    width: f32,
    /// `None`: the page grows with its content (receipt roll).
    height: Option<f32>,
    margin_x: f32,
    margin_y: f32,
    body: TextStyle,
    heading: TextStyle,
    cell_pad: f32,
}

impl Metrics {
    fn for_page(page: PageSize) -> Metrics {
        match page {
            PageSize::A4 => Metrics {
                width: 210.0 * MM,
                height: Some(297.0 * MM),
                margin_x: 18.0 * MM,
                margin_y: 18.0 * MM,
                body: TextStyle { size: 10.0, bold: false },
                heading: TextStyle { size: 15.0, bold: true },
                cell_pad: 3.0,
            },
            PageSize::Receipt80mm(length) => Metrics {
                width: 80.0 * MM,
                height: match length {
                    ReceiptLength::Auto => None,
                    ReceiptLength::Paged { height_mm } => Some((height_mm * MM).clamp(60.0, MAX_PAGE_HEIGHT)),
                },
                // 72 mm printable width, the common 80 mm printer head.
                margin_x: 4.0 * MM,
                margin_y: 4.0 * MM,
                body: TextStyle { size: 8.5, bold: false },
                heading: TextStyle { size: 11.0, bold: true },
                cell_pad: 1.5,
            },
            PageSize::Roll { width_mm } => {
                let narrow = width_mm < 60.0;
                Metrics {
                    width: width_mm.clamp(30.0, 120.0) * MM,
                    height: None,
                    margin_x: 1.0 * MM,
                    margin_y: 2.0 * MM,
                    body: TextStyle { size: if narrow { 8.0 } else { 9.0 }, bold: false },
                    heading: TextStyle { size: if narrow { 10.5 } else { 12.0 }, bold: true },
                    cell_pad: 1.0,
                }
            }
        }
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    fn bottom_limit(&self) -> f32 {
        self.height.unwrap_or(MAX_PAGE_HEIGHT) - self.margin_y
    }
}

fn line_height(style: TextStyle) -> f32 {
    style.size * LEADING
}

struct Layouter {
    m: Metrics,
    dir: Direction,
    pages: Vec<Page>,
    items: Vec<Item>,
    y: f32,
}

impl Layouter {
    fn new(m: Metrics, dir: Direction) -> Self {
        let y = m.margin_y;
        Layouter { m, dir, pages: Vec::new(), items: Vec::new(), y }
    }

    fn new_page(&mut self) {
        let height = self.m.height.unwrap_or(MAX_PAGE_HEIGHT);
        let items = std::mem::take(&mut self.items);
        self.pages.push(Page { width: self.m.width, height, items });
        self.y = self.m.margin_y;
    }

    /// Start a new page unless `h` more points fit. Returns whether it broke.
    fn ensure(&mut self, h: f32) -> bool {
        let fresh = self.y <= self.m.margin_y;
        if self.y + h > self.m.bottom_limit() && !fresh {
            self.new_page();
            return true;
        }
        false
    }

    fn finish(mut self) -> Vec<Page> {
        let auto = self.m.height.is_none();
        let end = self.y + self.m.margin_y;
        self.new_page();
        if auto {
            // A receipt roll is as long as its content.
            if let Some(last) = self.pages.last_mut() {
                last.height = end.max(self.m.margin_y * 2.0);
            }
        }
        self.pages
    }

    /// x of a line of width `w` aligned in the box [x0, x0 + box_w].
    fn align_x(&self, align: Align, x0: f32, box_w: f32, w: f32) -> f32 {
        let at_left = matches!((align, self.dir), (Align::Start, Direction::Ltr) | (Align::End, Direction::Rtl));
        if at_left {
            x0
        } else {
            x0 + box_w - w
        }
    }

    fn put_line(&mut self, line: ShapedLine, align: Align, x0: f32, box_w: f32, top: f32) {
        let size = line.style.map(|s| s.size).unwrap_or(self.m.body.size);
        let x = self.align_x(align, x0, box_w, line.width);
        self.items.push(Item::Text { x, baseline: top + size * ASCENT, line });
    }

    fn paragraph(&mut self, text: &str, style: TextStyle, gap_after: f32) {
        let lh = line_height(style);
        for line in wrap(text, self.dir, style, self.m.content_width()) {
            self.ensure(lh);
            let top = self.y;
            self.put_line(line, Align::Start, self.m.margin_x, self.m.content_width(), top);
            self.y += lh;
        }
        self.y += gap_after;
    }

    fn rule(&mut self) {
        let gap = self.m.body.size * 0.6;
        self.ensure(gap * 2.0);
        let y = self.y + gap;
        self.items.push(Item::Rule { x0: self.m.margin_x, x1: self.m.width - self.m.margin_x, y, thickness: 0.6 });
        self.y += gap * 2.0;
    }

    /// The direction a value (an amount, a date, a code, a table cell) is laid out in.
    /// In a right-to-left document a value without a right-to-left letter — "+10,000 ₫",
    /// "03/12/2026", a URL — is a left-to-right run, each of its lines too: the bidi
    /// algorithm alone would draw "₫ 10,000+". Any value with Arabic in it stays in the
    /// document's direction, even one that starts with a Latin word ("ZVT على …").
    fn value_dir(&self, text: &str) -> Direction {
        let rtl_letter = |c: char| matches!(unicode_bidi::bidi_class(c), unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL);
        match self.dir {
            Direction::Rtl if !text.chars().any(rtl_letter) => Direction::Ltr,
            dir => dir,
        }
    }

    fn key_values(&mut self, pairs: &[(String, String)]) {
        let style = self.m.body;
        let lh = line_height(style);
        let cw = self.m.content_width();
        let gap = style.size;
        for (label, value) in pairs {
            // The value (an amount) keeps its own width up to 60% of the line; the label
            // wraps in what is left.
            let values = wrap(value, self.value_dir(value), style, cw * 0.6);
            let value_w = values.iter().map(|l| l.width).fold(0.0, f32::max);
            let label_w = (cw - value_w - gap).max(cw * 0.4 - gap);
            let labels = wrap(label, self.dir, style, label_w);
            let rows = labels.len().max(values.len());
            self.ensure(lh * rows as f32);
            let top = self.y;
            let (label_x, value_x) = match self.dir {
                Direction::Ltr => (self.m.margin_x, self.m.margin_x + cw - value_w),
                Direction::Rtl => (self.m.margin_x + cw - label_w, self.m.margin_x),
            };
            for (i, l) in labels.into_iter().enumerate() {
                self.put_line(l, Align::Start, label_x, label_w, top + i as f32 * lh);
            }
            for (i, v) in values.into_iter().enumerate() {
                self.put_line(v, Align::End, value_x, value_w, top + i as f32 * lh);
            }
            self.y += lh * rows as f32;
        }
    }

    /// x of each column's left edge and its width; the first column is at the start
    /// side, so at the right in RTL documents.
    fn columns(&self, columns: &[Column]) -> Vec<(f32, f32)> {
        let total: f32 = columns.iter().map(|c| c.width_fraction.max(0.0)).sum();
        let n = columns.len().max(1) as f32;
        let cw = self.m.content_width();
        let mut x = 0.0;
        columns
            .iter()
            .map(|c| {
                let frac = if total > 0.0 { c.width_fraction.max(0.0) / total } else { 1.0 / n };
                let w = frac * cw;
                let left = match self.dir {
                    Direction::Ltr => self.m.margin_x + x,
                    Direction::Rtl => self.m.margin_x + cw - x - w,
                };
                x += w;
                (left, w)
            })
            .collect()
    }

    fn row(&mut self, cells: &[String], columns: &[Column], geo: &[(f32, f32)], style: TextStyle) -> Vec<Vec<ShapedLine>> {
        cells
            .iter()
            .zip(geo)
            .map(|(text, &(x, w))| wrap(text, self.value_dir(text), style, self.cell_box(x, w).1))
            .take(columns.len())
            .collect()
    }

    fn place_row(&mut self, lines: Vec<Vec<ShapedLine>>, columns: &[Column], geo: &[(f32, f32)], lh: f32) {
        let top = self.y;
        let rows = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for ((cell, col), &(x, w)) in lines.into_iter().zip(columns).zip(geo) {
            let (x, w) = self.cell_box(x, w);
            for (i, l) in cell.into_iter().enumerate() {
                self.put_line(l, col.align, x, w, top + i as f32 * lh);
            }
        }
        self.y += lh * rows as f32;
    }

    /// The text box of a cell: padded between columns only, so the outer columns line
    /// up with the text and key-value blocks.
    fn cell_box(&self, x: f32, w: f32) -> (f32, f32) {
        let pad = self.m.cell_pad;
        let eps = 0.01;
        let left = if x <= self.m.margin_x + eps { 0.0 } else { pad };
        let right = if x + w >= self.m.width - self.m.margin_x - eps { 0.0 } else { pad };
        (x + left, (w - left - right).max(1.0))
    }

    fn header(&mut self, columns: &[Column], geo: &[(f32, f32)]) {
        let style = TextStyle { bold: true, ..self.m.body };
        let lh = line_height(style);
        let headers: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
        let lines = self.row(&headers, columns, geo, style);
        self.place_row(lines, columns, geo, lh);
        let y = self.y + 1.0;
        self.items.push(Item::Rule { x0: self.m.margin_x, x1: self.m.width - self.m.margin_x, y, thickness: 0.4 });
        self.y += 3.0;
    }

    fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) -> Result<(), PdfError> {
        for (i, r) in rows.iter().enumerate() {
            if r.len() != columns.len() {
                return Err(PdfError::TableShape { row: i, got: r.len(), expected: columns.len() });
            }
        }
        let geo = self.columns(columns);
        let style = self.m.body;
        let lh = line_height(style);
        let has_header = columns.iter().any(|c| !c.header.trim().is_empty());
        if has_header {
            // Keep the header with at least one row.
            self.ensure(line_height(TextStyle { bold: true, ..style }) + 4.0 + lh);
            self.header(columns, &geo);
        }
        for row in rows {
            let lines = self.row(row, columns, &geo, style);
            let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
            if self.ensure(lh * n as f32) && has_header {
                self.header(columns, &geo);
            }
            self.place_row(lines, columns, &geo, lh);
        }
        self.y += lh * 0.3;
        Ok(())
    }
}

/// Lay `doc` out into pages.
pub fn layout(doc: &Document) -> Result<Vec<Page>, PdfError> {
    let m = Metrics::for_page(doc.page);
    let mut l = Layouter::new(m, doc.locale_dir);
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => {
                let s = l.m.heading;
                l.paragraph(t, s, s.size * 0.4);
            }
            Block::Text(t) => {
                let s = l.m.body;
                l.paragraph(t, s, s.size * 0.2);
            }
            Block::Large(t) => {
                let s = TextStyle { size: l.m.body.size * 2.0, bold: true };
                l.paragraph(t, s, s.size * 0.2);
            }
            Block::KeyValue(pairs) => l.key_values(pairs),
            Block::Table { columns, rows } => l.table(columns, rows)?,
            Block::Rule => l.rule(),
            Block::Spacer => {
                l.y += line_height(l.m.body);
                l.ensure(0.0);
            }
        }
    }
    Ok(l.finish())
}
