//! A card typed by the cashier for a MOTO authorization. The number and the CVV live only in
//! `Zeroizing` buffers: wiped when dropped, never `Clone`, never `Serialize`, and `Debug`
//! shows the masked number only. Checked before anything is sent: digits, Luhn, brand by IIN,
//! expiry (valid through the last day of its month), CVV length by brand.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::VposError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Brand {
    Visa,
    Mastercard,
    Amex,
    Troy,
    Maestro,
    UnionPay,
    Jcb,
    Discover,
    /// A number that passes Luhn but no IIN range Quay knows: the bank decides.
    Other,
}

impl Brand {
    pub fn as_str(self) -> &'static str {
        match self {
            Brand::Visa => "visa",
            Brand::Mastercard => "mastercard",
            Brand::Amex => "amex",
            Brand::Troy => "troy",
            Brand::Maestro => "maestro",
            Brand::UnionPay => "unionpay",
            Brand::Jcb => "jcb",
            Brand::Discover => "discover",
            Brand::Other => "other",
        }
    }

    /// The brand of a card number by its leading digits (IIN). Order matters: Troy's 9792 and
    /// UnionPay's 62 before the wide Discover/Maestro ranges.
    pub fn of(digits: &str) -> Brand {
        let p = |n: usize| -> u32 { digits.get(..n).and_then(|s| s.parse().ok()).unwrap_or(0) };
        match () {
            _ if p(4) == 9792 => Brand::Troy,
            _ if p(2) == 34 || p(2) == 37 => Brand::Amex,
            _ if (51..=55).contains(&p(2)) || (2221..=2720).contains(&p(4)) => Brand::Mastercard,
            _ if (3528..=3589).contains(&p(4)) => Brand::Jcb,
            _ if p(4) == 6011 || p(2) == 65 || (644..=649).contains(&p(3)) => Brand::Discover,
            _ if p(2) == 62 => Brand::UnionPay,
            _ if p(1) == 4 => Brand::Visa,
            _ if p(2) == 50 || (56..=69).contains(&p(2)) => Brand::Maestro,
            _ => Brand::Other,
        }
    }

    /// Digits of the security code: 4 on Amex, 3 elsewhere.
    pub fn cvv_digits(self) -> u8 {
        if self == Brand::Amex {
            4
        } else {
            3
        }
    }
}

/// A checked card number (12–19 digits, Luhn).
pub struct CardNumber {
    digits: Zeroizing<String>,
    brand: Brand,
}

impl CardNumber {
    /// Strips spaces and dashes, then checks 12–19 digits and Luhn.
    pub fn parse(text: &str) -> Result<CardNumber, VposError> {
        let mut digits = Zeroizing::new(String::with_capacity(19));
        for c in text.chars() {
            match c {
                ' ' | '-' => {}
                '0'..='9' if digits.len() < 19 => digits.push(c),
                _ => return Err(VposError::CardNumber),
            }
        }
        if digits.len() < 12 || !luhn(&digits) {
            return Err(VposError::CardNumber);
        }
        let brand = Brand::of(&digits);
        Ok(CardNumber { digits, brand })
    }

    pub fn brand(&self) -> Brand {
        self.brand
    }

    /// First 6, `*` for the middle, last 4: the only form that may be shown, logged or stored.
    pub fn masked(&self) -> String {
        let d = self.digits.as_str();
        format!("{}{}{}", &d[..6], "*".repeat(d.len() - 10), &d[d.len() - 4..])
    }

    /// The digits, for the request body only (itself a zeroized buffer).
    pub(crate) fn digits(&self) -> &str {
        &self.digits
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber({})", self.masked())
    }
}

/// The Luhn check over ASCII digits.
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = (b - b'0') as u32;
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// `MM/YY` as printed on the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expiry {
    pub month: u32,
    /// Full year (2000 + YY).
    pub year: i32,
}

impl Expiry {
    /// `MM/YY` (also `MMYY` and `MM / YY`, as people type it).
    pub fn parse(text: &str) -> Result<Expiry, VposError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '/').collect();
        if compact.len() != 4 || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VposError::Expiry);
        }
        let month: u32 = compact[..2].parse().map_err(|_| VposError::Expiry)?;
        let yy: i32 = compact[2..].parse().map_err(|_| VposError::Expiry)?;
        if !(1..=12).contains(&month) {
            return Err(VposError::Expiry);
        }
        Ok(Expiry { month, year: 2000 + yy })
    }

    /// Valid through the last day of its month.
    pub fn is_expired(self, today: NaiveDate) -> bool {
        (today.year(), today.month()) > (self.year, self.month)
    }

    /// NestPay's `Expires`: `MM/YY`.
    pub fn mm_slash_yy(self) -> String {
        format!("{:02}/{:02}", self.month, self.year % 100)
    }

    /// Garanti's `ExpireDate`: `MMYY`.
    pub fn mmyy(self) -> String {
        format!("{:02}{:02}", self.month, self.year % 100)
    }
}

/// The security code (CVV2/CVC2).
pub struct Cvv {
    digits: Zeroizing<String>,
}

impl Cvv {
    /// 3 digits, 4 on Amex.
    pub fn parse(text: &str, brand: Brand) -> Result<Cvv, VposError> {
        let want = brand.cvv_digits();
        let t = text.trim();
        if t.len() != want as usize || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VposError::Cvv { digits: want });
        }
        Ok(Cvv { digits: Zeroizing::new(t.to_string()) })
    }

    pub(crate) fn digits(&self) -> &str {
        &self.digits
    }
}

impl fmt::Debug for Cvv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cvv(***)")
    }
}

