//! The register: the menu, the cart, cash, receipts and the day's sales.

use quay_app::views::{CartView, CashPreview, MenuView, MoneyView, ReceiptView, SalesDay};
use quay_app::Who;
use serde::Serialize;
use tauri::State;

use super::{call, reply, Reply, Shared};
use crate::shared::{amount, sale_id};

#[tauri::command]
pub async fn menu_view(c: State<'_, Shared>) -> Reply<MenuView> {
    reply(&c, c.menu_view())
}

#[tauri::command]
pub async fn search(c: State<'_, Shared>, query: String, limit: Option<usize>) -> Reply<Vec<String>> {
    let found = c.menu().map(|m| m.search(&query, limit.unwrap_or(60).min(500)).iter().map(|i| i.id.clone()).collect());
    reply(&c, found)
}

#[tauri::command]
pub async fn cart_view(c: State<'_, Shared>) -> Reply<CartView> {
    call(&c, move |c, who| c.cart_view(&c.checkout, who)).await
}

/// Applies an edit to the screen's cart and answers the cart as it is now.
async fn edit(
    c: &Shared,
    f: impl FnOnce(&mut quay_core::Cart, &quay_core::Menu, chrono::DateTime<chrono::FixedOffset>) -> quay_app::Result<()> + Send + 'static,
) -> Reply<CartView> {
    call(c, move |c, who| {
        c.edit_cart(&c.checkout, who, f)?;
        c.cart_view(&c.checkout, who)
    })
    .await
}

#[tauri::command]
pub async fn cart_add(c: State<'_, Shared>, item_id: String, option_ids: Vec<String>, qty: i64, note: Option<String>) -> Reply<CartView> {
    edit(&c, move |cart, menu, now| Ok(cart.add(menu, &item_id, &option_ids, qty, note.as_deref(), now).map(|_| ())?)).await
}

#[tauri::command]
pub async fn cart_set_qty(c: State<'_, Shared>, line_id: u32, qty: i64) -> Reply<CartView> {
    edit(&c, move |cart, _, _| Ok(cart.set_qty(line_id, qty)?)).await
}

#[tauri::command]
pub async fn cart_update_line(
    c: State<'_, Shared>,
    line_id: u32,
    option_ids: Vec<String>,
    qty: i64,
    note: Option<String>,
) -> Reply<CartView> {
    edit(&c, move |cart, menu, _| {
        cart.set_options(menu, line_id, &option_ids)?;
        cart.set_qty(line_id, qty)?;
        Ok(cart.set_note(line_id, note.as_deref())?)
    })
    .await
}

#[tauri::command]
pub async fn cart_remove(c: State<'_, Shared>, line_id: u32) -> Reply<CartView> {
    edit(&c, move |cart, _, _| Ok(cart.remove(line_id).map(|_| ())?)).await
}

#[tauri::command]
pub async fn cart_clear(c: State<'_, Shared>) -> Reply<CartView> {
    edit(&c, move |cart, _, _| {
        cart.clear();
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn cash_preview(c: State<'_, Shared>, tendered: String) -> Reply<CashPreview> {
    call(&c, move |c, who| c.cash_preview(&c.checkout, who, &tendered)).await
}

#[derive(Debug, Serialize)]
pub struct Closed {
    sale_id: String,
    receipt_no: String,
    change: MoneyView,
    message: String,
}

#[tauri::command]
pub async fn pay_cash(c: State<'_, Shared>, tendered: Option<String>) -> Reply<Closed> {
    call(&c, move |c, who| {
        let sale = c.pay_cash(&c.checkout, who, amount(c, tendered.as_deref())?)?;
        let change = quay_core::Money::new(sale.tenders.iter().filter_map(|t| t.change).sum(), sale.currency);
        let lang = c.lang();
        let change = quay_app::views::money(c.i18n(), lang, change);
        let args = [("receipt", sale.receipt_no.as_str().into()), ("change", change.text.as_str().into())];
        let message = c.i18n().t(lang, "sale-closed", &args);
        Ok(Closed { sale_id: sale.id.to_string(), message, receipt_no: sale.receipt_no, change })
    })
    .await
}

#[tauri::command]
pub async fn receipt(c: State<'_, Shared>, sale_id: String) -> Reply<ReceiptView> {
    call(&c, move |c, who| c.receipt_view(who, self::sale_id(&sale_id)?)).await
}

#[derive(Debug, Serialize)]
pub struct PrintedReceipt {
    /// Where the receipt went: the PDF under the data directory's `reports/receipts/`.
    path: String,
}

/// Print (or, from the day's sales, print again) a sale's receipt: the same PDF as
/// `quay sales receipt`. Issue 19 (ESC/POS printers) will route this to the receipt
/// printer; the screen only says where it went.
#[tauri::command]
pub async fn print_receipt(c: State<'_, Shared>, sale_id: String) -> Reply<PrintedReceipt> {
    call(&c, move |c, who| {
        let path = c.print_receipt(who, self::sale_id(&sale_id)?)?;
        Ok(PrintedReceipt { path: path.display().to_string() })
    })
    .await
}

#[tauri::command]
pub async fn sales_today(c: State<'_, Shared>) -> Reply<SalesDay> {
    call(&c, move |c, who| c.sales_day_view(who, c.today())).await
}

/// Whoever is at the screen voids; a manager's PIN, typed right there, approves. A card
/// sale is paid back on the terminal first, which blocks: off the async workers.
#[tauri::command]
pub async fn void_sale(c: State<'_, Shared>, sale_id: String, reason: String, approver_pin: Option<String>) -> Reply<SalesDay> {
    call(&c, move |c, by| {
        let approver: Who = c.identify(approver_pin.as_deref())?;
        c.void_paying_back(self::sale_id(&sale_id)?, &reason, by, &approver)?;
        c.sales_day_view(by, c.today())
    })
    .await
}
