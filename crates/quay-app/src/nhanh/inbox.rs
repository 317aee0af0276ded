//! Nhanh's webhooks: the listener (off unless `nhanh.webhook.listen` is set) checks the
//! verify token (v3 in `Authorization`, v2 in the body; constant time), persists the
//! delivery under its dedupe key and answers 200 at once — Nhanh counts only a quick 200
//! and disables an app whose webhooks keep failing. The deliveries are then acted on in
//! the background (`nhanh_process_inbox`); a duplicate delivery finds its key kept and
//! changes nothing, and nothing in a delivery is trusted beyond what Nhanh would answer.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use quay_nhanh::listener::{self, Delivery, ListenerConfig};
use quay_nhanh::webhook::{self, Event as Hook};
use serde::Serialize;
use tokio::net::TcpListener;

use crate::{keys, AppError, Counter, Result};

pub use quay_nhanh::listener::PATH;

/// What processing the inbox did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Delivered {
    pub processed: usize,
    pub failed: usize,
}

impl Counter {
    /// The listener's settings, or `None` when it is off.
    pub fn nhanh_webhook_config(&self) -> Result<Option<(SocketAddr, String)>> {
        let Some(listen) = self.setting(keys::NHANH_WEBHOOK_LISTEN)?.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
        let bad = |k: &'static str| AppError::new("err-nhanh-not-configured", vec![("missing", k.into())]);
        let addr = listen.trim().parse::<SocketAddr>().map_err(|_| bad(keys::NHANH_WEBHOOK_LISTEN))?;
        let token =
            self.store().secret(keys::NHANH_WEBHOOK_TOKEN)?.filter(|t| !t.is_empty()).ok_or_else(|| bad(keys::NHANH_WEBHOOK_TOKEN))?;
        Ok(Some((addr, token)))
    }

    /// Persists a delivery (the listener's only work before it answers 200). A v2 body's
    /// verify token is taken out first: it is a secret, never stored in clear. A stock
    /// change carries no `updatedAt`, so two equal ones (stock back to what it was) are
    /// both kept — applying a stock row twice changes nothing.
    pub fn nhanh_keep_delivery(&self, d: &Delivery) -> Result<bool> {
        let body = without_token(&d.received_body);
        let key = match d.event {
            Hook::InventoryChange(_) => format!("{}#{}", d.dedupe_key, uuid::Uuid::now_v7()),
            _ => d.dedupe_key.clone(),
        };
        let fresh = self.store().nhanh_inbox_put(&key, d.event.name(), &body, &self.now().to_rfc3339())?;
        if fresh {
            self.nhanh.wake.notify_one();
        } else {
            tracing::info!(key = %d.dedupe_key, "nhanh: a webhook delivery came again; kept once");
        }
        Ok(fresh)
    }

    /// Forgets the deliveries applied more than a week ago (their keys only serve to
    /// recognise Nhanh's retries, which come within minutes).
    pub(crate) fn nhanh_prune_inbox(&self) -> Result<usize> {
        let before = (self.now() - chrono::Duration::days(7)).to_rfc3339();
        Ok(self.store().nhanh_inbox_prune(&before)?)
    }

    /// A delivery refused for its verify token: counted for the status screen.
    pub fn nhanh_delivery_refused(&self) {
        let n: i64 = self.nhanh_state("webhook_rejected").ok().flatten().and_then(|v| v.parse().ok()).unwrap_or(0);
        let _ = self.set_nhanh_state("webhook_rejected", &(n + 1).to_string());
    }

    /// Acts on the deliveries kept and not yet processed, oldest first.
    pub fn nhanh_process_inbox(&self) -> Result<Delivered> {
        let mut report = Delivered::default();
        let business = self.store().nhanh_connection()?.map(|c| c.business_id);
        loop {
            let batch = self.store().nhanh_inbox_pending(100)?;
            if batch.is_empty() {
                break;
            }
            let mut again = 0;
            for (key, _event, body, attempts) in batch {
                let outcome = match webhook::parse(body.as_bytes()) {
                    Ok(hook) => self.nhanh_act_on(&hook, business.as_deref()),
                    Err(e) => Err(AppError::from_localized(&e)),
                };
                let at = self.now().to_rfc3339();
                match outcome {
                    Ok(()) => {
                        self.store().nhanh_inbox_done(&key, &at, None)?;
                        report.processed += 1;
                    }
                    // Nhanh or the store failed, or the menu moved under the change: the
                    // delivery waits for the next round, a few times.
                    Err(e) if transient(&e) && attempts + 1 < INBOX_ATTEMPTS => {
                        tracing::info!(key = %key, code = e.code, "nhanh: a webhook delivery is tried again later");
                        self.store().nhanh_inbox_failed(&key, e.code)?;
                        report.failed += 1;
                        again += 1;
                        // In order: a later stock change must not be applied before this one.
                        break;
                    }
                    Err(e) => {
                        tracing::warn!(key = %key, code = e.code, "nhanh: a webhook delivery could not be applied");
                        self.store().nhanh_inbox_done(&key, &at, Some(e.code))?;
                        report.failed += 1;
                    }
                }
            }
            if again > 0 {
                // The failed ones stay at the head: the next round takes them.
                break;
            }
        }
        Ok(report)
    }

