//! ESC/POS command bytes (§7), built in order: a receipt is `init`, raster bands or text
//! lines, `cut`; a cash tender adds `drawer`. Only commands the contract names plus the
//! text styles of kitchen tickets (`ESC a`, `ESC E`, `GS !`); anything else a printer
//! would reject or a simulator count as an error. Pure.

use quay_pdf::Bitmap;

use crate::codepage::{encode, CodePage};
use crate::error::PrintError;

const ESC: u8 = 0x1B;
const GS: u8 = 0x1D;
const DLE: u8 = 0x10;
const EOT: u8 = 0x04;
const LF: u8 = 0x0A;

/// Printable dots of an 80 mm roll (§7); the widest raster any printer here takes.
pub const MAX_DOTS_80MM: u32 = 576;
/// Printable dots of a 58 mm roll.
pub const MAX_DOTS_58MM: u32 = 384;
/// Rows per `GS v 0`: some printers refuse a larger `yH` (more than 8), so tall images
/// go in bands of this many rows.
pub const MAX_BAND_ROWS: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A job's bytes, built command by command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commands {
    bytes: Vec<u8>,
    max_dots: u32,
    /// The table selected by the last `ESC t` since `ESC @` (which resets it).
    page: Option<CodePage>,
    /// Text was written without its LF: a cut, a raster or `ESC @` would lose it or
    /// print it in the wrong place (§7: "End text with LF before a cut or raster").
    open_line: bool,
}

impl Default for Commands {
    fn default() -> Self {
        Commands::new()
    }
}

impl Commands {
    /// For an 80 mm printer (rasters up to 576 dots).
    pub fn new() -> Commands {
        Commands::with_max_width(MAX_DOTS_80MM)
    }

