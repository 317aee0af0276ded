//! What a real-time status answer means (§7 `DLE EOT n`): one byte per query, fixed bits
//! 0x12 set and 0x80/0x01 clear, else it is not a status and the job is held. Pure.

use crate::error::PrintError;

/// Bits every `DLE EOT` answer has set (bit 1, bit 4) …
const FIXED_SET: u8 = 0x12;
/// … and clear (bit 0, bit 7).
const FIXED_CLEAR: u8 = 0x81;

/// One decoded answer. Two-bit fields (0x0C, 0x60) count as set when either bit is: the
/// printer reports one sensor on both, and a half-set pair is read the cautious way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusPart {
    /// `n = 1`: printer status. `drawer_open` is the drawer connector's pin 3 high (0x04);
    /// most drawers' switches report "open" that way.
    Printer { online: bool, drawer_open: bool },
    /// `n = 2`: offline cause.
    Offline { cover_open: bool, paper_stop: bool },
    /// `n = 3`: error cause. §7 gives no bits for it; kept raw for logs.
    Error { raw: u8 },
    /// `n = 4`: roll paper sensors.
    Paper { near_end: bool, paper_out: bool },
}

/// Decodes the answer to `DLE EOT n`. A byte without the fixed bits is `StatusUnknown`,
/// as is an `n` outside 1–4 (no such query).
pub fn decode(n: u8, byte: u8) -> Result<StatusPart, PrintError> {
    if byte & (FIXED_SET | FIXED_CLEAR) != FIXED_SET {
        return Err(PrintError::StatusUnknown { answer: Some(byte) });
    }
    match n {
        1 => Ok(StatusPart::Printer { online: byte & 0x08 == 0, drawer_open: byte & 0x04 != 0 }),
        2 => Ok(StatusPart::Offline { cover_open: byte & 0x04 != 0, paper_stop: byte & 0x20 != 0 }),
        3 => Ok(StatusPart::Error { raw: byte }),
        4 => Ok(StatusPart::Paper { near_end: byte & 0x0C != 0, paper_out: byte & 0x60 != 0 }),
        _ => Err(PrintError::StatusUnknown { answer: Some(byte) }),
    }
}

/// The printer as the answers to `DLE EOT 1`, `2` and `4` describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrinterStatus {
    pub online: bool,
    pub cover_open: bool,
    /// Paper end (n = 4) or printing stopped at paper end (n = 2).
    pub paper_out: bool,
    /// Still prints; worth a warning to change the roll.
    pub paper_near_end: bool,
    pub drawer_open: bool,
}

impl PrinterStatus {
    /// A printer with nothing to report: what a transport without status assumes.
    pub const OK: PrinterStatus =
        PrinterStatus { online: true, cover_open: false, paper_out: false, paper_near_end: false, drawer_open: false };

    /// Decodes the answers to `DLE EOT 1`, `2`, `4`.
    pub fn from_bytes(n1: u8, n2: u8, n4: u8) -> Result<PrinterStatus, PrintError> {
        let mut s = PrinterStatus::OK;
        for part in [decode(1, n1)?, decode(2, n2)?, decode(4, n4)?] {
            s.add(part);
        }
        Ok(s)
    }

    /// Folds one answer in.
    pub fn add(&mut self, part: StatusPart) {
        match part {
            StatusPart::Printer { online, drawer_open } => {
                self.online = online;
                self.drawer_open = drawer_open;
            }
            StatusPart::Offline { cover_open, paper_stop } => {
                self.cover_open = cover_open;
                self.paper_out |= paper_stop;
            }
            StatusPart::Error { .. } => {}
            StatusPart::Paper { near_end, paper_out } => {
                self.paper_near_end = near_end;
                self.paper_out |= paper_out;
            }
        }
    }

    /// Online, cover closed, paper present: a job may be sent (§7: anything else and the
    /// printer discards it).
    pub fn ready(&self) -> bool {
        self.online && !self.cover_open && !self.paper_out
    }

