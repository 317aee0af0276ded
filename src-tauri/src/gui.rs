//! The window face: Tauri commands over quay-app. Each command is thin — check the role
//! of who is signed in, parse what the webview sent, call one use case, return a view —
//! and every failure reaches the webview as `{code, message}`, `code` being the Fluent id
//! and `message` its text in the counter's language. Only what the sign-in screen and
//! the header need runs without a role: the app's info, the display language, the
//! session itself, and how many sales wait for the hub.

use std::path::PathBuf;
use std::sync::Arc;

use quay_app::card::OpenPayment;
use quay_app::staff::SessionView;
use quay_app::views::{CartView, CashPreview, MenuView, MoneyView, ReceiptView, SalesDay, SyncView};
use quay_app::vouchers::{PaymentView, VoucherView};
use quay_app::{AppError, Counter};
use quay_core::auth::{Action, Role};
use quay_i18n::Lang;
use serde::Serialize;
use tauri::{Emitter, State};

#[derive(Debug, Serialize)]
pub struct ErrorDto {
    code: &'static str,
    message: String,
}

type Shared = Arc<Counter>;
type Reply<T> = Result<T, ErrorDto>;

fn fail(counter: &Counter, e: AppError) -> ErrorDto {
    tracing::warn!(code = e.code, detail = %e.detail, "command refused");
    ErrorDto { code: e.code, message: counter.message(&e) }
}

/// Runs a use case that may wait on a partner (the hub, a terminal) off the async
/// workers, and maps its error.
async fn blocking<T: Send + 'static>(c: &Shared, f: impl FnOnce(&Counter) -> quay_app::Result<T> + Send + 'static) -> Reply<T> {
    let worker = c.clone();
    let result = tauri::async_runtime::spawn_blocking(move || f(&worker)).await.map_err(AppError::internal).and_then(|r| r);
    result.map_err(|e| fail(c, e))
}

/// Runs a use case and maps its error.
fn call<T>(counter: &Counter, f: impl FnOnce(&Counter) -> quay_app::Result<T>) -> Reply<T> {
    f(counter).map_err(|e| fail(counter, e))
}

#[derive(Debug, Serialize)]
struct AppInfo {
    lang: &'static str,
    dir: &'static str,
    langs: Vec<&'static str>,
    counter_id: String,
    currency: String,
    decimals: u32,
    version: &'static str,
}

fn info(c: &Counter) -> AppInfo {
    let lang = c.lang();
    AppInfo {
        lang: lang.tag(),
        dir: lang.dir(),
        langs: Lang::ALL.iter().map(|l| l.tag()).collect(),
        counter_id: c.config().counter_id.clone(),
        currency: c.config().currency.code().to_string(),
        decimals: c.config().currency.exponent(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[tauri::command]
async fn app_info(c: State<'_, Shared>) -> Reply<AppInfo> {
    Ok(info(&c))
}

#[tauri::command]
async fn set_locale(c: State<'_, Shared>, tag: String) -> Reply<AppInfo> {
    call(&c, |c| {
        let lang = Lang::parse(&tag).ok_or_else(|| AppError::new("err-bad-locale", vec![("tag", tag.as_str().into())]))?;
        c.set_lang(lang)?;
        Ok(info(c))
    })
}

#[tauri::command]
async fn menu_view(c: State<'_, Shared>) -> Reply<MenuView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.menu_view()
    })
}

#[tauri::command]
async fn search(c: State<'_, Shared>, query: String, limit: Option<usize>) -> Reply<Vec<String>> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        Ok(c.menu()?.search(&query, limit.unwrap_or(60).min(500)).iter().map(|i| i.id.clone()).collect())
    })
}

#[tauri::command]
async fn cart_view(c: State<'_, Shared>) -> Reply<CartView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.cart_view()
    })
}

#[tauri::command]
async fn cart_add(c: State<'_, Shared>, item_id: String, option_ids: Vec<String>, qty: i64, note: Option<String>) -> Reply<CartView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.edit_cart(|cart, menu, now| Ok(cart.add(menu, &item_id, &option_ids, qty, note.as_deref(), now)?))?;
        c.cart_view()
    })
}

#[tauri::command]
async fn cart_set_qty(c: State<'_, Shared>, line_id: u32, qty: i64) -> Reply<CartView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.edit_cart(|cart, _, _| Ok(cart.set_qty(line_id, qty)?))?;
        c.cart_view()
    })
}

