//! The ESC/POS byte stream, parsed byte by byte: pure (no I/O, no printer state but the
//! command in progress) and resumable across reads. Written from partners-contracts.md §7
//! and Epson's command reference, strict: an unknown command, a bad parameter or a stray
//! control byte is an error, and so is a command still incomplete at `finish` (the
//! connection closed in the middle of it).
//!
//! Real-time commands (`DLE EOT`, `DLE DC4`) are recognised where a command may start,
//! never inside another command's parameters or data (raster bytes `10 04 01` are dots).

use std::fmt;

/// Horizontal position of lines and images (`ESC a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A monochrome bitmap as sent: `width_bytes * 8` dots by `height` rows, MSB = leftmost,
/// 1 = black; printed `scale_x` × `scale_y` times larger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitmap {
    pub width_dots: u32,
    pub width_bytes: u32,
    pub height: u32,
    pub scale_x: u32,
    pub scale_y: u32,
    pub data: Vec<u8>,
}

impl Bitmap {
    /// Printed width in dots (after scaling).
    pub fn printed_width(&self) -> u32 {
        self.width_dots * self.scale_x
    }
    pub fn printed_height(&self) -> u32 {
        self.height * self.scale_y
    }
    /// The dot at (x, y) of the bitmap as sent (unscaled).
    pub fn bit(&self, x: u32, y: u32) -> bool {
        if x >= self.width_dots || y >= self.height {
            return false;
        }
        let byte = self.data[(y * self.width_bytes + x / 8) as usize];
        byte & (0x80 >> (x % 8)) != 0
    }
}

/// One decoded command (or run of text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `ESC @`
    Init,
    /// Printable bytes (0x20..=0xFF), raw; decoded at the line's end.
    Text(Vec<u8>),
    /// `LF`
    LineFeed,
    /// `ESC t n` (Epson's numbering).
    CodePage(u8),
    /// `FS ( C 02 00 30 m`: true = UTF-8 (m 2/50), false = one byte per character (m 1/49).
    Utf8(bool),
    /// `ESC ! n`
    PrintMode(u8),
    /// `ESC E n`
    Emphasis(bool),
    /// `GS ! n`: magnifications 1–8.
    CharSize { width: u8, height: u8 },
    /// `ESC a n`
    Justify(Align),
    /// `GS L nL nH`, in dots.
    LeftMargin(u32),
    /// `ESC d n`
    FeedLines(u8),
    /// `ESC J n`
    FeedDots(u8),
    /// `GS V`: `feed` is the n of functions B (65/66), else 0.
    Cut { partial: bool, feed: u8 },
    /// `GS v 0`
    Raster(Bitmap),
    /// `GS ( L` / `GS 8 L` fn 112: graphics stored in the print buffer.
    GraphicsStore(Bitmap),
    /// `GS ( L` / `GS 8 L` fn 50: print the stored graphics.
    GraphicsPrint,
    /// `GS ( k` fn 65: model 1, 2 or micro (49–51).
    QrModel(u8),
    /// `GS ( k` fn 67: module size 1–16.
    QrSize(u8),
    /// `GS ( k` fn 69: error correction 48–51 (L, M, Q, H).
    QrErrorLevel(u8),
    /// `GS ( k` fn 80: the symbol's data.
    QrStore(Vec<u8>),
    /// `GS ( k` fn 81
    QrPrint,
    /// `ESC p` (realtime = false) or `DLE DC4 1` (realtime = true); pin 2 or 5.
    Pulse { pin: u8, on_ms: u32, off_ms: u32, realtime: bool },
    /// `ESC B n t`: n beeps of t × 50 ms.
    Buzzer { times: u8, duration: u8 },
    /// `DLE EOT n`, n 1–4.
    Status(u8),
    /// `DLE DC4 7 1`: the 4 ASB bytes now.
    AsbRequest,
    /// `GS a n`
    AutoStatusBack(u8),
    /// `GS I n`
    Identify(u8),
}

impl Command {
    /// Executed even out of paper or with the cover open.
    pub fn is_realtime(&self) -> bool {
        matches!(self, Command::Status(_) | Command::AsbRequest | Command::Pulse { realtime: true, .. })
    }
}

/// Why the stream was refused, at which byte of the decoder's whole input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset of the offending command's first byte.
    pub offset: u64,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for DecodeError {}

