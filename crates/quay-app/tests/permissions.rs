//! The permission table, applied by every use case. Each row below names a use case and
//! the action it needs; the expected outcome for every role comes from
//! `quay_core::auth::Action::roles`, not from the row. For each use case and each of
//! cashier, manager, technician, nobody (at a PIN prompt and at the window) and a stale
//! "setup" on a counter that has staff:
//! - an allowed role succeeds or fails for another reason (no hub, no terminal, a bad
//!   file) — never with a refusal of who they are;
//! - a refused one gets its refusal (`err-auth-not-allowed`, or the sign-in/PIN one for
//!   nobody) and changes nothing: every table's row count, the audit chain and the files
//!   of the data directory are as they were.
//!
//! `every_use_case_has_a_row` reads quay-app's sources: a new `pub fn` taking a `Who`
//! without a row here fails, so a future use case cannot skip this test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::NaiveDate;
use quay_app::card::{CardTerminal, Progress, TerminalOutcome};
use quay_app::dayend::{Preset, Settlement};
use quay_app::ring::{parse_line, Pay};
use quay_app::setup::Target;
use quay_app::{Ask, Counter, PaymentRecord, Who};
use quay_core::auth::{Action, Role};
use quay_core::{Currency, Money};
use quay_store::CardDetails;
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const TECH: &str = "2468";
const MANAGER: &str = "5678";
const CASHIER: &str = "1357";

/// What the use cases act on.
struct Fx {
    dir: PathBuf,
    sale: uuid::Uuid,
    /// The screen's checkout (its cart, the sale being paid).
    co: quay_app::Checkout,
}

type Run = fn(&Counter, &Who, &Fx) -> quay_app::Result<()>;

/// A terminal that never takes money (the checks come before it is reached).
struct NoTerminal;

impl CardTerminal for NoTerminal {
    fn kind(&self) -> &'static str {
        "zvt"
    }
    fn charge(&self, _: &str, _: Money, _: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        TerminalOutcome::Cancelled(CardDetails::default())
    }
    fn enquire(&self, _: &PaymentRecord) -> TerminalOutcome {
        TerminalOutcome::Cancelled(CardDetails::default())
    }
    fn refund(&self, _: &str, _: &PaymentRecord, _: Money, _: &dyn Fn(&str)) -> TerminalOutcome {
        TerminalOutcome::Cancelled(CardDetails::default())
    }
}

fn day(c: &Counter) -> NaiveDate {
    c.today()
}

fn vnd(minor: i64) -> Money {
    Money::new(minor, Currency::Vnd)
}

fn block<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
}

/// A virtual POS definition whose bank is nowhere (the checks come before any call).
fn vpos_definition() -> quay_app::vpos::DefinitionInput {
    quay_app::vpos::DefinitionInput {
        name: "Akbank".into(),
        kind: "nestpay".into(),
        mode: "test".into(),
        api_url: "http://127.0.0.1:9/fim/api".into(),
        currency: "VND".into(),
        three_d: "optional".into(),
        fields: [("client_id", "100200127"), ("username", "API"), ("password", "secret-1"), ("store_key", "KEY1")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    }
}

fn vpos_purpose() -> quay_app::vpos::pay::Purpose {
    quay_app::vpos::pay::Purpose { amount: Some("1000".into()), reference: "R-1".into(), ..Default::default() }
}

fn vpos_moto() -> quay_app::vpos::MotoInput {
    use zeroize::Zeroizing;
    let card = quay_app::vpos::pay::CardInput {
        number: Zeroizing::new("4508034508034509".into()),
        expiry: Zeroizing::new("12/30".into()),
        cvv: Zeroizing::new("123".into()),
    };
    quay_app::vpos::MotoInput { name: "Akbank".into(), purpose: vpos_purpose(), card }
}

fn vpos_link() -> quay_app::vpos::LinkInput {
    quay_app::vpos::LinkInput { name: "Akbank".into(), purpose: vpos_purpose() }
}

/// A PIN nobody has yet (allowed `add_staff` calls add members).
fn fresh_pin() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(300_000);
    NEXT.fetch_add(1, Ordering::Relaxed).to_string()
}

