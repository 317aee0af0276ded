//! Money as integer minor units with its currency. There are no floats anywhere in Quay:
//! amounts typed by people are parsed exactly, and every division states its rounding.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::CoreError;

/// An ISO 4217 currency Quay knows the minor unit of. Unknown codes are refused at the
/// edge rather than guessed, because a wrong exponent multiplies every price by 100.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Currency {
    Vnd,
    Eur,
    Usd,
    Cny,
    Aed,
    Sar,
    Egp,
    Jpy,
    Kwd,
    Try,
    Gbp,
}

/// (currency, code, ISO 4217 numeric code, minor-unit exponent, the cash notes a cashier
/// is handed most often)
const TABLE: &[(Currency, &str, u16, u32, &[i64])] = &[
    (Currency::Vnd, "VND", 704, 0, &[50_000, 100_000, 200_000, 500_000]),
    (Currency::Eur, "EUR", 978, 2, &[500, 1_000, 2_000, 5_000]),
    (Currency::Usd, "USD", 840, 2, &[500, 1_000, 2_000, 5_000]),
    (Currency::Cny, "CNY", 156, 2, &[1_000, 2_000, 5_000, 10_000]),
    (Currency::Aed, "AED", 784, 2, &[1_000, 2_000, 5_000, 10_000]),
    (Currency::Sar, "SAR", 682, 2, &[1_000, 5_000, 10_000, 50_000]),
    (Currency::Egp, "EGP", 818, 2, &[5_000, 10_000, 20_000, 50_000]),
    (Currency::Jpy, "JPY", 392, 0, &[1_000, 2_000, 5_000, 10_000]),
    (Currency::Kwd, "KWD", 414, 3, &[1_000, 5_000, 10_000, 20_000]),
    (Currency::Try, "TRY", 949, 2, &[5_000, 10_000, 20_000, 50_000]),
    (Currency::Gbp, "GBP", 826, 2, &[500, 1_000, 2_000, 5_000]),
];

impl Currency {
    fn row(self) -> &'static (Currency, &'static str, u16, u32, &'static [i64]) {
        TABLE.iter().find(|r| r.0 == self).expect("every currency is in TABLE")
    }

    /// The ISO 4217 numeric code (704 for VND, 978 for EUR), as card systems send it.
    pub fn numeric(self) -> u16 {
        self.row().2
    }

    /// The currency of an ISO 4217 numeric code, if Quay knows it.
    pub fn from_numeric(code: u16) -> Option<Currency> {
        TABLE.iter().find(|r| r.2 == code).map(|r| r.0)
    }

    pub fn code(self) -> &'static str {
        self.row().1
    }

    /// Digits after the decimal point: 0 for VND, 2 for EUR, 3 for KWD.
    pub fn exponent(self) -> u32 {
        self.row().3
    }

    /// Banknotes in minor units, smallest first; drives the quick-cash buttons.
    pub fn notes(self) -> &'static [i64] {
        self.row().4
    }

    /// 10^exponent: minor units in one major unit.
    pub fn scale(self) -> i64 {
        10i64.pow(self.exponent())
    }
}

impl FromStr for Currency {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, CoreError> {
        TABLE.iter().find(|r| r.1 == s).map(|r| r.0).ok_or_else(|| CoreError::UnknownCurrency { code: s.to_string() })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The largest amount Quay accepts anywhere, in minor units: ten trillion. Far above any
/// till (500 million VND is a big catering order) yet far from i64 overflow, so sums of
/// thousands of lines cannot wrap.
pub const MAX_MINOR: i64 = 10_000_000_000_000;

/// An amount in minor units of a currency.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    pub fn is_zero(self) -> bool {
        self.minor == 0
    }