    /// For a printer of `dots` printable dots (384 for 58 mm), at most 576.
    pub fn with_max_width(dots: u32) -> Commands {
        Commands { bytes: Vec::new(), max_dots: dots.min(MAX_DOTS_80MM), page: None, open_line: false }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// `ESC @`: the printer's defaults (and it discards unprinted text, so an open line is
    /// ended first).
    pub fn init(&mut self) -> &mut Self {
        self.end_line();
        self.bytes.extend([ESC, b'@']);
        self.page = None;
        self
    }

    /// `bitmap` as `GS v 0` (m = 0, normal size), ink where a pixel is `>= level`, in
    /// bands of at most [`MAX_BAND_ROWS`] rows. An empty bitmap adds nothing.
    pub fn raster(&mut self, bitmap: &Bitmap, level: u8) -> Result<&mut Self, PrintError> {
        if bitmap.width > self.max_dots {
            return Err(PrintError::TooWide { width: bitmap.width, max: self.max_dots });
        }
        if bitmap.width == 0 || bitmap.height == 0 {
            return Ok(self);
        }
        self.end_line();
        let row_bytes = bitmap.width.div_ceil(8) as usize;
        let packed = bitmap.packed_1bit(level);
        for band in packed.chunks(row_bytes * MAX_BAND_ROWS) {
            let rows = band.len() / row_bytes;
            self.bytes.extend([GS, b'v', b'0', 0]);
            self.bytes.extend(le16(row_bytes));
            self.bytes.extend(le16(rows));
            self.bytes.extend_from_slice(band);
        }
        Ok(self)
    }

    /// Text in `page`, selecting the page (`ESC t n`) when it changes; transliterated
    /// where the page lacks a character ([`encode`]).
    pub fn text(&mut self, text: &str, page: CodePage) -> &mut Self {
        if self.page != Some(page) {
            self.bytes.extend([ESC, b't', page.esc_t()]);
            self.page = Some(page);
        }
        let encoded = encode(text, page);
        if let Some(&last) = encoded.last() {
            self.open_line = last != LF;
            self.bytes.extend(encoded);
        }
        self
    }

    /// A line of text, ended by LF (which prints it).
    pub fn line(&mut self, text: &str, page: CodePage) -> &mut Self {
        self.text(text, page);
        self.bytes.push(LF);
        self.open_line = false;
        self
    }

    /// `lines` empty lines (LF each: the one feed §7 names), after ending an open line.
    pub fn feed(&mut self, lines: u8) -> &mut Self {
        self.end_line();
        self.bytes.extend(std::iter::repeat_n(LF, lines as usize));
        self
    }

    /// `GS V 65 0` (full) or `GS V 66 0` (partial): feed the last printed line past the
    /// cutter, then cut.
    pub fn cut(&mut self, partial: bool) -> &mut Self {
        self.end_line();
        self.bytes.extend([GS, b'V', if partial { 66 } else { 65 }, 0]);
        self
    }

    /// `ESC p m t1 t2`: a pulse on the drawer connector's pin 2 (`m = 0`) or pin 5
    /// (`m = 1`), on for `on_ms` and off for `off_ms`, in the printer's 2 ms units rounded
    /// up; on is at least 2 ms (§7: t1 > 0), both at most 510 ms.
    pub fn drawer(&mut self, pin2: bool, on_ms: u16, off_ms: u16) -> &mut Self {
        let units = |ms: u16| ms.div_ceil(2).min(255) as u8;
        self.bytes.extend([ESC, b'p', if pin2 { 0 } else { 1 }, units(on_ms).max(1), units(off_ms)]);
        self
    }

    /// `DLE DC4 1 m t`: a drawer pulse in real time on pin 2 (`m = 0`) or pin 5 (`m = 1`),
    /// on and off for `t × 100 ms` (1–8, `ms` rounded up). Unlike `ESC p`, a printer out
    /// of paper or with its cover open still carries it out (§7): the till opens for the
    /// change while the receipt waits for paper.
    pub fn drawer_now(&mut self, pin2: bool, ms: u16) -> &mut Self {
        let t = ms.div_ceil(100).clamp(1, 8) as u8;
        self.bytes.extend([DLE, 0x14, 1, if pin2 { 0 } else { 1 }, t]);
        self
    }

    /// `ESC a n`. Printers apply it at the start of a line only.
    pub fn align(&mut self, align: Align) -> &mut Self {
        let n = match align {
            Align::Left => 0,
            Align::Center => 1,
            Align::Right => 2,
        };
        self.bytes.extend([ESC, b'a', n]);
        self
    }

    /// `ESC E n`: emphasized text on or off.
    pub fn bold(&mut self, on: bool) -> &mut Self {
        self.bytes.extend([ESC, b'E', on as u8]);
        self
    }

    /// `GS ! n`: double width and height (kitchen tickets read from a distance) or normal.
    pub fn double_size(&mut self, on: bool) -> &mut Self {
        self.bytes.extend([GS, b'!', if on { 0x11 } else { 0x00 }]);
        self
    }

    /// `DLE EOT n` (n 1–4): the printer answers one status byte at once.
    ///
    /// # Panics
    /// When `n` is not 1–4: there is no such query.
    pub fn status_query(&mut self, n: u8) -> &mut Self {
        assert!((1..=4).contains(&n), "DLE EOT n is 1–4, not {n}");
        self.bytes.extend([DLE, EOT, n]);
        self
    }

    fn end_line(&mut self) {
        if self.open_line {
            self.bytes.push(LF);
            self.open_line = false;
        }
    }
}

fn le16(n: usize) -> [u8; 2] {
    [(n & 0xFF) as u8, (n >> 8) as u8]
}

#[cfg(test)]
mod tests {
    use super::*;
    use CodePage::*;

    fn bytes(build: impl FnOnce(&mut Commands)) -> Vec<u8> {
        let mut c = Commands::new();
        build(&mut c);
        c.into_bytes()
    }

