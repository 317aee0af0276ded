//! The ZVT application layer, pure: APDUs (class, instruction, length, data), the BMP
//! fields Quay reads and writes, the commands it sends and the messages a terminal sends
//! back. No I/O and no timing: the session decides what a message means for a sale.
//!
//! Amounts are integer minor units (u64: ZVT carries no sign; refunds are their own
//! command), 6-byte BCD on the wire.

use std::fmt;

/// One application message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Apdu {
    pub class: u8,
    pub instr: u8,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApduError {
    #[error("APDU too short")]
    Short,
    #[error("APDU length {declared} but {actual} data bytes")]
    Length { declared: usize, actual: usize },
    #[error("data longer than 65535 bytes")]
    TooLong,
    #[error("invalid BCD byte {0:#04x}")]
    Bcd(u8),
    #[error("field {0:#04x} truncated")]
    Truncated(u8),
    #[error("unknown field {0:#04x}: cannot tell its length")]
    UnknownField(u8),
    #[error("amount {0} does not fit 12 BCD digits")]
    Amount(u64),
}

impl Apdu {
    pub fn new(class: u8, instr: u8, data: Vec<u8>) -> Self {
        Apdu { class, instr, data }
    }

    pub fn is(&self, class: u8, instr: u8) -> bool {
        self.class == class && self.instr == instr
    }

    /// Wire form: one length byte up to 254, else `FF` + 2-byte little-endian length
    /// (`FF` itself is the escape, so 255 bytes already need the long form).
    pub fn encode(&self) -> Result<Vec<u8>, ApduError> {
        let n = self.data.len();
        let mut out = Vec::with_capacity(n + 5);
        out.extend_from_slice(&[self.class, self.instr]);
        if n < 0xFF {
            out.push(n as u8);
        } else if n <= u16::MAX as usize {
            out.extend_from_slice(&[0xFF, n as u8, (n >> 8) as u8]);
        } else {
            return Err(ApduError::TooLong);
        }
        out.extend_from_slice(&self.data);
        Ok(out)
    }

    /// Parses a whole APDU (exactly what one frame carried).
    pub fn decode(bytes: &[u8]) -> Result<Apdu, ApduError> {
        if bytes.len() < 3 {
            return Err(ApduError::Short);
        }
        let (declared, start) = if bytes[2] == 0xFF {
            if bytes.len() < 5 {
                return Err(ApduError::Short);
            }
            (usize::from(bytes[3]) | (usize::from(bytes[4]) << 8), 5)
        } else {
            (usize::from(bytes[2]), 3)
        };
        let actual = bytes.len() - start;
        if actual != declared {
            return Err(ApduError::Length { declared, actual });
        }
        Ok(Apdu { class: bytes[0], instr: bytes[1], data: bytes[start..].to_vec() })
    }
}

impl fmt::Display for Apdu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02X} {:02X} [{} bytes]", self.class, self.instr, self.data.len())
    }
}

// ---- BCD ----

/// `value` as `bytes` bytes of packed BCD, most significant first.
pub fn bcd(value: u64, bytes: usize) -> Result<Vec<u8>, ApduError> {
    let mut out = vec![0u8; bytes];
    let mut v = value;
    for b in out.iter_mut().rev() {
        *b = (((v / 10 % 10) << 4) | (v % 10)) as u8;
        v /= 100;
    }
    if v != 0 {
        return Err(ApduError::Amount(value));
    }
    Ok(out)
}

/// Packed BCD to a number; a nibble above 9 is an error (never guessed).
pub fn from_bcd(bytes: &[u8]) -> Result<u64, ApduError> {
    bytes.iter().try_fold(0u64, |acc, &b| {
        let (hi, lo) = (b >> 4, b & 0x0F);
        if hi > 9 || lo > 9 {
            return Err(ApduError::Bcd(b));
        }
        Ok(acc.saturating_mul(100).saturating_add(u64::from(hi) * 10 + u64::from(lo)))
    })
}

// ---- BMP fields ----