#[tauri::command]
async fn cart_update_line(c: State<'_, Shared>, line_id: u32, option_ids: Vec<String>, qty: i64, note: Option<String>) -> Reply<CartView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.edit_cart(|cart, menu, _| {
            cart.set_options(menu, line_id, &option_ids)?;
            cart.set_qty(line_id, qty)?;
            Ok(cart.set_note(line_id, note.as_deref())?)
        })?;
        c.cart_view()
    })
}

#[tauri::command]
async fn cart_remove(c: State<'_, Shared>, line_id: u32) -> Reply<CartView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.edit_cart(|cart, _, _| Ok(cart.remove(line_id)?))?;
        c.cart_view()
    })
}

#[tauri::command]
async fn cart_clear(c: State<'_, Shared>) -> Reply<CartView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.edit_cart(|cart, _, _| {
            cart.clear();
            Ok(())
        })?;
        c.cart_view()
    })
}

#[tauri::command]
async fn cash_preview(c: State<'_, Shared>, tendered: String) -> Reply<CashPreview> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.cash_preview(&tendered)
    })
}

#[derive(Debug, Serialize)]
struct Closed {
    sale_id: String,
    receipt_no: String,
    change: MoneyView,
    message: String,
}

#[tauri::command]
async fn pay_cash(c: State<'_, Shared>, tendered: Option<String>) -> Reply<Closed> {
    let shared: Shared = c.inner().clone();
    blocking(&shared, move |c| {
        let who = c.require(Action::RingSale)?;
        let tendered = tendered.as_deref().filter(|t| !t.trim().is_empty()).map(|t| c.parse_amount(t)).transpose()?;
        let sale = c.pay_cash(&who, tendered)?;
        let change = quay_core::Money::new(sale.tenders.iter().filter_map(|t| t.change).sum(), sale.currency);
        let lang = c.lang();
        let change = quay_app::views::money(c.i18n(), lang, change);
        Ok(Closed {
            sale_id: sale.id.to_string(),
            message: c.i18n().t(
                lang,
                "sale-closed",
                &[("receipt", sale.receipt_no.as_str().into()), ("change", change.text.as_str().into())],
            ),
            receipt_no: sale.receipt_no,
            change,
        })
    })
    .await
}

fn sale_id(id: &str) -> quay_app::Result<uuid::Uuid> {
    uuid::Uuid::parse_str(id).map_err(|_| AppError::new("err-no-such-sale", vec![("id", id.into())]))
}

#[tauri::command]
async fn receipt(c: State<'_, Shared>, sale_id: String) -> Reply<ReceiptView> {
    call(&c, |c| {
        c.require(Action::ViewSales)?;
        c.receipt_view(self::sale_id(&sale_id)?)
    })
}

#[derive(Debug, Serialize)]
struct PrintedReceipt {
    /// Where the receipt went: the PDF under the data directory's `reports/receipts/`.
    path: String,
}

/// Print (or, from the day's sales, print again) a sale's receipt: the same PDF as
/// `quay sales receipt`, through `quay_app::files`. Issue 19 (ESC/POS printers) will route
/// this to the receipt printer; the screen only says where it went.
#[tauri::command]
async fn print_receipt(c: State<'_, Shared>, sale_id: String) -> Reply<PrintedReceipt> {
    let shared: Shared = c.inner().clone();
    blocking(&shared, move |c| {
        c.require(Action::ViewSales)?;
        let path = c.print_receipt(self::sale_id(&sale_id)?)?;
        Ok(PrintedReceipt { path: path.display().to_string() })
    })
    .await
}

#[tauri::command]
async fn sales_today(c: State<'_, Shared>) -> Reply<SalesDay> {
    call(&c, |c| {
        c.require(Action::ViewSales)?;
        c.sales_day_view(c.today())
    })
}

