//! Day-end: the day's totals and its close (here), the card terminal's batch (`terminal`),
//! the bank's card batch and its reconciliation (`bank`), the report as PDF and CSV
//! (`report`). Every change a manager makes is written with its audit entry in one
//! transaction (quay-store).

pub mod bank;
pub mod report;
pub mod terminal;

use std::collections::BTreeMap;

pub use quay_dayend::bank::{Column, DateFormat, FileSample, LineKind};
pub use quay_dayend::matcher::Item;
pub use quay_dayend::{Category, Preset, Settlement};

use chrono::NaiveDate;
use quay_core::error::Arg;
use quay_core::payment::PaymentState;
use quay_core::tender::TenderKind;
use quay_core::{Money, SaleStatus};
use quay_store::{AuditEntry, DayCloseRecord, PaymentRecord};
use serde::{Deserialize, Serialize};

use crate::{AppError, Counter, Result};

/// Settings the day-end reads: what the bank file must belong to. Empty: not checked.
pub mod keys {
    /// The acquirer's merchant id of this shop (bank lines of another merchant refuse the file).
    pub const BANK_MERCHANT_ID: &str = "bank.merchant_id";
    /// Comma-separated terminal ids of this counter (lines of another terminal refuse the file).
    pub const BANK_TERMINAL_IDS: &str = "bank.terminal_ids";
}

/// Count and amount (minor units, signed) of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u64,
    pub amount: i64,
}

impl Tally {
    fn add(&mut self, amount: i64) {
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
    /// Approved card refunds (negative).
    pub refunds: Tally,
    /// Declined card attempts (no money moved).
    pub declined: u64,
}

/// A closed day, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayClose {
    pub date: String,
    pub currency: String,
    pub cash_expected: i64,
    pub cash_counted: Option<i64>,
    pub cash_difference: Option<i64>,
    pub reason: Option<String>,
    /// Who closed it, by name (the record and the audit keep the staff id).
    pub closed_by: String,
    pub closed_at: String,
    pub totals: DayTotals,
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
pub(crate) fn card_movements(payments: &[PaymentRecord]) -> Vec<(String, i64, &PaymentRecord)> {
    let sale_brand = |sale: uuid::Uuid| {
        payments
            .iter()
            .find(|p| p.sale_id == sale && p.kind == "sale" && p.state == PaymentState::Approved)
            .map(|p| brand_of(p.details.brand.as_deref(), p.details.masked_pan.as_deref()))
    };
    payments
        .iter()
        .filter(|p| p.state == PaymentState::Approved)
        .filter_map(|p| match p.kind.as_str() {
            "sale" => Some((brand_of(p.details.brand.as_deref(), p.details.masked_pan.as_deref()), p.amount, p)),
            "refund" | "reversal" => {
                let own = brand_of(p.details.brand.as_deref(), p.details.masked_pan.as_deref());
                let brand = if own == "unknown" { sale_brand(p.sale_id).unwrap_or(own) } else { own };
                Some((brand, -p.amount, p))
            }
            _ => None,
        })
        .collect()
}

impl Counter {
    fn day_text(day: NaiveDate) -> String {
        day.format("%Y-%m-%d").to_string()
    }

    /// Writes `entry` alone (for events that change nothing else).
    pub(crate) fn audit_entry(&self, actor: &str, action: &str, subject: &str) -> AuditEntry {
        AuditEntry::new(self.now(), actor, action, subject)
    }

    /// The day's totals: per tender, sales, voids, refunds, vouchers per partner and card
    /// payments per brand.
    pub fn day_totals(&self, day: NaiveDate) -> Result<DayTotals> {
        let rows = self.sales_on(day)?;
        let payments = self.payments_on(day)?;
        let mut t = DayTotals {
            date: Self::day_text(day),
            currency: self.config().currency.code().to_string(),
            sales: Tally::default(),
            voids: Tally::default(),
            net: 0,
            tenders: BTreeMap::new(),
            cash_expected: 0,
            vouchers: BTreeMap::new(),
            card_brands: BTreeMap::new(),
            refunds: Tally::default(),
            declined: 0,
        };
        for r in &rows {
            let s = &r.sale;
            match s.status {
                SaleStatus::Closed => t.sales.add(s.total),
                SaleStatus::Voided => t.voids.add(s.total),
            }
            t.net += s.total;
            for tn in &s.tenders {
                t.tenders.entry(tn.kind.as_str().to_string()).or_default().add(tn.amount);
                match tn.kind {
                    TenderKind::Cash => t.cash_expected += tn.amount,
                    TenderKind::Voucher => {
                        let partner = tn.partner.clone().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "-".into());
                        t.vouchers.entry(partner).or_default().add(tn.amount);
                    }
                    _ => {}
                }
            }
        }
        for (brand, amount, p) in card_movements(&payments) {
            t.card_brands.entry(brand).or_default().add(amount);
            if p.kind != "sale" {
                t.refunds.add(amount);
            }
        }
        t.declined = payments.iter().filter(|p| p.state == PaymentState::Declined).count() as u64;
        Ok(t)
    }