/// BMP tags Quay uses.
pub mod tag {
    pub const AMOUNT: u8 = 0x04;
    pub const TLV: u8 = 0x06;
    pub const TRACE: u8 = 0x0B;
    pub const TIME: u8 = 0x0C;
    pub const DATE: u8 = 0x0D;
    pub const EXPIRY: u8 = 0x0E;
    pub const CARD_SEQ: u8 = 0x17;
    pub const PAYMENT_TYPE: u8 = 0x19;
    pub const PAN: u8 = 0x22;
    pub const RESULT: u8 = 0x27;
    pub const TERMINAL_ID: u8 = 0x29;
    pub const VU_NUMBER: u8 = 0x2A;
    pub const AUTH_CODE: u8 = 0x3B;
    pub const CURRENCY: u8 = 0x49;
    pub const TOTALS: u8 = 0x60;
    pub const RECEIPT: u8 = 0x87;
    pub const TURNOVER: u8 = 0x88;
    pub const CARD_TYPE: u8 = 0x8A;
    pub const CARD_NAME: u8 = 0x8B;
    pub const CARD_TYPE_ID: u8 = 0x8C;
}

/// How long a field's value is: fixed, or an `Fx Fy` (LL) / `Fx Fy Fz` (LLL) prefix whose
/// low nibbles are decimal digits.
#[derive(Clone, Copy)]
enum Len {
    Fixed(usize),
    LlVar,
    LllVar,
    /// BER-TLV container: length byte, `81 xx` or `82 xx xx`.
    Ber,
}

/// The length table of PA00P015 §"bitmaps", for every tag a terminal may send us. An
/// unknown tag stops parsing: its length cannot be guessed.
fn field_len(t: u8) -> Option<Len> {
    use Len::*;
    Some(match t {
        0x01 | 0x02 | 0x03 | 0x05 | 0x19 | 0x27 | 0x8A | 0x8C | 0xA0 | 0xD0 | 0xD2 | 0xD3 | 0xE0 | 0xE9 | 0xEA => Fixed(1),
        0x0D | 0x0E | 0x17 | 0x3A | 0x49 | 0x87 => Fixed(2),
        0x0B | 0x0C | 0x37 | 0x3D | 0x88 => Fixed(3),
        0x29 => Fixed(4),
        0xBA => Fixed(5),
        0x04 => Fixed(6),
        0x3B => Fixed(8),
        0x2A => Fixed(15),
        0x22 | 0x23 | 0x2D | 0x8B | 0x92 | 0xA7 | 0xD1 | 0xE1..=0xE8 | 0xF1..=0xF8 => LlVar,
        0x24 | 0x2E | 0x3C | 0x60 | 0x9A | 0xAF => LllVar,
        0x06 => Ber,
        _ => return None,
    })
}

fn var_len(b: &[u8]) -> Option<usize> {
    b.iter().try_fold(0usize, |acc, &x| (x >> 4 == 0x0F && x & 0x0F <= 9).then(|| acc * 10 + usize::from(x & 0x0F)))
}

/// One `tag value` pair from a bitmap sequence (the value without its length prefix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub tag: u8,
    pub value: Vec<u8>,
}

/// Splits a BMP sequence into fields. Fails at the first unknown tag or truncated value.
pub fn parse_fields(data: &[u8]) -> Result<Vec<Field>, ApduError> {
    match parse_fields_prefix(data) {
        (fields, None) => Ok(fields),
        (_, Some(e)) => Err(e),
    }
}

/// The fields before the first one that cannot be read, and why reading stopped there.
/// Terminals add vendor fields at the end; the result code and amount come first.
pub fn parse_fields_prefix(data: &[u8]) -> (Vec<Field>, Option<ApduError>) {
    let mut out = Vec::new();
    let e = fields_into(data, &mut out).err();
    (out, e)
}

fn fields_into(mut data: &[u8], out: &mut Vec<Field>) -> Result<(), ApduError> {
    while let Some((&t, rest)) = data.split_first() {
        let len = field_len(t).ok_or(ApduError::UnknownField(t))?;
        let (n, rest) = match len {
            Len::Fixed(n) => (n, rest),
            Len::LlVar | Len::LllVar => {
                let w = if matches!(len, Len::LlVar) { 2 } else { 3 };
                let prefix = rest.get(..w).ok_or(ApduError::Truncated(t))?;
                (var_len(prefix).ok_or(ApduError::Truncated(t))?, &rest[w..])
            }
            Len::Ber => match rest.first() {
                Some(&n) if n < 0x80 => (usize::from(n), &rest[1..]),
                Some(0x81) if rest.len() >= 2 => (usize::from(rest[1]), &rest[2..]),
                Some(0x82) if rest.len() >= 3 => (usize::from(rest[1]) << 8 | usize::from(rest[2]), &rest[3..]),
                _ => return Err(ApduError::Truncated(t)),
            },
        };
        let value = rest.get(..n).ok_or(ApduError::Truncated(t))?;
        out.push(Field { tag: t, value: value.to_vec() });
        data = &rest[n..];
    }
    Ok(())
}