    fn nhanh_act_on(&self, hook: &webhook::Webhook, business: Option<&str>) -> Result<()> {
        if let (Some(ours), Some(theirs)) = (business, hook.business_id.as_deref()) {
            if ours != theirs {
                return Err(AppError::new("err-nhanh-webhook-business", vec![("business", theirs.into())]));
            }
        }
        let since: i64 = self.nhanh_state("orders_since")?.and_then(|t| t.parse().ok()).unwrap_or(0);
        match &hook.event {
            Hook::OrderAdd(o) | Hook::OrderUpdate(o) => {
                if self.nhanh_order_in(o, since)? {
                    self.nhanh_orders_changed()?;
                }
            }
            Hook::OrderDelete(ids) => {
                if self.store().nhanh_orders_deleted(ids)? > 0 {
                    self.nhanh_orders_changed()?;
                }
            }
            Hook::ProductAdd(p) | Hook::ProductUpdate(p) if hook.version >= 3 => {
                self.nhanh_products_changed(std::slice::from_ref(p))?;
            }
            // A v2 body is flat and lacks the VAT mode and the stock: a hint to ask
            // Nhanh for the product as it is.
            Hook::ProductAdd(p) | Hook::ProductUpdate(p) => {
                let client = self.nhanh_client(true)?;
                match crate::rt::block_on(client.product_detail(p.id)).inspect_err(|e| self.nhanh_error(e))? {
                    Some(full) => self.nhanh_products_changed(std::slice::from_ref(&full))?,
                    None => self.nhanh_products_deleted(&[p.id])?,
                };
            }
            Hook::ProductDelete(ids) => {
                self.nhanh_products_deleted(ids)?;
            }
            Hook::InventoryChange(rows) => {
                self.nhanh_stock_changed(rows)?;
            }
            Hook::WebhooksEnabled => tracing::info!("nhanh: webhooks enabled"),
            Hook::AppUninstalled => {
                tracing::warn!("nhanh: the app was uninstalled from the business");
                let _ = self.set_nhanh_state(
                    "last_error",
                    &serde_json::json!({"code": "err-nhanh-uninstalled", "at": self.now().to_rfc3339()}).to_string(),
                );
            }
            Hook::Other(name) => tracing::info!(event = %name, "nhanh: a webhook event Quay does not use"),
        }
        Ok(())
    }
}

/// How many rounds a delivery that failed for a passing reason is tried.
const INBOX_ATTEMPTS: i64 = 5;

/// A failure that may pass: Nhanh or the store, or a menu that changed meanwhile.
fn transient(e: &AppError) -> bool {
    e.code.starts_with("err-nhanh-transport")
        || e.code.starts_with("err-nhanh-http")
        || e.code.starts_with("err-nhanh-rate")
        || e.code == "err-store"
        || e.code == "err-menu-version-gap"
        || e.code == "err-nhanh-busy"
}

/// The body without a v2 verify token (top level or in `data`).
fn without_token(body: &str) -> String {
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(body) else { return body.to_string() };
    let mut changed = false;
    if let Some(o) = v.as_object_mut() {
        changed |= o.remove("webhooksVerifyToken").is_some();
        if let Some(d) = o.get_mut("data").and_then(|d| d.as_object_mut()) {
            changed |= d.remove("webhooksVerifyToken").is_some();
        }
    }
    if changed {
        v.to_string()
    } else {
        body.to_string()
    }
}

/// Serves Nhanh's webhooks until the process ends. A failed bind is logged, not fatal.
pub async fn listen(counter: Arc<Counter>, addr: SocketAddr, token: String) {
    let socket = match TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(%addr, error = %e, "nhanh: the webhook listener cannot bind");
            return;
        }
    };
    counter.nhanh.listening.store(true, Ordering::Relaxed);
    tracing::info!(%addr, path = PATH, "nhanh: webhook listener up");
    let keep = counter.clone();
    let refused = counter.clone();
    let config = ListenerConfig {
        token,
        on_delivery: Arc::new(move |d: Delivery| keep.nhanh_keep_delivery(&d).map(|_| ()).map_err(|e| e.detail)),
        on_refused: Arc::new(move || refused.nhanh_delivery_refused()),
    };
    if let Err(e) = listener::serve(socket, config).await {
        tracing::error!(error = %e, "nhanh: the webhook listener stopped");
    }
    counter.nhanh.listening.store(false, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_v2_token_is_not_kept() {
        let body = r#"{"event":"orderAdd","webhooksVerifyToken":"SECRET123","data":{"orderId":1,"webhooksVerifyToken":"SECRET123"}}"#;
        let kept = super::without_token(body);
        assert!(!kept.contains("SECRET123"), "{kept}");
        assert!(kept.contains("orderAdd"));
        let v3 = r#"{"event":"orderAdd","data":{"id":1}}"#;
        assert_eq!(super::without_token(v3), v3);
    }
}
