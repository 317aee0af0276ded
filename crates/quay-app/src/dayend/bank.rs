//! The bank's card batch: a file read with a preset (built-in or a manager's saved
//! mapping), imported once (by its fingerprint; lines already known are skipped), matched
//! line by line with the counter's card payments (quay-dayend), and settled by hand where
//! the matcher left something open. Every import and settlement is audited.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use quay_core::payment::PaymentState;
use quay_core::{Currency, Money};
use quay_dayend::matcher::{Item, Summary};
use quay_dayend::{
    BankLine, Category, CounterPayment, Expect, LineKind, MatchConfig, PaymentKind, Preset, Reconciliation, Rule, Settlement,
};
use quay_store::{NewBankImport, PaymentRecord};
use serde::Serialize;

use super::keys;
use crate::{AppError, Counter, Result, Who};
use quay_core::auth::Action;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportResult {
    pub fingerprint: String,
    pub preset: String,
    /// Lines in the file.
    pub lines: usize,
    /// Lines recorded now (0 when the file, or every line of it, was imported before).
    pub new_lines: usize,
    pub already_imported: bool,
    /// The business day the lines were recorded for.
    pub date: String,
}

/// Lines of a file shown when a mapping is tried.
pub const PREVIEW_LINES: usize = 8;

/// What a mapping reads from a file, before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankPreview {
    pub lines: usize,
    pub kinds: std::collections::BTreeMap<LineKind, usize>,
    pub first: Vec<PreviewLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewLine {
    pub line: u64,
    pub kind: LineKind,
    pub amount_text: String,
    pub date_time: String,
    pub transaction_id: Option<String>,
    pub merchant_reference: Option<String>,
    pub terminal_id: Option<String>,
    pub scheme: Option<String>,
    pub auth_code: Option<String>,
}

/// A matcher outcome as the window and the JSON show it.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    pub category: Category,
    pub rule: Option<Rule>,
    pub matched_to: Option<Item>,
    /// Bank − counter in minor units, on `matched_with_difference`.
    pub difference: Option<i64>,
    pub candidates: Vec<Item>,
    pub note: Option<String>,
}

impl From<&quay_dayend::Outcome> for OutcomeView {
    fn from(o: &quay_dayend::Outcome) -> Self {
        OutcomeView {
            category: o.category,
            rule: o.rule,
            matched_to: o.matched_to.clone(),
            difference: o.difference.map(|d| d.minor),
            candidates: o.candidates.to_vec(),
            note: o.note.as_deref().map(str::to_string),
        }
    }
}

/// A bank line with its outcome.
#[derive(Debug, Clone, Serialize)]
pub struct BankLineView {
    pub id: String,
    pub import_id: i64,
    pub line: u64,
    pub kind: LineKind,
    pub amount: i64,
    pub amount_text: String,
    pub currency: String,
    pub date_time: String,
    pub transaction_id: Option<String>,
    pub merchant_reference: Option<String>,
    pub order_code: Option<String>,
    pub terminal_id: Option<String>,
    pub scheme: Option<String>,
    pub masked_pan: Option<String>,
    pub auth_code: Option<String>,
    pub rrn: Option<String>,
    pub stan: Option<String>,
    /// What the matcher and the manager's settlements made of it (flat in JSON).
    #[serde(flatten)]
    pub outcome: OutcomeView,
}

/// A counter card payment with its outcome.
#[derive(Debug, Clone, Serialize)]
pub struct CounterPaymentView {
    pub id: String,
    pub kind: PaymentKind,
    pub amount: i64,
    pub amount_text: String,
    pub currency: String,
    pub at: String,
    pub brand: String,
    pub terminal_id: Option<String>,
    pub auth_code: Option<String>,
    pub rrn: Option<String>,
    pub stan: Option<String>,
    pub receipt_no: Option<String>,
    pub provider_ref: Option<String>,
    /// What the matcher and the manager's settlements made of it (flat in JSON).
    #[serde(flatten)]
    pub outcome: OutcomeView,
}

/// The day's reconciliation: every bank line and every approved counter card payment,
/// each with its category and what it was matched to.
#[derive(Debug, Clone, Serialize)]
pub struct BankReconciliation {
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportResult>,
    pub imports: Vec<quay_store::BankImportRecord>,
    pub summary: Summary,
    pub settlements: usize,
    pub bank_lines: Vec<BankLineView>,
    pub counter_payments: Vec<CounterPaymentView>,
}

