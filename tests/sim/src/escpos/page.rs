//! What the printer makes of decoded commands: its modes (`ESC @` resets them), the page
//! being printed, and pages as PNG. Layout is crude but positional: a text line advances
//! `max(30, 24 × height + 6)` dots, `ESC d n` n × 30, `ESC J n` n dots, an image its
//! printed height, a QR code `size × 29` dots (drawn as an empty frame); text is not drawn
//! (it is in `Page::lines` and the `.txt` beside the PNG).

use std::path::Path;

use super::decoder::{Align, Bitmap, Command};

const LINE_DOTS: u32 = 30;

/// A cut (`GS V`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Cut {
    pub partial: bool,
    /// The n of `GS V 65/66 n` (dots fed before the cut), else 0.
    pub feed: u8,
}

/// A printed line of text, with the modes it was printed in (bold and sizes are those of
/// any character of the line, the largest).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TextLine {
    /// Decoded: UTF-8 after `FS ( C … 2`, else the code page (437, 850, 858, 1252 and 866
    /// are decoded; other pages give ASCII and U+FFFD).
    pub text: String,
    /// The bytes as received.
    pub raw: Vec<u8>,
    pub utf8: bool,
    /// `ESC t` in force (Epson's numbering).
    pub code_page: u8,
    pub bold: bool,
    /// Magnifications 1–8 (`GS !`, or 2 from `ESC !` bits 5/4).
    pub width: u8,
    pub height: u8,
    pub align: Align,
    /// Top of the line on the page, in dots.
    pub y: u32,
}

/// An image on the page: `GS v 0` or `GS ( L`/`GS 8 L` graphics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Top-left corner on the page (margin and justification applied).
    pub x: u32,
    pub y: u32,
    pub bitmap: Bitmap,
    /// True for `GS ( L`/`GS 8 L` graphics, false for `GS v 0`.
    pub graphics: bool,
}

impl Image {
    pub fn width(&self) -> u32 {
        self.bitmap.printed_width()
    }
    pub fn height(&self) -> u32 {
        self.bitmap.printed_height()
    }
    /// The printed dot at page coordinates.
    pub fn dot(&self, x: u32, y: u32) -> bool {
        if x < self.x || y < self.y || x >= self.x + self.width() || y >= self.y + self.height() {
            return false;
        }
        self.bitmap.bit((x - self.x) / self.bitmap.scale_x, (y - self.y) / self.bitmap.scale_y)
    }
}

/// A QR code printed (`GS ( k` fn 81).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Qr {
    /// The stored data as text (lossy UTF-8).
    pub data: String,
    pub raw: Vec<u8>,
    pub size: u8,
    /// 48–51 (L, M, Q, H).
    pub error_level: u8,
    pub y: u32,
}

/// One page: what was printed between the previous cut (or the printer's start) and a cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// 1, 2, … for this printer (numbering continues after the files already in the
    /// output directory).
    pub seq: u64,
    pub width_dots: u32,
    pub height_dots: u32,
    pub lines: Vec<TextLine>,
    pub qr: Vec<Qr>,
    pub images: Vec<Image>,
    /// None only for `pending()`, the page not cut yet.
    pub cut: Option<Cut>,
    /// The PNG written, when the printer has an output directory.
    pub png: Option<std::path::PathBuf>,
}

impl Page {
    /// The text lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// Whether anything marks the paper.
    fn has_marks(&self) -> bool {
        !self.images.is_empty() || !self.qr.is_empty() || self.lines.iter().any(|l| !l.text.trim().is_empty())
    }

    /// The page as black (true) / white dots, `width_dots` × `height_dots`, row-major.
    pub fn dots(&self) -> Vec<bool> {
        let (w, h) = (self.width_dots as usize, self.height_dots as usize);
        let mut px = vec![false; w * h];
        for img in &self.images {
            for y in img.y..(img.y + img.height()).min(h as u32) {
                for x in img.x..(img.x + img.width()).min(w as u32) {
                    if img.dot(x, y) {
                        px[y as usize * w + x as usize] = true;
                    }
                }
            }
        }
        for q in &self.qr {
            let side = (q.size as u32 * 29).min(w as u32);
            let x0 = (w as u32 - side) / 2;
            for i in 0..side {
                for (x, y) in [(x0 + i, q.y), (x0 + i, q.y + side - 1), (x0, q.y + i), (x0 + side - 1, q.y + i)] {
                    if (y as usize) < h {
                        px[y as usize * w + x as usize] = true;
                    }
                }
            }
        }
        px
    }

