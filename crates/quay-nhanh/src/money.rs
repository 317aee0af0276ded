//! Nhanh's numbers → Quay's integers, in one tested place.
//!
//! Nhanh sends money in VND as JSON numbers (`150000`, sometimes `150000.0`) and
//! quantities as doubles (`0.5` kg). Quay counts VND in đồng (the currency has no minor
//! unit, so minor units = đồng) and sells whole quantities. Nothing here uses float
//! arithmetic: a number is read from its decimal text (serde_json prints a double in its
//! shortest round-trip form, so `5.5` reads back as the text `5.5`) and checked digit by
//! digit. A numeric string (`"150000"`) is accepted the same way, since Nhanh's older
//! answers quote numbers.

use serde_json::Value;

/// The largest amount accepted: 2^53 − 1, the last integer a double holds exactly (the
/// other side may hold it in a double).
pub const MAX_VND: i64 = 9_007_199_254_740_991;

/// Why a number could not be read. `text` is the value as received.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("{text} is not a number")]
    NotANumber { text: String },
    #[error("{text} is negative")]
    Negative { text: String },
    #[error("{text} has a fraction")]
    Fractional { text: String },
    #[error("{text} is too large")]
    TooLarge { text: String },
}

impl AmountError {
    pub fn text(&self) -> &str {
        match self {
            AmountError::NotANumber { text }
            | AmountError::Negative { text }
            | AmountError::Fractional { text }
            | AmountError::TooLarge { text } => text,
        }
    }
}

/// A decimal read from text: sign, integer digits, fraction digits (trailing zeros kept).
struct Decimal<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
}

/// The text of a JSON number or numeric string, as received.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// Plain decimal notation only: `-?\d+(\.\d+)?`. Exponents (`1e5`, which serde_json
/// prints for doubles ≥ 1e16) are refused — no VND amount or quantity is that large.
fn parse(text: &str) -> Option<Decimal<'_>> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, f),
        None => (rest, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (rest.contains('.') && frac.is_empty()) {
        return None;
    }
    Some(Decimal { negative, int, frac })
}

fn is_zero(s: &str) -> bool {
    s.bytes().all(|b| b == b'0')
}

/// A whole, non-negative number (`150000`, `150000.0`, `"150000"`) → i64. Shared by
/// amounts and quantities.
fn whole(v: &Value) -> Result<i64, AmountError> {
    let text = text_of(v).ok_or_else(|| AmountError::NotANumber { text: v.to_string() })?;
    let d = parse(&text).ok_or_else(|| AmountError::NotANumber { text: text.clone() })?;
    let zero = is_zero(d.int) && is_zero(d.frac);
    if d.negative && !zero {
        return Err(AmountError::Negative { text });
    }
    if !is_zero(d.frac) {
        return Err(AmountError::Fractional { text });
    }
    let int = d.int.trim_start_matches('0');
    if int.len() > 16 {
        return Err(AmountError::TooLarge { text });
    }
    let n: i64 = if int.is_empty() { 0 } else { int.parse().map_err(|_| AmountError::TooLarge { text: text.clone() })? };
    if n > MAX_VND {
        return Err(AmountError::TooLarge { text });
    }
    Ok(n)
}

/// VND from a JSON number → đồng (Quay's minor units for VND). Refuses fractions,
/// negatives, non-numbers and amounts above `MAX_VND`.
pub fn vnd(v: &Value) -> Result<i64, AmountError> {
    whole(v)
}

/// Đồng → the JSON number Nhanh takes (an integer).
pub fn to_json(minor: i64) -> Value {
    Value::from(minor)
}

/// A quantity (a double in Nhanh) → a whole quantity, only when it has no fraction
/// (`2`, `2.0`); `0.5` kg or a negative quantity is refused.
pub fn quantity(v: &Value) -> Result<i64, AmountError> {
    whole(v)
}

/// A stock quantity, which may be negative (oversold): whole or not, its sign and
/// whether it is above zero, without floats. `None` for a non-number.
pub fn stock_positive(v: &Value) -> Option<bool> {
    let text = text_of(v)?;
    let d = parse(&text)?;
    let zero = is_zero(d.int) && is_zero(d.frac);
    Some(!zero && !d.negative)
}

/// Whether a stock quantity is whole (`3`, `3.0`, `-1`); `None` for a non-number.
pub fn is_whole(v: &Value) -> Option<bool> {
    let text = text_of(v)?;
    let d = parse(&text)?;
    Some(is_zero(d.frac))
}

/// Whether `remain − holding` is above zero (the stock one can sell when `available` is
/// absent), counted in thousandths without floats. `None` when either is not a number
/// with at most three decimals.
pub fn difference_positive(remain: &Value, holding: &Value) -> Option<bool> {
    let r = signed_thousandths(remain)?;
    let h = signed_thousandths(holding)?;
    Some(r.checked_sub(h)? > 0)
}

/// A stock quantity in thousandths (Nhanh weighs to the gram), or `None` when it has more
/// decimals or is not a number.
fn signed_thousandths(v: &Value) -> Option<i64> {
    let text = text_of(v)?;
    let d = parse(&text)?;
    if d.frac.len() > 3 && !is_zero(&d.frac[3..]) {
        return None;
    }
    let int: i64 = if d.int.len() > 15 { return None } else { d.int.parse().ok()? };
    let mut frac = d.frac.chars().take(3).collect::<String>();
    while frac.len() < 3 {
        frac.push('0');
    }
    let n = int.checked_mul(1000)?.checked_add(frac.parse::<i64>().ok()?)?;
    Some(if d.negative { -n } else { n })
}

