//! Serial framing of ZVT APDUs (PA00P015 §2): `DLE STX` + APDU with every 0x10 doubled +
//! `DLE ETX` + CRC low, CRC high. Pure: bytes in, bytes or events out; no I/O, so the
//! link layer, the simulator's peer and the fuzzer all drive the same code.

use crc::{Crc, CRC_16_KERMIT};

pub const DLE: u8 = 0x10;
pub const STX: u8 = 0x02;
pub const ETX: u8 = 0x03;
/// The link layer's one-byte positive acknowledgement.
pub const ACK: u8 = 0x06;
/// The link layer's one-byte negative acknowledgement (bad CRC: send again).
pub const NAK: u8 = 0x15;

/// Longest APDU: class, instr, `FF`, 2-byte length, 65535 data bytes. Anything longer is
/// line noise, and bounding it keeps a stream of garbage from growing the buffer forever.
pub const MAX_APDU: usize = 5 + u16::MAX as usize;

const KERMIT: Crc<u16> = Crc::<u16>::new(&CRC_16_KERMIT);

/// CRC-16/KERMIT over the unstuffed APDU plus the ETX byte, as the spec defines it.
pub fn crc(apdu: &[u8]) -> u16 {
    let mut d = KERMIT.digest();
    d.update(apdu);
    d.update(&[ETX]);
    d.finalize()
}

/// The bytes to put on the line for one APDU.
pub fn encode(apdu: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(apdu.len() + 8);
    out.extend_from_slice(&[DLE, STX]);
    for &b in apdu {
        out.push(b);
        if b == DLE {
            out.push(DLE);
        }
    }
    out.extend_from_slice(&[DLE, ETX]);
    let c = crc(apdu);
    out.extend_from_slice(&[c as u8, (c >> 8) as u8]);
    out
}

/// What the decoder recognised on the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A complete frame with a good CRC: the unstuffed APDU.
    Frame(Vec<u8>),
    /// A complete frame whose CRC did not match: answer NAK so the peer sends it again.
    BadCrc,
    /// A lone ACK byte outside a frame.
    Ack,
    /// A lone NAK byte outside a frame.
    Nak,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between frames: ACK/NAK are events, DLE may start a frame, the rest is noise.
    Idle,
    /// Saw DLE between frames; STX starts a frame.
    IdleDle,
    /// Inside a frame.
    Body,
    /// Saw DLE inside a frame: DLE = a data 0x10, ETX = end, STX = the peer restarted.
    BodyDle,
    /// Waiting for the CRC's low byte.
    CrcLo,
    /// Waiting for the CRC's high byte (low byte kept).
    CrcHi(u8),
}

/// Incremental frame decoder: feed it whatever the port returned, in any slicing.
#[derive(Debug, Clone)]
pub struct Decoder {
    state: State,
    buf: Vec<u8>,
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Decoder {
    pub fn new() -> Self {
        Decoder { state: State::Idle, buf: Vec::new() }
    }

    /// Forgets any partial frame (e.g. before resending a command).
    pub fn reset(&mut self) {
        self.state = State::Idle;
        self.buf.clear();
    }

    /// True while a frame has started but not ended.
    pub fn in_frame(&self) -> bool {
        !matches!(self.state, State::Idle | State::IdleDle)
    }

    /// Takes one byte; returns an event when one completes.
    pub fn push(&mut self, b: u8) -> Option<Event> {
        match self.state {
            State::Idle => match b {
                ACK => return Some(Event::Ack),
                NAK => return Some(Event::Nak),
                DLE => self.state = State::IdleDle,
                _ => {}
            },
            State::IdleDle => {
                self.state = match b {
                    STX => {
                        self.buf.clear();
                        State::Body
                    }
                    DLE => State::IdleDle,
                    _ => State::Idle,
                }
            }
            State::Body => {
                if b == DLE {
                    self.state = State::BodyDle;
                } else {
                    self.data(b);
                }
            }
            State::BodyDle => match b {
                DLE => {
                    self.state = State::Body;
                    self.data(DLE);
                }
                ETX => self.state = State::CrcLo,
                STX => {
                    // A fresh DLE STX mid-frame: the peer gave up on the old frame.
                    self.buf.clear();
                    self.state = State::Body;
                }
                // A lone DLE followed by data cannot be produced by a correct encoder:
                // drop the frame rather than guess.
                _ => self.reset(),
            },
            State::CrcLo => self.state = State::CrcHi(b),
            State::CrcHi(lo) => {
                let got = u16::from(lo) | (u16::from(b) << 8);
                let apdu = std::mem::take(&mut self.buf);
                self.state = State::Idle;
                return Some(if got == crc(&apdu) { Event::Frame(apdu) } else { Event::BadCrc });
            }
        }
        None
    }

    fn data(&mut self, b: u8) {
        if self.buf.len() >= MAX_APDU {
            self.reset();
        } else {
            self.buf.push(b);
        }
    }

    /// Takes a slice; returns the events it completed, in order.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        bytes.iter().filter_map(|&b| self.push(b)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        s.split_whitespace().map(|h| u8::from_str_radix(h, 16).unwrap()).collect()
    }

