//! The terminal's own few lines of ZVT framing and BCD, written again here rather than
//! borrowed from quay-pay, so a bug in the driver's codec cannot hide behind the same bug
//! in its test partner. The CRC is computed bit by bit from the spec's description
//! (CRC-16/KERMIT: reflected 0x1021 = 0x8408, init 0) instead of the `crc` crate.

pub const DLE: u8 = 0x10;
pub const STX: u8 = 0x02;
pub const ETX: u8 = 0x03;
pub const ACK: u8 = 0x06;
pub const NAK: u8 = 0x15;

pub fn crc16_kermit(bytes: impl IntoIterator<Item = u8>) -> u16 {
    let mut crc: u16 = 0;
    for b in bytes {
        crc ^= u16::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0x8408 } else { crc >> 1 };
        }
    }
    crc
}

/// class, instr, length (or FF lo hi), data.
pub fn apdu(class: u8, instr: u8, data: &[u8]) -> Vec<u8> {
    let mut v = vec![class, instr];
    if data.len() < 0xFF {
        v.push(data.len() as u8);
    } else {
        v.extend([0xFF, data.len() as u8, (data.len() >> 8) as u8]);
    }
    v.extend_from_slice(data);
    v
}

/// A frame; `corrupt` flips the CRC (the fault "corrupt the next frame").
pub fn frame(apdu: &[u8], corrupt: bool) -> Vec<u8> {
    let mut v = vec![DLE, STX];
    for &b in apdu {
        v.push(b);
        if b == DLE {
            v.push(DLE);
        }
    }
    v.extend([DLE, ETX]);
    let mut crc = crc16_kermit(apdu.iter().copied().chain([ETX]));
    if corrupt {
        crc ^= 0xFFFF;
    }
    v.extend([crc as u8, (crc >> 8) as u8]);
    v
}

#[derive(Debug, PartialEq, Eq)]
pub enum In {
    Ack,
    Nak,
    Frame(Vec<u8>),
    BadCrc,
}

/// A small byte-at-a-time unframer.
#[derive(Default)]
pub struct Unframer {
    buf: Vec<u8>,
    /// 0 idle, 1 idle+DLE, 2 body, 3 body+DLE, 4 crc lo, 5 crc hi
    state: u8,
    lo: u8,
}

impl Unframer {
    pub fn push(&mut self, b: u8) -> Option<In> {
        match (self.state, b) {
            (0, ACK) => return Some(In::Ack),
            (0, NAK) => return Some(In::Nak),
            (0, DLE) => self.state = 1,
            (0, _) => {}
            (1, STX) => {
                self.buf.clear();
                self.state = 2;
            }
            (1, _) => self.state = 0,
            (2, DLE) => self.state = 3,
            (2, _) => self.buf.push(b),
            (3, DLE) => {
                self.buf.push(DLE);
                self.state = 2;
            }
            (3, ETX) => self.state = 4,
            (3, _) => self.state = 0,
            (4, _) => {
                self.lo = b;
                self.state = 5;
            }
            _ => {
                self.state = 0;
                let crc = crc16_kermit(self.buf.iter().copied().chain([ETX]));
                let got = u16::from(self.lo) | u16::from(b) << 8;
                let body = std::mem::take(&mut self.buf);
                return Some(if crc == got { In::Frame(body) } else { In::BadCrc });
            }
        }
        None
    }
}

pub fn bcd(mut v: u64, n: usize) -> Vec<u8> {
    let mut out = vec![0; n];
    for b in out.iter_mut().rev() {
        *b = (((v / 10 % 10) << 4) | (v % 10)) as u8;
        v /= 100;
    }
    out
}

pub fn unbcd(b: &[u8]) -> u64 {
    b.iter().fold(0, |a, &x| a * 100 + u64::from(x >> 4) * 10 + u64::from(x & 0xF))
}

/// LLVAR prefix: `F<tens> F<units>`.
pub fn llvar(data: &[u8]) -> Vec<u8> {
    let n = data.len();
    let mut v = vec![0xF0 | (n / 10 % 10) as u8, 0xF0 | (n % 10) as u8];
    v.extend_from_slice(data);
    v
}

/// LLLVAR prefix: `F<hundreds> F<tens> F<units>`.
pub fn lllvar(data: &[u8]) -> Vec<u8> {
    let n = data.len();
    let mut v = vec![0xF0 | (n / 100 % 10) as u8, 0xF0 | (n / 10 % 10) as u8, 0xF0 | (n % 10) as u8];
    v.extend_from_slice(data);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_vectors() {
        assert_eq!(crc16_kermit(*b"123456789"), 0x2189);
        let f = frame(&apdu(0x06, 0x01, &[0x04, 0, 0, 0, 0, 0x10, 0, 0x49, 0x09, 0x78]), false);
        assert_eq!(f, [0x10, 0x02, 0x06, 0x01, 0x0A, 0x04, 0, 0, 0, 0, 0x10, 0x10, 0, 0x49, 0x09, 0x78, 0x10, 0x03, 0x27, 0x60]);
        let mut u = Unframer::default();
        let got: Vec<In> = f.iter().filter_map(|&b| u.push(b)).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(frame(&[0x80, 0, 0], false), [0x10, 0x02, 0x80, 0, 0, 0x10, 0x03, 0xF5, 0x1F]);
    }
}
