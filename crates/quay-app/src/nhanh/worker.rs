//! The Nhanh connector's background work, while connected: webhook deliveries acted on,
//! the outbox sent, Nhanh's orders polled (every minute) and the products' `updatedAt`
//! window checked (every 15 minutes) — woken at once by a sale or a delivery, backing
//! off on every error.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::background::{Retry, STORAGE_CAP};
use crate::Counter;

/// The longest the worker sleeps with nothing to wake it.
pub const TICK: Duration = Duration::from_secs(10);
pub const ORDERS_EVERY: Duration = Duration::from_secs(60);
pub const PRODUCTS_EVERY: Duration = Duration::from_secs(15 * 60);

/// Runs until the process ends; the listener too when configured.
pub async fn run(counter: Arc<Counter>) {
    match counter.nhanh_webhook_config() {
        Ok(Some((addr, token))) => {
            tokio::spawn(super::inbox::listen(counter.clone(), addr, token));
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e.detail, "nhanh: the webhook listener is misconfigured"),
    }
    let mut retry = Retry::new(STORAGE_CAP);
    let mut orders_at: Option<Instant> = None;
    let mut products_at = Instant::now();
    loop {
        let connected = counter.store().nhanh_connection().ok().flatten().is_some();
        let wait = if !connected {
            TICK
        } else {
            let due_orders = orders_at.is_none_or(|t| t.elapsed() >= ORDERS_EVERY);
            let due_products = products_at.elapsed() >= PRODUCTS_EVERY;
            let c = counter.clone();
            // Each part on its own: a poll or a window that fails (a permission missing,
            // Nhanh down) waits for its next turn and never holds back the sales.
            let round = tokio::task::spawn_blocking(move || -> bool {
                if let Err(e) = c.nhanh_process_inbox() {
                    tracing::warn!(error = %e.detail, "nhanh: webhook deliveries not applied");
                }
                let sent = match c.nhanh_push() {
                    Ok(pushed) => {
                        if pushed.sent > 0 || pushed.rejected > 0 {
                            tracing::info!(sent = pushed.sent, rejected = pushed.rejected, pending = pushed.pending, "nhanh: outbox sent");
                        }
                        pushed.failed == 0
                    }
                    Err(e) => {
                        tracing::warn!(error = %e.detail, "nhanh: the outbox was not sent");
                        false
                    }
                };
                if due_orders {
                    if let Err(e) = c.nhanh_poll_orders() {
                        tracing::warn!(error = %e.detail, "nhanh: orders not polled");
                    }
                }
                if due_products {
                    if let Err(e) = c.nhanh_prune_inbox() {
                        tracing::warn!(error = %e.detail, "nhanh: old webhook deliveries not pruned");
                    }
                    if let Err(e) = c.nhanh_products_window() {
                        tracing::warn!(error = %e.detail, "nhanh: the products window was not checked");
                    }
                }
                sent
            })
            .await;
            if due_orders {
                orders_at = Some(Instant::now());
            }
            if due_products {
                products_at = Instant::now();
            }
            match round {
                Ok(true) => {
                    retry.succeeded();
                    TICK
                }
                Ok(false) => retry.failed(crate::sync::draw()).max(TICK),
                Err(e) => {
                    tracing::error!(error = %e, "nhanh: the sync round panicked");
                    retry.failed(crate::sync::draw()).max(TICK)
                }
            }
        };
        if retry.failing() {
            // Backing off: a new sale or delivery waits for the next try, never hastens it.
            tokio::time::sleep(wait).await;
            continue;
        }
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = counter.nhanh.wake.notified() => {}
        }
    }
}
