//! A closed sale and its void, in the hub's record shape (hub-api.md, "Sales"). Sales are
//! immutable: a void is a second record that negates the first.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::cart::{totals, Cart};
use crate::error::CoreError;
use crate::money::{Currency, Money};
use crate::tender::Tender;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaleStatus {
    Closed,
    Voided,
}

impl SaleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SaleStatus::Closed => "closed",
            SaleStatus::Voided => "voided",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleOption {
    pub option_id: String,
    pub name: String,
    pub price_delta: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleLine {
    pub item_id: String,
    pub sku: Option<String>,
    pub name: String,
    pub qty: i64,
    pub unit_price: i64,
    pub options: Vec<SaleOption>,
    pub note: Option<String>,
    pub tax_rate_bp: u32,
    pub line_total: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    pub id: Uuid,
    pub receipt_no: String,
    pub opened_at: DateTime<FixedOffset>,
    pub closed_at: DateTime<FixedOffset>,
    pub currency: Currency,
    pub status: SaleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub void_of: Option<Uuid>,
    pub lines: Vec<SaleLine>,
    pub total: i64,
    pub tax_total: i64,
    pub tenders: Vec<Tender>,
    pub cashier: String,
}

/// What the counter supplies to close a sale: ids and time are made outside the domain.
#[derive(Clone, Debug)]
pub struct Stamp {
    pub id: Uuid,
    pub receipt_no: String,
    pub at: DateTime<FixedOffset>,
    pub cashier: String,
}

impl Sale {
    /// Turns a cart and its tenders into a closed sale. Tenders must pay the total exactly.
    pub fn close(cart: &Cart, tenders: Vec<Tender>, stamp: Stamp) -> Result<Sale, CoreError> {
        if cart.is_empty() {
            return Err(CoreError::EmptyCart);
        }
        let t = cart.totals()?;
        let paid = tenders.iter().try_fold(Money::zero(cart.currency), |acc, tn| acc.checked_add(Money::new(tn.amount, cart.currency)))?;
        if paid != t.total {
            return Err(CoreError::TendersDoNotAddUp { paid, total: t.total });
        }
        let mut lines = Vec::with_capacity(cart.lines.len());
        for l in &cart.lines {
            lines.push(SaleLine {
                item_id: l.item_id.clone(),
                sku: l.sku.clone(),
                name: l.name.clone(),
                qty: l.qty,
                unit_price: l.unit_price(),
                options: l
                    .options
                    .iter()
                    .map(|o| SaleOption { option_id: o.option_id.clone(), name: o.name.clone(), price_delta: o.price_delta })
                    .collect(),
                note: l.note.clone(),
                tax_rate_bp: l.tax_rate_bp,
                line_total: l.line_total(cart.currency)?.minor,
            });
        }
        Ok(Sale {
            id: stamp.id,
            receipt_no: stamp.receipt_no,
            opened_at: cart.opened_at.unwrap_or(stamp.at),
            closed_at: stamp.at,
            currency: cart.currency,
            status: SaleStatus::Closed,
            void_of: None,
            lines,
            total: t.total.minor,
            tax_total: t.tax_total.minor,
            tenders,
            cashier: stamp.cashier,
        })
    }

    /// The void record of this sale: its lines, totals and tenders negated. Whether the
    /// sale was voided before is the store's to know; it refuses a second void.
    pub fn void(&self, stamp: Stamp) -> Result<Sale, CoreError> {
        if self.status == SaleStatus::Voided {
            return Err(CoreError::VoidOfVoid);
        }
        Ok(Sale {
            id: stamp.id,
            receipt_no: stamp.receipt_no,
            opened_at: stamp.at,
            closed_at: stamp.at,
            currency: self.currency,
            status: SaleStatus::Voided,
            void_of: Some(self.id),
            lines: self.lines.iter().map(|l| SaleLine { qty: -l.qty, line_total: -l.line_total, ..l.clone() }).collect(),
            total: -self.total,
            tax_total: -self.tax_total,
            tenders: self.tenders.iter().map(Tender::negated).collect(),
            cashier: stamp.cashier,
        })
    }

    pub fn total_money(&self) -> Money {
        Money::new(self.total, self.currency)
    }

    /// Checks the arithmetic the hub checks: each line's unit price and total, the sale's
    /// total and VAT, and tenders paying the total. A sale read back from disk or made by
    /// another program goes through this before it is trusted.
    pub fn check(&self) -> Result<(), String> {
        if self.lines.is_empty() {
            return Err("no lines".into());
        }
        let sign = if self.status == SaleStatus::Voided { -1 } else { 1 };
        for (i, l) in self.lines.iter().enumerate() {
            if l.qty * sign <= 0 {
                return Err(format!("line {i}: qty {}", l.qty));
            }
            let opts: i64 = l.options.iter().map(|o| o.price_delta).sum();
            if l.unit_price < opts || l.line_total != l.qty * l.unit_price {
                return Err(format!("line {i}: line_total {} ≠ {} × {}", l.line_total, l.qty, l.unit_price));
            }
        }
        let t = totals(self.currency, self.lines.iter().map(|l| (l.line_total, l.tax_rate_bp, l.qty))).map_err(|e| e.to_string())?;
        if t.total.minor != self.total || t.tax_total.minor != self.tax_total {
            return Err(format!("totals {}/{} ≠ lines {}/{}", self.total, self.tax_total, t.total.minor, t.tax_total.minor));
        }
        let paid: i64 = self.tenders.iter().map(|t| t.amount).sum();
        if paid != self.total && !(self.status == SaleStatus::Voided && self.tenders.is_empty()) {
            return Err(format!("tenders {paid} ≠ total {}", self.total));
        }
        for t in &self.tenders {
            if let (Some(tendered), Some(change)) = (t.tendered, t.change) {
                if tendered - change != t.amount {
                    return Err("cash tendered − change ≠ amount".into());
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::menu::tests::sample;
    use crate::tender::Tender;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn stamp(n: u128, receipt: &str, t: &str) -> Stamp {
        Stamp { id: Uuid::from_u128(n), receipt_no: receipt.into(), at: at(t), cashier: "Lan".into() }
    }

    fn cart() -> Cart {
        let m = sample();
        let mut c = Cart::new(Currency::Vnd);
        c.add(&m, "i-cfsd", &["o-l".to_string()], 2, Some("ít đá"), at("2026-11-22T09:00:00+07:00")).unwrap();
        c.add(&m, "i-pho", &[], 1, None, at("2026-11-22T09:01:00+07:00")).unwrap();
        c
    }

    #[test]
    fn close_and_void() {
        let c = cart();
        let due = c.totals().unwrap().total;
        assert_eq!(due.minor, 175_000);
        let cash = Tender::cash(due, Money::new(200_000, Currency::Vnd)).unwrap();
        let sale = Sale::close(&c, vec![cash], stamp(1, "C1-000001", "2026-11-22T09:02:00+07:00")).unwrap();
        sale.check().unwrap();
        assert_eq!(sale.opened_at, at("2026-11-22T09:00:00+07:00"));
        assert_eq!(sale.lines[0].unit_price, 55_000);
        assert_eq!(sale.lines[0].line_total, 110_000);
        assert_eq!(sale.tax_total, 12_963);
        assert_eq!(sale.tenders[0].change, Some(25_000));

        let v = sale.void(stamp(2, "C1-000002", "2026-11-22T10:00:00+07:00")).unwrap();
        v.check().unwrap();
        assert_eq!((v.status, v.void_of, v.total, v.tax_total), (SaleStatus::Voided, Some(sale.id), -175_000, -12_963));
        assert_eq!(v.lines[0].qty, -2);
        assert_eq!(v.tenders[0].amount, -175_000);
        assert!(matches!(v.void(stamp(3, "C1-000003", "2026-11-22T10:00:00+07:00")), Err(CoreError::VoidOfVoid)));

        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["status"], "voided");
        assert_eq!(json["void_of"], sale.id.to_string());
        let back: Sale = serde_json::from_value(json).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn close_refusals() {
        let c = cart();
        let due = c.totals().unwrap().total;
        let short = Tender { amount: due.minor - 1, ..Tender::cash(due, due).unwrap() };
        assert!(matches!(
            Sale::close(&c, vec![short], stamp(1, "x", "2026-11-22T09:02:00+07:00")),
            Err(CoreError::TendersDoNotAddUp { .. })
        ));
        assert!(matches!(Sale::close(&c, vec![], stamp(1, "x", "2026-11-22T09:02:00+07:00")), Err(CoreError::TendersDoNotAddUp { .. })));
        let empty = Cart::new(Currency::Vnd);
        assert!(matches!(Sale::close(&empty, vec![], stamp(1, "x", "2026-11-22T09:02:00+07:00")), Err(CoreError::EmptyCart)));
    }

    #[test]
    fn check_catches_tampering() {
        let c = cart();
        let due = c.totals().unwrap().total;
        let sale = Sale::close(&c, vec![Tender::cash(due, due).unwrap()], stamp(1, "C1-1", "2026-11-22T09:02:00+07:00")).unwrap();
        let mut bad = sale.clone();
        bad.lines[0].line_total += 1;
        assert!(bad.check().is_err());
        let mut bad = sale.clone();
        bad.tax_total += 1;
        assert!(bad.check().is_err());
        let mut bad = sale;
        bad.tenders[0].amount -= 1;
        assert!(bad.check().is_err());
    }
}
