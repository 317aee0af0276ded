//! Wallet payments (MoMo, ZaloPay, VNPAY-QR) and the customer display: a second window
//! on a second screen when there is one, else the payment dialog shows the QR itself.

use quay_app::display::DisplayView;
use quay_app::views::MoneyView;
use quay_app::wallets::{CodeView, WalletView};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use super::{call, reply, Reply, Shared};
use crate::shared::amount;

/// The label of the customer display's window.
pub const CUSTOMER: &str = "customer";

#[derive(Debug, Serialize)]
pub struct WalletPaid {
    sale_id: Option<String>,
    remaining: MoneyView,
    message: String,
    key: String,
}

/// The wallets the payment screen offers (enabled and configured).
#[tauri::command]
pub async fn wallets(c: State<'_, Shared>) -> Reply<Vec<WalletView>> {
    call(&c, move |c, who| c.wallets(who)).await
}

/// What a scanned code is, before anything is sent.
#[tauri::command]
pub async fn wallet_code_kind(c: State<'_, Shared>, code: String) -> Reply<CodeView> {
    call(&c, move |c, who| c.code_kind(who, &code)).await
}

/// Pays with a wallet; blocks (off the async workers) until the wallet's outcome or the
/// QR's deadline. Progress and the QR arrive as events.
#[tauri::command]
pub async fn pay_wallet(c: State<'_, Shared>, wallet: String, code: Option<String>, amount: Option<String>) -> Reply<WalletPaid> {
    call(&c, move |c, who| {
        let amount = self::amount(c, amount.as_deref())?;
        let w = quay_app::wallets::parse_wallet(&wallet)?;
        let r = c.pay_wallet(&c.checkout, who, w, code.as_deref(), amount)?;
        let lang = c.lang();
        let remaining = quay_app::views::money(c.i18n(), lang, quay_core::Money::new(r.remaining, c.config().currency));
        let label = quay_app::wallets::label(w);
        let message = match &r.sale {
            Some(s) => c.i18n().t(lang, "pay-wallet-approved", &[("wallet", label.into()), ("receipt", s.receipt_no.as_str().into())]),
            None => c.i18n().t(lang, "pay-wallet-remaining", &[("wallet", label.into()), ("amount", remaining.text.as_str().into())]),
        };
        Ok(WalletPaid { sale_id: r.sale.map(|s| s.id.to_string()), remaining, message, key: r.key })
    })
    .await
}

/// The cashier stops waiting for the running wallet payment.
#[tauri::command]
pub async fn wallet_give_up(c: State<'_, Shared>) -> Reply<()> {
    call(&c, move |c, who| c.wallet_give_up(who)).await
}

/// What the customer display shows now (it needs no one signed in: it shows the customer
/// only their own cart, QR and total).
#[tauri::command]
pub async fn customer_display(c: State<'_, Shared>) -> Reply<DisplayView> {
    reply(&c, Ok(c.display_view(&c.checkout)))
}

/// Opens the customer display on a second screen, once; false when there is none (the
/// payment dialog then turns the QR toward the customer itself).
#[tauri::command]
pub async fn open_customer_display(app: AppHandle) -> Reply<bool> {
    if app.get_webview_window(CUSTOMER).is_some() {
        return Ok(true);
    }
    let primary = app.primary_monitor().ok().flatten();
    let second = app
        .available_monitors()
        .unwrap_or_default()
        .into_iter()
        .find(|m| primary.as_ref().is_none_or(|p| p.position() != m.position() || p.name() != m.name()));
    let Some(monitor) = second else { return Ok(false) };
    let pos = monitor.position().to_logical::<f64>(monitor.scale_factor());
    let size = monitor.size().to_logical::<f64>(monitor.scale_factor());
    let built = tauri::WebviewWindowBuilder::new(&app, CUSTOMER, tauri::WebviewUrl::App("index.html?view=customer".into()))
        .title("Quay")
        .position(pos.x, pos.y)
        .inner_size(size.width, size.height)
        .decorations(false)
        .focused(false)
        .build();
    match built {
        Ok(w) => {
            let _ = w.set_fullscreen(true);
            Ok(true)
        }
        Err(e) => {
            tracing::warn!(error = %e, "the customer display window could not open");
            Ok(false)
        }
    }
}
