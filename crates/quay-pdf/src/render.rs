//! Laid-out pages → PDF bytes with printpdf.

use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions,
    Point, Pt, Rgb, TextItem, TextMatrix, TextRenderingMode,
};

use crate::fonts::FontKey;
use crate::layout::{Item, Page};
use crate::PdfError;

/// printpdf's parsed copy of an embedded font (parsed once per process: the CJK face
/// has thousands of glyphs).
fn parsed(font: FontKey) -> Result<ParsedFont, PdfError> {
    use std::sync::OnceLock;
    static PARSED: OnceLock<Vec<Option<ParsedFont>>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        FontKey::ALL
            .iter()
            .map(|k| {
                // Names the font in the PDF (/BaseFont) instead of a random id.
                ParsedFont::from_bytes(k.bytes(), 0, &mut Vec::new()).map(|mut f| {
                    f.font_name = Some(k.name().to_string());
                    f
                })
            })
            .collect()
    });
    all[font as usize].clone().ok_or(PdfError::Font(font.name()))
}

pub fn to_pdf(title: &str, pages: &[Page]) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(title);
    // Only the fonts this document uses are added (and so embedded).
    let mut ids: BTreeMap<FontKey, FontId> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text { line, .. } = item {
                for g in &line.glyphs {
                    if let std::collections::btree_map::Entry::Vacant(e) = ids.entry(g.font) {
                        e.insert(doc.add_font(&parsed(g.font)?));
                    }
                }
            }
        }
    }

    let pdf_pages = pages.iter().map(|p| page_ops(p, &ids)).collect();
    doc.with_pages(pdf_pages);
    // The fonts are subset already at build time; printpdf's own subsetting needs its
    // `text_layout` feature, which we leave out for build time.
    let opts = PdfSaveOptions { subset_fonts: false, ..PdfSaveOptions::default() };
    let mut warnings = Vec::new();
    let bytes = doc.save(&opts, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
        return Err(PdfError::Writer(w.msg.clone()));
    }
    Ok(bytes)
}

fn page_ops(page: &Page, ids: &BTreeMap<FontKey, FontId>) -> PdfPage {
    let h = page.height;
    let black = Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None });
    let mut ops = vec![Op::SetFillColor { col: black.clone() }, Op::SetOutlineColor { col: black }];

    for item in &page.items {
        if let Item::Rule { x0, x1, y, thickness } = *item {
            let p = |x: f32| LinePoint { p: Point { x: Pt(x), y: Pt(h - y) }, bezier: false };
            ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
            ops.push(Op::DrawLine { line: Line { points: vec![p(x0), p(x1)], is_closed: false } });
        }
    }

    ops.push(Op::StartTextSection);
    let mut current: Option<(FontKey, f32, bool)> = None;
    for item in &page.items {
        let Item::Text { x, baseline, line } = item else { continue };
        let Some(style) = line.style else { continue };
        for g in &line.glyphs {
            let fake_bold = g.font.fake_bold(style.bold);
            if current != Some((g.font, style.size, fake_bold)) {
                ops.push(Op::SetFont { font: PdfFontHandle::External(ids[&g.font].clone()), size: Pt(style.size) });
                // No bold CJK face ships (it would add ~1.8 MB): stroke the outline.
                ops.push(Op::SetTextRenderingMode {
                    mode: if fake_bold { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill },
                });
                if fake_bold {
                    ops.push(Op::SetOutlineThickness { pt: Pt(style.size * 0.035) });
                }
                current = Some((g.font, style.size, fake_bold));
            }
            // Every glyph is placed absolutely with its shaped position (including GPOS
            // mark offsets); printpdf merges same-baseline glyphs back into one TJ run.
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x + g.x), Pt(h - baseline + g.y)) });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint { gid: g.gid, offset: 0.0, cid: Some(g.text.clone()) }])],
            });
        }
    }
    ops.push(Op::EndTextSection);

    PdfPage::new(printpdf::Mm::from(Pt(page.width)), printpdf::Mm::from(Pt(h)), ops)
}
