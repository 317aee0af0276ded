//! The card terminal's batch: ZVT end-of-day (closes the terminal's batch and gives its
//! totals per brand) or, for Viva, the day's transactions. Compared per brand with the
//! counter's own approved card payments of the day; a difference is shown, never hidden.
//! Each closed batch is recorded with its audit entry.
//!
//! ZVT totals come in the fixed brand slots of field 60 (girocard, JCB, Eurocard — which
//! is Mastercard —, Amex, Visa, Diners, others), so the counter's brands are put into the
//! same slots. A reversal takes a payment out of the terminal's batch, so the counter
//! counts approved sales that were not reversed. Viva's transactions carry no brand: both
//! sides take the brand from the card number's range.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use chrono::NaiveDate;
use quay_core::payment::PaymentState;
use quay_pay::viva::{TxStatus, VivaClient};
use quay_pay::zvt::ZvtTerminal;
use serde::{Deserialize, Serialize};

use super::{brand_of, card_movements, Tally};
use crate::{AppError, Counter, Result};

/// One brand, both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandComparison {
    pub brand: String,
    pub counter: Tally,
    pub terminal: Tally,
    /// Terminal − counter.
    pub difference: i64,
}

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

/// The ZVT field-60 slot a brand's totals are in.
pub fn zvt_slot(brand: &str) -> &'static str {
    let b = brand.to_ascii_lowercase();
    if b.contains("giro") {
        "girocard"
    } else if b.contains("jcb") {
        "JCB"
    } else if b.contains("master") || b.contains("euro") || b.contains("maestro") {
        "Eurocard"
    } else if b.contains("amex") || b.contains("american") {
        "Amex"
    } else if b.contains("visa") {
        "Visa"
    } else if b.contains("diners") {
        "Diners"
    } else {
        "others"
    }
}

impl Counter {
    /// Closes the configured terminal's batch (`terminal.kind`) and compares it.
    pub fn terminal_batch(&self, day: NaiveDate, actor: &str) -> Result<TerminalBatch> {
        match self.setting("terminal.kind")?.unwrap_or_default().as_str() {
            "zvt" => {
                let mut driver = self.zvt_driver(None)?;
                self.terminal_batch_zvt(&mut driver, day, actor)
            }
            "viva" => {
                let (client, source) = self.viva_client()?;
                self.terminal_batch_viva(&client, Some(&source), day, actor)
            }
            _ => Err(AppError::new("err-terminal-not-configured", vec![("missing", "terminal.kind".into())])),
        }
    }

    fn viva_client(&self) -> Result<(VivaClient, String)> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        let (url, merchant, source) = (get("viva.url")?, get("viva.merchant_id")?, get("viva.source_code")?);
        let key = self.store().secret("viva.api_key")?.unwrap_or_default();
        for (v, name) in [(&url, "viva.url"), (&merchant, "viva.merchant_id"), (&key, "viva.api_key")] {
            if v.is_empty() {
                return Err(AppError::new("err-terminal-not-configured", vec![("missing", name.into())]));
            }
        }
        Ok((VivaClient::new(&url, &merchant, &key).with_currency(self.config().currency), source))
    }

    /// ZVT end-of-day on `driver`, compared with the day's approved ZVT payments.
    pub fn terminal_batch_zvt<P: Read + Write>(&self, driver: &mut ZvtTerminal<P>, day: NaiveDate, actor: &str) -> Result<TerminalBatch> {
        let eod = driver.end_of_day().map_err(|e| AppError::new("err-dayend-terminal", vec![("detail", e.to_string().into())]))?;
        let payments: Vec<_> = self.payments_on(day)?.into_iter().filter(|p| p.terminal == "zvt").collect();
        let reversed: std::collections::HashSet<uuid::Uuid> =
            payments.iter().filter(|p| p.kind != "sale" && p.state == PaymentState::Approved).map(|p| p.sale_id).collect();
        let mut counter: BTreeMap<String, Tally> = BTreeMap::new();
        for p in payments.iter().filter(|p| p.kind == "sale" && p.state == PaymentState::Approved && !reversed.contains(&p.sale_id)) {
            let slot = zvt_slot(&brand_of(p.details.brand.as_deref(), p.details.masked_pan.as_deref()));
            counter.entry(slot.to_string()).or_default().add(p.amount);
        }
        let mut terminal: BTreeMap<String, Tally> = BTreeMap::new();
        for (brand, n, amount) in &eod.per_brand {
            let t = terminal.entry(zvt_slot(brand).to_string()).or_default();
            t.count += u64::from(*n);
            t.amount += *amount as i64;
        }
        self.record_batch(day, "zvt", counter, terminal, eod.receipt_range, actor)
    }

    /// Viva: the day's transactions (of this counter's source when known), compared with
    /// the day's approved Viva payments.
    pub fn terminal_batch_viva(&self, client: &VivaClient, source: Option<&str>, day: NaiveDate, actor: &str) -> Result<TerminalBatch> {
        let date = Self::day_text(day);
        let txs = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(AppError::internal)?
            .block_on(client.transactions_by_date(&date))
            .map_err(|e| AppError::new("err-dayend-terminal", vec![("detail", e.to_string().into())]))?;
        let source = source.filter(|s| !s.is_empty());
        let mut terminal: BTreeMap<String, Tally> = BTreeMap::new();
        for t in txs.iter().filter(|t| source.is_none() || t.source_code.is_none() || t.source_code.as_deref() == source) {
            if !matches!(t.status, TxStatus::Paid | TxStatus::Captured | TxStatus::Refunded) {
                continue;
            }
            let amount = if t.parent_id.is_some() { -t.amount_minor.abs() } else { t.amount_minor.abs() };
            terminal.entry(brand_of(None, t.card_number.as_deref())).or_default().add(amount);
        }
        let payments: Vec<_> = self.payments_on(day)?.into_iter().filter(|p| p.terminal == "viva").collect();
        let mut counter: BTreeMap<String, Tally> = BTreeMap::new();
        for (_, amount, p) in card_movements(&payments) {
            counter.entry(brand_of(None, p.details.masked_pan.as_deref())).or_default().add(amount);
        }
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
        let mut brands: Vec<String> = counter.keys().chain(terminal.keys()).cloned().collect();
        brands.sort();
        brands.dedup();
        let brands: Vec<BrandComparison> = brands
            .into_iter()
            .map(|b| {
                let c = counter.get(&b).cloned().unwrap_or_default();
                let t = terminal.get(&b).cloned().unwrap_or_default();
                BrandComparison { difference: t.amount - c.amount, brand: b, counter: c, terminal: t }
            })
            .collect();
        let counter_total: i64 = brands.iter().map(|b| b.counter.amount).sum();
        let terminal_total: i64 = brands.iter().map(|b| b.terminal.amount).sum();
        let batch = TerminalBatch {
            date: Self::day_text(day),
            terminal: kind.to_string(),
            currency: self.config().currency.code().to_string(),
            counter_total,
            terminal_total,
            difference: terminal_total - counter_total,
            agrees: brands.iter().all(|b| b.counter == b.terminal),
            brands,
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
    pub fn terminal_batches(&self, day: NaiveDate) -> Result<Vec<TerminalBatch>> {
        self.store()
            .terminal_batches_on(&Self::day_text(day))?
            .iter()
            .map(|r| serde_json::from_str(&r.result).map_err(AppError::internal))
            .collect()
    }
}
