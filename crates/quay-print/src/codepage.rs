//! Text mode's code pages, for Latin-only receipts and kitchen tickets: the bytes of a
//! text in the printer's table (`ESC t n`, Epson's numbering), and a transliteration for
//! what the table lacks. Other scripts are printed as raster images, never through here.
//! Pure.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodePage {
    /// PC858: PC850 (Multilingual Latin I) with the Euro sign at 0xD5.
    Pc858,
    /// WPC1252: Windows Latin 1, with the Euro at 0x80 and typographic quotes and dashes.
    Wpc1252,
}

impl CodePage {
    /// `n` of `ESC t n` in Epson's numbering (§7).
    pub fn esc_t(self) -> u8 {
        match self {
            CodePage::Pc858 => 19,
            CodePage::Wpc1252 => 16,
        }
    }

    /// The byte of `c` in this table, if it has one (ASCII printables map to themselves).
    pub fn byte(self, c: char) -> Option<u8> {
        if (' '..='~').contains(&c) {
            return Some(c as u8);
        }
        let high = match self {
            CodePage::Pc858 => PC858_HIGH.chars().position(|h| h == c),
            CodePage::Wpc1252 => match c as u32 {
                0xA0..=0xFF => Some(c as usize - 0x80),
                _ => WPC1252_80.chars().position(|h| h == c && h != UNDEFINED),
            },
        };
        high.map(|i| 0x80 + i as u8)
    }

    /// Whether every character of `text` is in the table as it is (else [`encode`]
    /// transliterates). Line feeds count as printable.
    pub fn can_encode(self, text: &str) -> bool {
        text.nfc().all(|c| c == '\n' || self.byte(c).is_some())
    }
}

/// Whether `text` prints in `page` without transliteration.
pub fn can_encode(text: &str, page: CodePage) -> bool {
    page.can_encode(text)
}

/// 0x80–0xFF of PC858 (Python's `cp858`, which matches Epson's table).
const PC858_HIGH: &str = concat!(
    "ÇüéâäàåçêëèïîìÄÅ",           // 0x80
    "ÉæÆôöòûùÿÖÜø£Ø×ƒ",           // 0x90
    "áíóúñÑªº¿®¬½¼¡«»",           // 0xA0
    "░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐",           // 0xB0
    "└┴┬├─┼ãÃ╚╔╩╦╠═╬¤",           // 0xC0
    "ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀",           // 0xD0
    "ÓßÔÒõÕµþÞÚÛÙýÝ¯´",           // 0xE0
    "\u{AD}±‗¾¶§÷¸°¨·¹³²■\u{A0}", // 0xF0
);

/// Holes of WPC1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
const UNDEFINED: char = '\u{FFFD}';
/// 0x80–0x9F of WPC1252; 0xA0–0xFF are Latin-1 itself.
const WPC1252_80: &str = "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ";

/// The bytes of `text` in `page`. Characters the table lacks are transliterated: letters
/// with marks it does not have lose them (Vietnamese `ữ` → `u`, `đ` → `d`), typographic
/// punctuation becomes ASCII, the đồng sign `d`, invisible direction marks vanish, anything
/// else is `?`. A text holding a Vietnamese letter the table lacks is written without any
/// Vietnamese marks at all ("Cà phê sữa đá" → "Ca phe sua da"): half-marked Vietnamese
/// reads worse than none. Control characters other than LF become `?` so that text can
/// never inject a command.
pub fn encode(text: &str, page: CodePage) -> Vec<u8> {
    let text: String = text.nfc().collect();
    let vietnamese = text.chars().any(|c| is_vietnamese(c) && page.byte(c).is_none());
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push(b'\n');
        } else if vietnamese && is_vietnamese(c) {
            out.push(base_letter(c).unwrap_or(b'?'));
        } else if let Some(b) = page.byte(c) {
            out.push(b);
        } else {
            transliterate(c, &mut out);
        }
    }
    out
}

fn transliterate(c: char, out: &mut Vec<u8>) {
    let ascii: &str = match c {
        '₫' => "d",
        '‘' | '’' | '‚' | '‛' | '′' => "'",
        '“' | '”' | '„' | '‟' | '″' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '…' => "...",
        '•' => "*",
        '‹' => "<",
        '›' => ">",
        '™' => "TM",
        '\t' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        // Direction marks and isolates (Fluent's around inserted values), zero-width
        // characters: nothing to print.
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => "",
        _ => match base_letter(c) {
            Some(b) => return out.push(b),
            None => "?",
        },
    };
    out.extend_from_slice(ascii.as_bytes());
}

