//! Day-end: the day's totals and its close (here), the card terminal's batch (`terminal`),
//! the bank's card batch and its reconciliation (`bank`), the report as PDF and CSV
//! (`report`). Every change a manager makes is written with its audit entry in one
//! transaction (quay-store).

pub mod bank;
pub mod report;
pub mod terminal;

pub use quay_dayend::bank::{Column, DateFormat, FileSample, LineKind};
pub use quay_dayend::matcher::Item;
pub use quay_dayend::totals::{brand_of, DayTotals, Tally};
pub use quay_dayend::{Category, Preset, Rule, Settlement};

use chrono::NaiveDate;
use quay_core::error::Arg;
use quay_core::Money;
use quay_dayend::totals::{DayPayment, DaySale};
use quay_store::{AuditEntry, DayCloseRecord, PaymentRecord};
use serde::Serialize;

use crate::{AppError, Counter, Result, Who};
use quay_core::auth::Action;

/// Settings the day-end reads (`crate::keys`).
pub mod keys {
    pub use crate::keys::{BANK_MERCHANT_ID, BANK_TERMINAL_IDS};
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

/// A journal row as the pure day-end arithmetic reads it.
pub(crate) fn day_payment(p: &PaymentRecord) -> DayPayment {
    DayPayment {
        sale: p.sale_id.as_u128(),
        kind: DayPayment::kind_of(p.kind.as_str()),
        amount: p.amount,
        state: p.state,
        brand: p.details.brand.clone(),
        masked_pan: p.details.masked_pan.clone(),
    }
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
    pub fn day_totals(&self, who: &Who, day: NaiveDate) -> Result<DayTotals> {
        self.allow(who, Action::Reconcile)?;
        self.totals_of(day)
    }

    pub(crate) fn totals_of(&self, day: NaiveDate) -> Result<DayTotals> {
        let rows = self.store().sales_on(day)?;
        // Cards per brand from the card journal; wallets are counted from their tenders.
        let payments: Vec<DayPayment> =
            self.store().payments_on(day)?.iter().filter(|p| !crate::card::is_wallet(&p.terminal)).map(day_payment).collect();
        let sales: Vec<DaySale<'_>> = rows.iter().map(|r| DaySale::from(&r.sale)).collect();
        let mut totals = quay_dayend::day_totals(day, self.config().currency, &sales, &payments);
        // A manager's partial refunds of wallet payments count on the day they were made,
        // whatever happens to the sale later; a void record negates its sale's tenders in
        // full, so on the void's day what earlier partial refunds gave back is added back:
        // the void counts what it refunded itself.
        let approved_partial =
            |p: &PaymentRecord| p.partial && p.state == quay_core::payment::PaymentState::Approved && crate::card::is_wallet(&p.terminal);
        let partial: Vec<(String, i64)> =
            self.store().payments_on(day)?.into_iter().filter(approved_partial).map(|p| (p.terminal, p.amount)).collect();
        let mut given_back = Vec::new();
        for voided in rows.iter().filter_map(|r| r.sale.void_of) {
            let earlier = self.store().payments_of_sale(voided)?;
            given_back.extend(earlier.into_iter().filter(approved_partial).map(|p| (p.terminal, p.amount)));
        }
        quay_dayend::totals::add_back_before_void(&mut totals, &given_back);
        quay_dayend::totals::add_partial_refunds(&mut totals, &partial);
        Ok(totals)
    }

    /// The close of a day, if it was closed.
    pub fn day_close(&self, who: &Who, day: NaiveDate) -> Result<Option<DayClose>> {
        self.allow(who, Action::Reconcile)?;
        self.close_of(day)
    }

    pub(crate) fn close_of(&self, day: NaiveDate) -> Result<Option<DayClose>> {
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
    pub(crate) fn close_blockers(&self) -> Result<()> {
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
    pub fn close_day(&self, who: &Who, day: NaiveDate, cash_counted: Option<Money>, reason: Option<&str>) -> Result<DayClose> {
        self.allow(who, Action::CloseDay)?;
        let actor = &who.actor();
        let date = Self::day_text(day);
        if let Some(c) = self.close_of(day)? {
            // Said in the counter's date style, as every other date it shows.
            let f = self.i18n().formatter(self.lang());
            let at = chrono::DateTime::parse_from_rfc3339(&c.closed_at).map(|t| f.date_time(t)).unwrap_or(c.closed_at);
            return Err(AppError::new(
                "err-dayend-already-closed",
                vec![("date", f.day(day).into()), ("name", c.closed_by.into()), ("at", at.into())],
            ));
        }
        self.close_blockers()?;
        let totals = self.totals_of(day)?;
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
        tracing::info!(date = %date, actor = %actor, "day closed");
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