    /// The page as a 1-bit grayscale PNG.
    pub fn to_png(&self) -> Vec<u8> {
        let (w, h) = (self.width_dots, self.height_dots.max(1));
        let dots = self.dots();
        let row_bytes = w.div_ceil(8) as usize;
        let mut data = vec![0xFFu8; row_bytes * h as usize];
        for (i, _) in dots.iter().enumerate().filter(|(_, d)| **d) {
            let (x, y) = (i % w as usize, i / w as usize);
            data[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
        }
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::One);
        let mut writer = enc.write_header().expect("PNG header");
        writer.write_image_data(&data).expect("PNG data");
        writer.finish().expect("PNG end");
        out
    }

    /// Writes `<dir>/<name>-<seq>.png` and the text beside it (`.txt`: lines, then
    /// `[qr] data` lines).
    pub(crate) fn write_files(&mut self, dir: &Path, name: &str) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let base = dir.join(format!("{name}-{:04}", self.seq));
        let png = base.with_extension("png");
        std::fs::write(&png, self.to_png())?;
        let mut txt = self.text();
        for q in &self.qr {
            txt.push_str(&format!("\n[qr] {}", q.data));
        }
        txt.push('\n');
        std::fs::write(base.with_extension("txt"), txt)?;
        self.png = Some(png);
        Ok(())
    }
}

/// The highest `<name>-NNNN.png` in `dir`, so a restarted printer does not overwrite.
pub(crate) fn last_seq(dir: &Path, name: &str) -> u64 {
    let prefix = format!("{name}-");
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| {
                let n = e.ok()?.file_name().into_string().ok()?;
                n.strip_prefix(&prefix)?.strip_suffix(".png")?.parse::<u64>().ok()
            })
            .max()
            .unwrap_or(0)
        })
        .unwrap_or(0)
}

/// What one command did, for the server to act on.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Effect {
    None,
    Cut(Box<Page>),
    /// A cut after nothing: no page.
    EmptyCut,
    /// Bytes to send back (GS I, GS a).
    Answer(Vec<u8>),
    /// GS a n≠0: send the ASB bytes (the server knows the status).
    Asb,
    Pulse {
        pin: u8,
        on_ms: u32,
        off_ms: u32,
    },
    Buzzer {
        times: u8,
        duration: u8,
    },
}

#[derive(Debug, Clone)]
struct Modes {
    utf8: bool,
    code_page: u8,
    bold: bool,
    width: u8,
    height: u8,
    align: Align,
    margin: u32,
    qr_size: u8,
    qr_level: u8,
    qr_data: Option<Vec<u8>>,
    graphics: Option<Bitmap>,
}

impl Default for Modes {
    fn default() -> Self {
        Modes {
            utf8: false,
            code_page: 0,
            bold: false,
            width: 1,
            height: 1,
            align: Align::Left,
            margin: 0,
            qr_size: 3,
            qr_level: 48,
            qr_data: None,
            graphics: None,
        }
    }
}

/// The printer's side: modes, the unprinted line, the page in progress.
#[derive(Debug)]
pub(crate) struct Engine {
    width: u32,
    modes: Modes,
    line: Vec<u8>,
    line_bold: bool,
    line_width: u8,
    line_height: u8,
    page: Page,
}

impl Engine {
    pub(crate) fn new(width: u32) -> Engine {
        Engine {
            width,
            modes: Modes::default(),
            line: Vec::new(),
            line_bold: false,
            line_width: 1,
            line_height: 1,
            page: Self::blank(width),
        }
    }

    fn blank(width: u32) -> Page {
        Page { seq: 0, width_dots: width, height_dots: 0, lines: vec![], qr: vec![], images: vec![], cut: None, png: None }
    }

