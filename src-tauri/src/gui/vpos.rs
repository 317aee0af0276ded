//! The bank virtual POS screens: the technician's definitions, the phone payment and
//! payment link (cashier, manager), the log, and the day end's comparison.

use std::sync::mpsc;

use quay_app::vpos::dayend::{VposDayView, VposSectionView};
use quay_app::vpos::pay::{CardInput, Purpose};
use quay_app::vpos::{DefinitionInput, DefinitionView, KindView, LinkInput, LinkView, MotoInput, VposChoice, VposPaymentView};
use quay_app::AppError;
use serde::Deserialize;
use tauri::State;
use zeroize::Zeroizing;

use super::{call, reply, Reply, Shared};
use crate::shared::day;

#[tauri::command]
pub async fn vpos_kinds(c: State<'_, Shared>) -> Reply<Vec<KindView>> {
    call(&c, move |c, who| c.vpos_kinds(who)).await
}

#[tauri::command]
pub async fn vpos_definitions(c: State<'_, Shared>) -> Reply<Vec<DefinitionView>> {
    call(&c, move |c, who| c.vpos_definitions(who)).await
}

/// The definitions a cashier can take a payment with.
#[tauri::command]
pub async fn vpos_choices(c: State<'_, Shared>) -> Reply<Vec<VposChoice>> {
    call(&c, move |c, who| c.vpos_choices(who)).await
}

#[tauri::command]
pub async fn vpos_save(c: State<'_, Shared>, input: DefinitionInput) -> Reply<DefinitionView> {
    call(&c, move |c, who| c.vpos_save(who, &input)).await
}

#[tauri::command]
pub async fn vpos_remove(c: State<'_, Shared>, name: String) -> Reply<()> {
    call(&c, move |c, who| c.vpos_remove(who, &name)).await
}

/// What a phone payment or a link is for, as the screen sends it.
#[derive(Deserialize, Clone)]
pub struct PurposeIn {
    name: String,
    #[serde(default)]
    amount: Option<String>,
    #[serde(default)]
    reference: String,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    use_sale: bool,
}

impl PurposeIn {
    fn split(self) -> (String, Purpose) {
        let PurposeIn { name, amount, reference, phone, note, use_sale } = self;
        (name, Purpose { use_sale, amount, reference, phone, note })
    }
}

/// A phone payment; the card fields are wiped when dropped.
#[derive(Deserialize)]
pub struct MotoRequest {
    #[serde(flatten)]
    purpose: PurposeIn,
    number: Zeroizing<String>,
    expiry: Zeroizing<String>,
    cvv: Zeroizing<String>,
}

#[tauri::command]
pub async fn vpos_moto(c: State<'_, Shared>, req: MotoRequest) -> Reply<VposPaymentView> {
    call(&c, move |c, who| {
        let MotoRequest { purpose, number, expiry, cvv } = req;
        let (name, purpose) = purpose.split();
        c.vpos_moto(who, Some(&c.checkout), MotoInput { name, purpose, card: CardInput { number, expiry, cvv } })
    })
    .await
}

/// Asks the bank for a payment link and returns it as soon as it is journaled; the wait
/// for the outcome goes on in the background (`vpos_link_status` reads it).
#[tauri::command]
pub async fn vpos_link_start(c: State<'_, Shared>, req: PurposeIn) -> Reply<LinkView> {
    let window = c.inner().clone();
    let started = tauri::async_runtime::spawn_blocking(move || {
        let who = window.session_who(&window.checkout)?;
        let (tx, rx) = mpsc::channel::<LinkView>();
        let (done_tx, done_rx) = mpsc::channel::<AppError>();
        let w = window.clone();
        std::thread::Builder::new()
            .name("vpos-link".into())
            .spawn(move || {
                let on_link = move |l: &LinkView| {
                    let _ = tx.send(l.clone());
                };
                let (name, purpose) = req.split();
                let tx = std::sync::Mutex::new(on_link);
                let on = |l: &LinkView| (tx.lock().unwrap_or_else(|p| p.into_inner()))(l);
                if let Err(e) = w.vpos_link(&who, Some(&w.checkout), LinkInput { name, purpose }, &on) {
                    let _ = done_tx.send(e);
                }
            })
            .map_err(AppError::internal)?;
        // The link, or the error that came before it.
        loop {
            match rx.recv_timeout(std::time::Duration::from_millis(100)) {
                Ok(l) => return Ok(l),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                // The thread ended without a link (a panic): say so, never spin.
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(done_rx.try_recv().unwrap_or_else(|_| AppError::internal("the payment link stopped")));
                }
            }
            if let Ok(e) = done_rx.try_recv() {
                return Err(e);
            }
        }
    })
    .await
    .map_err(AppError::internal)
    .and_then(|r| r);
    reply(&c, started)
}

/// The cashier stops waiting for the register sale's payment link (still watched).
#[tauri::command]
pub async fn vpos_give_up(c: State<'_, Shared>) -> Reply<()> {
    call(&c, move |c, who| c.vpos_give_up(who)).await
}

#[tauri::command]
pub async fn vpos_link_status(c: State<'_, Shared>, order_id: String) -> Reply<VposPaymentView> {
    call(&c, move |c, who| c.vpos_payment(who, &order_id)).await
}

#[tauri::command]
pub async fn vpos_cancel(c: State<'_, Shared>, order_id: String) -> Reply<VposPaymentView> {
    call(&c, move |c, who| c.vpos_cancel(who, &order_id)).await
}

#[tauri::command]
pub async fn vpos_resolve(c: State<'_, Shared>) -> Reply<Vec<VposPaymentView>> {
    call(&c, move |c, who| c.vpos_resolve(who)).await
}

#[tauri::command]
pub async fn vpos_log(c: State<'_, Shared>, date: Option<String>) -> Reply<Vec<VposPaymentView>> {
    call(&c, move |c, who| {
        let d = day(c, date.as_deref())?;
        c.vpos_log(who, Some(d))
    })
    .await
}

#[tauri::command]
pub async fn vpos_dayend(c: State<'_, Shared>, date: Option<String>) -> Reply<VposSectionView> {
    call(&c, move |c, who| {
        let d = day(c, date.as_deref())?;
        c.vpos_dayend(who, d)
    })
    .await
}

#[tauri::command]
pub async fn vpos_dayend_fetch(c: State<'_, Shared>, date: Option<String>, name: String) -> Reply<VposDayView> {
    call(&c, move |c, who| {
        let d = day(c, date.as_deref())?;
        c.vpos_dayend_fetch(who, d, &name)
    })
    .await
}

/// Imports the bank's exported day file, as the screen read it (its text).
#[tauri::command]
pub async fn vpos_dayend_import(
    c: State<'_, Shared>,
    date: Option<String>,
    name: String,
    content: String,
    file_name: Option<String>,
    preset: Option<String>,
) -> Reply<VposDayView> {
    call(&c, move |c, who| {
        let d = day(c, date.as_deref())?;
        tracing::info!(file = ?file_name, definition = %name, "virtual POS day file imported");
        c.vpos_dayend_import(who, d, &name, content.as_bytes(), preset.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn vpos_dayend_hand(
    c: State<'_, Shared>,
    date: Option<String>,
    name: String,
    order_id: String,
    reason: String,
) -> Reply<VposDayView> {
    call(&c, move |c, who| {
        let d = day(c, date.as_deref())?;
        c.vpos_dayend_hand(who, d, &name, &order_id, &reason)
    })
    .await
}