/// Every use case that takes who is acting, with the action it needs.
fn cases() -> Vec<(&'static str, Action, Run)> {
    vec![
        ("import_menu", Action::ConfigureSettings, |c, w, _| c.import_menu(w, DEMO).map(|_| ())),
        ("import_menu_file", Action::ConfigureSettings, |c, w, f| c.import_menu_file(w, &f.dir.join("no-menu.json")).map(|_| ())),
        ("edit_cart", Action::RingSale, |c, w, f| {
            c.edit_cart(&f.co, w, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now).map(|_| ())?)).map(|_| ())
        }),
        ("cart_view", Action::RingSale, |c, w, f| c.cart_view(&f.co, w).map(|_| ())),
        ("cash_preview", Action::RingSale, |c, w, f| c.cash_preview(&f.co, w, "500000").map(|_| ())),
        ("pay_cash", Action::RingSale, |c, w, f| c.pay_cash(&f.co, w, None).map(|_| ())),
        ("pay_card", Action::RingSale, |c, w, f| c.pay_card(&f.co, w, &NoTerminal, None, &|_| {}).map(|_| ())),
        ("ring", Action::RingSale, |c, w, _| c.ring(w, &[parse_line("i-phobo").unwrap()], &Pay::Cash(None)).map(|_| ())),
        ("ring_pays", Action::RingSale, |c, w, _| {
            c.ring_pays(w, &[parse_line("i-phobo").unwrap()], &[Pay::Card(None)], Some(&NoTerminal)).map(|_| ())
        }),
        ("check_voucher", Action::RingSale, |c, w, f| c.check_voucher(&f.co, w, "momo", "MOMO-50K").map(|_| ())),
        ("check_voucher_code", Action::RingSale, |c, w, _| c.check_voucher_code(w, "momo", "MOMO-50K", None).map(|_| ())),
        ("apply_voucher", Action::RingSale, |c, w, f| c.apply_voucher(&f.co, w, "momo", "MOMO-50K").map(|_| ())),
        ("remove_voucher", Action::RingSale, |c, w, f| c.remove_voucher(&f.co, w, "momo", "MOMO-50K")),
        ("payment_view", Action::RingSale, |c, w, f| c.payment_view(&f.co, w).map(|_| ())),
        ("resolve_vouchers", Action::RingSale, |c, w, _| c.resolve_vouchers(w).map(|_| ())),
        ("ask_terminal_again", Action::RingSale, |c, w, _| c.ask_terminal_again(w).map(|_| ())),
        ("pay_card_here", Action::RingSale, |c, w, f| c.pay_card_here(&f.co, w, None, &|_| {}).map(|_| ())),
        ("resolve_payments", Action::RingSale, |c, w, _| c.resolve_payments(w, &NoTerminal).map(|_| ())),
        ("wallets", Action::RingSale, |c, w, _| c.wallets(w).map(|_| ())),
        ("code_kind", Action::RingSale, |c, w, _| c.code_kind(w, "MM123456789012345678").map(|_| ())),
        ("pay_wallet", Action::RingSale, |c, w, f| {
            c.pay_wallet(&f.co, w, quay_pay::wallet::Wallet::Momo, Some("MM123456789012345678"), None).map(|_| ())
        }),
        ("wallet_give_up", Action::RingSale, |c, w, _| c.wallet_give_up(w)),
        ("ask_wallets_again", Action::RingSale, |c, w, _| c.ask_wallets_again(w).map(|_| ())),
        ("ask_again", Action::RingSale, |c, w, _| c.ask_again(w).map(|_| ())),
        ("paid_unused", Action::ViewSales, |c, w, _| c.paid_unused(w).map(|_| ())),
        ("refundable_payments", Action::ViewSales, |c, w, _| c.refundable_payments(w, day(c)).map(|_| ())),
        ("refund_part", Action::ApproveRefund, |c, w, _| {
            c.refund_part(w, w, "no-such-key", quay_core::Money::new(100, c.config().currency), "wrong dish").map(|_| ())
        }),
        ("refund_unused", Action::ApproveRefund, |c, w, _| c.refund_unused(w, w, "no-such-key").map(|_| ())),
        ("alipay_status", Action::TestConnection, |c, w, _| c.alipay_status(w).map(|_| ())),
        ("alipay_store_publish", Action::ConfigureSettings, |c, w, _| c.alipay_store_publish(w).map(|_| ())),
        ("alipay_products_publish", Action::ConfigureSettings, |c, w, _| c.alipay_products_publish(w, true).map(|_| ())),
        ("alipay_confirm", Action::ConfigureSettings, |c, w, _| c.alipay_confirm(w, "trade_switch").map(|_| ())),
        ("alipay_sync", Action::TestConnection, |c, w, _| c.alipay_sync(w).map(|_| ())),
        ("nhanh_connect", Action::ConfigureSettings, |c, w, _| c.nhanh_connect(w, Some("ACCESS-CODE")).map(|_| ())),
        ("nhanh_disconnect", Action::ConfigureSettings, |c, w, _| c.nhanh_disconnect(w).map(|_| ())),
        ("nhanh_guide", Action::ConfigureSettings, |c, w, _| c.nhanh_guide(w).map(|_| ())),
        ("nhanh_sync_products", Action::ConfigureSettings, |c, w, _| c.nhanh_sync_products(w).map(|_| ())),
        ("nhanh_status", Action::ViewSales, |c, w, _| c.nhanh_status(w).map(|_| ())),
        ("nhanh_orders", Action::ViewSales, |c, w, _| c.nhanh_orders(w, true).map(|_| ())),
        ("nhanh_send", Action::ViewSales, |c, w, _| c.nhanh_send(w).map(|_| ())),
        ("nhanh_requeue", Action::ConfigureSettings, |c, w, _| c.nhanh_requeue(w).map(|_| ())),
        ("nhanh_order_act", Action::RingSale, |c, w, _| c.nhanh_order_act(w, 1, quay_app::nhanh::OrderAct::Confirm).map(|_| ())),
        ("nhanh_order_ring", Action::RingSale, |c, w, f| c.nhanh_order_ring(&f.co, w, 1).map(|_| ())),
        ("cart_customer", Action::RingSale, |c, w, f| c.cart_customer(&f.co, w, Some("0912345678")).map(|_| ())),
        ("vpos_kinds", Action::ConfigureSettings, |c, w, _| c.vpos_kinds(w).map(|_| ())),
        ("vpos_definitions", Action::ConfigureSettings, |c, w, _| c.vpos_definitions(w).map(|_| ())),
        ("vpos_choices", Action::RingSale, |c, w, _| c.vpos_choices(w).map(|_| ())),
        ("vpos_save", Action::ConfigureSettings, |c, w, _| c.vpos_save(w, &vpos_definition()).map(|_| ())),
        ("vpos_remove", Action::ConfigureSettings, |c, w, _| c.vpos_remove(w, "Akbank")),
        ("vpos_moto", Action::RingSale, |c, w, f| c.vpos_moto(w, Some(&f.co), vpos_moto()).map(|_| ())),
        ("vpos_link", Action::RingSale, |c, w, f| c.vpos_link(w, Some(&f.co), vpos_link(), &|_| {}).map(|_| ())),
        ("vpos_give_up", Action::RingSale, |c, w, _| c.vpos_give_up(w)),
        ("vpos_payment", Action::RingSale, |c, w, _| c.vpos_payment(w, "none-1").map(|_| ())),
        ("vpos_cancel", Action::ApproveRefund, |c, w, _| c.vpos_cancel(w, "none-1").map(|_| ())),
        ("vpos_resolve", Action::RingSale, |c, w, _| c.vpos_resolve(w).map(|_| ())),
        ("vpos_log", Action::ViewSales, |c, w, _| c.vpos_log(w, None).map(|_| ())),
        ("vpos_dayend", Action::Reconcile, |c, w, _| c.vpos_dayend(w, day(c)).map(|_| ())),
        ("vpos_dayend_fetch", Action::Reconcile, |c, w, _| c.vpos_dayend_fetch(w, day(c), "Akbank").map(|_| ())),
        ("vpos_dayend_import", Action::Reconcile, |c, w, _| c.vpos_dayend_import(w, day(c), "Akbank", b"OrderId\n", None).map(|_| ())),
        ("vpos_dayend_hand", Action::ManualBankEntry, |c, w, _| c.vpos_dayend_hand(w, day(c), "Akbank", "X-1", "portal").map(|_| ())),
        ("test_vpos_connection", Action::TestConnection, |c, w, _| block(c.test_vpos_connection(w, "Akbank")).map(|_| ())),
        ("test_printer_connection", Action::TestConnection, |c, w, _| block(c.test_printer_connection(w, "receipt")).map(|_| ())),
        ("send_to_kitchen", Action::RingSale, |c, w, f| c.send_to_kitchen(&f.co, w).map(|_| ())),
        ("printers_config", Action::ConfigureSettings, |c, w, _| c.printers_config(w).map(|_| ())),
        ("print_jobs", Action::ViewSales, |c, w, _| c.print_jobs(w, 10).map(|_| ())),
        ("printer_status", Action::ViewSales, |c, w, _| c.printer_status(w).map(|_| ())),
        ("queue_receipt", Action::ViewSales, |c, w, _| c.queue_receipt(w, uuid::Uuid::nil(), None).map(|_| ())),
        ("print_test", Action::TestConnection, |c, w, _| c.print_test(w, "receipt").map(|_| ())),
        ("print_retry", Action::ViewSales, |c, w, _| c.print_retry(w, 999).map(|_| ())),
        ("print_redirect", Action::ViewSales, |c, w, _| c.print_redirect(w, 999, "receipt")),
        ("open_drawer", Action::OpenDrawer, |c, w, _| c.open_drawer(w, "float").map(|_| ())),
        ("connections_view", Action::TestConnection, |c, w, _| c.connections_view(w).map(|_| ())),
        ("connection_row", Action::TestConnection, |c, w, _| c.connection_row(w, "momo").map(|_| ())),
        ("record_connection_step", Action::TestConnection, |c, w, _| {
            let step = quay_app::connections::RecordStep { reference: Some("mail".into()), ..Default::default() };
            block(c.record_connection_step(w, "momo", "requested", step)).map(|_| ())
        }),
        ("connection_note", Action::TestConnection, |c, w, _| c.connection_note(w, "momo", quay_i18n::Lang::En).map(|_| ())),
        ("save_connection_note", Action::TestConnection, |c, w, _| c.save_connection_note(w, "momo").map(|_| ())),
        ("connection_proof", Action::TestConnection, |c, w, _| c.connection_proof(w, "momo").map(|_| ())),
        ("save_connection_proof", Action::TestConnection, |c, w, _| c.save_connection_proof(w, "momo").map(|_| ())),
        ("connection_points", Action::TestConnection, |c, w, _| block(c.connection_points(w, "2026-11")).map(|_| ())),
        ("export_connection_points", Action::TestConnection, |c, w, _| block(c.export_connection_points(w, "2026-11")).map(|_| ())),
        ("sales_on", Action::ViewSales, |c, w, _| c.sales_on(w, day(c)).map(|_| ())),
        ("sale", Action::ViewSales, |c, w, f| c.sale(w, f.sale).map(|_| ())),
        ("sales_day_view", Action::ViewSales, |c, w, _| c.sales_day_view(w, day(c)).map(|_| ())),
        ("receipt_view", Action::ViewSales, |c, w, f| c.receipt_view(w, f.sale).map(|_| ())),
        ("receipt_document", Action::ViewSales, |c, w, f| c.receipt_document(w, f.sale).map(|_| ())),
        ("receipt_pdf", Action::ViewSales, |c, w, f| c.receipt_pdf(w, f.sale).map(|_| ())),
        ("print_receipt", Action::ViewSales, |c, w, f| c.print_receipt(w, f.sale).map(|_| ())),
        ("export_sales", Action::ViewSales, |c, w, _| c.export_sales(w, day(c), quay_app::export::Format::Csv).map(|_| ())),
        ("payments_on", Action::ViewSales, |c, w, _| c.payments_on(w, day(c)).map(|_| ())),
        ("payment_log", Action::ViewSales, |c, w, _| c.payment_log(w, "no-such-key").map(|_| ())),
        ("open_payments", Action::ViewSales, |c, w, _| c.open_payments(w).map(|_| ())),
        ("audit_verify", Action::ViewSales, |c, w, _| c.audit_verify(w).map(|_| ())),
        ("void_sale", Action::ApproveVoid, |c, w, f| c.void_sale(f.sale, "wrong table", w, w).map(|_| ())),
        ("void_paying_back", Action::ApproveVoid, |c, w, f| c.void_paying_back(f.sale, "wrong table", w, w).map(|_| ())),
        ("void_sale_refunding", Action::ApproveRefund, |c, w, f| {
            c.void_sale_refunding(f.sale, "wrong table", &NoTerminal, w, w).map(|_| ())
        }),
        ("settle_payment", Action::SettlePayment, |c, w, _| {
            c.settle_payment(w, w, "no-such-key", false, "checked the terminal").map(|_| ())
        }),
        ("day_totals", Action::Reconcile, |c, w, _| c.day_totals(w, day(c)).map(|_| ())),
        ("day_close", Action::Reconcile, |c, w, _| c.day_close(w, day(c)).map(|_| ())),
        ("day_report", Action::Reconcile, |c, w, _| c.day_report(w, day(c)).map(|_| ())),
        ("day_report_pdf", Action::Reconcile, |c, w, _| c.day_report_pdf(w, day(c), quay_i18n::Lang::En).map(|_| ())),
        ("day_report_csv", Action::Reconcile, |c, w, _| c.day_report_csv(w, day(c)).map(|_| ())),
        ("save_day_report", Action::Reconcile, |c, w, _| c.save_day_report(w, day(c), quay_i18n::Lang::En).map(|_| ())),
        ("terminal_batches", Action::Reconcile, |c, w, _| c.terminal_batches(w, day(c)).map(|_| ())),
        ("bank_preset", Action::Reconcile, |c, w, _| c.bank_preset(w, "generic").map(|_| ())),
        ("bank_preset_names", Action::Reconcile, |c, w, _| c.bank_preset_names(w).map(|_| ())),
        ("save_bank_preset", Action::Reconcile, |c, w, _| {
            let json = serde_json::to_string(&Preset::builtin("generic").unwrap()).unwrap();
            c.save_bank_preset(w, "my-bank", &json).map(|_| ())
        }),
        ("bank_file_sample", Action::Reconcile, |c, w, _| c.bank_file_sample(w, b"a;b\n1;2\n", None, None).map(|_| ())),
        ("preview_bank_preset", Action::Reconcile, |c, w, _| {
            c.preview_bank_preset(w, b"not a bank file", &Preset::builtin("generic").unwrap()).map(|_| ())
        }),
        ("import_bank_file", Action::Reconcile, |c, w, _| c.import_bank_file(w, day(c), b"not a bank file", "generic", None).map(|_| ())),
        ("bank_reconciliation", Action::Reconcile, |c, w, _| c.bank_reconciliation(w, day(c)).map(|_| ())),
        ("reconcile_bank_file", Action::Reconcile, |c, w, _| {
            c.reconcile_bank_file(w, day(c), b"not a bank file", "generic", None).map(|_| ())
        }),
        ("settle_bank", Action::Reconcile, |c, w, _| {
            let s = Settlement::NextBatch { payment_id: "no-such-payment".into(), reason: None };
            c.settle_bank(w, day(c), s).map(|_| ())
        }),
        ("settle_bank", Action::ManualBankEntry, |c, w, _| {
            let s = Settlement::EnterByHand { bank_id: "no-such-line".into(), reason: "the bank's own list".into() };
            c.settle_bank(w, day(c), s).map(|_| ())
        }),
        ("close_day", Action::CloseDay, |c, w, _| c.close_day(w, day(c), Some(vnd(1)), None).map(|_| ())),
        ("terminal_batch", Action::CloseDay, |c, w, _| c.terminal_batch(w, day(c)).map(|_| ())),
        ("terminal_batch_zvt", Action::CloseDay, |c, w, _| {
            let mut driver = quay_pay::zvt::ZvtTerminal::new(std::io::Cursor::new(Vec::new()), Default::default());
            c.terminal_batch_zvt(w, &mut driver, day(c)).map(|_| ())
        }),
        ("terminal_batch_viva", Action::CloseDay, |c, w, _| {
            let client = quay_pay::viva::VivaClient::new("http://127.0.0.1:9", "merchant", "key");
            c.terminal_batch_viva(w, &client, None, day(c)).map(|_| ())
        }),
        ("terminal_end_of_day", Action::CloseDay, |c, w, _| c.terminal_end_of_day(w, Some("/nonexistent/tty")).map(|_| ())),
        ("settings_view", Action::ConfigureSettings, |c, w, _| c.settings_view(w, quay_i18n::Lang::En).map(|_| ())),
        ("save_settings", Action::ConfigureSettings, |c, w, _| c.save_settings(w, &[("store.name".into(), "Quán Lan".into())]).map(|_| ())),
        ("configure_one", Action::ConfigureSettings, |c, w, _| c.configure_one(w, "store.name", |_| Ok("Quán Lan".into()))),
        ("setting_value", Action::ConfigureSettings, |c, w, _| c.setting_value(w, "hub.key1").map(|_| ())),
        ("backup", Action::ConfigureSettings, |c, w, f| c.backup(w, "a long enough passphrase", &f.dir.join("counter.quaybak"))),
        ("test_connection", Action::TestConnection, |c, w, _| block(c.test_connection(w, Target::Hub)).map(|_| ())),
        ("terminal_status", Action::TestConnection, |c, w, _| c.terminal_status(w, Some("/nonexistent/tty")).map(|_| ())),
        ("zvt_test_sale", Action::TestConnection, |c, w, _| c.zvt_test_sale(w, Some("/nonexistent/tty"), vnd(1_000)).map(|_| ())),
        ("terminal_test_sale", Action::TestConnection, |c, w, _| c.terminal_test_sale(w, &NoTerminal, vnd(1_000)).map(|_| ())),
        ("add_staff", Action::ManageStaff, |c, w, _| c.add_staff(w, "Minh", Role::Cashier, &fresh_pin()).map(|_| ())),
        ("staff_list", Action::ManageStaff, |c, w, _| c.staff_list(w).map(|_| ())),
    ]
}