const LF: u8 = 0x0A;
const DLE: u8 = 0x10;
const ESC: u8 = 0x1B;
const FS: u8 = 0x1C;
const GS: u8 = 0x1D;

/// Upper bounds of what one command may carry.
const MAX_RASTER_ROWS: u32 = 4095;
const MAX_GRAPHICS_DOTS: u32 = 2400;
const MAX_QR_DATA: usize = 7089;

/// The streaming decoder. `width_dots` is the printer's (576 or 384): wider images are
/// bad parameters.
#[derive(Debug, Clone)]
pub struct Decoder {
    width_dots: u32,
    /// The command in progress (empty between commands).
    buf: Vec<u8>,
    /// How many bytes the command in progress is known to need.
    need: usize,
    /// Bytes fed before the current `feed` call.
    total: u64,
    /// Offset of the command in progress.
    start: u64,
}

enum Parse {
    Need(usize),
    Done(Command),
    Bad(String),
}

impl Decoder {
    pub fn new(width_dots: u32) -> Decoder {
        Decoder { width_dots, buf: Vec::new(), need: 0, total: 0, start: 0 }
    }

    /// True while a command is incomplete.
    pub fn in_command(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Forgets the command in progress (after an error or a dropped connection).
    pub fn reset(&mut self) {
        self.buf.clear();
        self.need = 0;
    }

    /// Decodes `bytes`, appending whole commands to `out` (a run of text may be split
    /// into several `Text`). Stops at the first error, after which the command in
    /// progress is forgotten; the commands before it are in `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Command>) -> Result<(), DecodeError> {
        let mut i = 0;
        while i < bytes.len() {
            if self.buf.is_empty() {
                let b = bytes[i];
                match b {
                    LF => {
                        out.push(Command::LineFeed);
                        i += 1;
                    }
                    DLE | ESC | FS | GS => {
                        self.start = self.total + i as u64;
                        self.buf.push(b);
                        self.need = 2;
                        i += 1;
                    }
                    0x20..=0xFF => {
                        let end = bytes[i..].iter().position(|&c| c < 0x20).map_or(bytes.len(), |p| i + p);
                        match out.last_mut() {
                            Some(Command::Text(t)) => t.extend_from_slice(&bytes[i..end]),
                            _ => out.push(Command::Text(bytes[i..end].to_vec())),
                        }
                        i = end;
                    }
                    _ => {
                        let offset = self.total + i as u64;
                        self.total += bytes.len() as u64;
                        return Err(DecodeError { offset, message: format!("stray byte 0x{b:02X}") });
                    }
                }
                continue;
            }
            let take = (self.need - self.buf.len()).min(bytes.len() - i);
            self.buf.extend_from_slice(&bytes[i..i + take]);
            i += take;
            if self.buf.len() < self.need {
                continue;
            }
            match parse(&self.buf, self.width_dots) {
                Parse::Need(n) => {
                    debug_assert!(n > self.buf.len());
                    self.need = n;
                }
                Parse::Done(c) => {
                    out.push(c);
                    self.reset();
                }
                Parse::Bad(message) => {
                    let err = DecodeError { offset: self.start, message: format!("{}: {message}", describe(&self.buf)) };
                    self.total += bytes.len() as u64;
                    self.reset();
                    return Err(err);
                }
            }
        }
        self.total += bytes.len() as u64;
        Ok(())
    }

    /// The stream ended (the connection closed): an incomplete command is an error.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let err = DecodeError {
            offset: self.start,
            message: format!("{}: cut by closing after {} of {} bytes", describe(&self.buf), self.buf.len(), self.need),
        };
        self.reset();
        Err(err)
    }
}

/// `ESC d`, `GS ( k`… for messages.
fn describe(buf: &[u8]) -> String {
    let name = |b: u8| match b {
        DLE => "DLE".to_string(),
        ESC => "ESC".to_string(),
        FS => "FS".to_string(),
        GS => "GS".to_string(),
        0x04 => "EOT".to_string(),
        0x14 => "DC4".to_string(),
        0x21..=0x7E => (b as char).to_string(),
        _ => format!("0x{b:02X}"),
    };
    let n = match buf {
        [_, b'(' | b'8', ..] => 3,
        [DLE, 0x14, ..] => 3,
        [GS, b'v', ..] => 3,
        _ => 2,
    };
    buf.iter().take(n).map(|&b| name(b)).collect::<Vec<_>>().join(" ")
}