    /// The page printed so far (not cut), if it marks the paper.
    pub(crate) fn pending(&self) -> Option<Page> {
        self.page.has_marks().then(|| self.page.clone())
    }

    fn no_unprinted_text(&self, what: &str) -> Result<(), String> {
        if self.line.is_empty() {
            Ok(())
        } else {
            Err(format!("{what} with unprinted text {:?} (end text with LF first)", String::from_utf8_lossy(&self.line)))
        }
    }

    /// Prints the unprinted line (LF, ESC d, ESC J).
    fn print_line(&mut self) -> Result<(), String> {
        let raw = std::mem::take(&mut self.line);
        let text = if self.modes.utf8 {
            String::from_utf8(raw.clone()).map_err(|_| format!("invalid UTF-8 text {raw:02X?}"))?
        } else {
            decode_code_page(self.modes.code_page, &raw)
        };
        let (bold, width, height) = if raw.is_empty() {
            (self.modes.bold, self.modes.width, self.modes.height)
        } else {
            (self.line_bold, self.line_width, self.line_height)
        };
        self.page.lines.push(TextLine {
            text,
            raw,
            utf8: self.modes.utf8,
            code_page: self.modes.code_page,
            bold,
            width,
            height,
            align: self.modes.align,
            y: self.page.height_dots,
        });
        self.page.height_dots += LINE_DOTS.max(24 * height as u32 + 6);
        Ok(())
    }

    fn place(&mut self, bitmap: Bitmap, graphics: bool) -> Result<(), String> {
        let w = bitmap.printed_width();
        let m = self.modes.margin;
        if m + w > self.width {
            return Err(format!("left margin {m} + {w} dots wide, the printer has {}", self.width));
        }
        let area = self.width - m;
        let x = m + match self.modes.align {
            Align::Left => 0,
            Align::Center => (area - w) / 2,
            Align::Right => area - w,
        };
        let y = self.page.height_dots;
        self.page.height_dots += bitmap.printed_height();
        self.page.images.push(Image { x, y, bitmap, graphics });
        Ok(())
    }

    /// Executes a non-real-time command (the server answers real-time ones itself).
    pub(crate) fn apply(&mut self, cmd: Command) -> Result<Effect, String> {
        match cmd {
            Command::Init => {
                self.modes = Modes::default();
                self.line.clear();
            }
            Command::Text(t) => {
                if self.line.is_empty() {
                    self.line_bold = false;
                    self.line_width = 1;
                    self.line_height = 1;
                }
                self.line.extend_from_slice(&t);
                self.line_bold |= self.modes.bold;
                self.line_width = self.line_width.max(self.modes.width);
                self.line_height = self.line_height.max(self.modes.height);
            }
            Command::LineFeed => self.print_line()?,
            Command::CodePage(n) => self.modes.code_page = n,
            Command::Utf8(on) => self.modes.utf8 = on,
            Command::PrintMode(n) => {
                self.modes.bold = n & 0x08 != 0;
                self.modes.height = if n & 0x10 != 0 { 2 } else { 1 };
                self.modes.width = if n & 0x20 != 0 { 2 } else { 1 };
            }
            Command::Emphasis(on) => self.modes.bold = on,
            Command::CharSize { width, height } => {
                self.modes.width = width;
                self.modes.height = height;
            }
            Command::Justify(a) => self.modes.align = a,
            Command::LeftMargin(m) => {
                if m >= self.width {
                    return Err(format!("left margin {m}, the printer has {} dots", self.width));
                }
                self.modes.margin = m;
            }
            Command::FeedLines(n) => {
                if !self.line.is_empty() {
                    self.print_line()?;
                }
                self.page.height_dots += n as u32 * LINE_DOTS;
            }
            Command::FeedDots(n) => {
                if !self.line.is_empty() {
                    self.print_line()?;
                }
                self.page.height_dots += n as u32;
            }
            Command::Cut { partial, feed } => {
                self.no_unprinted_text("cut")?;
                let mut page = std::mem::replace(&mut self.page, Self::blank(self.width));
                if !page.has_marks() {
                    return Ok(Effect::EmptyCut);
                }
                page.height_dots += feed as u32;
                page.cut = Some(Cut { partial, feed });
                return Ok(Effect::Cut(Box::new(page)));
            }
            Command::Raster(b) => {
                self.no_unprinted_text("raster image")?;
                self.place(b, false)?;
            }
            Command::GraphicsStore(b) => self.modes.graphics = Some(b),
            Command::GraphicsPrint => {
                self.no_unprinted_text("graphics")?;
                let b = self.modes.graphics.take().ok_or("graphics printed with none stored")?;
                self.place(b, true)?;
            }
            Command::QrModel(_) => {}
            Command::QrSize(n) => self.modes.qr_size = n,
            Command::QrErrorLevel(n) => self.modes.qr_level = n,
            Command::QrStore(d) => self.modes.qr_data = Some(d),
            Command::QrPrint => {
                self.no_unprinted_text("QR code")?;
                let raw = self.modes.qr_data.clone().ok_or("QR code printed with no data stored")?;
                let y = self.page.height_dots;
                self.page.height_dots += self.modes.qr_size as u32 * 29;
                self.page.qr.push(Qr {
                    data: String::from_utf8_lossy(&raw).into_owned(),
                    raw,
                    size: self.modes.qr_size,
                    error_level: self.modes.qr_level,
                    y,
                });
            }
            Command::Pulse { pin, on_ms, off_ms, .. } => return Ok(Effect::Pulse { pin, on_ms, off_ms }),
            Command::Buzzer { times, duration } => return Ok(Effect::Buzzer { times, duration }),
            Command::AutoStatusBack(n) => return Ok(if n != 0 { Effect::Asb } else { Effect::None }),
            Command::Identify(n) => return Ok(Effect::Answer(identify(n, self.width))),
            Command::Status(_) | Command::AsbRequest => unreachable!("real-time commands are the server's"),
        }
        Ok(Effect::None)
    }
}