impl BankReconciliation {
    /// Items a manager should look at: anything not plainly matched (nor a fee).
    pub fn open_items(&self) -> usize {
        let open = |c: Category| !matches!(c, Category::Matched | Category::FeeOrChargeback);
        self.bank_lines.iter().filter(|l| open(l.outcome.category)).count()
            + self.counter_payments.iter().filter(|p| open(p.outcome.category)).count()
    }
}

/// A journal record as the matcher sees it (refunds and sales; other kinds are skipped).
pub fn counter_payment(p: &PaymentRecord, fallback: Currency) -> Option<CounterPayment> {
    let kind = match p.kind.as_str() {
        "sale" => PaymentKind::Sale,
        "refund" | "reversal" => PaymentKind::Refund,
        _ => return None,
    };
    let currency = p.currency.parse::<Currency>().unwrap_or(fallback);
    let at = DateTime::parse_from_rfc3339(&p.created_at).ok()?;
    let d = &p.details;
    // A wallet's statement names the payment by our merchant order id (mapped as the
    // order code) and by its own transaction id (mapped as the transaction id).
    let (provider_ref, receipt_no) = if crate::card::is_wallet(&p.terminal) {
        (p.order_id.clone(), d.provider_ref.clone())
    } else {
        (d.provider_ref.clone(), d.receipt_no.clone())
    };
    Some(CounterPayment {
        id: p.key.clone(),
        kind,
        amount: Money::new(p.amount, currency),
        at,
        terminal_id: d.terminal_id.clone(),
        auth_code: d.auth_code.clone(),
        rrn: d.rrn.clone(),
        stan: d.trace.clone(),
        receipt_no,
        provider_ref,
        brand: d.brand.clone().or_else(|| quay_pay::wallet::Wallet::parse(&p.terminal).map(|w| crate::wallets::label(w).to_string())),
        masked_pan: d.masked_pan.clone(),
        approved: p.state == PaymentState::Approved,
    })
}

fn settlement_parts(s: &Settlement) -> (&'static str, Option<&str>, Option<&str>, Option<&str>) {
    match s {
        Settlement::Link { bank_id, payment_id, reason } => ("link", Some(bank_id), Some(payment_id), reason.as_deref()),
        Settlement::NextBatch { payment_id, reason } => ("next_batch", None, Some(payment_id), reason.as_deref()),
        Settlement::EnterByHand { bank_id, reason } => ("enter_by_hand", Some(bank_id), None, Some(reason.as_str())),
    }
}

/// Everything the matcher needs for a day, read from the store.
struct DayInputs {
    bank: Vec<BankLine>,
    import_of: Vec<i64>,
    counter: Vec<CounterPayment>,
    settlements: Vec<Settlement>,
}

impl Counter {
    /// A preset by name: `generic`, `viva`, or a saved custom mapping.
    pub fn bank_preset(&self, who: &Who, name: &str) -> Result<Preset> {
        self.allow(who, Action::Reconcile)?;
        self.preset_named(name)
    }

    pub(crate) fn preset_named(&self, name: &str) -> Result<Preset> {
        if let Some(p) = Preset::builtin(name) {
            return Ok(p);
        }
        let saved = self.store().bank_preset(name)?;
        match saved {
            Some(json) => {
                serde_json::from_str(&json).map_err(|e| AppError::new("err-bank-preset-json", vec![("detail", e.to_string().into())]))
            }
            None => {
                let mut names = vec!["generic".to_string(), "viva".to_string(), "vpos".to_string()];
                names.extend(self.store().bank_presets()?.into_iter().map(|(n, _)| n));
                Err(AppError::new("err-bank-unknown-preset", vec![("name", name.into()), ("presets", names.join(", ").into())]))
            }
        }
    }

    /// Names of the presets: the built-in ones, then the saved ones.
    pub fn bank_preset_names(&self, who: &Who) -> Result<Vec<String>> {
        self.allow(who, Action::Reconcile)?;
        let mut names = vec!["generic".to_string(), "viva".to_string(), "vpos".to_string()];
        names.extend(self.store().bank_presets()?.into_iter().map(|(n, _)| n));
        Ok(names)
    }

