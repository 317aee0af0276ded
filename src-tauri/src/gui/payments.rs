//! Card payments: charge the terminal, the attempts whose outcome is not known, and a
//! manager's partial refund of a wallet payment.

use quay_app::card::OpenPayment;
use quay_app::views::MoneyView;
use quay_app::wallets::Wallet;
use quay_app::Who;
use quay_core::Money;
use serde::Serialize;
use tauri::State;

use super::{call, Reply, Shared, Window};
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

/// A wallet payment of one of the day's sales, as the day's sales offer it for a manager's
/// partial refund: approved, of a sale neither voided nor a void, with what is left of it.
#[derive(Debug, Serialize)]
pub struct RefundablePayment {
    key: String,
    sale_id: String,
    /// The wallet's journal name (`momo`, `zalopay`, `vnpay`, `alipay`) and its label.
    wallet: String,
    label: String,
    amount: MoneyView,
    /// The amount less its refunds not declined or cancelled (one whose outcome is not
    /// known yet may have moved money): at most this can be refunded now.
    left: MoneyView,
}

/// A partial refund done: its journal key and state, the amount given back, and the
/// day's refundable payments as they now stand.
#[derive(Debug, Serialize)]
pub struct PartRefunded {
    key: String,
    state: &'static str,
    amount: MoneyView,
    label: String,
    payments: Vec<RefundablePayment>,
}

/// The approved wallet payments of the day's open sales (those the sales screen lists),
/// each with what is left to refund. Attempts started the day before count too: a sale
/// closed after midnight may have been paid from before it.
fn refundable(c: &Window, who: &Who) -> quay_app::Result<Vec<RefundablePayment>> {
    let (i18n, lang, currency) = (c.i18n(), c.lang(), c.config().currency);
    let money = |minor: i64| quay_app::views::money(i18n, lang, Money::new(minor, currency));
    Ok(c.refundable_payments(who, c.today())?
        .into_iter()
        .filter_map(|r| Wallet::parse(&r.payment.terminal).map(|w| (r, w)))
        .map(|(r, w)| RefundablePayment {
            key: r.payment.key.clone(),
            sale_id: r.payment.sale_id.to_string(),
            wallet: w.as_str().to_string(),
            label: quay_app::wallets::label(w).to_string(),
            amount: money(r.payment.amount),
            left: money(r.left),
        })
        .collect())
}

/// The day's wallet payments a manager may refund in part (see `refund_part`).
#[tauri::command]
pub async fn refundable_payments(c: State<'_, Shared>) -> Reply<Vec<RefundablePayment>> {
    call(&c, refundable).await
}

/// A manager's partial refund of a wallet payment of a closed sale: `amount` goes back
/// through the wallet, the sale stays as it was. Whoever is at the screen refunds; a
/// manager's PIN, typed right there, approves (as for a void).
#[tauri::command]
pub async fn refund_part(
    c: State<'_, Shared>,
    key: String,
    amount: String,
    reason: String,
    approver_pin: Option<String>,
) -> Reply<PartRefunded> {
    call(&c, move |c, by| {
        let approver = c.identify(approver_pin.as_deref())?;
        let amount = c.parse_amount(amount.trim())?;
        let r = c.refund_part(by, &approver, &key, amount, &reason)?;
        let label = Wallet::parse(&r.terminal).map(quay_app::wallets::label).unwrap_or_default().to_string();
        let amount = quay_app::views::money(c.i18n(), c.lang(), Money::new(r.amount, c.config().currency));
        Ok(PartRefunded { key: r.key, state: r.state.as_str(), amount, label, payments: refundable(c, by)? })
    })
    .await
}