/// The data directory's files (besides the database), the row count of every table and
/// the audit chain's length: what a refusal must leave as it was.
#[derive(Debug, PartialEq)]
struct State {
    rows: Vec<(String, i64)>,
    audit: usize,
    files: Vec<PathBuf>,
}

fn state(dir: &Path) -> State {
    let store = quay_store::Store::open(&dir.join("quay.db")).unwrap();
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if p.is_dir() {
                todo.push(p);
            } else if !name.starts_with("quay.db") {
                files.push(p);
            }
        }
    }
    files.sort();
    State { rows: store.row_counts().unwrap(), audit: store.audit_verify().unwrap(), files }
}

fn counter_with_staff() -> (TempDir, Counter, Fx, BTreeMap<&'static str, Who>) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("counter");
    let c = Counter::open(&data).unwrap();
    c.import_menu(&Who::Setup, DEMO).unwrap();
    let sale = c.ring(&Who::Setup, &[parse_line("i-phobo").unwrap()], &Pay::Cash(None)).unwrap().id;
    let tech = c.add_staff(&Who::Setup, "Tuấn", Role::Technician, TECH).unwrap();
    c.add_staff(&Who::Staff(tech.clone()), "Hoa", Role::Manager, MANAGER).unwrap();
    c.add_staff(&Who::Staff(tech), "Lan", Role::Cashier, CASHIER).unwrap();
    let mut people = BTreeMap::new();
    for (label, pin) in [("cashier", CASHIER), ("manager", MANAGER), ("technician", TECH)] {
        people.insert(label, c.identify(Some(pin)).unwrap());
    }
    people.insert("nobody (PIN)", c.identify(None).unwrap());
    people.insert("nobody (window)", c.session_who(&c.checkout()).unwrap());
    people.insert("setup, after staff exist", Who::Setup);
    let co = c.checkout();
    (dir, c, Fx { dir: data, sale, co }, people)
}