    #[test]
    fn single_commands() {
        #[allow(clippy::type_complexity)]
        let cases: Vec<(&str, Box<dyn Fn(&mut Commands)>, &[u8])> = vec![
            (
                "init",
                Box::new(|c| {
                    c.init();
                }),
                b"\x1B@",
            ),
            (
                "full cut",
                Box::new(|c| {
                    c.cut(false);
                }),
                b"\x1DVA\x00",
            ),
            (
                "partial cut",
                Box::new(|c| {
                    c.cut(true);
                }),
                b"\x1DVB\x00",
            ),
            (
                "feed 3",
                Box::new(|c| {
                    c.feed(3);
                }),
                b"\n\n\n",
            ),
            (
                "feed 0",
                Box::new(|c| {
                    c.feed(0);
                }),
                b"",
            ),
            (
                "drawer pin 2, 100/200 ms",
                Box::new(|c| {
                    c.drawer(true, 100, 200);
                }),
                b"\x1Bp\x00\x32\x64",
            ),
            (
                "drawer pin 5, odd ms round up",
                Box::new(|c| {
                    c.drawer(false, 51, 3);
                }),
                b"\x1Bp\x01\x1A\x02",
            ),
            (
                "drawer on 0 ms is 2 ms",
                Box::new(|c| {
                    c.drawer(true, 0, 0);
                }),
                b"\x1Bp\x00\x01\x00",
            ),
            (
                "drawer capped at 510 ms",
                Box::new(|c| {
                    c.drawer(true, 5000, 5000);
                }),
                b"\x1Bp\x00\xFF\xFF",
            ),
            (
                "drawer now, pin 2, 100 ms",
                Box::new(|c| {
                    c.drawer_now(true, 100);
                }),
                b"\x10\x14\x01\x00\x01",
            ),
            (
                "drawer now, pin 5, 150 ms rounds up, 0 is 100, at most 800",
                Box::new(|c| {
                    c.drawer_now(false, 150).drawer_now(true, 0).drawer_now(true, 5000);
                }),
                b"\x10\x14\x01\x01\x02\x10\x14\x01\x00\x01\x10\x14\x01\x00\x08",
            ),
            (
                "align center",
                Box::new(|c| {
                    c.align(Align::Center);
                }),
                b"\x1Ba\x01",
            ),
            (
                "align right",
                Box::new(|c| {
                    c.align(Align::Right);
                }),
                b"\x1Ba\x02",
            ),
            (
                "align left",
                Box::new(|c| {
                    c.align(Align::Left);
                }),
                b"\x1Ba\x00",
            ),
            (
                "bold on/off",
                Box::new(|c| {
                    c.bold(true).bold(false);
                }),
                b"\x1BE\x01\x1BE\x00",
            ),
            (
                "double size on/off",
                Box::new(|c| {
                    c.double_size(true).double_size(false);
                }),
                b"\x1D!\x11\x1D!\x00",
            ),
            (
                "status 1, 2, 4",
                Box::new(|c| {
                    c.status_query(1).status_query(2).status_query(4);
                }),
                b"\x10\x04\x01\x10\x04\x02\x10\x04\x04",
            ),
            (
                "line",
                Box::new(|c| {
                    c.line("Bàn 4", Pc858);
                }),
                b"\x1Bt\x13B\x85n 4\n",
            ),
            (
                "page selected once",
                Box::new(|c| {
                    c.line("a", Pc858).line("b", Pc858);
                }),
                b"\x1Bt\x13a\nb\n",
            ),
            (
                "page switch",
                Box::new(|c| {
                    c.line("€", Pc858).line("€", Wpc1252);
                }),
                b"\x1Bt\x13\xD5\n\x1Bt\x10\x80\n",
            ),
            (
                "page again after init",
                Box::new(|c| {
                    c.line("a", Pc858).init().line("b", Pc858);
                }),
                b"\x1Bt\x13a\n\x1B@\x1Bt\x13b\n",
            ),
        ];
        for (name, build, want) in cases {
            assert_eq!(bytes(|c| build(c)), want, "{name}");
        }
    }

