//! The card terminal's batch: ZVT end-of-day (closes the terminal's batch and gives its
//! totals per brand) or, for Viva, the day's transactions. Compared per brand with the
//! counter's own approved card payments of the day; a difference is shown, never hidden.
//! Each closed batch is recorded with its audit entry. The arithmetic (ZVT's brand slots,
//! the reversals, Viva's brands by card number, the comparison) is quay-dayend's `batch`.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use chrono::NaiveDate;
use quay_dayend::batch;
use quay_pay::viva::{TxStatus, VivaClient};
use quay_pay::zvt::ZvtTerminal;
use serde::{Deserialize, Serialize};

pub use quay_dayend::batch::{zvt_slot, BrandComparison};

use super::{day_payment, Tally};
use crate::{AppError, Counter, Result, Who};
use quay_core::auth::Action;

/// A closed terminal batch compared with the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalBatch {
    pub date: String,
    /// "zvt" or "viva".
    pub terminal: String,
    pub currency: String,
    pub counter_total: i64,
    pub terminal_total: i64,
    /// Terminal − counter.
    pub difference: i64,
    /// True when every brand agrees in count and amount.
    pub agrees: bool,
    pub brands: Vec<BrandComparison>,
    pub receipt_range: Option<(u16, u16)>,
    pub closed_by: String,
    pub closed_at: String,
}

impl Counter {
    /// Closes the configured terminal's batch (`terminal.kind`) and compares it.
    pub fn terminal_batch(&self, who: &Who, day: NaiveDate) -> Result<TerminalBatch> {
        self.allow(who, Action::CloseDay)?;
        match self.setting(crate::keys::TERMINAL_KIND)?.unwrap_or_default().as_str() {
            "zvt" => {
                let mut driver = self.zvt_driver(None)?;
                self.terminal_batch_zvt(who, &mut driver, day)
            }
            "viva" => {
                let (client, source) = self.viva_client()?;
                self.terminal_batch_viva(who, &client, Some(&source), day)
            }
            _ => Err(AppError::new("err-terminal-not-configured", vec![("missing", crate::keys::TERMINAL_KIND.into())])),
        }
    }

    fn viva_client(&self) -> Result<(VivaClient, String)> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        let (url, merchant, source) =
            (get(crate::keys::VIVA_URL)?, get(crate::keys::VIVA_MERCHANT_ID)?, get(crate::keys::VIVA_SOURCE_CODE)?);
        let key = self.store().secret(crate::keys::VIVA_API_KEY)?.unwrap_or_default();
        for (v, name) in [(&url, crate::keys::VIVA_URL), (&merchant, crate::keys::VIVA_MERCHANT_ID), (&key, crate::keys::VIVA_API_KEY)] {
            if v.is_empty() {
                return Err(AppError::new("err-terminal-not-configured", vec![("missing", name.into())]));
            }
        }
        Ok((VivaClient::new(&url, &merchant, &key).with_currency(self.config().currency), source))
    }

    /// ZVT end-of-day on `driver`, compared with the day's approved ZVT payments.
    pub fn terminal_batch_zvt<P: Read + Write>(&self, who: &Who, driver: &mut ZvtTerminal<P>, day: NaiveDate) -> Result<TerminalBatch> {
        self.allow(who, Action::CloseDay)?;
        let actor = &who.actor();
        let eod = driver.end_of_day().map_err(|e| AppError::new("err-dayend-terminal", vec![("detail", e.to_string().into())]))?;
        let payments: Vec<_> = self.store().payments_on(day)?.iter().filter(|p| p.terminal == "zvt").map(day_payment).collect();
        let counter = batch::zvt_counter(&payments);
        let terminal = batch::zvt_terminal(eod.per_brand.iter().map(|(brand, n, amount)| (brand.as_str(), *n, *amount)));
        self.record_batch(day, "zvt", counter, terminal, eod.receipt_range, actor)
    }

    /// Viva: the day's transactions (of this counter's source when known), compared with
    /// the day's approved Viva payments.
    pub fn terminal_batch_viva(&self, who: &Who, client: &VivaClient, source: Option<&str>, day: NaiveDate) -> Result<TerminalBatch> {
        self.allow(who, Action::CloseDay)?;
        let actor = &who.actor();
        let date = Self::day_text(day);
        let txs = crate::rt::block_on(client.transactions_by_date(&date))
            .map_err(|e| AppError::new("err-dayend-terminal", vec![("detail", e.to_string().into())]))?;
        let source = source.filter(|s| !s.is_empty());
        let moved = txs
            .iter()
            .filter(|t| source.is_none() || t.source_code.is_none() || t.source_code.as_deref() == source)
            .filter(|t| matches!(t.status, TxStatus::Paid | TxStatus::Captured | TxStatus::Refunded))
            .map(|t| (t.card_number.as_deref(), if t.parent_id.is_some() { -t.amount_minor.abs() } else { t.amount_minor.abs() }));
        let terminal = batch::viva_terminal(moved);
        let payments: Vec<_> = self.store().payments_on(day)?.iter().filter(|p| p.terminal == "viva").map(day_payment).collect();
        let counter = batch::viva_counter(&payments);
        self.record_batch(day, "viva", counter, terminal, None, actor)
    }

    fn record_batch(
        &self,
        day: NaiveDate,
        kind: &str,
        counter: BTreeMap<String, Tally>,
        terminal: BTreeMap<String, Tally>,
        receipt_range: Option<(u16, u16)>,
        actor: &str,
    ) -> Result<TerminalBatch> {
        let cmp = batch::compare(&counter, &terminal);
        let batch = TerminalBatch {
            date: Self::day_text(day),
            terminal: kind.to_string(),
            currency: self.config().currency.code().to_string(),
            counter_total: cmp.counter_total,
            terminal_total: cmp.terminal_total,
            difference: cmp.difference,
            agrees: cmp.agrees,
            brands: cmp.brands,
            receipt_range,
            // Kept in the batch's JSON for the report: the name people read (the
            // table's actor column and the audit keep the id).
            closed_by: self.actor_name(actor),
            closed_at: self.now().to_rfc3339(),
        };
        let json = serde_json::to_string(&batch).map_err(AppError::internal)?;
        let audit = self.audit_entry(actor, "dayend.terminal_batch", &batch.date).change(None, Some(json.clone()));
        self.store().terminal_batch_save(&batch.date, kind, &json, actor, &batch.closed_at, &audit)?;
        if !batch.agrees {
            tracing::warn!(date = %batch.date, difference = batch.difference, "the terminal's batch differs from the counter");
        }
        Ok(batch)
    }

    /// The terminal batches closed for a day, oldest first.
    pub fn terminal_batches(&self, who: &Who, day: NaiveDate) -> Result<Vec<TerminalBatch>> {
        self.allow(who, Action::Reconcile)?;
        self.batches_of(day)
    }

    pub(crate) fn batches_of(&self, day: NaiveDate) -> Result<Vec<TerminalBatch>> {
        self.store()
            .terminal_batches_on(&Self::day_text(day))?
            .iter()
            .map(|r| serde_json::from_str(&r.result).map_err(AppError::internal))
            .collect()
    }
}
