//! One line of text → positioned glyphs: cleanup, bidi reordering, font fallback,
//! shaping. printpdf does none of this itself (it would show Arabic unjoined, left to
//! right).

use rustybuzz::{BufferClusterLevel, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};
use unicode_normalization::UnicodeNormalization;

use crate::fonts::{self, FontKey};
use crate::Direction;

/// Size and weight of a run of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    pub bold: bool,
}

/// A glyph placed on a line. Positions are in points from the line's left end and
/// baseline (y grows upwards, as in PDF).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub font: FontKey,
    pub gid: u16,
    pub x: f32,
    pub y: f32,
    /// The source text this glyph stands for (several characters for a ligature, empty
    /// for the second glyph of a cluster), used for the PDF's ToUnicode map.
    pub text: String,
}

/// A shaped line: glyphs in visual order, left to right.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShapedLine {
    pub glyphs: Vec<Glyph>,
    pub width: f32,
    pub style: Option<TextStyle>,
}

/// Bidi controls steer the bidi algorithm but have no glyph in our fonts (Fluent's
/// isolation marks U+2066–2069 showed as boxes): they take part in the bidi analysis
/// and are kept out of the shaped text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// NFC (so Vietnamese comes out as the fonts' precomposed glyphs, marks stacked as the
/// designer drew them), tabs to spaces, other control characters removed.
pub fn prepare(text: &str) -> String {
    text.nfc()
        .filter_map(|c| match c {
            '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Shape one line (no `\n`) that has already been [`prepare`]d.
pub fn shape_line(text: &str, dir: Direction, style: TextStyle) -> ShapedLine {
    let mut line = ShapedLine { style: Some(style), ..ShapedLine::default() };
    if text.is_empty() {
        return line;
    }
    let level = match dir {
        Direction::Ltr => Level::ltr(),
        Direction::Rtl => Level::rtl(),
    };
    let bidi = BidiInfo::new(text, Some(level));
    let mut pen = 0.0;
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let pieces = split_by_font(&text[run], style.bold);
            // Pieces are in logical order; an RTL run shows its last piece leftmost.
            let ordered: Box<dyn Iterator<Item = &(FontKey, String)>> =
                if rtl { Box::new(pieces.iter().rev()) } else { Box::new(pieces.iter()) };
            for (font, piece) in ordered {
                shape_piece(*font, piece, rtl, style, &mut pen, &mut line.glyphs);
            }
        }
    }
    line.width = pen;
    line
}

/// Split a bidi run (logical order) into maximal pieces that use one font.
fn split_by_font(run: &str, bold: bool) -> Vec<(FontKey, String)> {
    let mut pieces: Vec<(FontKey, String)> = Vec::new();
    let mut prev: Option<FontKey> = None;
    for c in run.chars().filter(|&c| !is_bidi_control(c)) {
        let font = fonts::pick(c, prev);
        prev = Some(font);
        let font = fonts::with_weight(font, bold);
        match pieces.last_mut() {
            Some((f, s)) if *f == font => s.push(c),
            _ => pieces.push((font, c.to_string())),
        }
    }
    pieces
}

fn shape_piece(font: FontKey, piece: &str, rtl: bool, style: TextStyle, pen: &mut f32, out: &mut Vec<Glyph>) {
    let face = font.face();
    let mut buf = UnicodeBuffer::new();
    buf.push_str(piece);
    buf.set_direction(if rtl { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight });
    // Marks get clusters of their own, so each glyph can carry its own character
    // in the ToUnicode map.
    buf.set_cluster_level(BufferClusterLevel::MonotoneCharacters);
    let shaped = rustybuzz::shape(face, &[], buf);
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    let scale = style.size / face.units_per_em() as f32;

    // Cluster start → the source text of that cluster.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster_text = |start: usize| -> &str {
        let end = starts.iter().copied().find(|&s| s > start).unwrap_or(piece.len());
        &piece[start..end]
    };
    // The cluster's text goes on its first glyph in logical order (RTL buffers are
    // reversed), so copying text out of the PDF yields each character once.
    let n = infos.len();
    let mut owner = vec![false; n];
    let mut seen = std::collections::HashSet::new();
    let logical: Box<dyn Iterator<Item = usize>> = if rtl { Box::new((0..n).rev()) } else { Box::new(0..n) };
    for i in logical {
        if seen.insert(infos[i].cluster) {
            owner[i] = true;
        }
    }

    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        out.push(Glyph {
            font,
            gid: info.glyph_id as u16,
            x: *pen + pos.x_offset as f32 * scale,
            y: pos.y_offset as f32 * scale,
            text: if owner[i] { cluster_text(info.cluster as usize).to_string() } else { String::new() },
        });
        *pen += pos.x_advance as f32 * scale;
    }
}