/// The ASCII letter under a letter's marks (`ở` → `o`, `ą` → `a`, `đ` → `d`), if any.
fn base_letter(c: char) -> Option<u8> {
    match c {
        'đ' => return Some(b'd'),
        'Đ' => return Some(b'D'),
        _ => {}
    }
    let mut parts = c.nfd();
    let base = parts.next()?;
    (base.is_ascii_alphabetic() && parts.all(is_combining_mark)).then_some(base as u8)
}

/// A letter of the Vietnamese alphabet with marks: a vowel under tone marks, circumflex,
/// breve or horn, or `đ`.
fn is_vietnamese(c: char) -> bool {
    if matches!(c, 'đ' | 'Đ') {
        return true;
    }
    let mut parts = c.nfd();
    let Some(base) = parts.next() else { return false };
    let mut marks = parts.peekable();
    marks.peek().is_some()
        && "aeiouyAEIOUY".contains(base)
        && marks.all(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' | '\u{302}' | '\u{306}' | '\u{31B}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use CodePage::*;

    #[test]
    fn tables_match_the_code_pages() {
        assert_eq!(Pc858.byte('€'), Some(0xD5));
        assert_eq!(Wpc1252.byte('€'), Some(0x80));
        assert_eq!(Pc858.byte('ü'), Some(0x81));
        assert_eq!(Wpc1252.byte('ü'), Some(0xFC));
        assert_eq!(Pc858.byte('ß'), Some(0xE1));
        assert_eq!(Wpc1252.byte('ß'), Some(0xDF));
        assert_eq!(Pc858.byte('\u{A0}'), Some(0xFF));
        assert_eq!(Wpc1252.byte('“'), Some(0x93));
        assert_eq!(Pc858.byte('“'), None);
        assert_eq!(Wpc1252.byte(UNDEFINED), None);
        assert_eq!(Pc858.byte('ı'), None, "PC858 gave 0xD5 to the Euro");
        assert_eq!(PC858_HIGH.chars().count(), 128);
        assert_eq!(WPC1252_80.chars().count(), 32);
        assert_eq!((Pc858.esc_t(), Wpc1252.esc_t()), (19, 16));
    }

    #[test]
    fn encodes_and_transliterates() {
        let cases: [(&str, CodePage, &[u8]); 14] = [
            ("Total 12.50", Pc858, b"Total 12.50"),
            ("Müller Straße", Pc858, b"M\x81ller Stra\xE1e"),
            ("Müller Straße", Wpc1252, b"M\xFCller Stra\xDFe"),
            ("€ 4,20", Pc858, b"\xD5 4,20"),
            ("€ 4,20", Wpc1252, b"\x80 4,20"),
            ("Cà phê sữa đá", Pc858, b"Ca phe sua da"),
            ("Cà phê sữa đá", Wpc1252, b"Ca phe sua da"),
            ("PHỞ BÒ TÁI – 65.000 ₫", Pc858, b"PHO BO TAI - 65.000 d"),
            ("Đặc biệt", Wpc1252, b"Dac biet"),
            // Vietnamese letters the page has, in a text that needs nothing: kept.
            ("Café Tên", Pc858, b"Caf\x82 T\x88n"),
            ("“Chef’s” special…", Pc858, b"\"Chef's\" special..."),
            ("“Chef’s” special…", Wpc1252, b"\x93Chef\x92s\x94 special\x85"),
            ("Grüße — Łódź 炒饭 Καφές", Pc858, b"Gr\x81\xE1e - ?\xA2dz ?? ?????"),
            ("a\u{2068}5\u{2069}\u{202F}€\x1B@\tb\nc", Wpc1252, b"a5 \x80?@ b\nc"),
        ];
        for (text, page, want) in cases {
            assert_eq!(encode(text, page), want, "{text:?} in {page:?}");
        }
    }

    #[test]
    fn decomposed_input_is_composed_first() {
        assert_eq!(encode("Cafe\u{301}", Pc858), b"Caf\x82");
        assert!(Pc858.can_encode("Cafe\u{301}"));
    }

    #[test]
    fn tells_what_needs_transliteration() {
        assert!(can_encode("Schnitzel mit Pommes, 12,90 €\n", Pc858));
        assert!(can_encode("Crème brûlée", Wpc1252));
        assert!(!can_encode("Phở", Pc858));
        assert!(!can_encode("“quoted”", Pc858));
        assert!(can_encode("“quoted”", Wpc1252));
        assert!(!can_encode("tab\there", Wpc1252));
        assert!(!can_encode("炒饭", Wpc1252));
    }
}
