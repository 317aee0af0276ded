//! The day end's virtual POS section: each definition's transactions of the day compared
//! with the bank's list **by transaction code** (the order id, seed 001). The bank's list
//! comes from its report call where the gateway has one (Garanti's `orderlistinq`), else
//! from its exported file read through the bank-file mapping (preset `vpos`, or a
//! manager's own). A transaction the bank has and the counter lacks is entered by hand
//! with a reason, audited.

use chrono::NaiveDate;
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::payment::{PaymentKind, PaymentState};
use quay_core::Money;
use quay_dayend::vpos::{compare, BankKind, BankTx, CounterTx, HandTx, Status};
use quay_dayend::LineKind;
use quay_store::vpos::{BankLineRow, HandEntry};
use quay_store::PaymentRecord;
use serde::Serialize;

use super::{terminal_of, vpos_error};
use crate::views::MoneyView;
use crate::{AppError, Counter, Result, Who};

#[derive(Debug, Clone, Serialize)]
pub struct VposRowView {
    pub order_id: String,
    pub status: Status,
    pub counter_amount: Option<MoneyView>,
    pub bank_amount: Option<MoneyView>,
    pub counter_net: Option<MoneyView>,
    pub bank_net: Option<MoneyView>,
    pub at: Option<String>,
    pub auth_code: Option<String>,
    pub hand: Option<HandView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HandView {
    pub reason: String,
    pub who: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VposTotalsView {
    pub counter_net: MoneyView,
    pub bank_net: MoneyView,
    pub difference: MoneyView,
    pub matched: usize,
    pub problems: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct VposDayView {
    pub name: String,
    pub kind: String,
    /// Where the bank's list came from: `report`, `file`, or `none` yet.
    pub source: String,
    /// Whether the gateway has a report call (else its file is imported).
    pub has_report: bool,
    pub rows: Vec<VposRowView>,
    pub totals: VposTotalsView,
}

#[derive(Debug, Clone, Serialize)]
pub struct VposSectionView {
    pub date: String,
    pub definitions: Vec<VposDayView>,
}

/// `original`: the order id of a payment by its key (for refunds of an earlier day's payment).
fn counter_txs(
    all: &[PaymentRecord],
    terminal: &str,
    is_void: impl Fn(&str) -> bool,
    original: impl Fn(&str) -> Option<String>,
) -> Vec<CounterTx> {
    let mine: Vec<&PaymentRecord> = all.iter().filter(|p| p.terminal == terminal).collect();
    let today: Vec<&str> = mine.iter().filter(|p| p.kind == PaymentKind::Sale).map(|p| p.key.as_str()).collect();
    // Refunds of payments of an earlier day: only what went back, under the original's order id.
    let mut earlier: std::collections::BTreeMap<String, CounterTx> = std::collections::BTreeMap::new();
    for r in mine.iter().filter(|r| r.kind != PaymentKind::Sale && r.state == PaymentState::Approved) {
        let Some(of) = r.refund_of.as_deref().filter(|of| !today.contains(of)) else { continue };
        let Some(order_id) = original(of) else { continue };
        let e = earlier.entry(order_id.clone()).or_insert(CounterTx {
            order_id,
            amount: 0,
            voided: false,
            refunded: 0,
            at: r.created_at.clone(),
            auth_code: None,
        });
        e.refunded += r.amount;
    }
    mine.iter()
        .filter(|p| p.kind == PaymentKind::Sale && p.state == PaymentState::Approved)
        .filter_map(|p| {
            let back: Vec<&&PaymentRecord> =
                mine.iter().filter(|r| r.refund_of.as_deref() == Some(&p.key) && r.state == PaymentState::Approved).collect();
            Some(CounterTx {
                order_id: p.order_id.clone()?,
                amount: p.amount,
                voided: back.iter().any(|r| is_void(&r.key)),
                refunded: back.iter().filter(|r| !is_void(&r.key)).map(|r| r.amount).sum(),
                at: p.created_at.clone(),
                auth_code: p.details.auth_code.clone(),
            })
        })
        .chain(earlier.into_values())
        .collect()
}

/// The Fluent id of a status's label.
pub fn status_id(s: Status) -> &'static str {
    match s {
        Status::Matched => "vpos-status-matched",
        Status::DifferentAmount => "vpos-status-different-amount",
        Status::MissingAtBank => "vpos-status-missing-at-bank",
        Status::MissingAtCounter => "vpos-status-missing-at-counter",
        Status::EnteredByHand => "vpos-status-entered-by-hand",
        Status::Voided => "vpos-status-voided",
        Status::Refunded => "vpos-status-refunded",
        Status::CancelDiffers => "vpos-status-cancel-differs",
    }
}

impl Counter {
    /// Every definition's comparison for `day`, for the day's report (its caller checked
    /// who asks). Definitions with nothing on either side are left out.
    pub(crate) fn vpos_days(&self, day: NaiveDate) -> Result<Vec<VposDayView>> {
        let names: Vec<String> = self.store().vpos_definitions()?.into_iter().map(|d| d.name).collect();
        let mut out = Vec::new();
        for name in names {
            let d = self.vpos_day(&name, day)?;
            if !d.rows.is_empty() {
                out.push(d);
            }
        }
        Ok(out)
    }

    /// Every definition's comparison for `day`.
    pub fn vpos_dayend(&self, who: &Who, day: NaiveDate) -> Result<VposSectionView> {
        self.allow(who, Action::Reconcile)?;
        let names: Vec<String> = self.store().vpos_definitions()?.into_iter().map(|d| d.name).collect();
        let mut definitions = Vec::new();
        for name in names {
            definitions.push(self.vpos_day(&name, day)?);
        }
        Ok(VposSectionView { date: day.to_string(), definitions })
    }

    /// One definition's comparison for `day` (the counter's log, the bank's list as last
    /// fetched or imported, the hand entries).
    pub(crate) fn vpos_day(&self, name: &str, day: NaiveDate) -> Result<VposDayView> {
        let def = self.store().vpos_definition(name)?.ok_or_else(|| super::not_found(name))?;
        let currency = self.config().currency;
        let date = day.to_string();
        // A refund of an earlier day's payment counts on the day it was made: the log of
        // the day holds both the day's payments and the day's refunds of any day.
        let all = self.store().payments_on(day)?;
        let voids: Vec<String> = all
            .iter()
            .filter(|p| p.kind != PaymentKind::Sale && p.terminal == terminal_of(name))
            .filter(|p| self.store().vpos_extra(&p.key).ok().flatten().is_some_and(|x| x.channel == "void"))
            .map(|p| p.key.clone())
            .collect();
        let counter = counter_txs(
            &all,
            &terminal_of(name),
            |k| voids.iter().any(|v| v == k),
            |k| self.store().payment(k).ok().flatten().and_then(|p| p.order_id),
        );
        let (source, lines) = self.store().vpos_bank_lines(&date, name)?;
        let bank: Vec<BankTx> = lines
            .iter()
            .map(|l| BankTx {
                order_id: l.order_id.clone(),
                kind: match l.kind.as_str() {
                    "void" => BankKind::Void,
                    "refund" => BankKind::Refund,
                    _ => BankKind::Sale,
                },
                amount: l.amount,
                at: l.at.clone(),
                auth_code: l.auth_code.clone(),
            })
            .collect();
        let hand: Vec<HandTx> = self
            .store()
            .vpos_hand_entries(&date, name)?
            .into_iter()
            .map(|h| HandTx { order_id: h.order_id, amount: h.amount, reason: h.reason, by: h.entered_by })
            .collect();
        let cmp = compare(&counter, &bank, &hand);
        let i18n = self.i18n();
        let lang = self.lang();
        let m = |v: i64| crate::views::money(i18n, lang, Money::new(v, currency));
        let rows = cmp
            .rows
            .into_iter()
            .map(|r| VposRowView {
                order_id: r.order_id,
                status: r.status,
                counter_amount: r.counter_amount.map(m),
                bank_amount: r.bank_amount.map(m),
                counter_net: r.counter_net.map(m),
                bank_net: r.bank_net.map(m),
                at: r.at,
                auth_code: r.auth_code,
                hand: r.hand_reason.map(|reason| HandView { reason, who: self.actor_name(&r.hand_by.unwrap_or_default()) }),
            })
            .collect();
        let kind = quay_pay::vpos::Kind::parse(&def.kind);
        Ok(VposDayView {
            name: def.name,
            kind: def.kind,
            source: source.unwrap_or_else(|| "none".into()),
            has_report: kind == Some(quay_pay::vpos::Kind::Garanti),
            rows,
            totals: VposTotalsView {
                counter_net: m(cmp.totals.counter_net),
                bank_net: m(cmp.totals.bank_net),
                difference: m(cmp.totals.difference),
                matched: cmp.totals.matched,
                problems: cmp.totals.problems,
            },
        })
    }

    /// Asks the bank for its list of `day` (its report call) and compares.
    pub fn vpos_dayend_fetch(&self, who: &Who, day: NaiveDate, name: &str) -> Result<VposDayView> {
        self.allow(who, Action::Reconcile)?;
        let (_, client) = self.vpos_client(name)?;
        let report = crate::rt::block_on(client.day_report(day)).map_err(vpos_error)?;
        let Some(rows) = report else {
            return Err(AppError::new("err-vpos-no-report", vec![("name", Arg::Text(name.into()))]));
        };
        // Declines are in the bank's list too: they moved no money.
        let lines: Vec<BankLineRow> = rows
            .into_iter()
            .filter(|r| r.proc_return_code == "00")
            .map(|r| BankLineRow {
                order_id: r.order_id,
                kind: match r.kind {
                    quay_pay::vpos::ReportKind::Sale => "sale",
                    quay_pay::vpos::ReportKind::Void => "void",
                    quay_pay::vpos::ReportKind::Refund => "refund",
                }
                .into(),
                amount: r.amount.minor,
                currency: r.amount.currency.code().into(),
                at: r.at.to_rfc3339(),
                auth_code: r.auth_code,
                code: Some(r.proc_return_code),
            })
            .collect();
        self.store().vpos_bank_lines_replace(&day.to_string(), name, "report", &lines, &self.now().to_rfc3339())?;
        self.audit(who, "vpos.dayend.fetch", name, None, Some(format!("{day}: {} lines", lines.len())))?;
        self.vpos_day(name, day)
    }

    /// Reads the bank's exported file of `day` with `preset` (default `vpos`) and
    /// compares. All or nothing: a file that cannot be read records nothing.
    pub fn vpos_dayend_import(&self, who: &Who, day: NaiveDate, name: &str, bytes: &[u8], preset: Option<&str>) -> Result<VposDayView> {
        self.allow(who, Action::Reconcile)?;
        let def = self.store().vpos_definition(name)?.ok_or_else(|| super::not_found(name))?;
        let preset = self.preset_named(preset.unwrap_or("vpos"))?;
        let expect = quay_dayend::Expect { merchant_id: None, terminal_ids: vec![], currency: Some(self.config().currency) };
        let approved = approved_only(bytes, preset.delimiter)?;
        let batch = quay_dayend::parse(&approved, &preset, &expect).map_err(|e| AppError::from_localized(&e))?;
        let mut lines = Vec::new();
        for l in batch.lines {
            let kind = match l.kind {
                LineKind::Sale => "sale",
                LineKind::Refund => "refund",
                // Fees and chargebacks are not transactions of the counter's.
                LineKind::Fee | LineKind::Chargeback => continue,
            };
            let Some(order_id) = l.order_code.clone().or(l.merchant_reference.clone()).or(l.transaction_id.clone()) else {
                return Err(AppError::new("err-vpos-file-no-order", vec![("line", Arg::Int(l.line as i64))]));
            };
            // The list of another day's transactions is not this day's.
            if l.date_time.date_naive() != day {
                continue;
            }
            lines.push(BankLineRow {
                order_id,
                kind: kind.into(),
                // Refund lines may be written negative: the kind says which way it went.
                amount: l.amount.minor.abs(),
                currency: l.amount.currency.code().into(),
                at: l.date_time.to_rfc3339(),
                auth_code: l.auth_code,
                code: None,
            });
        }
        self.store().vpos_bank_lines_replace(&day.to_string(), &def.name, "file", &lines, &self.now().to_rfc3339())?;
        self.audit(who, "vpos.dayend.import", name, None, Some(format!("{day}: {} lines", lines.len())))?;
        self.vpos_day(name, day)
    }

    /// Enters by hand a transaction the bank has and the counter lacks, with the reason;
    /// audited. Only for an order id the bank's list has and the counter does not.
    pub fn vpos_dayend_hand(&self, who: &Who, day: NaiveDate, name: &str, order_id: &str, reason: &str) -> Result<VposDayView> {
        self.allow(who, Action::ManualBankEntry)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::new("err-reason-required", vec![]));
        }
        let view = self.vpos_day(name, day)?;
        let row = view
            .rows
            .iter()
            .find(|r| r.order_id == order_id.trim())
            .ok_or_else(|| AppError::new("err-vpos-order-not-found", vec![("order", Arg::Text(order_id.into()))]))?;
        if row.status != Status::MissingAtCounter || row.bank_amount.as_ref().is_none_or(|m| m.minor <= 0) {
            return Err(AppError::new("err-vpos-not-missing", vec![("order", Arg::Text(order_id.into()))]));
        }
        let amount = row.bank_amount.as_ref().map_or(0, |m| m.minor);
        let entry = HandEntry {
            order_id: row.order_id.clone(),
            amount,
            currency: self.config().currency.code().into(),
            reason: reason.into(),
            entered_by: who.actor(),
            at: self.now().to_rfc3339(),
        };
        let audit = quay_store::AuditEntry::new(self.now(), &who.actor(), "vpos.dayend.hand", &format!("{name} {}", row.order_id))
            .change(None, Some(format!("{amount} {}: {reason}", self.config().currency.code())));
        self.store().vpos_hand_entry(&day.to_string(), name, &entry, &audit)?;
        self.vpos_day(name, day)
    }
}

