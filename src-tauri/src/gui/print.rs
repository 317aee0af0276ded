//! The printers from the window (issue 19): their status line, the jobs list with retry
//! and redirect, a receipt again, a test page, and the manager's "Open drawer".

use quay_app::print::{JobView, Printer, PrinterView};
use quay_app::Who;
use tauri::State;

use super::{call, Reply, Shared};
use crate::shared::sale_id;

/// Each printer with what waits for it and why ("Kitchen: paper out — 2 waiting").
#[tauri::command]
pub async fn print_status(c: State<'_, Shared>) -> Reply<Vec<PrinterView>> {
    call(&c, move |c, who| c.printer_status(who)).await
}

/// The latest jobs, newest first.
#[tauri::command]
pub async fn print_jobs(c: State<'_, Shared>) -> Reply<Vec<JobView>> {
    call(&c, move |c, who| c.print_jobs(who, 50)).await
}

/// Sends a waiting job now, or prints a printed one again (marked as a reprint).
#[tauri::command]
pub async fn print_retry(c: State<'_, Shared>, job: i64) -> Reply<Vec<JobView>> {
    call(&c, move |c, who| {
        c.print_retry(who, job)?;
        c.print_jobs(who, 50)
    })
    .await
}

/// Sends a waiting job to another printer.
#[tauri::command]
pub async fn print_redirect(c: State<'_, Shared>, job: i64, printer: String) -> Reply<Vec<JobView>> {
    call(&c, move |c, who| {
        c.print_redirect(who, job, &printer)?;
        c.print_jobs(who, 50)
    })
    .await
}

/// A sale's receipt again (a copy) on the receipt printer.
#[tauri::command]
pub async fn print_receipt_copy(c: State<'_, Shared>, sale_id: String) -> Reply<i64> {
    call(&c, move |c, who| c.queue_receipt(who, self::sale_id(&sale_id)?, None)).await
}

/// A test page on `printer`.
#[tauri::command]
pub async fn print_test(c: State<'_, Shared>, printer: String) -> Reply<i64> {
    call(&c, move |c, who| c.print_test(who, &printer)).await
}

/// Opens the cash drawer without a sale: the signed-in manager, or a manager's PIN typed
/// at the screen; the reason is audited.
#[tauri::command]
pub async fn drawer_open(c: State<'_, Shared>, reason: String, manager_pin: Option<String>) -> Reply<i64> {
    call(&c, move |c, who| {
        let manager: Who = match manager_pin.as_deref().filter(|p| !p.is_empty()) {
            Some(pin) => c.identify(Some(pin))?,
            None => who.clone(),
        };
        c.open_drawer(&manager, &reason)
    })
    .await
}

/// "Send to kitchen": each station gets what it has not had of the screen's order yet.
#[tauri::command]
pub async fn send_to_kitchen(c: State<'_, Shared>) -> Reply<usize> {
    call(&c, move |c, who| c.send_to_kitchen(&c.checkout, who)).await
}

/// The printers as configured (technicians): each kitchen station's width, mode and
/// categories for the Printers screen.
#[tauri::command]
pub async fn printers_config(c: State<'_, Shared>) -> Reply<Vec<Printer>> {
    call(&c, move |c, who| c.printers_config(who)).await
}