    /// The close of a day, if it was closed.
    pub fn day_close(&self, day: NaiveDate) -> Result<Option<DayClose>> {
        let stored = self.store().day_close_of(&Self::day_text(day))?;
        let Some(r) = stored else { return Ok(None) };
        let totals = serde_json::from_str(&r.totals).map_err(AppError::internal)?;
        Ok(Some(DayClose {
            date: r.business_date,
            currency: r.currency,
            cash_expected: r.cash_expected,
            cash_counted: r.cash_counted,
            cash_difference: r.cash_difference,
            reason: r.reason,
            closed_by: self.actor_name(&r.closed_by),
            closed_at: r.closed_at,
            totals,
        }))
    }

    /// Why a day cannot be closed now: sales still waiting for the hub, or card payments
    /// whose outcome is not known. Ok when nothing stands in the way.
    pub fn close_blockers(&self) -> Result<()> {
        let pending = self.sync_status()?.pending;
        if pending > 0 {
            let receipts: Vec<String> = self.store().outbox_batch(5)?.iter().map(|e| e.sale.receipt_no.clone()).collect();
            let more = if pending as usize > receipts.len() { ", …" } else { "" };
            return Err(AppError::new(
                "err-dayend-outbox-pending",
                vec![("count", Arg::Int(pending)), ("receipts", Arg::Text(format!("{}{more}", receipts.join(", "))))],
            ));
        }
        let open = self.store().payments_unresolved()?;
        if !open.is_empty() {
            let list: Vec<String> = open.iter().take(5).map(|p| format!("{} ({})", p.key, p.state.as_str())).collect();
            let more = if open.len() > list.len() { ", …" } else { "" };
            return Err(AppError::new(
                "err-dayend-payments-unresolved",
                vec![("count", Arg::Int(open.len() as i64)), ("payments", Arg::Text(format!("{}{more}", list.join(", "))))],
            ));
        }
        Ok(())
    }

    /// Closes the business day: refused while sales wait for the hub or a payment's
    /// outcome is unknown, and a second time. `cash_counted` is what the manager counted
    /// in the drawer; a difference needs a reason. The close and its audit entries (the
    /// close, a cash difference) are written in one transaction.
    pub fn close_day(&self, day: NaiveDate, cash_counted: Option<Money>, reason: Option<&str>, actor: &str) -> Result<DayClose> {
        let date = Self::day_text(day);
        if let Some(c) = self.day_close(day)? {
            // Said in the counter's date style, as every other date it shows.
            let f = self.i18n().formatter(self.lang());
            let at = chrono::DateTime::parse_from_rfc3339(&c.closed_at).map(|t| f.date_time(t)).unwrap_or(c.closed_at);
            return Err(AppError::new(
                "err-dayend-already-closed",
                vec![("date", f.day(day).into()), ("name", c.closed_by.into()), ("at", at.into())],
            ));
        }
        self.close_blockers()?;
        let totals = self.day_totals(day)?;
        let cur = self.config().currency;
        let reason = reason.map(str::trim).filter(|r| !r.is_empty()).map(str::to_string);
        let counted = cash_counted.map(|m| m.minor);
        let difference = counted.map(|c| c - totals.cash_expected);
        if difference.is_some_and(|d| d != 0) && reason.is_none() {
            return Err(AppError::new(
                "err-dayend-cash-reason",
                vec![("difference", Arg::Money(Money::new(difference.unwrap_or(0), cur)))],
            ));
        }
        let totals_json = serde_json::to_string(&totals).map_err(AppError::internal)?;
        let at = self.now().to_rfc3339();
        let rec = DayCloseRecord {
            business_date: date.clone(),
            currency: cur.code().to_string(),
            cash_expected: totals.cash_expected,
            cash_counted: counted,
            cash_difference: difference,
            reason: reason.clone(),
            closed_by: actor.to_string(),
            closed_at: at.clone(),
            totals: totals_json.clone(),
        };
        let mut audits = vec![self.audit_entry(actor, "dayend.close", &date).change(None, Some(totals_json))];
        if let Some(d) = difference.filter(|d| *d != 0) {
            let after =
                serde_json::json!({"expected": totals.cash_expected, "counted": counted, "difference": d, "reason": reason}).to_string();
            audits.push(self.audit_entry(actor, "dayend.cash_difference", &date).change(None, Some(after)));
        }
        self.store().day_close(&rec, &audits)?;
        tracing::info!(date = %date, actor, "day closed");
        Ok(DayClose {
            date,
            currency: rec.currency,
            cash_expected: rec.cash_expected,
            cash_counted: counted,
            cash_difference: difference,
            reason,
            closed_by: self.actor_name(actor),
            closed_at: at,
            totals,
        })
    }
}