/// The exported list holds declines too (with their return code): only approved lines
/// are transactions to compare. A file without a return-code column is taken whole.
fn approved_only(bytes: &[u8], delimiter: char) -> Result<Vec<u8>> {
    let delimiter = u8::try_from(delimiter).unwrap_or(b',');
    let fold = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).delimiter(delimiter).from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => return Ok(bytes.to_vec()),
    };
    // The return code says it best; a file without one may still say "Approved".
    let by_code = headers.iter().position(|h| matches!(fold(h).as_str(), "procreturncode" | "returncode"));
    let by_response = headers.iter().position(|h| fold(h) == "response");
    let (col, approved) = match (by_code, by_response) {
        (Some(c), _) => (c, "00"),
        (None, Some(c)) => (c, "approved"),
        (None, None) => return Ok(bytes.to_vec()),
    };
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    let io = |e: csv::Error| AppError::new("err-vpos-file-unreadable", vec![("detail", Arg::Text(e.to_string()))]);
    out.write_record(&headers).map_err(io)?;
    for row in reader.records() {
        let row = row.map_err(io)?;
        let code = row.get(col).unwrap_or("").trim().to_ascii_lowercase();
        if code == approved {
            out.write_record(&row).map_err(io)?;
        }
    }
    out.into_inner().map_err(|e| AppError::new("err-vpos-file-unreadable", vec![("detail", Arg::Text(e.to_string()))]))
}