/// A VAT rate in percent (`10`, `8`, `5.5`) → basis points (`1000`, `800`, `550`),
/// exactly: at most two decimals, 0–100 %. `None` when it is not such a rate.
pub fn rate_bp(v: &Value) -> Option<u32> {
    let text = text_of(v)?;
    let d = parse(&text)?;
    if d.negative {
        return None;
    }
    if d.frac.len() > 2 && !is_zero(&d.frac[2..]) {
        return None;
    }
    let int = d.int.trim_start_matches('0');
    if int.len() > 3 {
        return None;
    }
    let int: u32 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut frac: String = d.frac.chars().take(2).collect();
    while frac.len() < 2 {
        frac.push('0');
    }
    let bp = int * 100 + frac.parse::<u32>().ok()?;
    (bp <= 10_000).then_some(bp)
}

/// `amount × (10000 + bp) / 10000`, rounded half up, in integers: a price excluding VAT
/// → the price the customer pays.
pub fn add_vat(amount: i64, bp: u32) -> Option<i64> {
    let n = (amount as i128) * (10_000 + bp as i128) + 5_000;
    let r = n.div_euclid(10_000);
    i64::try_from(r).ok().filter(|r| *r <= MAX_VND)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn vnd_amounts() {
        let ok: &[(Value, i64)] = &[
            (json!(0), 0),
            (json!(150000), 150_000),
            (json!(150000.0), 150_000),
            (json!("150000"), 150_000),
            (json!(" 45000 "), 45_000),
            (json!(-0.0), 0),
            (json!(9007199254740991i64), MAX_VND),
        ];
        for (v, want) in ok {
            assert_eq!(vnd(v), Ok(*want), "{v}");
        }
        let bad: &[(Value, &str)] = &[
            (json!(150000.5), "fraction"),
            (json!(0.01), "fraction"),
            (json!(-1), "negative"),
            (json!(-150000.0), "negative"),
            (json!(null), "nan"),
            (json!(true), "nan"),
            (json!("12,5"), "nan"),
            (json!("1e5"), "nan"),
            (json!(""), "nan"),
            (json!("."), "nan"),
            (json!("5."), "nan"),
            (json!({"v": 1}), "nan"),
            (json!(1e300), "nan"),
            (json!(9007199254740992i64), "large"),
            (json!(u64::MAX), "large"),
        ];
        for (v, kind) in bad {
            let got = vnd(v).unwrap_err();
            let ok = match *kind {
                "fraction" => matches!(got, AmountError::Fractional { .. }),
                "negative" => matches!(got, AmountError::Negative { .. }),
                "large" => matches!(got, AmountError::TooLarge { .. }),
                _ => matches!(got, AmountError::NotANumber { .. }),
            };
            assert!(ok, "{v}: {got:?}");
        }
        assert_eq!(to_json(150_000), json!(150000));
    }

    #[test]
    fn quantities_only_when_whole() {
        assert_eq!(quantity(&json!(2)), Ok(2));
        assert_eq!(quantity(&json!(2.0)), Ok(2));
        assert!(matches!(quantity(&json!(0.5)), Err(AmountError::Fractional { .. })));
        assert!(matches!(quantity(&json!(-1)), Err(AmountError::Negative { .. })));
        assert_eq!(is_whole(&json!(3.0)), Some(true));
        assert_eq!(is_whole(&json!(-3)), Some(true));
        assert_eq!(is_whole(&json!(2.25)), Some(false));
        assert_eq!(is_whole(&json!("x")), None);
    }

    #[test]
    fn stock_signs() {
        let cases: &[(Value, Option<bool>)] = &[
            (json!(0), Some(false)),
            (json!(0.0), Some(false)),
            (json!(-2), Some(false)),
            (json!(0.001), Some(true)),
            (json!(3), Some(true)),
            (json!("4.5"), Some(true)),
            (json!(null), None),
        ];
        for (v, want) in cases {
            assert_eq!(stock_positive(v), *want, "{v}");
        }
        assert_eq!(difference_positive(&json!(5), &json!(2)), Some(true));
        assert_eq!(difference_positive(&json!(2), &json!(2)), Some(false));
        assert_eq!(difference_positive(&json!(1.5), &json!(1.25)), Some(true));
        assert_eq!(difference_positive(&json!(1), &json!(3)), Some(false));
        assert_eq!(difference_positive(&json!(-1), &json!(-3)), Some(true));
        assert_eq!(difference_positive(&json!(null), &json!(3)), None);
    }

    #[test]
    fn rates_in_basis_points() {
        let cases: &[(Value, Option<u32>)] = &[
            (json!(10), Some(1000)),
            (json!(8), Some(800)),
            (json!(0), Some(0)),
            (json!(5.5), Some(550)),
            (json!(5.25), Some(525)),
            (json!(5.50), Some(550)),
            (json!("7.5"), Some(750)),
            (json!(10.0), Some(1000)),
            (json!(100), Some(10_000)),
            (json!(100.01), None),
            (json!(5.125), None),
            (json!(-1), None),
            (json!(null), None),
        ];
        for (v, want) in cases {
            assert_eq!(rate_bp(v), *want, "{v}");
        }
    }

    #[test]
    fn vat_added_half_up() {
        let cases: &[(i64, u32, i64)] = &[
            (100_000, 1000, 110_000),
            (100_000, 800, 108_000),
            (100_000, 0, 100_000),
            (45_455, 1000, 50_001), // 50000.5 → half up
            (45_454, 1000, 49_999), // 49999.4
            (10_005, 550, 10_555),  // 10555.275
            (1, 5000, 2),           // 1.5 → 2
            (0, 1000, 0),
        ];
        for (amount, bp, want) in cases {
            assert_eq!(add_vat(*amount, *bp), Some(*want), "{amount} + {bp} bp");
        }
        assert_eq!(add_vat(MAX_VND, 1000), None);
    }
}
