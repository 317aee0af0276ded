//! ZVT names currencies by their ISO 4217 *numeric* code (BCD, `09 78` = EUR); Quay's
//! domain by the alphabetic one. This is the bridge, and the one place a domain `Money`
//! (signed i64 minor units) becomes the terminal's unsigned amount.

use quay_core::money::{Currency, Money};

/// The ISO 4217 numeric code of a currency Quay knows.
pub fn numeric(c: Currency) -> u16 {
    match c {
        Currency::Vnd => 704,
        Currency::Eur => 978,
        Currency::Usd => 840,
        Currency::Cny => 156,
        Currency::Aed => 784,
        Currency::Sar => 682,
        Currency::Egp => 818,
        Currency::Jpy => 392,
        Currency::Kwd => 414,
        Currency::Try => 949,
        Currency::Gbp => 826,
    }
}

/// The currency of a numeric code, if Quay knows it.
pub fn from_numeric(code: u16) -> Option<Currency> {
    [
        Currency::Vnd,
        Currency::Eur,
        Currency::Usd,
        Currency::Cny,
        Currency::Aed,
        Currency::Sar,
        Currency::Egp,
        Currency::Jpy,
        Currency::Kwd,
        Currency::Try,
        Currency::Gbp,
    ]
    .into_iter()
    .find(|&c| numeric(c) == code)
}

/// A card amount: positive minor units (a refund is its own command, never a negative
/// amount). None for zero or negative.
pub fn card_amount(m: Money) -> Option<u64> {
    u64::try_from(m.minor).ok().filter(|&v| v > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        assert_eq!(numeric(Currency::Eur), 978);
        assert_eq!(from_numeric(704), Some(Currency::Vnd));
        assert_eq!(from_numeric(1), None);
        assert_eq!(card_amount(Money::new(-5, Currency::Eur)), None);
        assert_eq!(card_amount(Money::new(958, Currency::Eur)), Some(958));
    }
}