    /// Saves a manager's own mapping (JSON of a `Preset`) under `name`. Checked first: a
    /// mapping that could never read a file is refused. Built-in names cannot be replaced.
    pub fn save_bank_preset(&self, who: &Who, name: &str, json: &str) -> Result<Preset> {
        self.allow(who, Action::Reconcile)?;
        let actor = &who.actor();
        let name = name.trim();
        let mut preset: Preset =
            serde_json::from_str(json).map_err(|e| AppError::new("err-bank-preset-json", vec![("detail", e.to_string().into())]))?;
        if name.is_empty() || Preset::builtin(name).is_some() {
            return Err(AppError::new("err-bank-preset-name", vec![("name", name.into())]));
        }
        preset.name = name.to_string();
        preset.validate().map_err(|e| AppError::from_localized(&e))?;
        let stored = serde_json::to_string(&preset).map_err(AppError::internal)?;
        let before = self.store().bank_preset(name)?;
        let at = self.now().to_rfc3339();
        let audit = self.audit_entry(actor, "dayend.bank_preset", name).change(before, Some(stored.clone()));
        self.store().bank_preset_save(name, &stored, actor, &at, &audit)?;
        Ok(preset)
    }

    /// A first look at a new bank's file for the mapping screen: columns, values and a
    /// suggested mapping. A local date pattern is suggested at the counter's own offset
    /// from UTC (a bank's file without offsets is in the shop's time, most likely).
    pub fn bank_file_sample(
        &self,
        who: &Who,
        bytes: &[u8],
        delimiter: Option<char>,
        has_header: Option<bool>,
    ) -> Result<quay_dayend::bank::FileSample> {
        self.allow(who, Action::Reconcile)?;
        let mut s = quay_dayend::bank::sample(bytes, delimiter, has_header).map_err(|e| AppError::from_localized(&e))?;
        if let quay_dayend::bank::DateFormat::Pattern { utc_offset_minutes, .. } = &mut s.suggested.date_time {
            *utc_offset_minutes = self.now().offset().local_minus_utc() / 60;
        }
        Ok(s)
    }

    /// Reads `bytes` with a mapping not saved yet, exactly as an import would (this
    /// counter's currency, merchant and terminals), and records nothing: the manager sees
    /// the first lines, or the line and column a saved mapping would refuse.
    pub fn preview_bank_preset(&self, who: &Who, bytes: &[u8], preset: &Preset) -> Result<BankPreview> {
        self.allow(who, Action::Reconcile)?;
        let batch = quay_dayend::parse(bytes, preset, &self.bank_expect()?).map_err(|e| AppError::from_localized(&e))?;
        let f = self.i18n().formatter(self.lang());
        let mut kinds = std::collections::BTreeMap::new();
        for l in &batch.lines {
            *kinds.entry(l.kind).or_insert(0usize) += 1;
        }
        let first = batch
            .lines
            .iter()
            .take(PREVIEW_LINES)
            .map(|l| PreviewLine {
                line: l.line,
                kind: l.kind,
                amount_text: f.money(l.amount),
                date_time: l.date_time.to_rfc3339(),
                transaction_id: l.transaction_id.clone(),
                merchant_reference: l.merchant_reference.clone(),
                terminal_id: l.terminal_id.clone(),
                scheme: l.scheme.clone(),
                auth_code: l.auth_code.clone(),
            })
            .collect();
        Ok(BankPreview { lines: batch.lines.len(), kinds, first })
    }

    /// What the bank file must belong to: this counter's currency, and the merchant and
    /// terminal ids when configured (`bank.merchant_id`, `bank.terminal_ids`).
    pub(crate) fn bank_expect(&self) -> Result<Expect> {
        let merchant_id = self.setting(keys::BANK_MERCHANT_ID)?.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let terminal_ids = self
            .setting(keys::BANK_TERMINAL_IDS)?
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        Ok(Expect { merchant_id, terminal_ids, currency: Some(self.config().currency) })
    }

