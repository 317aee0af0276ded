//! The window face: Tauri commands over quay-app, one module per feature. Each command is
//! thin — find out who is signed in, call one use case (which checks what they may do),
//! return a view — and every failure reaches the webview as `{code, message}`, `code`
//! being the Fluent id and `message` its text in the counter's language.

mod alipay;
mod app;
mod connections;
mod dayend;
mod nhanh;
mod payments;
mod print;
mod sale;
mod setup;
mod sync;
mod vouchers;
mod vpos;
mod wallets;

use std::path::PathBuf;
use std::sync::Arc;

use quay_app::{AppError, Checkout, Counter, Who};
use quay_i18n::Lang;
use serde::Serialize;
use tauri::Emitter;

#[derive(Debug, Serialize)]
pub struct ErrorDto {
    code: &'static str,
    message: String,
}

/// What the window holds: the counter's services, shared with its background work, and
/// the checkout of its screen (the cart, the sale being paid, who is signed in).
pub struct Window {
    counter: Arc<Counter>,
    pub checkout: Checkout,
}

impl std::ops::Deref for Window {
    type Target = Counter;
    fn deref(&self) -> &Counter {
        &self.counter
    }
}

pub(crate) type Shared = Arc<Window>;
pub(crate) type Reply<T> = Result<T, ErrorDto>;

/// A use case's result as the webview receives it.
pub(crate) fn reply<T>(counter: &Counter, result: quay_app::Result<T>) -> Reply<T> {
    result.map_err(|e| {
        tracing::warn!(code = e.code, detail = %e.detail, "command refused");
        ErrorDto { code: e.code, message: counter.message(&e) }
    })
}

/// Runs a use case as whoever is signed in at the window, on the runtime's blocking pool:
/// a use case may wait on a partner (the hub, a terminal), on argon2, or on the screen's
/// cart while a card payment holds it — never on an async worker, which must stay free
/// to drive that payment's network and timers.
pub(crate) async fn call<T: Send + 'static>(w: &Shared, f: impl FnOnce(&Window, &Who) -> quay_app::Result<T> + Send + 'static) -> Reply<T> {
    let worker = w.clone();
    let job = tauri::async_runtime::spawn_blocking(move || worker.session_who(&worker.checkout).and_then(|who| f(&worker, &who)));
    reply(w, job.await.map_err(AppError::internal).and_then(|r| r))
}

pub fn run(data_dir: PathBuf) -> i32 {
    crate::shared::init_logging("info");
    let counter = match Counter::open(&data_dir) {
        Ok(c) => Arc::new(c),
        Err(e) => return crate::shared::refuse_start(&e),
    };
    // Tauri runs its commands and tasks on the process's one runtime.
    tauri::async_runtime::set(quay_app::rt::runtime().handle().clone());
    let window = Arc::new(Window { checkout: counter.screen_checkout(), counter: counter.clone() });
    tracing::info!(data_dir = %data_dir.display(), "opening the counter window");
    let result = tauri::Builder::default()
        .setup({
            let counter = counter.clone();
            let screen = Arc::downgrade(&window);
            move |app| {
                let handle = app.handle().clone();
                counter.set_listener(move |e| {
                    // A checkout's change redraws the customer display from the screen's checkout.
                    let e = match (e, screen.upgrade()) {
                        (quay_app::Event::CheckoutChanged, Some(w)) => {
                            Display::Own(Own::CustomerDisplay { view: w.display_view(&w.checkout) })
                        }
                        (quay_app::Event::CheckoutChanged, None) => return,
                        (e, _) => Display::Counter(e),
                    };
                    let _ = handle.emit("quay-event", e);
                });
                start_background(counter);
                Ok(())
            }
        })
        .manage(window)
        .invoke_handler(commands())
        .run(tauri::generate_context!());
    result.map(|()| 0).unwrap_or_else(|e| {
        eprintln!("quay: {e}");
        1
    })
}

/// What the webview hears on `quay-event`: the counter's events, and the customer
/// display's view (computed here, where the screen's checkout is).
#[derive(Clone, Serialize)]
#[serde(untagged)]
enum Display {
    Counter(quay_app::Event),
    Own(Own),
}