    fn same(self, other: Money) -> Result<(), CoreError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(CoreError::CurrencyMismatch { expected: self.currency.code().to_string(), found: other.currency.code().to_string() })
        }
    }

    fn bounded(minor: Option<i64>, currency: Currency) -> Result<Money, CoreError> {
        match minor {
            Some(m) if m.abs() <= MAX_MINOR => Ok(Money::new(m, currency)),
            _ => Err(CoreError::AmountTooLarge),
        }
    }

    pub fn checked_add(self, other: Money) -> Result<Money, CoreError> {
        self.same(other)?;
        Money::bounded(self.minor.checked_add(other.minor), self.currency)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, CoreError> {
        self.same(other)?;
        Money::bounded(self.minor.checked_sub(other.minor), self.currency)
    }

    pub fn checked_mul(self, qty: i64) -> Result<Money, CoreError> {
        Money::bounded(self.minor.checked_mul(qty), self.currency)
    }

    pub fn negated(self) -> Money {
        Money::new(-self.minor, self.currency)
    }

    /// The VAT contained in this tax-inclusive amount at `rate_bp` basis points:
    /// `amount × rate / (10000 + rate)`, rounded half away from zero to the minor unit
    /// (the usual commercial rounding of Vietnamese and EU invoices).
    pub fn included_tax(self, rate_bp: u32) -> Money {
        let num = self.minor as i128 * rate_bp as i128;
        let den = 10_000i128 + rate_bp as i128;
        Money::new(div_round_half_away(num, den) as i64, self.currency)
    }

    /// `percent` basis points of this amount (10000 = 100 %), rounded half away from zero.
    pub fn percent_bp(self, bp: u32) -> Money {
        Money::new(div_round_half_away(self.minor as i128 * bp as i128, 10_000) as i64, self.currency)
    }

    /// Parses an amount typed in major units ("45000", "12.5", "12.50") exactly.
    /// More fraction digits than the currency has is an error, never a rounding.
    pub fn parse_major(text: &str, currency: Currency) -> Result<Money, CoreError> {
        let bad = || CoreError::BadAmount { text: text.to_string() };
        let t = text.trim();
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if t.contains('.') && frac.is_empty() {
            return Err(bad());
        }
        let exp = currency.exponent() as usize;
        if frac.len() > exp {
            return Err(CoreError::TooManyDecimals { text: text.to_string(), currency: currency.code().to_string(), digits: exp as u32 });
        }
        if int.len() > 15 {
            return Err(CoreError::AmountTooLarge);
        }
        let int_v: i64 = int.parse().map_err(|_| bad())?;
        let mut frac_v: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| bad())? };
        frac_v *= 10i64.pow((exp - frac.len()) as u32);
        let minor = int_v.checked_mul(currency.scale()).and_then(|v| v.checked_add(frac_v));
        let m = Money::bounded(minor, currency)?;
        Ok(if neg { m.negated() } else { m })
    }

    /// The amount in major units with exactly the currency's fraction digits and no
    /// grouping ("45000", "12.50", "-0.05"): the machine form for CSV and files. People
    /// see the locale's form, made by quay-i18n.
    pub fn to_major_string(self) -> String {
        let exp = self.currency.exponent();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if exp == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10u64.pow(exp);
        format!("{sign}{}.{:0width$}", abs / scale, abs % scale, width = exp as usize)
    }
}