fn code_page_ok(n: u8) -> bool {
    matches!(n, 0..=8 | 11..=26 | 30..=53 | 66..=71 | 82 | 254 | 255)
}

fn parse(buf: &[u8], width: u32) -> Parse {
    macro_rules! need {
        ($n:expr) => {
            if buf.len() < $n {
                return Parse::Need($n);
            }
        };
    }
    let bad = |m: String| Parse::Bad(m);
    match buf[0] {
        ESC => match buf[1] {
            b'@' => Parse::Done(Command::Init),
            b'!' => {
                need!(3);
                Parse::Done(Command::PrintMode(buf[2]))
            }
            b'E' => {
                need!(3);
                Parse::Done(Command::Emphasis(buf[2] & 1 == 1))
            }
            b'a' => {
                need!(3);
                match buf[2] {
                    0 | 48 => Parse::Done(Command::Justify(Align::Left)),
                    1 | 49 => Parse::Done(Command::Justify(Align::Center)),
                    2 | 50 => Parse::Done(Command::Justify(Align::Right)),
                    n => bad(format!("n = {n} (0–2, 48–50)")),
                }
            }
            b'd' => {
                need!(3);
                Parse::Done(Command::FeedLines(buf[2]))
            }
            b'J' => {
                need!(3);
                Parse::Done(Command::FeedDots(buf[2]))
            }
            b't' => {
                need!(3);
                if code_page_ok(buf[2]) {
                    Parse::Done(Command::CodePage(buf[2]))
                } else {
                    bad(format!("no code page {}", buf[2]))
                }
            }
            b'p' => {
                need!(5);
                let pin = match buf[2] {
                    0 | 48 => 2,
                    1 | 49 => 5,
                    m => return bad(format!("m = {m} (0, 1, 48, 49)")),
                };
                let (t1, t2) = (buf[3] as u32, buf[4] as u32);
                if t1 == 0 {
                    return bad("t1 = 0".into());
                }
                Parse::Done(Command::Pulse { pin, on_ms: t1 * 2, off_ms: t1.max(t2) * 2, realtime: false })
            }
            b'B' => {
                need!(4);
                let (n, t) = (buf[2], buf[3]);
                if !(1..=9).contains(&n) || !(1..=9).contains(&t) {
                    return bad(format!("n = {n}, t = {t} (1–9 each)"));
                }
                Parse::Done(Command::Buzzer { times: n, duration: t })
            }
            b => bad(format!("unknown command ESC 0x{b:02X}")),
        },
        GS => match buf[1] {
            b'!' => {
                need!(3);
                let n = buf[2];
                if n & 0x88 != 0 {
                    return bad(format!("n = 0x{n:02X}"));
                }
                Parse::Done(Command::CharSize { width: (n >> 4) + 1, height: (n & 7) + 1 })
            }
            b'V' => {
                need!(3);
                match buf[2] {
                    0 | 48 => Parse::Done(Command::Cut { partial: false, feed: 0 }),
                    1 | 49 => Parse::Done(Command::Cut { partial: true, feed: 0 }),
                    65 | 66 => {
                        need!(4);
                        Parse::Done(Command::Cut { partial: buf[2] == 66, feed: buf[3] })
                    }
                    m => bad(format!("m = {m} (0, 1, 48, 49, 65, 66)")),
                }
            }
            b'v' => {
                need!(3);
                if buf[2] != b'0' {
                    return bad(format!("unknown command GS v 0x{:02X}", buf[2]));
                }
                need!(8);
                let (sx, sy) = match buf[3] {
                    0 | 48 => (1, 1),
                    1 | 49 => (2, 1),
                    2 | 50 => (1, 2),
                    3 | 51 => (2, 2),
                    m => return bad(format!("m = {m} (0–3, 48–51)")),
                };
                let x = buf[4] as u32 + buf[5] as u32 * 256;
                let y = buf[6] as u32 + buf[7] as u32 * 256;
                if x == 0 || y == 0 || y > MAX_RASTER_ROWS {
                    return bad(format!("{x} bytes × {y} rows"));
                }
                if x * 8 * sx > width {
                    return bad(format!("{} dots wide, the printer has {width}", x * 8 * sx));
                }
                let total = 8 + (x * y) as usize;
                need!(total);
                Parse::Done(Command::Raster(Bitmap {
                    width_dots: x * 8,
                    width_bytes: x,
                    height: y,
                    scale_x: sx,
                    scale_y: sy,
                    data: buf[8..].to_vec(),
                }))
            }
            b'(' => {
                need!(5);
                let p = buf[3] as usize + buf[4] as usize * 256;
                match buf[2] {
                    b'L' => graphics(buf, 5, p, width),
                    b'k' => qr(buf, p),
                    b => bad(format!("unknown command GS ( 0x{b:02X}")),
                }
            }
            b'8' => {
                need!(3);
                if buf[2] != b'L' {
                    return bad(format!("unknown command GS 8 0x{:02X}", buf[2]));
                }
                need!(7);
                let p = u32::from_le_bytes([buf[3], buf[4], buf[5], buf[6]]) as usize;
                graphics(buf, 7, p, width)
            }
            b'L' => {
                need!(4);
                Parse::Done(Command::LeftMargin(buf[2] as u32 + buf[3] as u32 * 256))
            }
            b'a' => {
                need!(3);
                Parse::Done(Command::AutoStatusBack(buf[2]))
            }
            b'I' => {
                need!(3);
                match buf[2] {
                    1..=3 | 49..=51 | 65..=69 => Parse::Done(Command::Identify(buf[2])),
                    n => bad(format!("n = {n} (1–3, 49–51, 65–69)")),
                }
            }
            b => bad(format!("unknown command GS 0x{b:02X}")),
        },
        FS => {
            need!(3);
            if buf[1] != b'(' || buf[2] != b'C' {
                return bad("unknown command".into());
            }
            need!(5);
            if buf[3] != 2 || buf[4] != 0 {
                return bad(format!("pL pH = {} {} (2 0)", buf[3], buf[4]));
            }
            need!(7);
            if buf[5] != 48 {
                return bad(format!("fn = {} (48)", buf[5]));
            }
            match buf[6] {
                1 | 49 => Parse::Done(Command::Utf8(false)),
                2 | 50 => Parse::Done(Command::Utf8(true)),
                m => bad(format!("m = {m} (1, 2, 49, 50)")),
            }
        }
        DLE => match buf[1] {
            0x04 => {
                need!(3);
                match buf[2] {
                    n @ 1..=4 => Parse::Done(Command::Status(n)),
                    n => bad(format!("n = {n} (1–4)")),
                }
            }
            0x14 => {
                need!(3);
                match buf[2] {
                    1 => {
                        need!(5);
                        let pin = match buf[3] {
                            0 => 2,
                            1 => 5,
                            m => return bad(format!("m = {m} (0, 1)")),
                        };
                        let t = buf[4] as u32;
                        if !(1..=8).contains(&t) {
                            return bad(format!("t = {t} (1–8)"));
                        }
                        Parse::Done(Command::Pulse { pin, on_ms: t * 100, off_ms: t * 100, realtime: true })
                    }
                    7 => {
                        need!(4);
                        if buf[3] != 1 {
                            return bad(format!("a = {} (1)", buf[3]));
                        }
                        Parse::Done(Command::AsbRequest)
                    }
                    f => bad(format!("fn = {f} (1, 7)")),
                }
            }
            b => bad(format!("unknown command DLE 0x{b:02X}")),
        },
        b => bad(format!("unknown command 0x{b:02X}")),
    }
}

