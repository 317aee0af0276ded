//! VND amounts. The wallets take integer đồng (VND has no minor unit, exponent 0), so a
//! `Money` in minor units *is* the wire amount — but only when its currency is VND: a
//! euro amount sent as a number would charge a hundredth of it. This is the one place
//! the conversion and the per-wallet limits live.

use quay_core::money::{Currency, Money};

/// MoMo POS accepts 1,000–5,000,000 ₫ per payment (contract §1).
pub const MOMO_POS_MIN: i64 = 1_000;
pub const MOMO_POS_MAX: i64 = 5_000_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Not VND (or a VND whose exponent is not 0): refused, never converted.
    #[error("wallets take VND, got {found}")]
    NotVnd { found: String },
    /// Zero or negative: a payment or refund is always positive on the wire.
    #[error("amount must be positive, got {amount}")]
    NotPositive { amount: i64 },
    /// Outside what the wallet accepts for this call.
    #[error("amount {amount} ₫ outside {min}–{max} ₫")]
    OutOfRange { amount: i64, min: i64, max: i64 },
    /// Alipay: not CNY (or a CNY whose exponent is not 2): refused, never converted.
    #[error("Alipay takes CNY, got {found}")]
    NotCny { found: String },
    /// Alipay: outside 0.01–100,000,000 yuan per trade (or a negative item price).
    #[error("{fen} fen outside {min}–{max} fen")]
    FenOutOfRange { fen: i64, min: i64, max: i64 },
    /// Alipay: a yuan text that is not `digits[.d[d]]` (signs, exponents, spaces, three
    /// decimals, a JSON number): refused, never rounded.
    #[error("not a yuan amount: {text:?}")]
    BadYuan { text: String },
}

/// The amount in đồng for the wire: VND only, positive.
pub fn to_vnd(money: Money) -> Result<i64, AmountError> {
    if money.currency != Currency::Vnd || money.currency.exponent() != 0 {
        return Err(AmountError::NotVnd { found: money.currency.code().to_string() });
    }
    positive(money.minor)
}

/// A wallet's đồng as `Money` (VND).
pub fn from_vnd(dong: i64) -> Money {
    Money::new(dong, Currency::Vnd)
}

/// Refuses zero and negative amounts.
pub fn positive(dong: i64) -> Result<i64, AmountError> {
    if dong <= 0 {
        return Err(AmountError::NotPositive { amount: dong });
    }
    Ok(dong)
}

/// A MoMo POS payment amount: 1,000–5,000,000 ₫ (MoMo answers 22 otherwise; refusing
/// before sending spares a round trip and an order id).
pub fn momo_pos(dong: i64) -> Result<i64, AmountError> {
    positive(dong)?;
    if !(MOMO_POS_MIN..=MOMO_POS_MAX).contains(&dong) {
        return Err(AmountError::OutOfRange { amount: dong, min: MOMO_POS_MIN, max: MOMO_POS_MAX });
    }
    Ok(dong)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vnd_converts_one_to_one() {
        for d in [1, 1_000, 45_000, 5_000_000, 500_000_000] {
            assert_eq!(to_vnd(Money::new(d, Currency::Vnd)), Ok(d));
            assert_eq!(from_vnd(d), Money::new(d, Currency::Vnd));
            assert_eq!(to_vnd(from_vnd(d)), Ok(d));
        }
    }

    #[test]
    fn other_currencies_refused() {
        for c in [Currency::Eur, Currency::Usd, Currency::Kwd] {
            assert_eq!(to_vnd(Money::new(45_000, c)), Err(AmountError::NotVnd { found: c.code().to_string() }));
        }
    }

    #[test]
    fn non_positive_refused() {
        for d in [0, -1, -45_000] {
            assert_eq!(to_vnd(Money::new(d, Currency::Vnd)), Err(AmountError::NotPositive { amount: d }));
            assert!(momo_pos(d).is_err());
        }
    }

    #[test]
    fn momo_pos_limits() {
        let cases: &[(i64, bool)] =
            &[(999, false), (1_000, true), (1_001, true), (45_000, true), (5_000_000, true), (5_000_001, false), (i64::MAX, false)];
        for &(d, ok) in cases {
            assert_eq!(momo_pos(d).is_ok(), ok, "{d}");
        }
        assert_eq!(momo_pos(999), Err(AmountError::OutOfRange { amount: 999, min: 1_000, max: 5_000_000 }));
    }
}