    /// Every frame vector of zvt.md: (APDU, frame).
    const VECTORS: &[(&str, &str)] = &[
        ("06 00 06 12 34 56 DE 09 78", "10 02 06 00 06 12 34 56 DE 09 78 10 03 2C 28"),
        ("06 00 06 12 34 56 BA 09 78", "10 02 06 00 06 12 34 56 BA 09 78 10 03 24 C3"),
        ("06 01 0A 04 00 00 00 00 10 00 49 09 78", "10 02 06 01 0A 04 00 00 00 00 10 10 00 49 09 78 10 03 27 60"),
        ("06 01 0A 04 00 00 00 01 10 00 49 09 78", "10 02 06 01 0A 04 00 00 00 01 10 10 00 49 09 78 10 03 F2 FF"),
        ("80 00 00", "10 02 80 00 00 10 03 F5 1F"),
        ("84 9C 00", "10 02 84 9C 00 10 03 C3 41"),
        ("06 50 03 12 34 56", "10 02 06 50 03 12 34 56 10 03 C4 AF"),
        ("05 01 03 12 34 56", "10 02 05 01 03 12 34 56 10 03 E0 43"),
    ];

    #[test]
    fn kermit_check_value() {
        assert_eq!(KERMIT.checksum(b"123456789"), 0x2189);
    }

    #[test]
    fn vectors_encode_and_decode() {
        for (apdu, frame) in VECTORS {
            let (apdu, frame) = (hex(apdu), hex(frame));
            assert_eq!(encode(&apdu), frame, "encode {apdu:02X?}");
            assert_eq!(Decoder::new().feed(&frame), vec![Event::Frame(apdu.clone())]);
        }
    }

    #[test]
    fn split_feeds_and_garbage_before_the_frame() {
        let frame = hex("10 02 06 01 0A 04 00 00 00 00 10 10 00 49 09 78 10 03 27 60");
        for cut in 0..frame.len() {
            let mut d = Decoder::new();
            let mut ev = d.feed(&[0x00, 0x41, 0x10, 0x99, 0xFF]);
            ev.extend(d.feed(&frame[..cut]));
            ev.extend(d.feed(&frame[cut..]));
            assert_eq!(ev, vec![Event::Frame(hex("06 01 0A 04 00 00 00 00 10 00 49 09 78"))], "cut at {cut}");
        }
    }

    #[test]
    fn bad_crc_ack_nak() {
        let mut frame = hex("10 02 80 00 00 10 03 F5 1F");
        frame[8] ^= 1;
        let mut d = Decoder::new();
        assert_eq!(d.feed(&frame), vec![Event::BadCrc]);
        assert_eq!(d.feed(&[ACK, NAK]), vec![Event::Ack, Event::Nak]);
        // A data byte 06 inside a frame is not an ACK.
        assert_eq!(d.feed(&hex("10 02 06 0F 00 10 03")).len(), 0);
    }

    #[test]
    fn extended_length_round_trip() {
        let mut apdu = vec![0x06, 0xD3, 0xFF, 0x2C, 0x01];
        apdu.extend((0..300u32).map(|i| (i % 256) as u8));
        let f = encode(&apdu);
        assert_eq!(Decoder::new().feed(&f), vec![Event::Frame(apdu)]);
    }
}