#[tauri::command]
async fn void_sale(c: State<'_, Shared>, sale_id: String, reason: String, approver_pin: Option<String>) -> Reply<SalesDay> {
    // A card sale is paid back on the terminal first, which blocks: off the async workers.
    let counter: Shared = c.inner().clone();
    let worker = counter.clone();
    let result = tauri::async_runtime::spawn_blocking(move || -> quay_app::Result<SalesDay> {
        // Whoever is at the screen asks; a manager's PIN, typed right there, approves.
        let by = worker.require(Action::ViewSales)?;
        let approver = worker.authorize(approver_pin.as_deref(), Action::ApproveVoid)?;
        worker.void_paying_back(self::sale_id(&sale_id)?, &reason, &by, &approver)?;
        worker.sales_day_view(worker.today())
    })
    .await
    .map_err(quay_app::AppError::internal)
    .and_then(|r| r);
    result.map_err(|e| fail(&counter, e))
}

#[derive(Debug, Serialize)]
struct CardPaid {
    /// The sale, when the card paid all that was due.
    sale_id: Option<String>,
    remaining: MoneyView,
    message: String,
}

/// Card on the configured terminal. Runs off the async workers (the terminal call
/// blocks for as long as the customer takes); the terminal's texts arrive as events.
#[tauri::command]
async fn pay_card(c: State<'_, Shared>, amount: Option<String>) -> Reply<CardPaid> {
    let counter: Shared = c.inner().clone();
    let worker = counter.clone();
    let result = tauri::async_runtime::spawn_blocking(move || -> quay_app::Result<CardPaid> {
        let c = worker;
        let who = c.require(Action::RingSale)?;
        let terminal = c.card_terminal()?;
        let amount = amount.as_deref().filter(|a| !a.trim().is_empty()).map(|a| c.parse_amount(a)).transpose()?;
        let r = c.pay_card(&who, terminal.as_ref(), amount, &|text| c.emit(quay_app::Event::TerminalStatus { text: text.to_string() }))?;
        let lang = c.lang();
        let remaining = quay_app::views::money(c.i18n(), lang, quay_core::Money::new(r.remaining, c.config().currency));
        let message = match &r.sale {
            Some(s) => c.i18n().t(lang, "card-approved", &[("receipt", s.receipt_no.as_str().into())]),
            None => c.i18n().t(lang, "card-remaining", &[("amount", remaining.text.as_str().into())]),
        };
        Ok(CardPaid { sale_id: r.sale.map(|s| s.id.to_string()), remaining, message })
    })
    .await
    .map_err(quay_app::AppError::internal)
    .and_then(|r| r);
    result.map_err(|e| fail(&counter, e))
}

/// What the hub says of a voucher code for the cart on the screen (nothing applied).
#[tauri::command]
async fn voucher_check(c: State<'_, Shared>, partner: String, code: String) -> Reply<VoucherView> {
    let shared: Shared = c.inner().clone();
    blocking(&shared, move |c| {
        c.require(Action::RingSale)?;
        c.check_voucher(&partner, &code)
    })
    .await
}

/// Applies a voucher to the sale being paid (redeemed when it closes).
#[tauri::command]
async fn voucher_apply(c: State<'_, Shared>, partner: String, code: String) -> Reply<PaymentView> {
    let shared: Shared = c.inner().clone();
    blocking(&shared, move |c| {
        c.require(Action::RingSale)?;
        c.apply_voucher(&partner, &code)?;
        c.payment_view()
    })
    .await
}

#[tauri::command]
async fn voucher_remove(c: State<'_, Shared>, partner: String, code: String) -> Reply<PaymentView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.remove_voucher(&partner, &code)?;
        c.payment_view()
    })
}

/// The payment screen: total, card paid, vouchers applied, due.
#[tauri::command]
async fn payment_view(c: State<'_, Shared>) -> Reply<PaymentView> {
    call(&c, |c| {
        c.require(Action::RingSale)?;
        c.payment_view()
    })
}

/// The technician's settings, grouped; secrets only say whether they are set.
#[tauri::command]
async fn settings_view(c: State<'_, Shared>) -> Reply<quay_app::setup::SettingsView> {
    call(&c, |c| {
        c.require(Action::ConfigureSettings)?;
        c.settings_view(c.lang())
    })
}

/// Saves a batch of settings: all valid or none saved; each change audited.
#[tauri::command]
async fn settings_save(c: State<'_, Shared>, changes: Vec<(String, String)>) -> Reply<quay_app::setup::SettingsView> {
    call(&c, |c| {
        let who = c.require(Action::ConfigureSettings)?;
        c.save_settings(&who, &changes)
    })
}