/// `04` + 6-byte BCD amount in minor units.
pub fn amount_field(minor: u64) -> Result<Vec<u8>, ApduError> {
    let mut v = vec![tag::AMOUNT];
    v.extend(bcd(minor, 6)?);
    Ok(v)
}

/// `49` + ISO 4217 numeric code as 2-byte BCD (978 → `09 78`).
pub fn currency_field(code: u16) -> Vec<u8> {
    let b = bcd(u64::from(code % 10000), 2).expect("4 digits fit");
    vec![tag::CURRENCY, b[0], b[1]]
}

/// `87` + receipt number, 2-byte BCD.
pub fn receipt_field(no: u16) -> Result<Vec<u8>, ApduError> {
    let mut v = vec![tag::RECEIPT];
    v.extend(bcd(u64::from(no), 2)?);
    Ok(v)
}

/// A PAN for display: the terminal may send it already masked (`E` nibbles) or in clear;
/// either way only the last four digits survive.
pub fn mask_pan(bcd_pan: &[u8]) -> String {
    let digits: Vec<char> = bcd_pan
        .iter()
        .flat_map(|b| [b >> 4, b & 0x0F])
        .filter(|&n| n != 0x0F) // padding of odd lengths
        .map(|n| if n <= 9 { char::from(b'0' + n) } else { '*' })
        .collect();
    let keep = digits.len().saturating_sub(4);
    digits.iter().enumerate().map(|(i, &c)| if i < keep { '*' } else { c }).collect()
}

/// A card brand by the ZVT card-type byte (`8A`), for when no name (`8B`) is sent.
pub fn brand_of_card_type(t: u8) -> &'static str {
    match t {
        0x05 => "girocard",
        0x06 => "Mastercard",
        0x0A => "Visa",
        0x08 => "American Express",
        0x0C => "Diners",
        0x0E => "JCB",
        0x2E => "Maestro",
        0x0D => "V PAY",
        _ => "card",
    }
}

/// What a status information (`04 0F`) says, field by field; absent fields stay `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusInfo {
    pub result_code: Option<u8>,
    pub amount: Option<u64>,
    pub currency: Option<u16>,
    pub trace: Option<u32>,
    pub receipt_no: Option<u16>,
    pub turnover_no: Option<u32>,
    pub terminal_id: Option<u32>,
    pub masked_pan: Option<String>,
    pub brand: Option<String>,
    pub card_type: Option<u8>,
    pub auth_code: Option<String>,
    /// (hour, minute, second)
    pub time: Option<(u8, u8, u8)>,
    /// (month, day): ZVT sends no year.
    pub date: Option<(u8, u8)>,
    pub totals: Option<Totals>,
    /// Why reading stopped early (a field this codec does not know, a bad value): the
    /// fields before it are kept.
    pub unread: Option<ApduError>,
}

/// Field `60` of an end-of-day status: the receipt range and per-brand count + total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub receipt_range: (u16, u16),
    /// (brand, count, total minor units) in the spec's order, zero rows included.
    pub per_brand: Vec<(&'static str, u8, u64)>,
}

/// The brands of field `60`, in wire order.
pub const TOTALS_BRANDS: [&str; 7] = ["girocard", "JCB", "Eurocard", "Amex", "Visa", "Diners", "others"];

