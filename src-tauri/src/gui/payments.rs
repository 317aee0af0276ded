//! Card payments: charge the terminal, and the attempts whose outcome is not known.

use quay_app::card::OpenPayment;
use quay_app::views::MoneyView;
use serde::Serialize;
use tauri::State;

use super::{call, Reply, Shared};
use crate::shared::amount;

#[derive(Debug, Serialize)]
pub struct CardPaid {
    /// The sale, when the card paid all that was due.
    sale_id: Option<String>,
    remaining: MoneyView,
    message: String,
}

/// Card on the configured terminal. Runs off the async workers (the terminal call
/// blocks for as long as the customer takes); the terminal's texts arrive as events.
#[tauri::command]
pub async fn pay_card(c: State<'_, Shared>, amount: Option<String>) -> Reply<CardPaid> {
    call(&c, move |c, who| {
        let amount = self::amount(c, amount.as_deref())?;
        let status = |text: &str| c.emit(quay_app::Event::TerminalStatus { text: text.to_string() });
        let r = c.pay_card_here(&c.checkout, who, amount, &status)?;
        let lang = c.lang();
        let remaining = quay_app::views::money(c.i18n(), lang, quay_core::Money::new(r.remaining, c.config().currency));
        let message = match &r.sale {
            Some(s) => c.i18n().t(lang, "card-approved", &[("receipt", s.receipt_no.as_str().into())]),
            None => c.i18n().t(lang, "card-remaining", &[("amount", remaining.text.as_str().into())]),
        };
        Ok(CardPaid { sale_id: r.sale.map(|s| s.id.to_string()), remaining, message })
    })
    .await
}

/// Card attempts whose outcome is not known: shown until settled.
#[tauri::command]
pub async fn open_payments(c: State<'_, Shared>) -> Reply<Vec<OpenPayment>> {
    call(&c, move |c, who| c.open_payments(who)).await
}

/// Asks the terminal again about open attempts (never charging).
#[tauri::command]
pub async fn resolve_payments(c: State<'_, Shared>) -> Reply<Vec<OpenPayment>> {
    call(&c, move |c, who| {
        c.ask_again(who)?;
        c.open_payments(who)
    })
    .await
}

/// A manager settles by hand what the terminal cannot answer for, with their PIN typed
/// at the screen.
#[tauri::command]
pub async fn settle_payment(
    c: State<'_, Shared>,
    key: String,
    charged: bool,
    reason: String,
    approver_pin: Option<String>,
) -> Reply<Vec<OpenPayment>> {
    call(&c, move |c, by| {
        let approver = c.identify(approver_pin.as_deref())?;
        c.settle_payment(by, &approver, &key, charged, &reason)?;
        c.open_payments(by)
    })
    .await
}

/// A manager refunds a wallet payment that arrived after the cashier gave up (its sale
/// closed another way), with their PIN typed at the screen.
#[tauri::command]
pub async fn refund_unused(c: State<'_, Shared>, key: String, approver_pin: Option<String>) -> Reply<Vec<OpenPayment>> {
    call(&c, move |c, by| {
        let approver = c.identify(approver_pin.as_deref())?;
        c.refund_unused(by, &approver, &key)?;
        c.open_payments(by)
    })
    .await
}