#[derive(Debug, Serialize)]
struct ConnectionTested {
    report: quay_app::setup::ReportView,
    /// The printable report (PDF, in the counter's language), written under the data
    /// directory's `reports/`.
    pdf_path: String,
}

/// "Test connection": really calls the hub, a voucher partner or the terminal, step by
/// step; the report is audited and written as a PDF.
#[tauri::command]
async fn connection_test(c: State<'_, Shared>, target: String) -> Reply<ConnectionTested> {
    let counter: Shared = c.inner().clone();
    let result = async {
        let who = counter.require(Action::TestConnection)?;
        let target = quay_app::setup::Target::parse(&target)
            .ok_or_else(|| AppError::new("err-config-value", vec![("key", "target".into()), ("value", target.as_str().into())]))?;
        let report = counter.test_connection(target).await;
        counter.audit_connection_test(&who, &report)?;
        let lang = counter.lang();
        let pdf = counter.connection_report_pdf(&report, lang)?;
        let dir = counter.data_dir().join("reports");
        quay_app::files::private_dir(&dir)?;
        let path = dir.join(format!("connection-{}-{}.pdf", target.as_str(), counter.now().format("%Y%m%d-%H%M%S")));
        quay_app::files::write_private(&path, &pdf)?;
        Ok(ConnectionTested { report: counter.connection_report_screen_view(&report, lang), pdf_path: path.display().to_string() })
    }
    .await;
    result.map_err(|e| fail(&counter, e))
}

fn day(c: &Counter, date: Option<&str>) -> quay_app::Result<chrono::NaiveDate> {
    date.filter(|d| !d.is_empty()).map(quay_app::parse_date).transpose().map(|d| d.unwrap_or_else(|| c.today()))
}

/// The day's totals per tender, voids, refunds, vouchers per partner, cards per brand.
#[tauri::command]
async fn dayend_totals(c: State<'_, Shared>, date: Option<String>) -> Reply<quay_app::dayend::DayTotals> {
    call(&c, |c| {
        c.require(Action::Reconcile)?;
        c.day_totals(day(c, date.as_deref())?)
    })
}

/// Closes the terminal's batch (ZVT end-of-day, or Viva's transactions of the day) and
/// compares it per brand with the journal.
#[tauri::command]
async fn dayend_terminal(c: State<'_, Shared>, date: Option<String>) -> Reply<quay_app::dayend::terminal::TerminalBatch> {
    let shared: Shared = c.inner().clone();
    blocking(&shared, move |c| {
        let who = c.require(Action::CloseDay)?;
        c.terminal_batch(day(c, date.as_deref())?, &who.actor())
    })
    .await
}

/// The day's bank reconciliation; with `content`, that bank file (as read by the
/// webview's file picker) is imported first with `preset`.
#[tauri::command]
async fn dayend_reconcile(
    c: State<'_, Shared>,
    date: Option<String>,
    content: Option<String>,
    preset: Option<String>,
    file_name: Option<String>,
) -> Reply<quay_app::dayend::bank::BankReconciliation> {
    call(&c, |c| {
        let who = c.require(Action::Reconcile)?;
        let d = day(c, date.as_deref())?;
        match content {
            Some(text) => {
                c.reconcile_bank_file(d, text.as_bytes(), preset.as_deref().unwrap_or("generic"), file_name.as_deref(), &who.actor())
            }
            None => c.bank_reconciliation(d),
        }
    })
}

/// A manager settles a line: `link` (bank line ↔ payment), `next_batch` (payment), or
/// `enter` (a bank line entered by hand, reason required).
#[tauri::command]
async fn dayend_settle(
    c: State<'_, Shared>,
    date: Option<String>,
    action: String,
    bank_id: Option<String>,
    payment_id: Option<String>,
    reason: Option<String>,
) -> Reply<quay_app::dayend::bank::BankReconciliation> {
    call(&c, |c| {
        let needed = if action == "enter" { Action::ManualBankEntry } else { Action::Reconcile };
        let who = c.require(needed)?;
        let missing = |k: &str| AppError::new("err-config-value", vec![("key", k.into()), ("value", "".into())]);
        let settlement = match action.as_str() {
            "link" => quay_dayend::Settlement::Link {
                bank_id: bank_id.ok_or_else(|| missing("bank_id"))?,
                payment_id: payment_id.ok_or_else(|| missing("payment_id"))?,
                reason,
            },
            "next_batch" => quay_dayend::Settlement::NextBatch { payment_id: payment_id.ok_or_else(|| missing("payment_id"))?, reason },
            "enter" => quay_dayend::Settlement::EnterByHand {
                bank_id: bank_id.ok_or_else(|| missing("bank_id"))?,
                reason: reason.unwrap_or_default(),
            },
            other => return Err(AppError::new("err-config-value", vec![("key", "action".into()), ("value", other.into())])),
        };
        c.settle_bank(day(c, date.as_deref())?, settlement, &who.actor())
    })
}