impl Totals {
    pub fn parse(v: &[u8]) -> Result<Totals, ApduError> {
        let t = tag::TOTALS;
        let r = v.get(..4).ok_or(ApduError::Truncated(t))?;
        let receipt_range = (from_bcd(&r[..2])? as u16, from_bcd(&r[2..])? as u16);
        let mut per_brand = Vec::with_capacity(7);
        for (i, brand) in TOTALS_BRANDS.iter().enumerate() {
            let at = 4 + i * 7;
            let b = v.get(at..at + 7).ok_or(ApduError::Truncated(t))?;
            // The count is binary (one byte), the total BCD.
            per_brand.push((*brand, b[0], from_bcd(&b[1..])?));
        }
        Ok(Totals { receipt_range, per_brand })
    }

    /// The inverse of `parse`, for tests and simulators.
    pub fn encode(&self) -> Result<Vec<u8>, ApduError> {
        let mut v = bcd(u64::from(self.receipt_range.0), 2)?;
        v.extend(bcd(u64::from(self.receipt_range.1), 2)?);
        for (_, n, total) in &self.per_brand {
            v.push(*n);
            v.extend(bcd(*total, 6)?);
        }
        Ok(v)
    }
}

impl StatusInfo {
    /// Reads the fields Quay cares about from a `04 0F` payload; others are skipped.
    /// Lenient: reading stops at the first unreadable field, keeping what came before
    /// (noted in `unread`), so a vendor field cannot hide an approval's result code.
    pub fn parse(data: &[u8]) -> StatusInfo {
        let (fields, mut unread) = parse_fields_prefix(data);
        let mut s = StatusInfo::default();
        for f in fields {
            if let Err(e) = s.take(&f) {
                unread = Some(e);
                break;
            }
        }
        if s.brand.is_none() {
            s.brand = s.card_type.map(|t| brand_of_card_type(t).to_string());
        }
        s.unread = unread;
        s
    }

    fn take(&mut self, f: &Field) -> Result<(), ApduError> {
        let s = self;
        {
            let v = &f.value[..];
            match f.tag {
                tag::RESULT => s.result_code = Some(v[0]),
                tag::AMOUNT => s.amount = Some(from_bcd(v)?),
                tag::CURRENCY => s.currency = Some(from_bcd(v)? as u16),
                tag::TRACE => s.trace = Some(from_bcd(v)? as u32),
                tag::RECEIPT => s.receipt_no = Some(from_bcd(v)? as u16),
                tag::TURNOVER => s.turnover_no = Some(from_bcd(v)? as u32),
                tag::TERMINAL_ID => s.terminal_id = Some(from_bcd(v)? as u32),
                tag::PAN => s.masked_pan = Some(mask_pan(v)),
                tag::CARD_NAME => s.brand = Some(String::from_utf8_lossy(v).trim_end_matches('\0').trim().to_string()),
                tag::CARD_TYPE => s.card_type = Some(v[0]),
                tag::AUTH_CODE => s.auth_code = Some(String::from_utf8_lossy(v).trim_end_matches('\0').trim().to_string()),
                tag::TIME => {
                    let t = from_bcd(v)? as u32;
                    s.time = Some(((t / 10000) as u8, (t / 100 % 100) as u8, (t % 100) as u8));
                }
                tag::DATE => {
                    let d = from_bcd(v)? as u32;
                    s.date = Some(((d / 100) as u8, (d % 100) as u8));
                }
                tag::TOTALS => s.totals = Some(Totals::parse(v)?),
                _ => {}
            }
        }
        Ok(())
    }
}

// ---- commands (ECR → terminal) ----

/// `06 00` registration: password (3-byte BCD), config byte, currency code (bare, no tag).
pub fn registration(password: u32, config: u8, currency: u16) -> Result<Apdu, ApduError> {
    let mut d = bcd(u64::from(password), 3)?;
    d.push(config);
    d.extend(bcd(u64::from(currency), 2)?);
    Ok(Apdu::new(0x06, 0x00, d))
}

/// `06 01` authorisation: amount and currency.
pub fn authorisation(amount: u64, currency: u16) -> Result<Apdu, ApduError> {
    let mut d = amount_field(amount)?;
    d.extend(currency_field(currency));
    Ok(Apdu::new(0x06, 0x01, d))
}

/// `06 30` reversal of a receipt number.
pub fn reversal(password: u32, receipt_no: u16) -> Result<Apdu, ApduError> {
    let mut d = bcd(u64::from(password), 3)?;
    d.extend(receipt_field(receipt_no)?);
    Ok(Apdu::new(0x06, 0x30, d))
}