    #[test]
    fn open_text_is_ended_before_cut_raster_feed_and_init() {
        let dot = Bitmap { width: 1, height: 1, pixels: vec![255] };
        let cases: Vec<(&str, Vec<u8>, &[u8])> = vec![
            (
                "cut",
                bytes(|c| {
                    c.text("x", Pc858).cut(false);
                }),
                b"\x1Bt\x13x\n\x1DVA\x00",
            ),
            (
                "init",
                bytes(|c| {
                    c.text("x", Pc858).init();
                }),
                b"\x1Bt\x13x\n\x1B@",
            ),
            (
                "feed",
                bytes(|c| {
                    c.text("x", Pc858).feed(1);
                }),
                b"\x1Bt\x13x\n\n",
            ),
            (
                "raster",
                bytes(|c| {
                    c.text("x", Pc858).raster(&dot, 128).unwrap();
                }),
                b"\x1Bt\x13x\n\x1Dv0\x00\x01\x00\x01\x00\x80",
            ),
            (
                "text ending in LF",
                bytes(|c| {
                    c.text("x\n", Pc858).cut(true);
                }),
                b"\x1Bt\x13x\n\x1DVB\x00",
            ),
            (
                "styles keep the line open",
                bytes(|c| {
                    c.text("a", Pc858).bold(true).text("b", Pc858).cut(false);
                }),
                b"\x1Bt\x13a\x1BE\x01b\n\x1DVA\x00",
            ),
        ];
        for (name, got, want) in cases {
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn raster_rows_are_gs_v_0() {
        // 10 × 2: row 0 ink at x = 0 and x = 9, row 1 ink everywhere but x = 1.
        let mut pixels = vec![0u8; 20];
        pixels[0] = 255;
        pixels[9] = 200;
        for (x, p) in pixels[10..].iter_mut().enumerate() {
            *p = if x == 1 { 0 } else { 255 };
        }
        let bmp = Bitmap { width: 10, height: 2, pixels };
        let got = bytes(|c| {
            c.raster(&bmp, 128).unwrap();
        });
        assert_eq!(got, b"\x1Dv0\x00\x02\x00\x02\x00\x80\x40\xBF\xC0");
        // A higher level leaves the lighter pixel white.
        let got = bytes(|c| {
            c.raster(&bmp, 201).unwrap();
        });
        assert_eq!(&got[8..], b"\x80\x00\xBF\xC0");
    }

    #[test]
    fn tall_rasters_go_in_bands() {
        let (w, h) = (576u32, 5000u32);
        let bmp = Bitmap { width: w, height: h, pixels: vec![255; (w * h) as usize] };
        let got = bytes(|c| {
            c.raster(&bmp, 128).unwrap();
        });
        let mut want = Vec::new();
        for rows in [2048usize, 2048, 904] {
            want.extend([0x1D, b'v', b'0', 0, 72, 0, (rows & 0xFF) as u8, (rows >> 8) as u8]);
            want.extend(std::iter::repeat_n(0xFF, 72 * rows));
        }
        assert_eq!(got.len(), want.len());
        assert!(got == want);
    }

    #[test]
    fn raster_refuses_what_the_paper_cannot_hold() {
        let wide = Bitmap { width: 577, height: 1, pixels: vec![0; 577] };
        assert_eq!(Commands::new().raster(&wide, 128).unwrap_err(), PrintError::TooWide { width: 577, max: 576 });
        let w80 = Bitmap { width: 576, height: 1, pixels: vec![0; 576] };
        let mut narrow = Commands::with_max_width(MAX_DOTS_58MM);
        assert_eq!(narrow.raster(&w80, 128).unwrap_err(), PrintError::TooWide { width: 576, max: 384 });
        assert!(narrow.bytes().is_empty());
        let empty = Bitmap { width: 0, height: 0, pixels: vec![] };
        assert!(Commands::new().raster(&empty, 128).unwrap().bytes().is_empty());
    }

    #[test]
    fn a_kitchen_ticket_in_text_mode() {
        let mut c = Commands::new();
        c.init().align(Align::Center).double_size(true).bold(true).line("BAR #42", Wpc1252).bold(false).double_size(false);
        c.align(Align::Left).line("2 x Phở bò", Wpc1252).feed(2).cut(true);
        assert_eq!(c.bytes(), b"\x1B@\x1Ba\x01\x1D!\x11\x1BE\x01\x1Bt\x10BAR #42\n\x1BE\x00\x1D!\x00\x1Ba\x002 x Pho bo\n\n\n\x1DVB\x00");
    }

    #[test]
    #[should_panic(expected = "DLE EOT n is 1–4")]
    fn status_query_n_is_1_to_4() {
        Commands::new().status_query(5);
    }
}