/// `GS ( L` (header 5 bytes) or `GS 8 L` (header 7): `m fn …`, `p` bytes after the header.
fn graphics(buf: &[u8], head: usize, p: usize, width: u32) -> Parse {
    if p < 2 {
        return Parse::Bad(format!("length {p}"));
    }
    if buf.len() < head + 2 {
        return Parse::Need(head + 2);
    }
    let (m, f) = (buf[head], buf[head + 1]);
    if m != 48 {
        return Parse::Bad(format!("m = {m} (48)"));
    }
    match f {
        50 => {
            if p != 2 {
                return Parse::Bad(format!("fn 50 with length {p} (2)"));
            }
            Parse::Done(Command::GraphicsPrint)
        }
        112 => {
            if p < 10 {
                return Parse::Bad(format!("fn 112 with length {p}"));
            }
            if buf.len() < head + 10 {
                return Parse::Need(head + 10);
            }
            let h = &buf[head..];
            let (a, bx, by, c) = (h[2], h[3], h[4], h[5]);
            let x = h[6] as u32 + h[7] as u32 * 256;
            let y = h[8] as u32 + h[9] as u32 * 256;
            if a != 48 {
                return Parse::Bad(format!("a = {a} (48: monochrome)"));
            }
            if !matches!(bx, 1 | 2) || !matches!(by, 1 | 2) {
                return Parse::Bad(format!("bx = {bx}, by = {by} (1, 2)"));
            }
            if c != 49 {
                return Parse::Bad(format!("c = {c} (49)"));
            }
            if !(1..=MAX_GRAPHICS_DOTS).contains(&x) || !(1..=MAX_GRAPHICS_DOTS).contains(&y) {
                return Parse::Bad(format!("{x} × {y} dots"));
            }
            if x * bx as u32 > width {
                return Parse::Bad(format!("{} dots wide, the printer has {width}", x * bx as u32));
            }
            let wb = x.div_ceil(8);
            let k = (wb * y) as usize;
            if p != 10 + k {
                return Parse::Bad(format!("length {p}, {x} × {y} dots need {}", 10 + k));
            }
            if buf.len() < head + p {
                return Parse::Need(head + p);
            }
            Parse::Done(Command::GraphicsStore(Bitmap {
                width_dots: x,
                width_bytes: wb,
                height: y,
                scale_x: bx as u32,
                scale_y: by as u32,
                data: buf[head + 10..].to_vec(),
            }))
        }
        f => Parse::Bad(format!("fn = {f} (50, 112)")),
    }
}

