//! The day's totals: per tender, sales, voids, refunds, vouchers per partner and card
//! payments per brand, from the day's sales and its card payment journal. Pure: the
//! counter reads the store and passes the rows in as `DaySale` and `DayPayment`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use quay_core::payment::PaymentState;
use quay_core::tender::{Tender, TenderKind};
use quay_core::{Currency, Sale, SaleStatus};
use serde::{Deserialize, Serialize};

use crate::matcher::PaymentKind;

/// Count and amount (minor units, signed) of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u64,
    pub amount: i64,
}

impl Tally {
    /// One more, of `amount`.
    pub fn add(&mut self, amount: i64) {
        self.count += 1;
        self.amount += amount;
    }
}

/// The day's figures from the sales and the payment journal. Amounts in minor units of
/// `currency`, signed (voids and refunds negative).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTotals {
    pub date: String,
    pub currency: String,
    /// Closed sales (voided ones included: their void is counted apart).
    pub sales: Tally,
    /// Void records (negative).
    pub voids: Tally,
    /// Sales minus voids.
    pub net: i64,
    /// Per tender kind (`cash`, `card`, `voucher`, `wallet`), voids included (negative).
    pub tenders: BTreeMap<String, Tally>,
    /// The cash that should be in the drawer from today's sales.
    pub cash_expected: i64,
    /// Voucher tenders per partner.
    pub vouchers: BTreeMap<String, Tally>,
    /// Approved card payments per brand from the journal (refunds negative).
    pub card_brands: BTreeMap<String, Tally>,
    /// Wallet tenders per wallet (`momo`, `zalopay`, `vnpay`), voids netted.
    #[serde(default)]
    pub wallets: BTreeMap<String, Tally>,
    /// Approved card refunds (negative).
    pub refunds: Tally,
    /// A manager's partial refunds of wallet payments of sales not voided (negative):
    /// counted in their wallet's tally and in `net`, apart from voids.
    #[serde(default)]
    pub partial_refunds: Tally,
    /// Declined card attempts (no money moved).
    pub declined: u64,
}

/// What the totals read of a sale: its status, its total (signed, a void record's is
/// negative) and its tenders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySale<'a> {
    pub status: SaleStatus,
    pub total: i64,
    pub tenders: &'a [Tender],
}

impl<'a> From<&'a Sale> for DaySale<'a> {
    fn from(s: &'a Sale) -> Self {
        DaySale { status: s.status, total: s.total, tenders: &s.tenders }
    }
}

/// A card payment of the journal, as the totals and the terminal batch read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPayment {
    /// The sale it pays (a refund's names the sale refunded): any id, equal for the
    /// payments of one sale (the counter passes the sale's UUID as its 128 bits).
    pub sale: u128,
    /// `Sale` for a sale, `Refund` for a refund or a reversal, None for anything else
    /// (counted only when declined).
    pub kind: Option<PaymentKind>,
    /// Minor units, positive for either kind.
    pub amount: i64,
    pub state: PaymentState,
    /// The brand the terminal named, if any.
    pub brand: Option<String>,
    pub masked_pan: Option<String>,
}

impl DayPayment {
    /// The journal's kind text as a `kind`: "sale", "refund" or "reversal".
    pub fn kind_of(kind: &str) -> Option<PaymentKind> {
        match kind {
            "sale" => Some(PaymentKind::Sale),
            "refund" | "reversal" => Some(PaymentKind::Refund),
            _ => None,
        }
    }

    /// Its brand by `brand_of`.
    pub fn brand(&self) -> String {
        brand_of(self.brand.as_deref(), self.masked_pan.as_deref())
    }

    fn approved(&self) -> bool {
        self.state == PaymentState::Approved
    }
}

/// The brand name payments are grouped by: the terminal's, else the card's number range,
/// else "unknown".
pub fn brand_of(brand: Option<&str>, masked_pan: Option<&str>) -> String {
    if let Some(b) = brand.map(str::trim).filter(|b| !b.is_empty()) {
        return b.to_string();
    }
    let digits: String = masked_pan.unwrap_or_default().chars().take_while(|c| c.is_ascii_digit()).collect();
    let n = |k: usize| digits.get(..k).and_then(|d| d.parse::<u32>().ok());
    let brand = if digits.starts_with('4') {
        "Visa"
    } else if n(2).is_some_and(|p| (51..=55).contains(&p)) || n(4).is_some_and(|p| (2221..=2720).contains(&p)) {
        "Mastercard"
    } else if n(2).is_some_and(|p| p == 34 || p == 37) {
        "Amex"
    } else if n(2).is_some_and(|p| p == 35) {
        "JCB"
    } else if n(2).is_some_and(|p| p == 36 || p == 38) || n(3).is_some_and(|p| (300..=305).contains(&p)) {
        "Diners"
    } else {
        "unknown"
    };
    brand.to_string()
}

