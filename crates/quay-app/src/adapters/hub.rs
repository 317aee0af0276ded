//! The hub's background sync loop: the menu on its schedule, the outbox whenever a sale is
//! queued, each retried with backoff (the decisions are `crate::sync`'s).

use std::sync::Arc;

use quay_hub::backoff;

use crate::background::{self, Retry};
use crate::sync::{draw, OUTBOX_POLL};
use crate::{Counter, Event};

/// The background sync: the menu on its schedule, the outbox whenever a sale is queued,
/// each retried with exponential backoff and jitter after a failure — any failure, storage
/// as well as network (see [`Retry`]). Runs until the process ends; never holds a lock a
/// cashier needs while waiting on the network. Whoever runs it holds the data directory's
/// background lock (`crate::background`).
pub async fn run(counter: Arc<Counter>) {
    let mut menu = Retry::new(backoff::CAP);
    let mut push = Retry::new(backoff::CAP);
    let mut storage = Retry::new(background::STORAGE_CAP);
    let mut next_menu = tokio::time::Instant::now();
    let mut next_push = tokio::time::Instant::now();
    loop {
        let now = tokio::time::Instant::now();
        if !counter.data_dir().is_dir() {
            // Without its data directory the counter can do nothing: SQLite is not even
            // asked (its WAL read lock spins on missing files); wait, longer each time.
            let wait = storage.failed(draw());
            if storage.failures() == 1 {
                tracing::error!(data_dir = %counter.data_dir().display(), "the data directory is gone; the background sync waits");
            }
            tokio::time::sleep(wait).await;
            continue;
        }
        if now >= next_menu && counter.menu_from_nhanh().unwrap_or(false) {
            // The menu comes from Nhanh (its own worker): the hub still takes the sales.
            next_menu = now + counter.menu_interval();
        } else if now >= next_menu {
            match counter.sync_menu().await {
                Ok(_) => {
                    menu.succeeded();
                    next_menu = now + counter.menu_interval();
                }
                Err(e) => {
                    tracing::warn!(error = %e.detail, "menu sync failed");
                    counter.emit(Event::SyncError { code: e.code });
                    next_menu = now + menu.failed(draw()).min(counter.menu_interval());
                }
            }
        }
        if now >= next_push {
            match counter.sync_status() {
                Err(e) => {
                    tracing::warn!(error = %e.detail, "cannot read the outbox");
                    next_push = tokio::time::Instant::now() + storage.failed(draw());
                }
                Ok(status) => {
                    storage.succeeded();
                    if status.pending > 0 {
                        match counter.push_outbox().await {
                            Ok(_) => push.succeeded(),
                            Err(e) => {
                                tracing::warn!(error = %e.detail, "sales push failed");
                                counter.emit(Event::SyncError { code: e.code });
                                next_push = tokio::time::Instant::now() + push.failed(draw());
                            }
                        }
                    }
                }
            }
        }
        // Sales closed by another process on this counter (the command line) do not wake
        // us: look at the outbox every few seconds too.
        let poll = tokio::time::Instant::now() + OUTBOX_POLL;
        let failing = push.failing() || storage.failing();
        let until = if failing { next_menu.min(next_push) } else { next_menu.min(poll) };
        tokio::select! {
            _ = tokio::time::sleep_until(until) => {}
            _ = counter.sales_queued.notified(), if !failing => {}
        }
    }
}
