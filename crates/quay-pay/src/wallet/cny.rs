//! CNY for Alipay: the one conversion module. Quay keeps money as integer minor units
//! (fen, exponent 2); Alipay's trade APIs take **yuan strings** with at most two decimals
//! (`"24.06"`, contract §4; Quay always writes two), while the smart-store product APIs
//! take **integer fen** (`1000` = ¥10.00, wave2 §2 — the 100× trap). Both directions are
//! here, exact, with no float anywhere: a yuan text is read digit by digit.

use quay_core::money::{Currency, Money};

use super::amount::AmountError;

/// A trade amount: 0.01–100,000,000 yuan (contract §4), in fen.
pub const MIN_FEN: i64 = 1;
pub const MAX_FEN: i64 = 10_000_000_000;

fn cny_fen(m: Money) -> Result<i64, AmountError> {
    if m.currency != Currency::Cny || m.currency.exponent() != 2 {
        return Err(AmountError::NotCny { found: m.currency.code().to_string() });
    }
    Ok(m.minor)
}

/// A trade amount for the wire: CNY only, 0.01–100,000,000 yuan, always two decimals
/// (`"24.06"`, `"0.01"`, `"100.00"`).
pub fn to_yuan(m: Money) -> Result<String, AmountError> {
    yuan_fen(cny_fen(m)?)
}

/// The same from fen (refund amounts, order sync): 1..=10,000,000,000 fen.
pub fn yuan_fen(fen: i64) -> Result<String, AmountError> {
    if !(MIN_FEN..=MAX_FEN).contains(&fen) {
        return Err(AmountError::FenOutOfRange { fen, min: MIN_FEN, max: MAX_FEN });
    }
    Ok(format_fen(fen))
}

