//! Tenders: how a sale is paid. The record is the hub's wire shape (one flat object per
//! tender); constructors enforce what each kind must hold.

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::money::Money;
use crate::voucher::Partner;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenderKind {
    Cash,
    Card,
    Voucher,
    Wallet,
}

impl TenderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TenderKind::Cash => "cash",
            TenderKind::Card => "card",
            TenderKind::Voucher => "voucher",
            TenderKind::Wallet => "wallet",
        }
    }

    pub fn parse(s: &str) -> Option<TenderKind> {
        [TenderKind::Cash, TenderKind::Card, TenderKind::Voucher, TenderKind::Wallet].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tender {
    pub kind: TenderKind,
    /// What this tender pays toward the total, in the sale's minor units.
    pub amount: i64,
    /// Cash handed over (cash only; `tendered − change = amount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tendered: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl Tender {
    /// Cash toward `due`: the customer hands `tendered`, gets the change back.
    pub fn cash(due: Money, tendered: Money) -> Result<Tender, CoreError> {
        let change = tendered.checked_sub(due)?;
        if change.minor < 0 {
            return Err(CoreError::CashTooLow { tendered, due });
        }
        Ok(Tender {
            kind: TenderKind::Cash,
            amount: due.minor,
            tendered: Some(tendered.minor),
            change: Some(change.minor),
            partner: None,
            reference: None,
        })
    }

    /// A partner voucher that paid `amount` (from `voucher::applicable`), with the hub's
    /// redemption id as `reference`: the hub can match the tender to its redemption, and
    /// a void knows which redemption to reverse (its negated tender keeps the reference).
    pub fn voucher(partner: Partner, amount: Money, redemption_id: &str) -> Tender {
        Tender {
            kind: TenderKind::Voucher,
            amount: amount.minor,
            tendered: None,
            change: None,
            partner: Some(partner.as_str().to_string()),
            reference: Some(redemption_id.to_string()),
        }
    }

    /// The partner of a voucher tender, if it is one Quay knows.
    pub fn voucher_partner(&self) -> Option<Partner> {
        (self.kind == TenderKind::Voucher).then_some(())?;
        Partner::parse(self.partner.as_deref()?)
    }

    /// The same tender paid back: amounts negated, cash paid out exactly.
    pub fn negated(&self) -> Tender {
        Tender {
            kind: self.kind,
            amount: -self.amount,
            tendered: self.tendered.map(|_| -self.amount),
            change: self.change.map(|_| 0),
            partner: self.partner.clone(),
            reference: self.reference.clone(),
        }
    }
}

/// The amounts a cashier is most likely handed for `due`: the exact amount, then `due`
/// rounded up to each of the currency's usual notes (95,000 ₫ → 100,000, 200,000,
/// 500,000). At most five, ascending, no repeats.
pub fn quick_cash(due: Money) -> Vec<Money> {
    let mut out = vec![due.minor];
    if due.minor > 0 {
        for &note in due.currency.notes() {
            let up = (due.minor + note - 1) / note * note;
            out.push(up);
        }
    }
    out.sort_unstable();
    out.dedup();
    out.truncate(5);
    out.into_iter().map(|m| Money::new(m, due.currency)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency::{Eur, Vnd};

    #[test]
    fn change_due_table() {
        // (due, tendered, currency) → change, or None when refused
        let cases: &[(i64, i64, crate::money::Currency, Option<i64>)] = &[
            (95_000, 100_000, Vnd, Some(5_000)),
            (95_000, 95_000, Vnd, Some(0)),
            (185_000, 500_000, Vnd, Some(315_000)),
            (1_250, 2_000, Eur, Some(750)),
            (1_999, 2_000, Eur, Some(1)),
            (95_000, 94_999, Vnd, None),
            (1_250, 0, Eur, None),
        ];
        for &(due, tendered, cur, change) in cases {
            let t = Tender::cash(Money::new(due, cur), Money::new(tendered, cur));
            match change {
                Some(c) => {
                    let t = t.unwrap();
                    assert_eq!((t.amount, t.tendered, t.change), (due, Some(tendered), Some(c)));
                    assert_eq!(t.tendered.unwrap() - t.change.unwrap(), t.amount);
                }
                None => assert!(matches!(t, Err(CoreError::CashTooLow { .. })), "{due} {tendered}"),
            }
        }
    }

    #[test]
    fn quick_cash_table() {
        let cases: &[(i64, crate::money::Currency, &[i64])] = &[
            (95_000, Vnd, &[95_000, 100_000, 200_000, 500_000]),
            (50_000, Vnd, &[50_000, 100_000, 200_000, 500_000]),
            (185_000, Vnd, &[185_000, 200_000, 500_000]),
            (720_000, Vnd, &[720_000, 750_000, 800_000, 1_000_000]),
            (1_250, Eur, &[1_250, 1_500, 2_000, 5_000]),
            (0, Vnd, &[0]),
        ];
        for &(due, cur, want) in cases {
            let got: Vec<i64> = quick_cash(Money::new(due, cur)).iter().map(|m| m.minor).collect();
            assert_eq!(got, want, "{due}");
        }
    }

    #[test]
    fn voucher_tender_wire_shape() {
        let t = Tender::voucher(Partner::Momo, Money::new(50_000, Vnd), "r-1");
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::json!({"kind": "voucher", "amount": 50000, "partner": "momo", "reference": "r-1"})
        );
        assert_eq!(t.voucher_partner(), Some(Partner::Momo));
        let back = t.negated();
        assert_eq!(
            (back.amount, back.partner.as_deref(), back.reference.as_deref(), back.tendered),
            (-50_000, Some("momo"), Some("r-1"), None)
        );
        assert_eq!(Tender::cash(Money::new(1, Vnd), Money::new(1, Vnd)).unwrap().voucher_partner(), None);
    }

    #[test]
    fn negated_cash_pays_back_exactly() {
        let t = Tender::cash(Money::new(95_000, Vnd), Money::new(100_000, Vnd)).unwrap().negated();
        assert_eq!((t.amount, t.tendered, t.change), (-95_000, Some(-95_000), Some(0)));
    }
}