    /// Reads a bank file with `preset` and records it for business day `day`. All or
    /// nothing: a bad file is refused with the line and column at fault and nothing is
    /// recorded. A file imported before (same fingerprint) records nothing, and lines
    /// already known from an overlapping file are skipped.
    pub fn import_bank_file(
        &self,
        who: &Who,
        day: NaiveDate,
        bytes: &[u8],
        preset_name: &str,
        file_name: Option<&str>,
    ) -> Result<ImportResult> {
        self.allow(who, Action::Reconcile)?;
        let actor = &who.actor();
        let preset = self.preset_named(preset_name)?;
        let batch = quay_dayend::parse(bytes, &preset, &self.bank_expect()?).map_err(|e| AppError::from_localized(&e))?;
        let fingerprint = batch.fingerprint();
        let date = Self::day_text(day);
        let prev = self.store().bank_import_by_fingerprint(&fingerprint)?;
        if let Some(prev) = prev {
            return Ok(ImportResult {
                fingerprint,
                preset: preset_name.to_string(),
                lines: batch.lines.len(),
                new_lines: 0,
                already_imported: true,
                date: prev.business_date,
            });
        }
        let known = self.store().bank_line_ids()?;
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let mut rows = Vec::new();
        for l in batch.new_lines(&known) {
            let occurrence = seen.entry(l.id.as_str()).or_insert(0);
            rows.push((l.id.clone(), *occurrence, l.line, serde_json::to_string(l).map_err(AppError::internal)?));
            *occurrence += 1;
        }
        let at = self.now().to_rfc3339();
        let summary = serde_json::json!({"date": date, "preset": preset_name, "file": file_name, "lines": batch.lines.len(), "new_lines": rows.len()});
        let audit = self.audit_entry(actor, "dayend.bank_import", &fingerprint).change(None, Some(summary.to_string()));
        let rec = self.store().bank_import(
            &NewBankImport {
                fingerprint: &fingerprint,
                business_date: &date,
                preset: preset_name,
                file_name,
                lines: batch.lines.len(),
                imported_by: actor,
                imported_at: &at,
            },
            &rows,
            &audit,
        )?;
        tracing::info!(date = %date, lines = rec.lines, new = rec.new_lines, "bank file imported");
        Ok(ImportResult {
            fingerprint,
            preset: preset_name.to_string(),
            lines: batch.lines.len(),
            new_lines: rows.len(),
            already_imported: false,
            date,
        })
    }

