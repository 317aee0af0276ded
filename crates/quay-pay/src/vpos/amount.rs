//! THE one place amounts cross the wire (contract §6 "Total", wave2 §3 Garanti):
//! - NestPay `Total`/`amount`: major units, a dot, exactly the currency's decimals when Quay
//!   writes (VND `150000`, TRY `100.25`, `100.00`); when reading, at most that many decimals,
//!   no sign, exponent, leading zero or zero amount.
//! - Garanti `Amount` and NestPay's Extra amounts (ORIG_TRANS_AMT…): minor-unit integers.
//! - Currency numeric codes (949 TRY, 978 EUR, 704 VND…): ISO 4217, from quay-core's table.
//!
//! No floats: digits are read as integers and scaled.

use quay_core::money::{Currency, Money, MAX_MINOR};

use super::VposError;

fn bad(text: &str) -> VposError {
    VposError::Amount { amount: text.to_string() }
}

/// An amount the bank may be asked to move: positive and within Quay's bound.
pub fn check_positive(amount: Money) -> Result<(), VposError> {
    if amount.minor <= 0 || amount.minor > MAX_MINOR {
        return Err(bad(&amount.minor.to_string()));
    }
    Ok(())
}

/// NestPay's `Total`: `15000025` minor TRY → `150000.25`; VND 150000 → `150000`.
pub fn to_total(amount: Money) -> Result<String, VposError> {
    check_positive(amount)?;
    let exp = amount.currency.exponent() as usize;
    let scale = amount.currency.scale();
    let (major, minor) = (amount.minor / scale, amount.minor % scale);
    Ok(if exp == 0 { major.to_string() } else { format!("{major}.{minor:0exp$}") })
}

/// Reads a `Total` in `currency`: digits, optionally a dot and 1..=exponent digits; no sign,
/// exponent, spaces, leading zero (`0.50` is fine: the zero is the whole part) or zero amount.
pub fn parse_total(text: &str, currency: Currency) -> Result<Money, VposError> {
    let exp = currency.exponent() as usize;
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (whole.len() > 1 && whole.starts_with('0')) {
        return Err(bad(text));
    }
    let frac = match frac {
        None => "",
        Some(f) if digits(f) && f.len() <= exp => f,
        Some(_) => return Err(bad(text)),
    };
    // Bounded before multiplying: at most 13 whole digits fit MAX_MINOR in every currency.
    if whole.len() > 14 {
        return Err(bad(text));
    }
    let whole: i64 = whole.parse().map_err(|_| bad(text))?;
    let frac_minor: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<exp$}").parse().map_err(|_| bad(text))? };
    let minor = whole.checked_mul(currency.scale()).and_then(|m| m.checked_add(frac_minor)).ok_or_else(|| bad(text))?;
    let money = Money::new(minor, currency);
    check_positive(money).map_err(|_| bad(text))?;
    Ok(money)
}

/// Garanti's `Amount`: the minor units as digits.
pub fn to_minor_string(amount: Money) -> Result<String, VposError> {
    check_positive(amount)?;
    Ok(amount.minor.to_string())
}

/// A minor-unit integer (Garanti `Amount`, NestPay `ORIG_TRANS_AMT`): digits only, no sign,
/// no leading zero; `0` is allowed here (a declined order's amount, nothing refunded).
pub fn parse_minor(text: &str, currency: Currency) -> Result<Money, VposError> {
    let t = text.trim();
    if t.is_empty() || t.len() > 14 || !t.bytes().all(|b| b.is_ascii_digit()) || (t.len() > 1 && t.starts_with('0')) {
        return Err(bad(text));
    }
    let minor: i64 = t.parse().map_err(|_| bad(text))?;
    if minor > MAX_MINOR {
        return Err(bad(text));
    }
    Ok(Money::new(minor, currency))
}

/// ISO 4217 numeric code as the banks write it (`949`, `704`).
pub fn currency_code(currency: Currency) -> String {
    format!("{:03}", currency.numeric())
}

/// The currency of a numeric code; an unknown one is refused rather than guessed.
pub fn parse_currency_code(text: &str) -> Option<Currency> {
    let t = text.trim();
    if t.len() != 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Currency::from_numeric(t.parse().ok()?)
}

