//! The technician's Alipay smart store (seed 003): the onboarding checklist, the shop,
//! the menu's items as Alipay items, what only the merchant portal shows, and the order
//! syncs' outbox. Every call may wait on Alipay: all run on the blocking pool (`call`),
//! the product publish (a 20,000-item menu takes minutes) telling its progress as
//! `progress` events of kind `alipay-products`.

use quay_app::alipay::{AlipayStatus, PublishReport, SyncReport, SHOP_REFUSED};
use serde::Serialize;
use tauri::State;

use super::{call, Reply, Shared};

/// The shop as Alipay has it after a publish, and that said in the counter's language.
#[derive(Debug, Serialize)]
pub struct ShopPublished {
    store_id: String,
    order_id: String,
    shop_id: Option<String>,
    /// Alipay's review: `99` approved, `-1` refused, else under review.
    status: String,
    message: String,
}

/// A fact of the merchant portal, confirmed: by whom and when (RFC 3339).
#[derive(Debug, Serialize)]
pub struct Confirmed {
    what: String,
    by: String,
    at: String,
}

/// The checklist, each step asked of Alipay now (a step that cannot be checked is a ✗
/// with why, not an error: an unconfigured counter shows what is missing).
#[tauri::command]
pub async fn alipay_status(c: State<'_, Shared>) -> Reply<AlipayStatus> {
    call(&c, move |c, who| c.alipay_status(who)).await
}

/// Publishes the shop; a repeat answers the shop Alipay already has.
#[tauri::command]
pub async fn alipay_store_publish(c: State<'_, Shared>) -> Reply<ShopPublished> {
    call(&c, move |c, who| {
        let shop = c.alipay_store_publish(who)?;
        let lang = c.lang();
        let code = shop.store_id.as_str();
        let message = match &shop.shop_id {
            Some(id) => c.i18n().t(lang, "alipay-step-store-ok", &[("code", code.into()), ("shop", id.as_str().into())]),
            None if shop.status == SHOP_REFUSED => c.i18n().t(lang, "alipay-step-store-refused", &[("code", code.into())]),
            None => c.i18n().t(lang, "alipay-step-store-review", &[("code", code.into()), ("order", shop.order_id.as_str().into())]),
        };
        Ok(ShopPublished { store_id: shop.store_id, order_id: shop.order_id, shop_id: shop.shop_id, status: shop.status, message })
    })
    .await
}

/// Publishes the items that changed since they were last published (`dry_run`: only says
/// what would be sent, and what cannot be published and why).
#[tauri::command]
pub async fn alipay_products_publish(c: State<'_, Shared>, dry_run: bool) -> Reply<PublishReport> {
    call(&c, move |c, who| c.alipay_products_publish(who, dry_run)).await
}

/// Records that the technician checked in the merchant portal `what` (`trade_switch` or
/// `coupons`); audited.
#[tauri::command]
pub async fn alipay_confirm(c: State<'_, Shared>, what: String) -> Reply<Confirmed> {
    call(&c, move |c, who| {
        let done = c.alipay_confirm(who, &what)?;
        Ok(Confirmed { what: done.what, by: done.by, at: done.at })
    })
    .await
}

/// Sends the order syncs waiting now (the background does it on its own).
#[tauri::command]
pub async fn alipay_sync(c: State<'_, Shared>) -> Reply<SyncReport> {
    call(&c, move |c, who| c.alipay_sync(who)).await
}
