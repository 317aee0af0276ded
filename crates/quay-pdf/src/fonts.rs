//! The embedded fonts and the choice of font for each character.
//!
//! Fonts are pre-subset (see `assets/fonts/README.md`) and compiled in, so rendering
//! reads no files and behaves the same on every till.

use std::sync::OnceLock;

use rustybuzz::Face;

/// One of the embedded faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontKey {
    Sans,
    SansBold,
    Arabic,
    ArabicBold,
    /// Noto Sans CJK SC (GB2312 level 1 subset); there is no bold face, bold is faked
    /// by stroking the outline (see `render.rs`).
    Cjk,
}

impl FontKey {
    pub const ALL: [FontKey; 5] = [FontKey::Sans, FontKey::SansBold, FontKey::Arabic, FontKey::ArabicBold, FontKey::Cjk];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontKey::Sans => include_bytes!("../../../assets/fonts/NotoSans-Regular.subset.ttf"),
            FontKey::SansBold => include_bytes!("../../../assets/fonts/NotoSans-Bold.subset.ttf"),
            FontKey::Arabic => {
                include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.subset.ttf")
            }
            FontKey::ArabicBold => {
                include_bytes!("../../../assets/fonts/NotoSansArabic-Bold.subset.ttf")
            }
            FontKey::Cjk => include_bytes!("../../../assets/fonts/NotoSansSC-Regular.subset.otf"),
        }
    }

    /// The PostScript-ish name used in tests and diagnostics.
    pub fn name(self) -> &'static str {
        match self {
            FontKey::Sans => "NotoSans-Regular",
            FontKey::SansBold => "NotoSans-Bold",
            FontKey::Arabic => "NotoSansArabic-Regular",
            FontKey::ArabicBold => "NotoSansArabic-Bold",
            FontKey::Cjk => "NotoSansCJKsc-Regular",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Whether bold has to be simulated because the face itself is regular.
    pub fn fake_bold(self, bold: bool) -> bool {
        bold && self == FontKey::Cjk
    }

    pub fn face(self) -> &'static Face<'static> {
        &faces()[self.index()]
    }
}

fn faces() -> &'static [Face<'static>] {
    static FACES: OnceLock<Vec<Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        FontKey::ALL
            .iter()
            // The bytes are compiled in and checked by the tests, so a parse failure is
            // a build defect, not a runtime condition.
            .map(|k| Face::from_slice(k.bytes(), 0).expect("embedded font parses"))
            .collect()
    })
}

/// Which family a character wants by its script; `None` for characters that belong to
/// no script in particular (spaces, digits, punctuation, marks), which follow their
/// neighbours so that e.g. the space inside an Arabic phrase is shaped with the Arabic
/// font and keeps the joining context.
fn script_font(c: char) -> Option<FontKey> {
    let u = c as u32;
    match u {
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            // Arabic digits, comma, etc. are Arabic-script-specific too.
            Some(FontKey::Arabic)
        }
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF => Some(FontKey::Cjk),
        _ if c.is_alphabetic() && !is_mark(c) => Some(FontKey::Sans),
        _ => None,
    }
}

/// Combining marks must stay in their base character's font and shaping piece, or they
/// cannot be positioned on it.
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

pub fn covers(font: FontKey, c: char) -> bool {
    font.face().glyph_index(c).is_some()
}

fn regular(font: FontKey) -> FontKey {
    match font {
        FontKey::SansBold => FontKey::Sans,
        FontKey::ArabicBold => FontKey::Arabic,
        other => other,
    }
}

fn weighted(font: FontKey, bold: bool) -> FontKey {
    match (font, bold) {
        (FontKey::Sans, true) => FontKey::SansBold,
        (FontKey::Arabic, true) => FontKey::ArabicBold,
        (other, _) => other,
    }
}

/// The font for `c`, given the (regular-weight) font of the previous character.
/// Returns a regular-weight key; apply the weight with [`with_weight`].
pub fn pick(c: char, prev: Option<FontKey>) -> FontKey {
    let prev = prev.map(regular);
    if is_mark(c) || matches!(c, '\u{200C}' | '\u{200D}') {
        if let Some(p) = prev {
            return p;
        }
    }
    let wanted = script_font(c).or(prev).unwrap_or(FontKey::Sans);
    // Fallback chain: the wanted font, then any face that has the glyph. If none has
    // it, keep the wanted font (a .notdef box is better than dropping the character).
    [wanted, FontKey::Sans, FontKey::Arabic, FontKey::Cjk].into_iter().find(|&f| covers(f, c)).unwrap_or(wanted)
}

pub fn with_weight(font: FontKey, bold: bool) -> FontKey {
    weighted(font, bold)
}