/// The amount must be in the gateway's currency: Quay never converts.
pub fn check_currency(amount: Money, gateway: Currency) -> Result<(), VposError> {
    if amount.currency != gateway {
        return Err(VposError::CurrencyMismatch { expected: gateway.code().into(), found: amount.currency.code().into() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Option<Currency> {
        code.parse().ok()
    }

    /// (currency, minor, Total written) — rows for a currency quay-core does not know yet
    /// (TRY, GBP) are skipped, so they start running the day it does.
    #[test]
    fn total_written_with_the_currency_decimals() {
        let rows = [
            ("VND", 150_000, "150000"),
            ("JPY", 1_200, "1200"),
            ("EUR", 10_025, "100.25"),
            ("EUR", 10_050, "100.50"),
            ("EUR", 10_000, "100.00"),
            ("EUR", 1, "0.01"),
            ("USD", 9_593, "95.93"),
            ("TRY", 10_025, "100.25"),
            ("GBP", 5, "0.05"),
        ];
        for (c, minor, text) in rows {
            let Some(c) = cur(c) else { continue };
            assert_eq!(to_total(Money::new(minor, c)).unwrap(), text, "{c} {minor}");
            assert_eq!(parse_total(text, c).unwrap(), Money::new(minor, c), "{c} {text}");
        }
    }

    #[test]
    fn total_read_with_fewer_decimals() {
        let rows = [("EUR", "100", 10_000), ("EUR", "100.5", 10_050), ("EUR", "0.5", 50), ("TRY", "100.5", 10_050)];
        for (c, text, minor) in rows {
            let Some(c) = cur(c) else { continue };
            assert_eq!(parse_total(text, c).unwrap().minor, minor, "{text}");
        }
    }

    #[test]
    fn total_refusals() {
        let rows = [
            ("VND", "150000.00"),
            ("VND", "150000."),
            ("JPY", "1.5"),
            ("EUR", "100.255"),
            ("EUR", "-1.00"),
            ("EUR", "+1.00"),
            ("EUR", "1e2"),
            ("EUR", "01.00"),
            ("EUR", "0"),
            ("EUR", "0.00"),
            ("EUR", ""),
            ("EUR", ".5"),
            ("EUR", "1,50"),
            ("EUR", " 1.50"),
            ("EUR", "1.5.0"),
            ("EUR", "99999999999999999999"),
            ("VND", "100000000000000"),
        ];
        for (c, text) in rows {
            let c = cur(c).unwrap();
            assert!(parse_total(text, c).is_err(), "{c} {text:?}");
        }
        for minor in [0, -1, MAX_MINOR + 1] {
            assert!(to_total(Money::new(minor, Currency::Eur)).is_err(), "{minor}");
            assert!(to_minor_string(Money::new(minor, Currency::Eur)).is_err(), "{minor}");
        }
    }

    #[test]
    fn minor_units() {
        assert_eq!(to_minor_string(Money::new(10_025, Currency::Eur)).unwrap(), "10025");
        assert_eq!(to_minor_string(Money::new(150_000, Currency::Vnd)).unwrap(), "150000");
        assert_eq!(parse_minor("10025", Currency::Eur).unwrap(), Money::new(10_025, Currency::Eur));
        assert_eq!(parse_minor("0", Currency::Eur).unwrap(), Money::new(0, Currency::Eur));
        for bad in ["", "-5", "01", "1.00", "1e3", "abc", "999999999999999"] {
            assert!(parse_minor(bad, Currency::Eur).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn currency_codes() {
        assert_eq!(currency_code(Currency::Vnd), "704");
        assert_eq!(currency_code(Currency::Eur), "978");
        assert_eq!(currency_code(Currency::Jpy), "392");
        assert_eq!(currency_code(Currency::Usd), "840");
        assert_eq!(parse_currency_code("978"), Some(Currency::Eur));
        assert_eq!(parse_currency_code("704"), Some(Currency::Vnd));
        for bad in ["", "97", "9780", "abc", "000"] {
            assert_eq!(parse_currency_code(bad), None, "{bad:?}");
        }
        if let Some(t) = cur("TRY") {
            assert_eq!(currency_code(t), "949");
        }
        assert!(check_currency(Money::new(1, Currency::Eur), Currency::Eur).is_ok());
        assert_eq!(
            check_currency(Money::new(1, Currency::Usd), Currency::Eur),
            Err(VposError::CurrencyMismatch { expected: "EUR".into(), found: "USD".into() })
        );
    }
}
