//! Viva's transaction amounts are JSON decimals in major units (1000 cents come back as
//! `10.0`). Money in Quay is integer minor units, so the amount is converted from the
//! number's *text*, exactly, never through float arithmetic.
//!
//! Without serde_json's `arbitrary_precision` a JSON float is held as an `f64` and
//! `Number::to_string` prints the shortest text that reads back to the same `f64`
//! (ryu). For every amount a till can see (below 2^53 minor units, far above
//! `MAX_MINOR`) that text is the decimal Viva meant: `0.07` prints "0.07", never
//! "0.07000000000000001". What the text cannot recover — digits beyond f64 precision,
//! exponent forms like `1e21` — is refused rather than rounded.

use quay_core::money::{Currency, Money};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// A decimal amount in major units, kept as its text until the currency is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MajorAmount(pub String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// More fraction digits than the currency has: refused, never rounded.
    #[error("amount {text} has more than {digits} decimals")]
    TooManyDecimals { text: String, digits: u32 },
    #[error("amount {text} is not a plain decimal number")]
    Malformed { text: String },
    #[error("amount {text} is out of range")]
    OutOfRange { text: String },
}

impl MajorAmount {
    /// The amount in the currency's minor units: "12.5" EUR → 1250.
    pub fn to_minor(&self, currency: Currency) -> Result<i64, AmountError> {
        major_text_to_minor(&self.0, currency)
    }
}

/// Exact conversion of a major-unit decimal text ("10", "10.0", "12.5", "-0.07").
/// Trailing zeros beyond the currency's digits are harmless ("10.000" EUR is 1000):
/// serde_json may print a float as "10.0" even for VND, which has no minor digits.
pub fn major_text_to_minor(text: &str, currency: Currency) -> Result<i64, AmountError> {
    let t = text.trim();
    if t.contains(['e', 'E', '+']) {
        return Err(AmountError::Malformed { text: text.to_string() });
    }
    // Drop zeros that carry no value, so "10.0" is fine for a currency of 0 digits.
    let normalised = match t.split_once('.') {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                if t.ends_with('.') {
                    return Err(AmountError::Malformed { text: text.to_string() });
                }
                int.to_string()
            } else {
                format!("{int}.{frac}")
            }
        }
        None => t.to_string(),
    };
    match Money::parse_major(&normalised, currency) {
        Ok(m) => Ok(m.minor),
        Err(quay_core::error::CoreError::TooManyDecimals { .. }) => {
            Err(AmountError::TooManyDecimals { text: text.to_string(), digits: currency.exponent() })
        }
        Err(quay_core::error::CoreError::AmountTooLarge) => Err(AmountError::OutOfRange { text: text.to_string() }),
        Err(_) => Err(AmountError::Malformed { text: text.to_string() }),
    }
}

/// Minor units as the major-unit decimal text Viva uses (1250, EUR → "12.50").
pub fn minor_to_major_text(minor: i64, currency: Currency) -> String {
    Money::new(minor, currency).to_major_string()
}

impl<'de> Deserialize<'de> for MajorAmount {
    /// Accepts a JSON number (through its text) or a string holding one.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MajorAmount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal amount")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<MajorAmount, E> {
                Ok(MajorAmount(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<MajorAmount, E> {
                Ok(MajorAmount(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<MajorAmount, E> {
                // The same text serde_json::Number prints (shortest round-trip form).
                match serde_json::Number::from_f64(v) {
                    Some(n) => Ok(MajorAmount(n.to_string())),
                    None => Err(E::custom("amount is not a finite number")),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<MajorAmount, E> {
                Ok(MajorAmount(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_json(json: &str) -> MajorAmount {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn json_numbers_to_minor_units() {
        use Currency::*;
        let ok: &[(&str, Currency, i64)] = &[
            ("10.0", Eur, 1000),
            ("10", Eur, 1000),
            ("12.5", Eur, 1250),
            ("0.07", Eur, 7),
            ("1234.56", Eur, 123456),
            ("0.1", Eur, 10),
            ("0.29", Eur, 29), // 0.29 * 100 = 28.999999999999996 in floats
            ("1.15", Eur, 115),
            ("-12.5", Eur, -1250),
            ("0", Eur, 0),
            ("45000", Vnd, 45000),
            ("45000.0", Vnd, 45000),
            ("1.005", Kwd, 1005),
            ("\"12.50\"", Eur, 1250),
            ("99999999.99", Eur, 9_999_999_999),
        ];
        for (json, cur, minor) in ok {
            assert_eq!(from_json(json).to_minor(*cur), Ok(*minor), "{json} {cur:?}");
        }
    }

    #[test]
    fn refused_not_rounded() {
        use Currency::*;
        let too_many: &[(&str, Currency)] = &[("12.345", Eur), ("0.001", Eur), ("10.5", Vnd), ("1.0005", Kwd)];
        for (json, cur) in too_many {
            assert!(matches!(from_json(json).to_minor(*cur), Err(AmountError::TooManyDecimals { .. })), "{json}");
        }
        // Exponent forms (what ryu prints for huge or tiny floats) are not amounts.
        for json in ["1e21", "1e-7", "\"abc\"", "\"1.\"", "\"\""] {
            assert!(from_json(json).to_minor(Eur).is_err(), "{json}");
        }
        assert!(matches!(from_json("123456789012345678").to_minor(Eur), Err(AmountError::OutOfRange { .. })));
    }

    #[test]
    fn minor_to_text() {
        assert_eq!(minor_to_major_text(1000, Currency::Eur), "10.00");
        assert_eq!(minor_to_major_text(7, Currency::Eur), "0.07");
        assert_eq!(major_text_to_minor(&minor_to_major_text(123456, Currency::Eur), Currency::Eur), Ok(123456));
    }
}
