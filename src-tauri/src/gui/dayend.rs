//! Day end for managers: totals, the terminal's batch, the bank file and its mapping,
//! settling lines, the report and the close.

use quay_app::dayend::bank::{BankPreview, BankReconciliation};
use quay_app::dayend::terminal::TerminalBatch;
use quay_app::dayend::{DayClose, DayTotals, FileSample, Preset};
use quay_app::AppError;
use quay_dayend::Settlement;
use serde::{Deserialize, Serialize};
use tauri::State;

use super::{call, Reply, Shared};
use crate::shared::{amount, day, missing};

/// The day's totals per tender, voids, refunds, vouchers per partner, cards per brand.
#[tauri::command]
pub async fn dayend_totals(c: State<'_, Shared>, date: Option<String>) -> Reply<DayTotals> {
    call(&c, move |c, who| c.day_totals(who, day(c, date.as_deref())?)).await
}

/// Closes the terminal's batch (ZVT end-of-day, or Viva's transactions of the day) and
/// compares it per brand with the journal.
#[tauri::command]
pub async fn dayend_terminal(c: State<'_, Shared>, date: Option<String>) -> Reply<TerminalBatch> {
    call(&c, move |c, who| c.terminal_batch(who, day(c, date.as_deref())?)).await
}

/// The day's bank reconciliation; with `content`, that bank file (as read by the
/// webview's file picker) is imported first with `preset`.
#[tauri::command]
pub async fn dayend_reconcile(
    c: State<'_, Shared>,
    date: Option<String>,
    content: Option<String>,
    preset: Option<String>,
    file_name: Option<String>,
) -> Reply<BankReconciliation> {
    call(&c, move |c, who| {
        let d = day(c, date.as_deref())?;
        let preset = preset.as_deref().unwrap_or("generic");
        match content {
            Some(text) => c.reconcile_bank_file(who, d, text.as_bytes(), preset, file_name.as_deref()),
            None => c.bank_reconciliation(who, d),
        }
    })
    .await
}

/// How a manager settles a line (the webview's names).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettleAction {
    /// A bank line ↔ a payment.
    Link,
    /// A payment expected in the next batch.
    NextBatch,
    /// A bank line entered by hand (reason required).
    Enter,
}

fn settlement(
    action: SettleAction,
    bank_id: Option<String>,
    payment_id: Option<String>,
    reason: Option<String>,
) -> quay_app::Result<Settlement> {
    let bank_id = || bank_id.clone().ok_or_else(|| missing("bank_id"));
    let payment_id = || payment_id.clone().ok_or_else(|| missing("payment_id"));
    Ok(match action {
        SettleAction::Link => Settlement::Link { bank_id: bank_id()?, payment_id: payment_id()?, reason },
        SettleAction::NextBatch => Settlement::NextBatch { payment_id: payment_id()?, reason },
        SettleAction::Enter => Settlement::EnterByHand { bank_id: bank_id()?, reason: reason.unwrap_or_default() },
    })
}

#[tauri::command]
pub async fn dayend_settle(
    c: State<'_, Shared>,
    date: Option<String>,
    action: SettleAction,
    bank_id: Option<String>,
    payment_id: Option<String>,
    reason: Option<String>,
) -> Reply<BankReconciliation> {
    call(&c, move |c, who| c.settle_bank(who, day(c, date.as_deref())?, settlement(action, bank_id, payment_id, reason)?)).await
}

/// The bank-file presets: the built-in ones, then the manager's saved mappings.
#[tauri::command]
pub async fn dayend_presets(c: State<'_, Shared>) -> Reply<Vec<String>> {
    call(&c, move |c, who| c.bank_preset_names(who)).await
}

/// A column delimiter as the mapping screen names it: none (guess), `tab`, or one
/// character.
fn delimiter(text: Option<&str>) -> quay_app::Result<Option<char>> {
    match text {
        None | Some("") => Ok(None),
        Some("tab") | Some("\t") => Ok(Some('\t')),
        Some(d) if d.chars().count() == 1 => Ok(d.chars().next()),
        Some(d) => Err(AppError::new("err-config-value", vec![("key", "delimiter".into()), ("value", d.into())])),
    }
}

/// A first look at a new bank's file (as read by the webview's file picker) for the
/// mapping screen; `delimiter` and `has_header` override the guesses.
#[tauri::command]
pub async fn dayend_bank_sample(
    c: State<'_, Shared>,
    content: String,
    delimiter: Option<String>,
    has_header: Option<bool>,
) -> Reply<FileSample> {
    call(&c, move |c, who| c.bank_file_sample(who, content.as_bytes(), self::delimiter(delimiter.as_deref())?, has_header)).await
}

/// Reads the file with a mapping not saved yet; records nothing.
#[tauri::command]
pub async fn dayend_preset_preview(c: State<'_, Shared>, content: String, preset: Preset) -> Reply<BankPreview> {
    call(&c, move |c, who| c.preview_bank_preset(who, content.as_bytes(), &preset)).await
}

/// Saves a manager's mapping under `name` (audited) and answers the preset names.
#[tauri::command]
pub async fn dayend_preset_save(c: State<'_, Shared>, name: String, preset: Preset) -> Reply<Vec<String>> {
    call(&c, move |c, who| {
        let json = serde_json::to_string(&preset).map_err(AppError::internal)?;
        c.save_bank_preset(who, &name, &json)?;
        c.bank_preset_names(who)
    })
    .await
}

#[derive(Debug, Serialize)]
pub struct ReportFiles {
    pdf_path: String,
    csv_path: String,
}

/// The day-end report as PDF (the counter's language) and CSV, under `reports/`.
#[tauri::command]
pub async fn dayend_report(c: State<'_, Shared>, date: Option<String>) -> Reply<ReportFiles> {
    call(&c, move |c, who| {
        let (pdf, csv) = c.save_day_report(who, day(c, date.as_deref())?, c.lang())?;
        Ok(ReportFiles { pdf_path: pdf.display().to_string(), csv_path: csv.display().to_string() })
    })
    .await
}

/// Closes the business day: refused while sales wait for the hub or a payment is
/// unknown; cash counted against expected, a difference needs a reason.
#[tauri::command]
pub async fn dayend_close(
    c: State<'_, Shared>,
    date: Option<String>,
    cash_counted: Option<String>,
    reason: Option<String>,
) -> Reply<DayClose> {
    call(&c, move |c, who| {
        let counted = amount(c, cash_counted.as_deref())?;
        c.close_day(who, day(c, date.as_deref())?, counted, reason.as_deref().filter(|r| !r.trim().is_empty()))
    })
    .await
}