/// `06 31` refund: password, amount, currency.
pub fn refund(password: u32, amount: u64, currency: u16) -> Result<Apdu, ApduError> {
    let mut d = bcd(u64::from(password), 3)?;
    d.extend(amount_field(amount)?);
    d.extend(currency_field(currency));
    Ok(Apdu::new(0x06, 0x31, d))
}

/// `06 50` end-of-day.
pub fn end_of_day(password: u32) -> Result<Apdu, ApduError> {
    Ok(Apdu::new(0x06, 0x50, bcd(u64::from(password), 3)?))
}

/// `05 01` status enquiry.
pub fn status_enquiry(password: u32) -> Result<Apdu, ApduError> {
    Ok(Apdu::new(0x05, 0x01, bcd(u64::from(password), 3)?))
}

/// `06 20` repeat receipt: the terminal resends the last transaction's status and receipt.
pub fn repeat_receipt(password: u32) -> Result<Apdu, ApduError> {
    Ok(Apdu::new(0x06, 0x20, bcd(u64::from(password), 3)?))
}

/// `06 B0` abort of the running transaction.
pub fn abort() -> Apdu {
    Apdu::new(0x06, 0xB0, Vec::new())
}

/// `80 00 00`: positive completion / "received", the ECR's answer to every terminal message.
pub fn ack() -> Apdu {
    Apdu::new(0x80, 0x00, Vec::new())
}

// ---- messages (terminal → ECR) ----

/// A terminal's message, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// `80 00 00`: command accepted.
    Ack,
    /// `84 xx 00`: command refused with code xx.
    Refused(u8),
    /// `04 FF`: intermediate status (a prompt for the display).
    Intermediate(u8),
    /// `04 0F`: status information.
    Status(Box<StatusInfo>),
    /// `06 D1`: one receipt line (attribute byte stripped).
    PrintLine(String),
    /// `06 0F`: completion.
    Completion,
    /// `06 1E`: abort with a result code.
    Abort(u8),
    /// Anything else: answered `80 00 00` and otherwise ignored.
    Other(u8, u8),
}

impl Message {
    pub fn parse(a: &Apdu) -> Result<Message, ApduError> {
        Ok(match (a.class, a.instr) {
            (0x80, 0x00) => Message::Ack,
            (0x84, code) => Message::Refused(code),
            (0x04, 0xFF) => Message::Intermediate(*a.data.first().ok_or(ApduError::Short)?),
            (0x04, 0x0F) => Message::Status(Box::new(StatusInfo::parse(&a.data))),
            (0x06, 0xD1) => {
                let text = a.data.get(1..).unwrap_or_default();
                Message::PrintLine(String::from_utf8_lossy(text).trim_end().to_string())
            }
            (0x06, 0x0F) => Message::Completion,
            // A bare `06 1E` without a code is treated as "aborted" (6C).
            (0x06, 0x1E) => Message::Abort(a.data.first().copied().unwrap_or(0x6C)),
            (c, i) => Message::Other(c, i),
        })
    }
}

/// A prompt for the display: the i18n id the UI translates, and English for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusHint {
    pub code: u8,
    pub id: &'static str,
    pub text: &'static str,
}

/// The intermediate status byte of `04 FF` as a short prompt (PA00P015 "intermediate status").
pub fn status_hint(code: u8) -> StatusHint {
    let (id, text) = match code {
        0x00 => ("zvt-status-confirm-amount", "confirm the amount"),
        0x01 | 0x02 => ("zvt-status-enter-pin", "enter PIN"),
        0x04 => ("zvt-status-waiting-host", "waiting for the bank"),
        0x05 => ("zvt-status-auto-reversal", "automatic reversal"),
        0x07 | 0x08 | 0x10 => ("zvt-status-card-refused", "card not accepted"),
        0x09 => ("zvt-status-card-expired", "card expired"),
        0x0A => ("zvt-status-insert-card", "insert card"),
        0x0B => ("zvt-status-remove-card", "remove card"),
        0x0C => ("zvt-status-card-unreadable", "card not readable"),
        0x0E | 0x17 => ("zvt-status-wait", "please wait"),
        0x15 => ("zvt-status-wrong-pin", "incorrect PIN"),
        0x18 => ("zvt-status-pin-tries", "PIN try limit exceeded"),
        0x1C => ("zvt-status-approved", "approved"),
        0x1D => ("zvt-status-declined", "declined"),
        _ => ("zvt-status-other", "terminal busy"),
    };
    StatusHint { code, id, text }
}