/// The bank-file presets: the built-in ones, then the manager's saved mappings.
#[tauri::command]
async fn dayend_presets(c: State<'_, Shared>) -> Reply<Vec<String>> {
    call(&c, |c| {
        c.require(Action::Reconcile)?;
        c.bank_preset_names()
    })
}

/// A first look at a new bank's file (as read by the webview's file picker) for the
/// mapping screen; `delimiter` and `has_header` override the guesses.
#[tauri::command]
async fn dayend_bank_sample(
    c: State<'_, Shared>,
    content: String,
    delimiter: Option<String>,
    has_header: Option<bool>,
) -> Reply<quay_app::dayend::FileSample> {
    call(&c, |c| {
        c.require(Action::Reconcile)?;
        let delimiter = match delimiter.as_deref() {
            None | Some("") => None,
            Some("tab") | Some("\t") => Some('\t'),
            Some(d) if d.chars().count() == 1 => d.chars().next(),
            Some(d) => return Err(AppError::new("err-config-value", vec![("key", "delimiter".into()), ("value", d.into())])),
        };
        c.bank_file_sample(content.as_bytes(), delimiter, has_header)
    })
}

/// Reads the file with a mapping not saved yet; records nothing.
#[tauri::command]
async fn dayend_preset_preview(
    c: State<'_, Shared>,
    content: String,
    preset: quay_app::dayend::Preset,
) -> Reply<quay_app::dayend::bank::BankPreview> {
    call(&c, |c| {
        c.require(Action::Reconcile)?;
        c.preview_bank_preset(content.as_bytes(), &preset)
    })
}

/// Saves a manager's mapping under `name` (audited) and answers the preset names.
#[tauri::command]
async fn dayend_preset_save(c: State<'_, Shared>, name: String, preset: quay_app::dayend::Preset) -> Reply<Vec<String>> {
    call(&c, |c| {
        let who = c.require(Action::Reconcile)?;
        let json = serde_json::to_string(&preset).map_err(AppError::internal)?;
        c.save_bank_preset(&name, &json, &who.actor())?;
        c.bank_preset_names()
    })
}

#[derive(Debug, Serialize)]
struct ReportFiles {
    pdf_path: String,
    csv_path: String,
}

/// The day-end report as PDF (the counter's language) and CSV, under `reports/`.
#[tauri::command]
async fn dayend_report(c: State<'_, Shared>, date: Option<String>) -> Reply<ReportFiles> {
    call(&c, |c| {
        c.require(Action::Reconcile)?;
        let d = day(c, date.as_deref())?;
        let dir = c.data_dir().join("reports");
        quay_app::files::private_dir(&dir)?;
        let pdf = dir.join(format!("day-{d}.pdf"));
        let csv = dir.join(format!("day-{d}.csv"));
        quay_app::files::write_private(&pdf, &c.day_report_pdf(d, c.lang())?)?;
        quay_app::files::write_private(&csv, &c.day_report_csv(d)?)?;
        Ok(ReportFiles { pdf_path: pdf.display().to_string(), csv_path: csv.display().to_string() })
    })
}

/// Closes the business day: refused while sales wait for the hub or a payment is
/// unknown; cash counted against expected, a difference needs a reason.
#[tauri::command]
async fn dayend_close(
    c: State<'_, Shared>,
    date: Option<String>,
    cash_counted: Option<String>,
    reason: Option<String>,
) -> Reply<quay_app::dayend::DayClose> {
    call(&c, |c| {
        let who = c.require(Action::CloseDay)?;
        let counted = cash_counted.as_deref().filter(|t| !t.trim().is_empty()).map(|t| c.parse_amount(t)).transpose()?;
        c.close_day(day(c, date.as_deref())?, counted, reason.as_deref().filter(|r| !r.trim().is_empty()), &who.actor())
    })
}