#[derive(Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Own {
    CustomerDisplay { view: quay_app::display::DisplayView },
}

/// One background worker per counter: if `quay sync run` (or another window) holds the
/// data directory's background lock, this window does no background work but rings as
/// usual; its sales wait in the outbox for that worker.
fn start_background(counter: Arc<Counter>) {
    let lock = match quay_app::background::try_take(counter.data_dir(), "window") {
        Ok(Ok(lock)) => lock,
        Ok(Err(holder)) => {
            tracing::warn!(holder = %holder, "{}", counter.i18n().error(Lang::En, &holder.error()));
            return;
        }
        Err(e) => {
            tracing::error!(error = %e.detail, "cannot take the background lock; no background work");
            return;
        }
    };
    // Held until the process ends.
    std::mem::forget(lock);
    tauri::async_runtime::spawn(quay_app::background::run(counter));
}

/// Every command of the window, by feature (a list, not logic: `generate_handler!` takes
/// them in one invocation).
fn commands() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_info,
        app::set_locale,
        app::session,
        app::sign_in,
        app::sign_out,
        app::staff_add,
        sale::menu_view,
        sale::search,
        sale::cart_view,
        sale::cart_add,
        sale::cart_set_qty,
        sale::cart_update_line,
        sale::cart_remove,
        sale::cart_clear,
        sale::cash_preview,
        sale::pay_cash,
        sale::receipt,
        sale::print_receipt,
        sale::sales_today,
        sale::void_sale,
        payments::pay_card,
        payments::open_payments,
        payments::resolve_payments,
        payments::settle_payment,
        payments::refund_unused,
        payments::refundable_payments,
        payments::refund_part,
        print::print_status,
        print::print_jobs,
        print::print_retry,
        print::print_redirect,
        print::print_receipt_copy,
        print::print_test,
        print::drawer_open,
        print::send_to_kitchen,
        print::printers_config,
        connections::connections_view,
        connections::connection_record,
        connections::connection_note,
        connections::connection_proof,
        connections::connection_points,
        vpos::vpos_kinds,
        vpos::vpos_definitions,
        vpos::vpos_choices,
        vpos::vpos_save,
        vpos::vpos_remove,
        vpos::vpos_moto,
        vpos::vpos_link_start,
        vpos::vpos_link_status,
        vpos::vpos_give_up,
        vpos::vpos_cancel,
        vpos::vpos_resolve,
        vpos::vpos_log,
        vpos::vpos_dayend,
        vpos::vpos_dayend_fetch,
        vpos::vpos_dayend_import,
        vpos::vpos_dayend_hand,
        nhanh::nhanh_status,
        nhanh::nhanh_guide,
        nhanh::nhanh_connect,
        nhanh::nhanh_disconnect,
        nhanh::nhanh_sync_products,
        nhanh::nhanh_orders,
        nhanh::nhanh_order_act,
        nhanh::nhanh_order_ring,
        nhanh::cart_customer,
        nhanh::nhanh_open_oauth,
        vouchers::voucher_check,
        vouchers::voucher_apply,
        vouchers::voucher_remove,
        vouchers::payment_view,
        sync::sync_view,
        sync::sync_now,
        sync::menu_status,
        setup::settings_view,
        setup::settings_save,
        setup::connection_test,
        dayend::dayend_totals,
        dayend::dayend_terminal,
        dayend::dayend_reconcile,
        dayend::dayend_settle,
        dayend::dayend_presets,
        dayend::dayend_bank_sample,
        dayend::dayend_preset_preview,
        dayend::dayend_preset_save,
        dayend::dayend_report,
        dayend::dayend_close,
        wallets::wallets,
        wallets::wallet_code_kind,
        wallets::pay_wallet,
        wallets::wallet_give_up,
        wallets::customer_display,
        wallets::open_customer_display,
        alipay::alipay_status,
        alipay::alipay_store_publish,
        alipay::alipay_products_publish,
        alipay::alipay_confirm,
        alipay::alipay_sync,
    ]
}