/// A ZVT result code of the terminal's own (≥ 0x64, and refusal codes of `84 xx`) as an
/// i18n id and English text for logs; None for codes without words here.
pub fn terminal_error_hint(code: u8) -> Option<(&'static str, &'static str)> {
    Some(match code {
        0x64 => ("zvt-error-card-unreadable", "card not readable"),
        0x65 => ("zvt-error-no-card-data", "card data not present"),
        0x66 => ("zvt-error-processing", "processing error"),
        0x6A => ("zvt-error-turnover-full", "turnover file full: run the end-of-day"),
        NOT_REGISTERED => ("zvt-error-not-registered", "terminal not registered"),
        0x6C => ("zvt-error-aborted", "aborted (timeout or abort key)"),
        0x6E => ("zvt-error-blocked-card", "card on the blocked list"),
        0x83 => ("zvt-error-not-possible", "function not possible"),
        0x9C => ("zvt-error-repeat", "please repeat"),
        0xFF => ("zvt-error-system", "system error"),
        _ => return None,
    })
}

/// `84 6B`: the terminal refuses the command because the ECR has not registered (`06 00`)
/// since the terminal started; a terminal forgets its registration when it is restarted.
pub const NOT_REGISTERED: u8 = 0x6B;

/// ZVT result codes 01–63 are the issuer's (ISO 8583 field 39, sent binary: 0x33 = 51);
/// 0x64 and above are the terminal's own.
pub fn is_issuer_code(code: u8) -> bool {
    (0x01..0x64).contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        s.split_whitespace().map(|h| u8::from_str_radix(h, 16).unwrap()).collect()
    }

    #[test]
    fn command_vectors() {
        assert_eq!(registration(123456, 0xDE, 978).unwrap().encode().unwrap(), hex("06 00 06 12 34 56 DE 09 78"));
        assert_eq!(authorisation(1000, 978).unwrap().encode().unwrap(), hex("06 01 0A 04 00 00 00 00 10 00 49 09 78"));
        assert_eq!(authorisation(11000, 978).unwrap().encode().unwrap(), hex("06 01 0A 04 00 00 00 01 10 00 49 09 78"));
        assert_eq!(end_of_day(123456).unwrap().encode().unwrap(), hex("06 50 03 12 34 56"));
        assert_eq!(status_enquiry(123456).unwrap().encode().unwrap(), hex("05 01 03 12 34 56"));
        assert_eq!(ack().encode().unwrap(), hex("80 00 00"));
        assert_eq!(reversal(123456, 233).unwrap().encode().unwrap(), hex("06 30 06 12 34 56 87 02 33"));
        assert_eq!(abort().encode().unwrap(), hex("06 B0 00"));
    }

    #[test]
    fn lengths() {
        let a = Apdu::new(0x06, 0xD3, vec![0x10; 300]);
        let e = a.encode().unwrap();
        assert_eq!(&e[..5], &[0x06, 0xD3, 0xFF, 0x2C, 0x01]);
        assert_eq!(Apdu::decode(&e).unwrap(), a);
        let a = Apdu::new(0x06, 0xD3, vec![1; 255]);
        assert_eq!(&a.encode().unwrap()[2..5], &[0xFF, 0xFF, 0x00]);
        let a = Apdu::new(0x06, 0xD3, vec![1; 254]);
        assert_eq!(a.encode().unwrap()[2], 0xFE);
        assert!(matches!(Apdu::decode(&hex("06 01 05 00")), Err(ApduError::Length { .. })));
        assert_eq!(Apdu::decode(&hex("80 00")), Err(ApduError::Short));
    }

    #[test]
    fn bcd_both_ways() {
        assert_eq!(bcd(958, 6).unwrap(), hex("00 00 00 00 09 58"));
        assert_eq!(from_bcd(&hex("09 78")).unwrap(), 978);
        assert_eq!(from_bcd(&[0x1A]), Err(ApduError::Bcd(0x1A)));
        assert!(bcd(1_000_000_000_000, 6).is_err());
        assert_eq!(bcd(999_999_999_999, 6).unwrap(), vec![0x99; 6]);
    }

    #[test]
    fn feig_end_of_day() {
        let mut blob = hex("04 0F 4D 27 00 04 00 00 00 00 09 58 0B 00 09 82 0D 04 06 0C 08 17 06 60 F0 F5 F3 02 33 02 34");
        for _ in 0..2 {
            blob.extend([0u8; 7]);
        }
        blob.extend(hex("02 00 00 00 00 09 58"));
        for _ in 0..4 {
            blob.extend([0u8; 7]);
        }
        let a = Apdu::decode(&blob).unwrap();
        let Message::Status(s) = Message::parse(&a).unwrap() else { panic!("not a status") };
        assert_eq!(s.result_code, Some(0));
        assert_eq!(s.amount, Some(958));
        assert_eq!(s.trace, Some(982));
        assert_eq!(s.date, Some((4, 6)));
        assert_eq!(s.time, Some((8, 17, 6)));
        let t = s.totals.unwrap();
        assert_eq!(t.receipt_range, (233, 234));
        assert_eq!(t.per_brand[2], ("Eurocard", 2, 958));
        assert_eq!(t.per_brand.iter().map(|b| b.2).sum::<u64>(), 958);
        assert_eq!(t.per_brand.iter().filter(|b| b.1 > 0).count(), 1);
        // and back
        assert_eq!(t.encode().unwrap(), blob[27..].to_vec());
    }

    #[test]
    fn approval_status_fields() {
        let mut d = hex("27 00 04 00 00 00 00 12 50 49 09 78 0B 00 00 42 87 00 07 29 12 34 56 78");
        d.extend(hex("22 F0 F8 67 99 99 99 99 99 12 34"));
        d.extend([0x3B]);
        d.extend(b"A1B2C3  ");
        d.extend(hex("8B F0 F4"));
        d.extend(b"VISA");
        d.extend(hex("8A 0A 06 03 01 02 03"));
        let s = StatusInfo::parse(&d);
        assert_eq!(s.unread, None);
        assert_eq!(s.amount, Some(1250));
        assert_eq!(s.currency, Some(978));
        assert_eq!(s.trace, Some(42));
        assert_eq!(s.receipt_no, Some(7));
        assert_eq!(s.terminal_id, Some(12345678));
        assert_eq!(s.masked_pan.as_deref(), Some("************1234"));
        assert_eq!(s.auth_code.as_deref(), Some("A1B2C3"));
        assert_eq!(s.brand.as_deref(), Some("VISA"));
        let s = StatusInfo::parse(&hex("27 33 FC 01 04 00"));
        assert_eq!((s.result_code, s.unread), (Some(0x33), Some(ApduError::UnknownField(0xFC))));
        assert_eq!(StatusInfo::parse(&hex("22 F0 F8 67")).unread, Some(ApduError::Truncated(0x22)));
        assert_eq!(parse_fields(&hex("27 00 FC 01")), Err(ApduError::UnknownField(0xFC)));
        let s = StatusInfo::parse(&hex("27 00 04 00 00 00 00 1A 00"));
        assert_eq!((s.result_code, s.amount, s.unread), (Some(0), None, Some(ApduError::Bcd(0x1A))));
    }

    #[test]
    fn messages() {
        let m = |s: &str| Message::parse(&Apdu::decode(&hex(s)).unwrap()).unwrap();
        assert_eq!(m("80 00 00"), Message::Ack);
        assert_eq!(m("84 9C 00"), Message::Refused(0x9C));
        assert_eq!(m("04 FF 01 0A"), Message::Intermediate(0x0A));
        assert_eq!(status_hint(0x0A).text, "insert card");
        assert_eq!(status_hint(0x01).text, "enter PIN");
        assert_eq!(m("06 1E 01 6C"), Message::Abort(0x6C));
        assert_eq!(m("06 0F 00"), Message::Completion);
        assert_eq!(m("06 D1 04 00 41 42 20"), Message::PrintLine("AB".into()));
        assert!(is_issuer_code(0x33) && !is_issuer_code(0x6C) && !is_issuer_code(0));
    }
}