/// Break `text` into lines no wider than `max_width` points, at spaces (and between
/// Han characters, which are written without spaces), then shape each line. A word
/// wider than the whole line is broken between characters rather than overflowing.
pub fn wrap(text: &str, dir: Direction, style: TextStyle, max_width: f32) -> Vec<ShapedLine> {
    let text = prepare(text);
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        wrap_hard_line(hard, dir, style, max_width, &mut lines);
    }
    lines
}

fn wrap_hard_line(text: &str, dir: Direction, style: TextStyle, max_width: f32, lines: &mut Vec<ShapedLine>) {
    let text = text.trim_matches(' ');
    if text.is_empty() {
        lines.push(ShapedLine { style: Some(style), ..ShapedLine::default() });
        return;
    }
    let breaks = break_opportunities(text);
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let whole = shape_line(rest, dir, style);
        if whole.width <= max_width {
            lines.push(whole);
            return;
        }
        // Longest prefix ending at a break opportunity that fits.
        let mut fit: Option<(usize, ShapedLine)> = None;
        for &b in breaks.iter().filter(|&&b| b > start) {
            let candidate = text[start..b].trim_end_matches(' ');
            if candidate.is_empty() {
                continue;
            }
            let shaped = shape_line(candidate, dir, style);
            if shaped.width > max_width {
                break;
            }
            fit = Some((b, shaped));
        }
        let (end, shaped) = match fit {
            Some(f) => f,
            None => break_word(text, start, dir, style, max_width),
        };
        lines.push(shaped);
        start = end;
        while text[start..].starts_with(' ') {
            start += 1;
        }
    }
}

/// Byte offsets where a line may end (the text after the break starts there).
fn break_opportunities(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(p) = prev {
            let after_space = p == ' ' && c != ' ';
            // Between ideographs, but never before closing punctuation (，。！ …).
            let han = (is_han(p) || is_han(c)) && !is_closing_punct(c) && c != ' ' && p != ' ';
            if after_space || han {
                out.push(i);
            }
        }
        prev = Some(c);
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '！'
            | '？'
            | '、'
            | '；'
            | '：'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | ','
            | '.'
            | '!'
            | '?'
            | ':'
            | ';'
            | ')'
    )
}

/// For a word wider than the line: the longest run of whole characters (a base with
/// its marks) that fits, at least one character.
fn break_word(text: &str, start: usize, dir: Direction, style: TextStyle, max_width: f32) -> (usize, ShapedLine) {
    let mut best: Option<(usize, ShapedLine)> = None;
    let bounds = text[start..]
        .char_indices()
        .skip(1)
        .filter(|(_, c)| !fonts::is_mark(*c))
        .map(|(i, _)| start + i)
        .chain(std::iter::once(text.len()));
    for end in bounds {
        let shaped = shape_line(&text[start..end], dir, style);
        if shaped.width > max_width && best.is_some() {
            break;
        }
        best = Some((end, shaped));
    }
    best.expect("non-empty text has at least one character")
}