/// Approved card payments of a day as (brand, signed amount): sales positive, refunds
/// negative; a refund without a brand takes its sale's.
pub fn card_movements(payments: &[DayPayment]) -> Vec<(String, i64, &DayPayment)> {
    let sale_brand =
        |sale: u128| payments.iter().find(|p| p.sale == sale && p.kind == Some(PaymentKind::Sale) && p.approved()).map(DayPayment::brand);
    payments
        .iter()
        .filter(|p| p.approved())
        .filter_map(|p| match p.kind? {
            PaymentKind::Sale => Some((p.brand(), p.amount, p)),
            PaymentKind::Refund => {
                let own = p.brand();
                let brand = if own == "unknown" { sale_brand(p.sale).unwrap_or(own) } else { own };
                Some((brand, -p.amount, p))
            }
        })
        .collect()
}

/// The totals of `day` from its sales (void records included) and its card payments.
pub fn day_totals(day: NaiveDate, currency: Currency, sales: &[DaySale<'_>], payments: &[DayPayment]) -> DayTotals {
    let mut t = DayTotals {
        date: day.format("%Y-%m-%d").to_string(),
        currency: currency.code().to_string(),
        sales: Tally::default(),
        voids: Tally::default(),
        net: 0,
        tenders: BTreeMap::new(),
        cash_expected: 0,
        vouchers: BTreeMap::new(),
        card_brands: BTreeMap::new(),
        wallets: BTreeMap::new(),
        refunds: Tally::default(),
        partial_refunds: Tally::default(),
        declined: 0,
    };
    for s in sales {
        add_sale(&mut t, s);
    }
    for (brand, amount, p) in card_movements(payments) {
        t.card_brands.entry(brand).or_default().add(amount);
        if p.kind != Some(PaymentKind::Sale) {
            t.refunds.add(amount);
        }
    }
    t.declined = payments.iter().filter(|p| p.state == PaymentState::Declined).count() as u64;
    t
}

/// A manager's partial refunds of the day (wallet, amount paid back, positive) into `t`:
/// each lowers its wallet's tally, the wallet tenders and the day's net.
pub fn add_partial_refunds(t: &mut DayTotals, refunds: &[(String, i64)]) {
    for (wallet, amount) in refunds {
        let amount = -amount.abs();
        t.partial_refunds.add(amount);
        t.wallets.entry(wallet.clone()).or_default().add(amount);
        t.tenders.entry(TenderKind::Wallet.as_str().to_string()).or_default().add(amount);
        t.net += amount;
    }
}

/// What partial refunds (wallet, amount, positive) gave back of sales voided today:
/// the void record negated those tenders in full, but only the rest went back with the
/// void. Added back to the wallet's tally, the wallet tenders and the net (no count).
pub fn add_back_before_void(t: &mut DayTotals, given_back: &[(String, i64)]) {
    for (wallet, amount) in given_back {
        let amount = amount.abs();
        t.wallets.entry(wallet.clone()).or_default().amount += amount;
        t.tenders.entry(TenderKind::Wallet.as_str().to_string()).or_default().amount += amount;
        t.net += amount;
    }
}

/// A sale's total and each of its tenders into `t`.
fn add_sale(t: &mut DayTotals, s: &DaySale<'_>) {
    match s.status {
        SaleStatus::Closed => t.sales.add(s.total),
        SaleStatus::Voided => t.voids.add(s.total),
    }
    t.net += s.total;
    for tn in s.tenders {
        t.tenders.entry(tn.kind.as_str().to_string()).or_default().add(tn.amount);
        match tn.kind {
            TenderKind::Cash => t.cash_expected += tn.amount,
            TenderKind::Voucher => {
                let partner = tn.partner.clone().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "-".into());
                t.vouchers.entry(partner).or_default().add(tn.amount);
            }
            TenderKind::Wallet => {
                let wallet = tn.partner.clone().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "-".into());
                t.wallets.entry(wallet).or_default().add(tn.amount);
            }
            _ => {}
        }
    }
}
