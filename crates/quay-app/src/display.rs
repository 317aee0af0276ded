//! The customer display: what the customer sees while the cashier rings (the cart), the
//! wallet QR to scan while a wallet payment waits, and "thank you" with the amount once
//! the sale closed. One view computed from the checkout, so a second window opened late
//! (or reloaded) shows the same as the cashier's dialog.

use serde::Serialize;

use crate::views::{money, pick_name, MoneyView};
use crate::wallets::ShownQr;
use crate::{Checkout, Counter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Idle,
    Cart,
    Qr,
    Thanks,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisplayLine {
    pub name: String,
    pub quantity: i64,
    pub total: MoneyView,
}

#[derive(Debug, Clone, Serialize)]
pub struct Thanks {
    pub amount: MoneyView,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisplayView {
    pub mode: Mode,
    pub lines: Vec<DisplayLine>,
    pub total: Option<MoneyView>,
    pub qr: Option<ShownQr>,
    pub thanks: Option<Thanks>,
    /// The store's name, for the idle screen.
    pub store: String,
}

impl Counter {
    /// What the customer display shows now for `co`: the QR while a wallet payment
    /// waits, else the cart being rung, else thanks for the sale just closed, else idle.
    /// Shows nothing the customer may not see (no staff, no codes): needs no one.
    pub fn display_view(&self, co: &Checkout) -> DisplayView {
        let lang = self.lang();
        let i18n = self.i18n();
        let cart = co.shown_cart();
        let lines: Vec<DisplayLine> = cart
            .lines
            .iter()
            .map(|l| DisplayLine {
                name: pick_name(&l.names, &l.name, lang).to_string(),
                quantity: l.qty,
                total: money(i18n, lang, l.line_total(cart.currency).unwrap_or(quay_core::Money::zero(cart.currency))),
            })
            .collect();
        let total = cart.totals().ok().filter(|_| !lines.is_empty()).map(|t| money(i18n, lang, t.total));
        let qr = self.shown.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let thanks = co.thanks().map(|amount| Thanks { amount: money(i18n, lang, amount) });
        let mode = match (&qr, lines.is_empty(), &thanks) {
            (Some(_), _, _) => Mode::Qr,
            (None, false, _) => Mode::Cart,
            (None, true, Some(_)) => Mode::Thanks,
            (None, true, None) => Mode::Idle,
        };
        DisplayView { mode, lines, total, qr, thanks, store: self.store_name().unwrap_or_default() }
    }
}