/// `GS ( k pL pH cn fn …`
fn qr(buf: &[u8], p: usize) -> Parse {
    if p < 2 {
        return Parse::Bad(format!("length {p}"));
    }
    if buf.len() < 7 {
        return Parse::Need(7);
    }
    let (cn, f) = (buf[5], buf[6]);
    if cn != 49 {
        return Parse::Bad(format!("cn = {cn} (49: QR)"));
    }
    let fixed = match f {
        65 => 4,
        67 | 69 | 81 => 3,
        80 => {
            if p < 4 || p - 3 > MAX_QR_DATA {
                return Parse::Bad(format!("fn 80 with length {p}"));
            }
            p
        }
        f => return Parse::Bad(format!("fn = {f} (65, 67, 69, 80, 81)")),
    };
    if p != fixed {
        return Parse::Bad(format!("fn {f} with length {p} ({fixed})"));
    }
    if buf.len() < 5 + p {
        return Parse::Need(5 + p);
    }
    let a = buf[7];
    match f {
        65 => {
            if !(49..=51).contains(&a) || buf[8] != 0 {
                return Parse::Bad(format!("fn 65: n1 = {a}, n2 = {} (49–51, 0)", buf[8]));
            }
            Parse::Done(Command::QrModel(a))
        }
        67 if (1..=16).contains(&a) => Parse::Done(Command::QrSize(a)),
        69 if (48..=51).contains(&a) => Parse::Done(Command::QrErrorLevel(a)),
        80 if a == 48 => Parse::Done(Command::QrStore(buf[8..].to_vec())),
        81 if a == 48 => Parse::Done(Command::QrPrint),
        _ => Parse::Bad(format!("fn {f}: parameter {a}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Result<Vec<Command>, DecodeError> {
        let mut d = Decoder::new(576);
        let mut out = Vec::new();
        d.feed(bytes, &mut out)?;
        d.finish()?;
        Ok(out)
    }

    /// Adjacent text runs merged: how a stream split anywhere must decode.
    fn merged(cmds: Vec<Command>) -> Vec<Command> {
        let mut out: Vec<Command> = Vec::new();
        for c in cmds {
            match (out.last_mut(), c) {
                (Some(Command::Text(a)), Command::Text(b)) => a.extend(b),
                (_, c) => out.push(c),
            }
        }
        out
    }

    fn sample() -> Vec<u8> {
        let mut s = vec![ESC, b'@', ESC, b't', 19, ESC, b'!', 0x30];
        s.extend_from_slice(b"Caf\x82 \xd5\n");
        s.extend_from_slice(&[GS, b'v', b'0', 0, 2, 0, 3, 0, 0xFF, 0x00, 0x10, 0x04, 0x01, 0x80]);
        s.extend_from_slice(&[GS, b'(', b'k', 7, 0, 49, 80, 48, b'A', b'B', b'C', b'D']);
        s.extend_from_slice(&[GS, b'(', b'k', 3, 0, 49, 81, 48]);
        s.extend_from_slice(&[GS, b'(', b'L', 12, 0, 48, 112, 48, 1, 1, 49, 9, 0, 1, 0, 0xAA, 0x80]);
        s.extend_from_slice(&[GS, b'8', b'L', 2, 0, 0, 0, 48, 50]);
        s.extend_from_slice(&[DLE, 0x04, 4, ESC, b'p', 0, 25, 250, DLE, 0x14, 1, 1, 8, GS, b'V', 66, 3]);
        s
    }

    #[test]
    fn every_split_decodes_the_same() {
        let s = sample();
        let whole = merged(all(&s).unwrap());
        assert_eq!(whole.len(), 14, "{whole:?}");
        for cut in 0..=s.len() {
            let mut d = Decoder::new(576);
            let mut out = Vec::new();
            d.feed(&s[..cut], &mut out).unwrap();
            d.feed(&s[cut..], &mut out).unwrap();
            d.finish().unwrap();
            assert_eq!(merged(out), whole, "split at {cut}");
        }
        let mut d = Decoder::new(576);
        let mut out = Vec::new();
        for b in &s {
            d.feed(std::slice::from_ref(b), &mut out).unwrap();
        }
        assert_eq!(merged(out), whole, "byte by byte");
        match &whole[5] {
            Command::Raster(b) => {
                assert_eq!((b.width_dots, b.height), (16, 3));
                assert!(
                    b.bit(0, 0) && b.bit(7, 0) && !b.bit(8, 0) && b.bit(3, 1) && b.bit(13, 1) && b.bit(7, 2) && b.bit(8, 2) && !b.bit(9, 2)
                );
            }
            c => panic!("{c:?}"),
        }
        assert!(whole.contains(&Command::Pulse { pin: 2, on_ms: 50, off_ms: 500, realtime: false }));
        assert!(whole.contains(&Command::Pulse { pin: 5, on_ms: 800, off_ms: 800, realtime: true }));
        assert!(whole.contains(&Command::QrStore(b"ABCD".to_vec())));
        assert_eq!(whole.last(), Some(&Command::Cut { partial: true, feed: 3 }));
    }

    #[test]
    fn strict() {
        let bad: &[&[u8]] = &[
            &[ESC, b'X'],
            &[0x0D],
            &[0x09],
            &[GS, b'V', 2],
            &[GS, b'v', b'0', 4, 0, 1, 0, 1],
            &[GS, b'v', b'0', 0, 73, 0, 1, 0],
            &[GS, b'v', b'0', 0, 0, 0, 1, 0],
            &[ESC, b'p', 0, 0, 10],
            &[ESC, b'p', 2, 1, 10],
            &[DLE, 0x14, 1, 0, 9],
            &[DLE, 0x04, 5],
            &[DLE, 0x14, 8, 1, 3, 0, 4, 5, 7],
            &[GS, b'I', 4],
            &[ESC, b't', 9],
            &[ESC, b'a', 3],
            &[GS, b'(', b'k', 3, 0, 50, 67, 3],
            &[GS, b'(', b'k', 3, 0, 49, 67, 17],
            &[GS, b'(', b'k', 4, 0, 49, 67, 3, 0],
            &[GS, b'(', b'k', 3, 0, 49, 82, 48],
            &[GS, b'(', b'L', 2, 0, 48, 51],
            &[FS, b'(', b'C', 2, 0, 48, 3],
            &[FS, b'p', 1, 0],
        ];
        for b in bad {
            assert!(all(b).is_err(), "{b:02X?}");
        }
        let e = all(&[ESC, b'@', b'h', b'i', LF, GS, b'V']).unwrap_err();
        assert!(e.message.contains("cut by closing"), "{e}");
        assert_eq!(e.offset, 5);
        let mut d = Decoder::new(384);
        let mut out = Vec::new();
        let e = d.feed(&[b'x', LF, GS, b'v', b'0', 0, 49, 0, 1, 0], &mut out).unwrap_err();
        assert!(e.message.contains("392 dots wide"), "{e}");
        assert_eq!(e.offset, 2);
        assert_eq!(out, vec![Command::Text(b"x".to_vec()), Command::LineFeed]);
        assert!(all(&[GS, b'v', b'0', 0, 48, 0, 1, 0]).is_err_and(|e| e.message.contains("cut by closing")));
    }
}