#[tauri::command]
async fn session(c: State<'_, Shared>) -> Reply<SessionView> {
    call(&c, |c| c.session_view())
}

#[tauri::command]
async fn sign_in(c: State<'_, Shared>, pin: String) -> Reply<SessionView> {
    // argon2 takes tens of milliseconds per member: off the async workers.
    let counter: Shared = c.inner().clone();
    let worker = counter.clone();
    let result = tauri::async_runtime::spawn_blocking(move || worker.sign_in(&pin)).await.map_err(AppError::internal).and_then(|r| r);
    result.map_err(|e| fail(&counter, e))
}

#[tauri::command]
async fn sign_out(c: State<'_, Shared>) -> Reply<SessionView> {
    call(&c, |c| {
        c.sign_out();
        c.session_view()
    })
}

/// Adds a staff member: the first technician of a counter in setup, or by a signed-in
/// technician.
#[tauri::command]
async fn staff_add(c: State<'_, Shared>, name: String, role: String, pin: String) -> Reply<SessionView> {
    let counter: Shared = c.inner().clone();
    let worker = counter.clone();
    let result = tauri::async_runtime::spawn_blocking(move || -> quay_app::Result<SessionView> {
        let who = worker.require(Action::ManageStaff)?;
        let role = Role::parse(&role)
            .ok_or_else(|| AppError::new("err-config-value", vec![("key", "role".into()), ("value", role.as_str().into())]))?;
        worker.add_staff(&who, &name, role, &pin)?;
        worker.session_view()
    })
    .await
    .map_err(AppError::internal)
    .and_then(|r| r);
    result.map_err(|e| fail(&counter, e))
}

/// Card attempts whose outcome is not known: shown until settled.
#[tauri::command]
async fn open_payments(c: State<'_, Shared>) -> Reply<Vec<OpenPayment>> {
    call(&c, |c| {
        c.require(Action::ViewSales)?;
        c.open_payments()
    })
}

/// Asks the terminal again about open attempts (never charging).
#[tauri::command]
async fn resolve_payments(c: State<'_, Shared>) -> Reply<Vec<OpenPayment>> {
    let counter: Shared = c.inner().clone();
    let worker = counter.clone();
    let result = tauri::async_runtime::spawn_blocking(move || -> quay_app::Result<Vec<OpenPayment>> {
        worker.require(Action::RingSale)?;
        let t = worker.card_terminal_to_ask()?;
        worker.resolve_payments(t.as_ref())?;
        worker.open_payments()
    })
    .await
    .map_err(AppError::internal)
    .and_then(|r| r);
    result.map_err(|e| fail(&counter, e))
}

/// A manager settles by hand what the terminal cannot answer for, with their PIN.
#[tauri::command]
async fn settle_payment(
    c: State<'_, Shared>,
    key: String,
    charged: bool,
    reason: String,
    approver_pin: Option<String>,
) -> Reply<Vec<OpenPayment>> {
    call(&c, |c| {
        c.require(Action::ViewSales)?;
        let who = c.authorize(approver_pin.as_deref(), Action::SettlePayment)?;
        c.settle_payment(&key, charged, &reason, &who)?;
        c.open_payments()
    })
}

#[tauri::command]
async fn sync_view(c: State<'_, Shared>) -> Reply<SyncView> {
    call(&c, |c| c.sync_view())
}

/// "Sync now": the menu, then the waiting sales. Progress arrives as events.
#[tauri::command]
async fn sync_now(c: State<'_, Shared>) -> Reply<SyncView> {
    let counter: Shared = c.inner().clone();
    let result = async {
        counter.require(Action::ViewSales)?;
        counter.sync_menu().await?;
        counter.push_outbox().await?;
        counter.sync_view()
    }
    .await;
    result.map_err(|e| fail(&counter, e))
}

#[tauri::command]
async fn menu_status(c: State<'_, Shared>) -> Reply<quay_app::views::MenuStatusView> {
    let counter: Shared = c.inner().clone();
    let result = match counter.require(Action::ViewSales) {
        Ok(_) => counter.menu_status_view().await,
        Err(e) => Err(e),
    };
    result.map_err(|e| fail(&counter, e))
}