/// Integer division rounding half away from zero; `den` must be positive.
fn div_round_half_away(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Currency::*;

    #[test]
    fn numeric_codes_round_trip() {
        for &(c, code) in &[(Vnd, 704), (Eur, 978), (Usd, 840), (Kwd, 414)] {
            assert_eq!(c.numeric(), code);
            assert_eq!(Currency::from_numeric(code), Some(c));
        }
        for row in TABLE {
            assert_eq!(Currency::from_numeric(row.2), Some(row.0), "{} is unique", row.1);
        }
        assert_eq!(Currency::from_numeric(999), None);
    }

    #[test]
    fn parse_major_table() {
        let ok: &[(&str, Currency, i64)] = &[
            ("45000", Vnd, 45_000),
            ("0", Vnd, 0),
            ("12.5", Eur, 1_250),
            ("12.50", Eur, 1_250),
            ("0.05", Eur, 5),
            ("-3.20", Eur, -320),
            (" 7 ", Eur, 700),
            ("1.234", Kwd, 1_234),
            ("500000", Vnd, 500_000),
        ];
        for &(text, cur, minor) in ok {
            assert_eq!(Money::parse_major(text, cur).unwrap(), Money::new(minor, cur), "{text} {cur}");
        }
        let too_precise: &[(&str, Currency)] = &[("45000.5", Vnd), ("1.005", Eur), ("0.1", Jpy)];
        for &(text, cur) in too_precise {
            assert!(matches!(Money::parse_major(text, cur), Err(CoreError::TooManyDecimals { .. })), "{text}");
        }
        let bad: &[&str] = &["", "abc", "1,5", "1.", ".5", "1e3", "--1", "1.2.3", "+5", "١٢"];
        for text in bad {
            assert!(matches!(Money::parse_major(text, Eur), Err(CoreError::BadAmount { .. })), "{text:?}");
        }
        assert!(matches!(Money::parse_major("99999999999999999999", Vnd), Err(CoreError::AmountTooLarge)));
    }

    #[test]
    fn major_string_round_trips() {
        let cases: &[(i64, Currency, &str)] = &[
            (45_000, Vnd, "45000"),
            (1_250, Eur, "12.50"),
            (5, Eur, "0.05"),
            (-320, Eur, "-3.20"),
            (-5, Eur, "-0.05"),
            (1_234, Kwd, "1.234"),
            (0, Eur, "0.00"),
        ];
        for &(minor, cur, text) in cases {
            let m = Money::new(minor, cur);
            assert_eq!(m.to_major_string(), text);
            assert_eq!(Money::parse_major(text, cur).unwrap(), m);
        }
    }

    #[test]
    fn included_tax_rounds_half_away_from_zero() {
        // (tax-inclusive amount, rate in bp, currency, VAT contained)
        let cases: &[(i64, u32, Currency, i64)] = &[
            (108_000, 800, Vnd, 8_000),
            (110_000, 800, Vnd, 8_148), // 8148.148…
            (45_000, 800, Vnd, 3_333),  // 3333.33…
            (55_000, 1_000, Vnd, 5_000),
            (1_000, 1_000, Vnd, 91), // 90.909… rounds up
            (1_190, 1_900, Eur, 190),
            (100, 2_400, Eur, 19), // 19.35…
            (27, 800, Vnd, 2),     // exactly 2.0
            (13_500, 800, Vnd, 1_000),
            (-110_000, 800, Vnd, -8_148), // voids negate symmetrically
            (0, 800, Vnd, 0),
            (50_000, 0, Vnd, 0),
        ];
        for &(amount, rate, cur, tax) in cases {
            assert_eq!(Money::new(amount, cur).included_tax(rate), Money::new(tax, cur), "{amount} @ {rate}");
        }
    }

    #[test]
    fn half_is_rounded_away_from_zero() {
        assert_eq!(div_round_half_away(5, 2), 3);
        assert_eq!(div_round_half_away(-5, 2), -3);
        assert_eq!(div_round_half_away(4, 3), 1);
        assert_eq!(div_round_half_away(-4, 3), -1);
        assert_eq!(Money::new(150, Eur).percent_bp(5_000), Money::new(75, Eur));
        assert_eq!(Money::new(45_000, Vnd).percent_bp(1_500), Money::new(6_750, Vnd));
        assert_eq!(Money::new(5, Eur).percent_bp(5_000), Money::new(3, Eur));
    }

    #[test]
    fn arithmetic_checks_currency_and_bounds() {
        let a = Money::new(100, Eur);
        assert_eq!(a.checked_add(Money::new(50, Eur)).unwrap(), Money::new(150, Eur));
        assert_eq!(a.checked_sub(Money::new(150, Eur)).unwrap(), Money::new(-50, Eur));
        assert_eq!(a.checked_mul(3).unwrap(), Money::new(300, Eur));
        assert!(matches!(a.checked_add(Money::new(1, Vnd)), Err(CoreError::CurrencyMismatch { .. })));
        assert!(matches!(Money::new(MAX_MINOR, Vnd).checked_add(Money::new(1, Vnd)), Err(CoreError::AmountTooLarge)));
        assert!(matches!(Money::new(i64::MAX / 2, Vnd).checked_mul(3), Err(CoreError::AmountTooLarge)));
    }

    #[test]
    fn currency_codes() {
        assert_eq!("VND".parse::<Currency>().unwrap().exponent(), 0);
        assert_eq!("EUR".parse::<Currency>().unwrap().exponent(), 2);
        assert!("XXX".parse::<Currency>().is_err());
        assert!("vnd".parse::<Currency>().is_err());
        assert_eq!(serde_json::to_string(&Money::new(5, Eur)).unwrap(), r#"{"minor":5,"currency":"EUR"}"#);
    }
}