const REFUSALS: [&str; 3] = ["err-auth-not-allowed", "err-auth-pin-required", "err-auth-signed-out"];

fn check(c: &Counter, fx: &Fx, name: &str, action: Action, run: Run, label: &str, who: &Who) -> Result<(), String> {
    let allowed = who.member().is_some_and(|m| action.roles().contains(&m.role));
    let before = state(&fx.dir);
    let result = run(c, who, fx);
    let code = result.as_ref().err().map(|e| e.code);
    if allowed {
        return match code {
            Some(code) if REFUSALS.contains(&code) => {
                Err(format!("{name} ({}): {label} is allowed but was refused {code}", action.as_str()))
            }
            _ => Ok(()),
        };
    }
    let want = match who {
        Who::Staff(_) => "err-auth-not-allowed",
        Who::Nobody(Ask::SignIn) => "err-auth-signed-out",
        Who::Nobody(Ask::Pin) | Who::Setup => "err-auth-pin-required",
    };
    if code != Some(want) {
        return Err(format!("{name} ({}): {label} must be refused {want}, got {:?}", action.as_str(), code.map_or("Ok", |c| c)));
    }
    let after = state(&fx.dir);
    if after != before {
        return Err(format!("{name}: refused for {label}, but it changed something:\n{before:?}\n{after:?}"));
    }
    Ok(())
}