    fn day_inputs(&self, day: NaiveDate) -> Result<DayInputs> {
        let date = Self::day_text(day);
        let cur = self.config().currency;
        let mut bank = Vec::new();
        let mut import_of = Vec::new();
        for (import_id, json) in self.store().bank_lines_on(&date)? {
            bank.push(
                serde_json::from_str::<BankLine>(&json)
                    .map_err(|e| AppError::new("err-store-corrupt", vec![("detail", e.to_string().into())]))?,
            );
            import_of.push(import_id);
        }
        // Virtual POS payments are compared with the bank's own list of them (`vpos::dayend`).
        let counter = self
            .store()
            .payments_on(day)?
            .iter()
            .filter(|p| !crate::card::is_vpos(&p.terminal))
            .filter_map(|p| counter_payment(p, cur))
            .collect();
        let settlements = self
            .store()
            .bank_settlements_on(&date)?
            .iter()
            .map(|s| serde_json::from_str::<Settlement>(&s.settlement))
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| AppError::new("err-store-corrupt", vec![("detail", e.to_string().into())]))?;
        Ok(DayInputs { bank, import_of, counter, settlements })
    }

    /// Matches, then applies the saved settlements one by one. A settlement that no longer
    /// applies (a later file matched its line) is skipped, not an error: it stays recorded.
    fn reconcile_inputs(inputs: &DayInputs) -> Reconciliation {
        let mut rec = quay_dayend::reconcile(&inputs.counter, &inputs.bank, &MatchConfig::default());
        for s in &inputs.settlements {
            match quay_dayend::apply(&rec, &inputs.counter, &inputs.bank, std::slice::from_ref(s)) {
                Ok(r) => rec = r,
                Err(e) => tracing::info!(error = %e, "a saved settlement no longer applies"),
            }
        }
        rec
    }

    /// The day's reconciliation from what is recorded (no file needed).
    pub fn bank_reconciliation(&self, who: &Who, day: NaiveDate) -> Result<BankReconciliation> {
        self.allow(who, Action::Reconcile)?;
        self.reconciliation_of(day)
    }

    pub(crate) fn reconciliation_of(&self, day: NaiveDate) -> Result<BankReconciliation> {
        let inputs = self.day_inputs(day)?;
        let rec = Self::reconcile_inputs(&inputs);
        self.reconciliation_view(day, &inputs, rec, None)
    }

    /// Imports `bytes` (see `import_bank_file`) and reconciles the day.
    pub fn reconcile_bank_file(
        &self,
        who: &Who,
        day: NaiveDate,
        bytes: &[u8],
        preset: &str,
        file_name: Option<&str>,
    ) -> Result<BankReconciliation> {
        let import = self.import_bank_file(who, day, bytes, preset, file_name)?;
        let mut view = self.reconciliation_of(day)?;
        view.import = Some(import);
        Ok(view)
    }

    /// A manager settles what the matcher left open: links a line to a payment, marks a
    /// payment as expected in the next batch, or enters a missing transaction by hand
    /// (a reason required). Checked against the day's reconciliation first; refused with
    /// the reason, nothing recorded; otherwise recorded with its audit entry. Entering a
    /// line by hand is its own permission (`ManualBankEntry`).
    pub fn settle_bank(&self, who: &Who, day: NaiveDate, settlement: Settlement) -> Result<BankReconciliation> {
        let needed = match settlement {
            Settlement::EnterByHand { .. } => Action::ManualBankEntry,
            _ => Action::Reconcile,
        };
        self.allow(who, needed)?;
        let actor = &who.actor();
        let inputs = self.day_inputs(day)?;
        let rec = Self::reconcile_inputs(&inputs);
        quay_dayend::apply(&rec, &inputs.counter, &inputs.bank, std::slice::from_ref(&settlement))
            .map_err(|e| AppError::from_localized(&e))?;
        let date = Self::day_text(day);
        let json = serde_json::to_string(&settlement).map_err(AppError::internal)?;
        let (action, bank_id, payment_id, reason) = settlement_parts(&settlement);
        let subject = bank_id.or(payment_id).unwrap_or_default();
        let audit = self.audit_entry(actor, &format!("dayend.bank_settle.{action}"), subject).change(None, Some(json.clone()));
        let at = self.now().to_rfc3339();
        self.store().bank_settle(&date, action, bank_id, payment_id, reason, &json, actor, &at, &audit)?;
        tracing::info!(date = %date, action, subject, "bank line settled by hand");
        self.reconciliation_of(day)
    }

    fn reconciliation_view(
        &self,
        day: NaiveDate,
        inputs: &DayInputs,
        rec: Reconciliation,
        import: Option<ImportResult>,
    ) -> Result<BankReconciliation> {
        let f = self.i18n().formatter(self.lang());
        let (bank_out, pay_out) = (&rec.bank, &rec.counter);
        let bank_lines = inputs
            .bank
            .iter()
            .zip(bank_out)
            .zip(&inputs.import_of)
            .map(|((l, o), import_id)| BankLineView {
                id: l.id.clone(),
                import_id: *import_id,
                line: l.line,
                kind: l.kind,
                amount: l.amount.minor,
                amount_text: f.money(l.amount),
                currency: l.currency.code().to_string(),
                date_time: l.date_time.to_rfc3339(),
                transaction_id: l.transaction_id.clone(),
                merchant_reference: l.merchant_reference.clone(),
                order_code: l.order_code.clone(),
                terminal_id: l.terminal_id.clone(),
                scheme: l.scheme.clone(),
                masked_pan: l.masked_pan.clone(),
                auth_code: l.auth_code.clone(),
                rrn: l.rrn.clone(),
                stan: l.stan.clone(),
                outcome: o.into(),
            })
            .collect();
        let approved: Vec<&CounterPayment> = inputs.counter.iter().filter(|p| p.approved).collect();
        let counter_payments = approved
            .iter()
            .zip(pay_out)
            .map(|(p, o)| {
                let signed = if p.kind == PaymentKind::Refund { -p.amount.minor.abs() } else { p.amount.minor };
                CounterPaymentView {
                    id: p.id.clone(),
                    kind: p.kind,
                    amount: signed,
                    amount_text: f.money(Money::new(signed, p.amount.currency)),
                    currency: p.amount.currency.code().to_string(),
                    at: p.at.to_rfc3339(),
                    brand: super::brand_of(p.brand.as_deref(), p.masked_pan.as_deref()),
                    terminal_id: p.terminal_id.clone(),
                    auth_code: p.auth_code.clone(),
                    rrn: p.rrn.clone(),
                    stan: p.stan.clone(),
                    receipt_no: p.receipt_no.clone(),
                    provider_ref: p.provider_ref.clone(),
                    outcome: o.into(),
                }
            })
            .collect();
        let date = Self::day_text(day);
        // Read first: the store's lock must be released before `actor_name` takes it.
        let recorded = self.store().bank_imports_on(&date)?;
        let imports =
            recorded.into_iter().map(|i| quay_store::BankImportRecord { imported_by: self.actor_name(&i.imported_by), ..i }).collect();
        Ok(BankReconciliation {
            imports,
            date,
            import,
            summary: rec.summary,
            settlements: inputs.settlements.len(),
            bank_lines,
            counter_payments,
        })
    }
}

/// The id a matcher item names (a bank line's stable id or a payment's key).
pub fn item_id(i: &Item) -> Arc<str> {
    match i {
        Item::Bank { id, .. } | Item::Counter { id } => id.clone(),
    }
}