    /// Whether a real-time drawer pulse (`DLE DC4 1`) goes through: a printer stopped by
    /// paper end or an open cover still carries out real-time commands (§7); one offline
    /// for another reason does not.
    pub fn check_pulse(&self) -> Result<(), PrintError> {
        if self.online || self.paper_out || self.cover_open {
            Ok(())
        } else {
            Err(PrintError::Offline)
        }
    }

    /// Why the printer cannot take a job, most specific first: a printer out of paper or
    /// with its cover open also reports itself offline, and the cashier should read the
    /// cause.
    pub fn check(&self) -> Result<(), PrintError> {
        if self.cover_open {
            Err(PrintError::CoverOpen)
        } else if self.paper_out {
            Err(PrintError::PaperOut)
        } else if !self.online {
            Err(PrintError::Offline)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_contracts_bytes() {
        use StatusPart::*;
        let cases: [(u8, u8, StatusPart); 12] = [
            (1, 0x12, Printer { online: true, drawer_open: false }),
            (1, 0x16, Printer { online: true, drawer_open: true }),
            (1, 0x1A, Printer { online: false, drawer_open: false }),
            (1, 0x1E, Printer { online: false, drawer_open: true }),
            (2, 0x12, Offline { cover_open: false, paper_stop: false }),
            (2, 0x16, Offline { cover_open: true, paper_stop: false }),
            (2, 0x32, Offline { cover_open: false, paper_stop: true }),
            (3, 0x12, Error { raw: 0x12 }),
            (4, 0x12, Paper { near_end: false, paper_out: false }),
            (4, 0x1E, Paper { near_end: true, paper_out: false }),
            (4, 0x7E, Paper { near_end: true, paper_out: true }),
            (4, 0x72, Paper { near_end: false, paper_out: true }),
        ];
        for (n, byte, want) in cases {
            assert_eq!(decode(n, byte), Ok(want), "n={n} byte={byte:#04x}");
        }
    }

    #[test]
    fn answers_without_the_fixed_bits_are_unknown() {
        for byte in [0xFF, 0x00, 0x10, 0x02, 0x13, 0x92, 0x7F] {
            for n in [1, 2, 4] {
                assert_eq!(decode(n, byte), Err(PrintError::StatusUnknown { answer: Some(byte) }), "n={n} {byte:#04x}");
            }
        }
        assert_eq!(decode(5, 0x12), Err(PrintError::StatusUnknown { answer: Some(0x12) }));
    }

    #[test]
    fn combines_into_a_printer_status() {
        let ready = PrinterStatus::from_bytes(0x12, 0x12, 0x12).unwrap();
        assert_eq!(ready, PrinterStatus::OK);
        assert!(ready.ready());
        assert_eq!(ready.check(), Ok(()));

        let near_end = PrinterStatus::from_bytes(0x16, 0x12, 0x1E).unwrap();
        assert!(near_end.ready() && near_end.paper_near_end && near_end.drawer_open);

        // Out of paper: offline, printing stopped at paper end, both sensors.
        let out = PrinterStatus::from_bytes(0x1A, 0x32, 0x7E).unwrap();
        assert!(!out.ready() && out.paper_out && !out.online);
        assert_eq!(out.check(), Err(PrintError::PaperOut));

        let cover = PrinterStatus::from_bytes(0x1A, 0x16, 0x12).unwrap();
        assert_eq!(cover.check(), Err(PrintError::CoverOpen));

        let offline = PrinterStatus::from_bytes(0x1A, 0x12, 0x12).unwrap();
        assert_eq!(offline.check(), Err(PrintError::Offline));

        // Paper out seen only as "stopped at paper end" still refuses.
        assert_eq!(PrinterStatus::from_bytes(0x12, 0x32, 0x12).unwrap().check(), Err(PrintError::PaperOut));
        assert_eq!(PrinterStatus::from_bytes(0x12, 0x12, 0xFF), Err(PrintError::StatusUnknown { answer: Some(0xFF) }));
    }
}