/// Everything the cashier typed, checked.
#[derive(Debug)]
pub struct CardEntry {
    pub number: CardNumber,
    pub expiry: Expiry,
    /// Optional for MOTO (contract §6).
    pub cvv: Option<Cvv>,
}

impl CardEntry {
    /// Checks in the order the cashier reads the card; an empty CVV counts as none.
    pub fn parse(number: &str, expiry: &str, cvv: Option<&str>, today: NaiveDate) -> Result<CardEntry, VposError> {
        let number = CardNumber::parse(number)?;
        let expiry = Expiry::parse(expiry)?;
        if expiry.is_expired(today) {
            return Err(VposError::CardExpired { expiry: expiry.mm_slash_yy() });
        }
        let cvv = match cvv.map(str::trim) {
            None | Some("") => None,
            Some(c) => Some(Cvv::parse(c, number.brand())?),
        };
        Ok(CardEntry { number, expiry, cvv })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_brands() {
        let rows: &[(&str, Option<Brand>)] = &[
            ("4508034508034509", Some(Brand::Visa)),
            ("4508 0345 0803 4509", Some(Brand::Visa)),
            ("4508-0345-0803-4509", Some(Brand::Visa)),
            ("4111111111111111", Some(Brand::Visa)),
            ("5555444433332222", None), // Luhn (MEWS's test number)
            ("5406675406675403", Some(Brand::Mastercard)),
            ("2221000000000009", Some(Brand::Mastercard)),
            ("2720990000000007", Some(Brand::Mastercard)),
            ("378282246310005", Some(Brand::Amex)),
            ("371449635398431", Some(Brand::Amex)),
            ("9792030394440796", Some(Brand::Troy)),
            ("6759649826438453", Some(Brand::Maestro)),
            ("6200000000000005", Some(Brand::UnionPay)),
            ("3530111333300000", Some(Brand::Jcb)),
            ("6011111111111117", Some(Brand::Discover)),
            ("6445644564456445", Some(Brand::Discover)),
            ("4508034508034508", None),     // Luhn
            ("45080345080", None),          // 11 digits
            ("45080345080345091234", None), // 20 digits
            ("4508a34508034509", None),
            ("", None),
            ("4508.0345.0803.4509", None),
        ];
        for (text, brand) in rows {
            let got = CardNumber::parse(text).map(|c| c.brand()).ok();
            assert_eq!(got, *brand, "{text}");
        }
    }

    #[test]
    fn masked_and_debug() {
        let c = CardNumber::parse("4508 0345 0803 4509").unwrap();
        assert_eq!(c.masked(), "450803******4509");
        assert_eq!(format!("{c:?}"), "CardNumber(450803******4509)");
        assert_eq!(CardNumber::parse("378282246310005").unwrap().masked(), "378282*****0005");
        let cvv = Cvv::parse("123", Brand::Visa).unwrap();
        assert_eq!(format!("{cvv:?}"), "Cvv(***)");
        let e = CardEntry::parse("4508034508034509", "12/30", Some("123"), day(2026, 12, 3)).unwrap();
        let dbg = format!("{e:?}");
        assert!(!dbg.contains("4508034508034509") && !dbg.contains("123"), "{dbg}");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn expiry() {
        let rows = [
            ("12/26", Some((12, 2026))),
            ("01/30", Some((1, 2030))),
            ("0130", Some((1, 2030))),
            ("01 / 30", Some((1, 2030))),
            ("13/26", None),
            ("00/26", None),
            ("1/26", None),
            ("12/2026", None),
            ("ab/cd", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(Expiry::parse(text).ok().map(|e| (e.month, e.year)), want, "{text}");
        }
        let dec26 = Expiry::parse("12/26").unwrap();
        assert!(!dec26.is_expired(day(2026, 12, 31)), "valid through the last day");
        assert!(dec26.is_expired(day(2027, 1, 1)));
        assert!(!dec26.is_expired(day(2026, 1, 1)));
        assert_eq!(dec26.mm_slash_yy(), "12/26");
        assert_eq!(Expiry::parse("0130").unwrap().mmyy(), "0130");
    }

    #[test]
    fn cvv() {
        let rows = [
            ("123", Brand::Visa, true),
            ("1234", Brand::Visa, false),
            ("12", Brand::Mastercard, false),
            ("1234", Brand::Amex, true),
            ("123", Brand::Amex, false),
            ("12a", Brand::Troy, false),
            ("", Brand::Visa, false),
        ];
        for (text, brand, ok) in rows {
            assert_eq!(Cvv::parse(text, brand).is_ok(), ok, "{text} {brand:?}");
        }
        assert_eq!(Cvv::parse("123", Brand::Amex).unwrap_err(), VposError::Cvv { digits: 4 });
    }

    #[test]
    fn entry() {
        let today = day(2026, 12, 3);
        assert!(CardEntry::parse("4508034508034509", "12/26", None, today).unwrap().cvv.is_none());
        assert!(CardEntry::parse("4508034508034509", "12/26", Some(" "), today).unwrap().cvv.is_none());
        assert_eq!(CardEntry::parse("4508034508034508", "12/26", None, today).unwrap_err(), VposError::CardNumber);
        assert_eq!(CardEntry::parse("4508034508034509", "13/26", None, today).unwrap_err(), VposError::Expiry);
        assert_eq!(
            CardEntry::parse("4508034508034509", "11/26", None, today).unwrap_err(),
            VposError::CardExpired { expiry: "11/26".into() }
        );
        assert_eq!(CardEntry::parse("378282246310005", "12/26", Some("123"), today).unwrap_err(), VposError::Cvv { digits: 4 });
    }
}