/// `GS I n`: one byte for 1–3/49–51; `_` + text + NUL for 65–69.
fn identify(n: u8, width: u32) -> Vec<u8> {
    let text = match n {
        1 | 49 => return vec![0x20],
        2 | 50 => return vec![0x02],
        3 | 51 => return vec![0x41],
        65 => "QS-1.00".to_string(),
        66 => "QUAY".to_string(),
        67 => format!("QUAY-SIM-{}", if width == 384 { "58" } else { "80" }),
        68 => "QSIM0001".to_string(),
        _ => "ANK".to_string(),
    };
    let mut v = vec![b'_'];
    v.extend_from_slice(text.as_bytes());
    v.push(0);
    v
}

const CP437: &str =
    "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";
const CP858: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u{ad}±‗¾¶§÷¸°¨·¹³²■\u{a0}";

/// Text bytes in `ESC t n` (Epson's numbering): 0 PC437, 2 PC850, 16 WPC1252, 17 PC866,
/// 19 PC858; other pages decode ASCII only (U+FFFD above 0x7F).
pub fn decode_code_page(n: u8, raw: &[u8]) -> String {
    let table = |t: &str, b: u8| t.chars().nth(b as usize - 0x80).unwrap_or('\u{FFFD}');
    match n {
        16 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(raw).0.into_owned(),
        17 => encoding_rs::IBM866.decode_without_bom_handling(raw).0.into_owned(),
        _ => raw
            .iter()
            .map(|&b| match (b, n) {
                (0..=0x7F, _) => b as char,
                (0xD5, 2) => 'ı',
                (_, 0) => table(CP437, b),
                (_, 2 | 19) => table(CP858, b),
                _ => '\u{FFFD}',
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_pages() {
        assert_eq!(decode_code_page(19, b"Caf\x82 \xd5 5\x9c"), "Café € 5£");
        assert_eq!(decode_code_page(2, b"\xd5"), "ı");
        assert_eq!(decode_code_page(16, b"\x80 \xe9"), "€ é");
        assert_eq!(decode_code_page(0, b"\x9b"), "¢");
        assert_eq!(decode_code_page(30, b"a\xa1"), "a\u{FFFD}");
    }
}
