//! Card checks of the simulated banks. Full numbers and CVVs live only in the request being
//! handled: nothing here stores, logs or returns them (only `masked`).

use chrono::{Datelike, NaiveDate};

/// Card number → the issuer's ProcReturnCode for the simulated banks ("00" approved). Any
/// other number that passes Luhn with a known brand is approved too.
pub const TEST_CARDS: &[(&str, &str)] = &[
    ("4508034508034509", "00"),
    ("5406675406675403", "00"),
    ("374245455400126", "00"),
    ("9792030394440796", "00"),
    ("4000000000000515", "51"),
    ("4000000000000051", "05"),
    ("4000000000000549", "54"),
    ("4000000000000044", "04"),
    ("4000000000000416", "41"),
    ("4000000000000432", "43"),
    ("4000000000000572", "57"),
    ("4000000000000622", "62"),
    ("4000000000000911", "91"),
];

/// The approved Visa test card.
pub const APPROVED_CARD: &str = "4508034508034509";

/// This CVV is always wrong (Declined/82) on every test card.
pub const WRONG_CVV: &str = "000";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brand {
    Visa,
    Mastercard,
    Amex,
    Troy,
    Maestro,
    UnionPay,
    Jcb,
    Discover,
}

impl Brand {
    pub fn name(self) -> &'static str {
        match self {
            Brand::Visa => "VISA",
            Brand::Mastercard => "MASTERCARD",
            Brand::Amex => "AMEX",
            Brand::Troy => "TROY",
            Brand::Maestro => "MAESTRO",
            Brand::UnionPay => "UNIONPAY",
            Brand::Jcb => "JCB",
            Brand::Discover => "DISCOVER",
        }
    }
}

fn prefix_num(n: &str, len: usize) -> u32 {
    n.get(..len).and_then(|p| p.parse().ok()).unwrap_or(0)
}

/// The brand by IIN, None when unknown.
pub fn brand(n: &str) -> Option<Brand> {
    let p2 = prefix_num(n, 2);
    let p4 = prefix_num(n, 4);
    let p6 = prefix_num(n, 6);
    if p4 == 9792 {
        Some(Brand::Troy)
    } else if n.starts_with('4') {
        Some(Brand::Visa)
    } else if (51..=55).contains(&p2) || (222_100..=272_099).contains(&p6) {
        Some(Brand::Mastercard)
    } else if p2 == 34 || p2 == 37 {
        Some(Brand::Amex)
    } else if p2 == 62 {
        Some(Brand::UnionPay)
    } else if (3528..=3589).contains(&p4) {
        Some(Brand::Jcb)
    } else if p4 == 6011 || p2 == 65 {
        Some(Brand::Discover)
    } else if [50, 56, 57, 58, 63, 67].contains(&p2) {
        Some(Brand::Maestro)
    } else {
        None
    }
}

pub fn luhn(n: &str) -> bool {
    let mut sum = 0;
    for (i, c) in n.bytes().rev().enumerate() {
        let mut d = (c - b'0') as u32;
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

/// Digits only, 12–19, Luhn, a known brand.
pub fn check_number(n: &str) -> Option<Brand> {
    if !(12..=19).contains(&n.len()) || !n.bytes().all(|b| b.is_ascii_digit()) || !luhn(n) {
        return None;
    }
    brand(n)
}

/// First 6, `*` for the middle, last 4.
pub fn masked(n: &str) -> String {
    if n.len() < 11 || !n.is_ascii() {
        return "*".repeat(n.chars().count().min(19));
    }
    format!("{}{}{}", &n[..6], "*".repeat(n.len() - 10), &n[n.len() - 4..])
}

/// `MM/YY` (NestPay) or `MMYY` (Garanti) → (year, month).
pub fn parse_expiry(s: &str, with_slash: bool) -> Option<(i32, u32)> {
    let (mm, yy) = if with_slash {
        let (m, y) = s.split_once('/')?;
        (m, y)
    } else {
        if s.len() != 4 {
            return None;
        }
        s.split_at(2)
    };
    if mm.len() != 2 || yy.len() != 2 || !mm.bytes().chain(yy.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m: u32 = mm.parse().ok()?;
    let y: i32 = yy.parse().ok()?;
    (1..=12).contains(&m).then_some((2000 + y, m))
}

/// Valid through the last day of its month.
pub fn expired(exp: (i32, u32), today: NaiveDate) -> bool {
    (exp.0, exp.1) < (today.year(), today.month())
}

/// 3 digits, Amex 4.
pub fn cvv_ok(cvv: &str, brand: Brand) -> bool {
    let len = if brand == Brand::Amex { 4 } else { 3 };
    cvv.len() == len && cvv.bytes().all(|b| b.is_ascii_digit()) && cvv != WRONG_CVV
}

/// The issuer's code for a card that passed the checks.
pub fn issuer_code(n: &str) -> &'static str {
    TEST_CARDS.iter().find(|(c, _)| *c == n).map(|(_, code)| *code).unwrap_or("00")
}

/// English text of an issuer's code (ErrMsg of a decline).
pub fn decline_text(code: &str) -> &'static str {
    match code {
        "04" | "07" => "Pick up card",
        "05" => "Do not honour",
        "12" => "Invalid transaction",
        "41" => "Lost card, pick up",
        "43" => "Stolen card, pick up",
        "51" => "Insufficient funds",
        "54" => "Expired card",
        "57" => "Transaction not permitted to cardholder",
        "62" => "Restricted card",
        "82" => "Incorrect CVV",
        "91" => "Issuer or switch inoperative",
        _ => "Declined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_cards_are_luhn_valid_with_a_brand() {
        for (c, _) in TEST_CARDS {
            assert!(check_number(c).is_some(), "{c}");
        }
        assert_eq!(masked("4508034508034509"), "450803******4509");
        assert_eq!(masked("374245455400126"), "374245*****0126");
        assert!(check_number("4508034508034508").is_none());
        assert_eq!(parse_expiry("12/30", true), Some((2030, 12)));
        assert_eq!(parse_expiry("1230", false), Some((2030, 12)));
        assert_eq!(parse_expiry("13/30", true), None);
    }
}