/// Any non-negative fen as two-decimal yuan (no range: `0` → `"0.00"`).
pub fn format_fen(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// Reads a yuan text strictly: `\d+(\.\d{1,2})?` — no sign, exponent, spaces, `"1."`
/// or `".5"` — into fen. `"0"` and `"0.00"` read as 0 (Alipay echoes `"0.00"` on
/// failures and in coupon contributions); a trade amount is checked with
/// `parse_trade_yuan`.
pub fn parse_yuan(s: &str) -> Result<i64, AmountError> {
    let bad = || AmountError::BadYuan { text: s.chars().take(40).collect() };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let frac_fen = match frac {
        None => 0,
        Some(f) if (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
            let n: i64 = f.parse().map_err(|_| bad())?;
            if f.len() == 1 {
                n * 10
            } else {
                n
            }
        }
        Some(_) => return Err(bad()),
    };
    let digits = int.trim_start_matches('0');
    if digits.len() > 15 {
        return Err(bad());
    }
    let yuan: i64 = if digits.is_empty() { 0 } else { digits.parse().map_err(|_| bad())? };
    yuan.checked_mul(100).and_then(|f| f.checked_add(frac_fen)).ok_or_else(bad)
}

/// A trade amount read back: `parse_yuan` and 0.01–100,000,000 yuan (`"0"` refused).
pub fn parse_trade_yuan(s: &str) -> Result<i64, AmountError> {
    let fen = parse_yuan(s)?;
    if !(MIN_FEN..=MAX_FEN).contains(&fen) {
        return Err(AmountError::FenOutOfRange { fen, min: MIN_FEN, max: MAX_FEN });
    }
    Ok(fen)
}

/// An item price for the product APIs: CNY only, ≥ 0, integer fen, exactly.
pub fn to_fen(m: Money) -> Result<i64, AmountError> {
    let fen = cny_fen(m)?;
    if !(0..=MAX_FEN).contains(&fen) {
        return Err(AmountError::FenOutOfRange { fen, min: 0, max: MAX_FEN });
    }
    Ok(fen)
}

/// Alipay's fen as `Money` (CNY).
pub fn from_fen(fen: i64) -> Money {
    Money::new(fen, Currency::Cny)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cny(fen: i64) -> Money {
        Money::new(fen, Currency::Cny)
    }

    #[test]
    fn money_to_yuan() {
        let cases: &[(i64, Result<&str, AmountError>)] = &[
            (2406, Ok("24.06")),
            (1, Ok("0.01")),
            (10, Ok("0.10")),
            (100, Ok("1.00")),
            (10_000, Ok("100.00")),
            (123_456_789, Ok("1234567.89")),
            (MAX_FEN, Ok("100000000.00")),
            (0, Err(AmountError::FenOutOfRange { fen: 0, min: 1, max: MAX_FEN })),
            (-1, Err(AmountError::FenOutOfRange { fen: -1, min: 1, max: MAX_FEN })),
            (MAX_FEN + 1, Err(AmountError::FenOutOfRange { fen: MAX_FEN + 1, min: 1, max: MAX_FEN })),
        ];
        for (fen, want) in cases {
            assert_eq!(to_yuan(cny(*fen)), want.clone().map(String::from), "{fen}");
            assert_eq!(yuan_fen(*fen), want.clone().map(String::from), "{fen}");
        }
    }

    #[test]
    fn other_currencies_refused() {
        for c in [Currency::Vnd, Currency::Eur, Currency::Usd, Currency::Jpy, Currency::Kwd] {
            assert_eq!(to_yuan(Money::new(2406, c)), Err(AmountError::NotCny { found: c.code().to_string() }));
            assert_eq!(to_fen(Money::new(2406, c)), Err(AmountError::NotCny { found: c.code().to_string() }));
        }
        let e: super::super::WalletError = to_yuan(Money::new(5, Currency::Vnd)).unwrap_err().into();
        assert!(matches!(e, super::super::WalletError::Currency { ref found } if found == "VND"));
    }

    #[test]
    fn yuan_texts_read_strictly() {
        let ok: &[(&str, i64)] = &[
            ("24.06", 2406),
            ("24.6", 2460),
            ("24", 2400),
            ("0.01", 1),
            ("0.00", 0),
            ("0", 0),
            ("007.50", 750),
            ("100000000.00", MAX_FEN),
            ("100000000", MAX_FEN),
        ];
        for (text, fen) in ok {
            assert_eq!(parse_yuan(text), Ok(*fen), "{text}");
        }
        for text in [
            "10.005",
            "1e3",
            "1E3",
            "-1",
            "+1",
            "",
            "1.",
            ".5",
            " 1.00",
            "1.00 ",
            "1,00",
            "1.0.0",
            "NaN",
            "¥1",
            "1.5e2",
            "9999999999999999999",
        ] {
            assert_eq!(parse_yuan(text), Err(AmountError::BadYuan { text: text.to_string() }), "{text:?}");
        }
    }

    #[test]
    fn trade_amounts_read_back_in_range() {
        assert_eq!(parse_trade_yuan("24.06"), Ok(2406));
        assert_eq!(parse_trade_yuan("0.01"), Ok(1));
        for text in ["0", "0.00", "100000000.01"] {
            assert!(matches!(parse_trade_yuan(text), Err(AmountError::FenOutOfRange { .. })), "{text}");
        }
        assert!(matches!(parse_trade_yuan("1e3"), Err(AmountError::BadYuan { .. })));
    }

    /// Every fen formats and reads back to itself (both directions of the one module).
    #[test]
    fn round_trips() {
        for fen in [1, 9, 10, 99, 100, 101, 2406, 99_999, 1_000_000, MAX_FEN - 1, MAX_FEN] {
            assert_eq!(parse_yuan(&yuan_fen(fen).unwrap()), Ok(fen));
            assert_eq!(parse_trade_yuan(&to_yuan(from_fen(fen)).unwrap()), Ok(fen));
        }
    }

    #[test]
    fn item_prices_in_fen() {
        let cases: &[(i64, bool)] = &[(0, true), (1, true), (1000, true), (MAX_FEN, true), (-1, false), (MAX_FEN + 1, false)];
        for &(fen, ok) in cases {
            assert_eq!(to_fen(cny(fen)).is_ok(), ok, "{fen}");
        }
        assert_eq!(to_fen(cny(1000)), Ok(1000)); // ¥10.00 is 1000 on the product APIs …
        assert_eq!(to_yuan(cny(1000)).as_deref(), Ok("10.00")); // … and "10.00" on trades.
    }
}