#[test]
fn every_use_case_applies_the_permission_table() {
    let (_dir, c, fx, people) = counter_with_staff();
    let mut failures = Vec::new();
    for (name, action, run) in cases() {
        for (label, who) in &people {
            if let Err(e) = check(&c, &fx, name, action, run, label, who) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The table covers every action, so a role's whole reach is exercised.
#[test]
fn every_action_has_a_use_case() {
    let covered: Vec<Action> = cases().iter().map(|(_, a, _)| *a).collect();
    for a in Action::ALL {
        assert!(covered.contains(&a), "no use case in the table needs {}", a.as_str());
    }
}

/// Every `pub fn` of quay-app that takes a `Who` is a use case with a row above (except
/// the check itself and the naming of people).
#[test]
fn every_use_case_has_a_row() {
    const NOT_USE_CASES: [&str; 2] = ["allow", "cashier_name"];
    let rows: Vec<&str> = cases().iter().map(|(n, _, _)| *n).collect();
    let mut missing = Vec::new();
    let mut found = 0;
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut todo = vec![src];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for (i, _) in text.match_indices("pub fn ").chain(text.match_indices("pub async fn ")) {
                let sig = &text[i..i + text[i..].find('{').unwrap_or(0)];
                let name: String = sig
                    .split_whitespace()
                    .find(|w| w.contains('(') || w.contains('<'))
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if sig.contains("&Who") || sig.contains("&crate::Who") {
                    found += 1;
                    if !rows.contains(&name.as_str()) && !NOT_USE_CASES.contains(&name.as_str()) {
                        missing.push(format!("{name} ({})", p.display()));
                    }
                }
            }
        }
    }
    assert!(found > 40, "the scan found {found} use cases: it no longer reads the sources right");
    assert!(missing.is_empty(), "use cases without a row in the permission test: {missing:?}");
}