pub fn run(data_dir: PathBuf) -> i32 {
    let filter = tracing_subscriber::EnvFilter::try_from_env("QUAY_LOG").unwrap_or_else(|_| "info".into());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
    let counter = match Counter::open(&data_dir) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            let l = quay_i18n::Localizer::new().expect("built-in locales load");
            eprintln!("quay: {}", l.error(Lang::En, &e));
            return 1;
        }
    };
    tracing::info!(data_dir = %data_dir.display(), "opening the counter window");
    let result = tauri::Builder::default()
        .setup({
            let counter = counter.clone();
            move |app| {
                let handle = app.handle().clone();
                counter.set_listener(move |e| {
                    let _ = handle.emit("quay-event", e);
                });
                // One background worker per counter: if `quay sync run` (or another window)
                // holds the data directory's background lock, this window does no background
                // work but rings as usual; its sales wait in the outbox for that worker.
                let lock = match quay_app::background::try_take(counter.data_dir(), "window") {
                    Ok(Ok(lock)) => Some(lock),
                    Ok(Err(holder)) => {
                        tracing::warn!(holder = %holder, "{}", counter.i18n().error(Lang::En, &holder.error()));
                        None
                    }
                    Err(e) => {
                        tracing::error!(error = %e.detail, "cannot take the background lock; no background work");
                        None
                    }
                };
                if let Some(lock) = lock {
                    // Held until the process ends.
                    std::mem::forget(lock);
                    // Card attempts a crash left open are settled by asking the terminal.
                    let settle = counter.clone();
                    tauri::async_runtime::spawn_blocking(move || {
                        // Voucher redemptions a crash left open: asked of the hub, never redone.
                        match settle.resolve_vouchers() {
                            Ok(done) if !done.is_empty() => tracing::info!(count = done.len(), "open voucher redemptions settled"),
                            Ok(_) => {}
                            Err(e) => tracing::warn!(error = %e.detail, "open voucher redemptions not settled"),
                        }
                        if let Ok(t) = settle.card_terminal_to_ask() {
                            match settle.resolve_payments(t.as_ref()) {
                                Ok(done) if !done.is_empty() => tracing::info!(count = done.len(), "open card payments settled"),
                                Ok(_) => {}
                                Err(e) => tracing::warn!(error = %e.detail, "open card payments not settled"),
                            }
                        }
                    });
                    // Viva's webhook, when a technician configured one (off by default).
                    match counter.webhook_config() {
                        Ok(Some(config)) => {
                            let hooked = counter.clone();
                            tauri::async_runtime::spawn(async move {
                                match quay_app::webhook::bind(&config).await {
                                    Ok(l) => {
                                        if let Err(e) = quay_app::webhook::serve(l, hooked, config, std::future::pending()).await {
                                            tracing::error!(error = %e, "the Viva webhook listener stopped");
                                        }
                                    }
                                    Err(e) => tracing::error!(addr = %config.listen, error = %e, "the Viva webhook listener cannot bind"),
                                }
                            });
                        }
                        Ok(None) => {}
                        Err(e) => tracing::warn!(error = %e.detail, "the Viva webhook is misconfigured"),
                    }
                    // The hub sync runs beside the window; it never blocks a sale.
                    tauri::async_runtime::spawn(quay_app::sync::run(counter));
                }
                Ok(())
            }
        })
        .manage(counter)
        .invoke_handler(tauri::generate_handler![
            app_info,
            set_locale,
            menu_view,
            search,
            cart_view,
            cart_add,
            cart_set_qty,
            cart_update_line,
            cart_remove,
            cart_clear,
            cash_preview,
            pay_cash,
            receipt,
            print_receipt,
            sales_today,
            void_sale,
            sync_view,
            sync_now,
            menu_status,
            pay_card,
            dayend_totals,
            dayend_terminal,
            dayend_reconcile,
            dayend_settle,
            dayend_presets,
            dayend_bank_sample,
            dayend_preset_preview,
            dayend_preset_save,
            dayend_report,
            dayend_close,
            settings_view,
            settings_save,
            connection_test,
            voucher_check,
            voucher_apply,
            voucher_remove,
            payment_view,
            session,
            sign_in,
            sign_out,
            staff_add,
            open_payments,
            resolve_payments,
            settle_payment,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("quay: {e}");
            1
        }
    }
}
