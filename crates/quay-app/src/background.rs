//! One background worker per counter. The window and `quay sync run` both do the counter's
//! background work (the hub sync loop, Viva's webhook listener, the start-up resolution of
//! open payments and voucher redemptions); two of them on one data directory would push
//! the same outbox twice. Whoever does it first holds an exclusive advisory lock on
//! `<data>/background.lock`, a file of its own holding the holder's pid and what it is.
//! The SQLite database is never locked or opened here: a POSIX lock taken and dropped on
//! the database file by a second descriptor corrupted it before.
//!
//! The lock is the OS's (`flock` on Unix, `LockFileEx` on Windows), tied to the open file:
//! it goes with the process however it ends, and dropping [`BackgroundLock`] releases it.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use quay_core::error::Arg;

use crate::{AppError, Result};

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "background.lock";

/// Who holds the lock, as it wrote itself into the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The holder's process id, `None` when it has not written it yet.
    pub pid: Option<u32>,
    /// "window" or "sync run" (empty when not written yet).
    pub what: String,
}

impl Holder {
    fn parse(text: &str) -> Holder {
        let mut pid = None;
        let mut what = String::new();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("pid=") {
                pid = v.trim().parse().ok();
            } else if let Some(v) = line.strip_prefix("what=") {
                what = v.trim().to_string();
            }
        }
        Holder { pid, what }
    }

    /// The error telling who holds the lock (`err-background-busy`).
    pub fn error(&self) -> AppError {
        let pid = self.pid.map(|p| p.to_string()).unwrap_or_else(|| "?".into());
        // A Fluent selector: "sync run" → "sync-run".
        let what = if self.what.is_empty() { "?".to_string() } else { self.what.replace(' ', "-") };
        AppError::new("err-background-busy", vec![("pid", Arg::Text(pid)), ("what", Arg::Text(what))])
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pid {
            Some(pid) => write!(f, "{} (pid {pid})", if self.what.is_empty() { "?" } else { &self.what }),
            None => f.write_str("another process"),
        }
    }
}

/// The background-work lock of one data directory, held until dropped.
#[derive(Debug)]
pub struct BackgroundLock {
    _file: File,
    path: PathBuf,
}

impl BackgroundLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Takes the background-work lock of `data_dir` for `what` ("window", "sync run"), or
/// says who holds it. Never waits.
pub fn try_take(data_dir: &Path, what: &str) -> Result<std::result::Result<BackgroundLock, Holder>> {
    let path = data_dir.join(LOCK_FILE);
    quay_store::private::touch(&path).map_err(|e| AppError::io(&path, e))?;
    let mut file = File::options().read(true).write(true).open(&path).map_err(|e| AppError::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Ok(Err(Holder::parse(&text)));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(AppError::io(&path, e)),
    }
    let me = format!("pid={}\nwhat={what}\n", std::process::id());
    (|| -> std::io::Result<()> {
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(me.as_bytes())?;
        file.sync_data()
    })()
    .map_err(|e| AppError::io(&path, e))?;
    Ok(Ok(BackgroundLock { _file: file, path }))
}

/// Takes the lock, waiting while another process holds it; `on_busy` is told who holds it
/// once, the first time it is found taken.
pub fn take_waiting(data_dir: &Path, what: &str, mut on_busy: impl FnMut(&Holder)) -> Result<BackgroundLock> {
    let mut told = false;
    loop {
        match try_take(data_dir, what)? {
            Ok(lock) => return Ok(lock),
            Err(holder) => {
                if !told {
                    on_busy(&holder);
                    told = true;
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }
    }
}

/// How long background work waits after failures that are not the network's (storage,
/// a data directory gone): never a tight loop, at most a minute.
pub const STORAGE_CAP: Duration = Duration::from_secs(60);

/// A background loop's retry schedule: after a failure of any kind (the hub, the network,
/// storage — even a data directory that disappeared) the next attempt waits, longer each
/// time with jitter (quay-hub's `backoff`), up to `cap`; a success resets it.
#[derive(Debug, Clone)]
pub struct Retry {
    failures: u32,
    cap: Duration,
}

impl Retry {
    pub fn new(cap: Duration) -> Retry {
        Retry { failures: 0, cap }
    }

    /// Failures since the last success.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    pub fn failing(&self) -> bool {
        self.failures > 0
    }

    pub fn succeeded(&mut self) {
        self.failures = 0;
    }

    /// Records a failure; returns how long to wait before the next attempt (`draw` in
    /// [0, 1) is the jitter).
    pub fn failed(&mut self, draw: f64) -> Duration {
        let wait = quay_hub::backoff::delay(self.failures, draw).min(self.cap);
        self.failures = self.failures.saturating_add(1);
        wait
    }
}

/// The counter's background work, one function for whichever face holds the lock (the
/// window, `quay sync run`), so the two cannot drift: what a crash left open is settled
/// first (voucher redemptions asked of the hub, card attempts asked of the terminal —
/// never re-sent), Viva's webhook listens when a technician configured one, and the hub
/// sync runs until the process ends — all three at once, so a slow terminal at start-up
/// never holds back the outbox.
pub async fn run(counter: std::sync::Arc<crate::Counter>) {
    let settle = counter.clone();
    // The terminal and the hub block: off the async workers.
    tokio::task::spawn_blocking(move || settle_open_work(&settle));
    match counter.webhook_config() {
        Ok(Some(config)) => {
            tokio::spawn(crate::webhook::listen(counter.clone(), config));
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e.detail, "the Viva webhook is misconfigured"),
    }
    tokio::spawn(watch_wallets(counter.clone()));
    tokio::spawn(sync_alipay_orders(counter.clone()));
    tokio::spawn(crate::wallets::listen(counter.clone()));
    tokio::spawn(crate::nhanh::worker::run(counter.clone()));
    match counter.vpos_callback_listen() {
        Ok(Some(addr)) => {
            tokio::spawn(crate::vpos::callback::listen(counter.clone(), addr));
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e.detail, "the virtual POS callback listener is misconfigured"),
    }
    tokio::spawn(watch_vpos(counter.clone()));
    tokio::spawn(push_connection_records(counter.clone()));
    tokio::spawn(crate::print::worker::run(counter.clone()));
    crate::sync::run(counter).await;
}

/// How often open virtual POS payments (a lost answer, a link nobody waits for any more)
/// are asked about.
pub const VPOS_WATCH: Duration = Duration::from_secs(15);

/// Asks each bank about its open virtual POS attempts on a schedule (those a process is
/// charging, or whose payment page is still open, are left to their own wait).
async fn watch_vpos(counter: std::sync::Arc<crate::Counter>) {
    let mut retry = Retry::new(STORAGE_CAP);
    loop {
        let c = counter.clone();
        let done = tokio::task::spawn_blocking(move || c.settle_open_vpos()).await;
        let wait = match done {
            Ok(Ok(_)) => {
                retry.succeeded();
                VPOS_WATCH
            }
            Ok(Err(e)) => {
                tracing::warn!(error = %e.detail, "virtual POS watch");
                retry.failed(crate::sync::draw()).max(VPOS_WATCH)
            }
            Err(_) => VPOS_WATCH,
        };
        tokio::time::sleep(wait).await;
    }
}

/// How often the partner connection records waiting for the hub are offered again.
pub const CONNECTIONS_PUSH: Duration = Duration::from_secs(20);

/// Sends the partner connection records queued for the hub (each step is offered once
/// when it is recorded; what the hub did not acknowledge waits here). Backs off on
/// failures; an unconfigured hub just waits.
async fn push_connection_records(counter: std::sync::Arc<crate::Counter>) {
    let mut retry = Retry::new(quay_hub::backoff::CAP);
    loop {
        let wait = match counter.push_connection_records().await {
            Ok(r) => {
                retry.succeeded();
                if r.sent > 0 {
                    tracing::info!(sent = r.sent, pending = r.pending, refused = r.refused, "connection records sent to the hub");
                }
                CONNECTIONS_PUSH
            }
            Err(e) if e.code == "err-hub-not-configured" => CONNECTIONS_PUSH * 3,
            Err(e) => {
                tracing::warn!(error = %e.detail, "connection records not sent");
                retry.failed(crate::sync::draw()).max(CONNECTIONS_PUSH)
            }
        };
        tokio::time::sleep(wait).await;
    }
}

/// How often open wallet payments (given up, unknown, left by a crash) are asked about.
pub const WALLET_WATCH: Duration = Duration::from_secs(10);

/// Asks the wallets about their open attempts on a schedule — counters rarely have a
/// public address for callbacks — so a late payment completes its sale or is listed for
/// a refund. Backs off on failures.
async fn watch_wallets(counter: std::sync::Arc<crate::Counter>) {
    let mut retry = Retry::new(STORAGE_CAP);
    loop {
        let c = counter.clone();
        let done = tokio::task::spawn_blocking(move || c.watch_open_wallets()).await;
        let wait = match done {
            Ok(Ok(settled)) => {
                retry.succeeded();
                for p in settled.iter().filter(|p| p.state.is_final()) {
                    tracing::info!(key = %p.key, state = p.state.as_str(), "open wallet payment settled");
                }
                WALLET_WATCH
            }
            Ok(Err(e)) => {
                tracing::warn!(error = %e.detail, "open wallet payments not settled");
                retry.failed(crate::sync::draw()).max(WALLET_WATCH)
            }
            Err(e) => {
                tracing::error!(error = %e, "the wallet watch failed");
                retry.failed(crate::sync::draw()).max(WALLET_WATCH)
            }
        };
        tokio::time::sleep(wait).await;
    }
}

/// How often Alipay's order-sync outbox is looked at.
pub const ALIPAY_SYNC: Duration = Duration::from_secs(30);

/// Sends the sales paid by Alipay as Alipay orders (`push_alipay_syncs`), each kept
/// queued until Alipay acknowledged it, after days offline too. Backs off on failures.
async fn sync_alipay_orders(counter: std::sync::Arc<crate::Counter>) {
    let mut retry = Retry::new(STORAGE_CAP);
    loop {
        let c = counter.clone();
        let done = tokio::task::spawn_blocking(move || c.push_alipay_syncs()).await;
        let wait = match done {
            Ok(Ok(r)) if r.failed == 0 => {
                retry.succeeded();
                if r.synced > 0 {
                    tracing::info!(synced = r.synced, pending = r.pending, "alipay orders synced");
                }
                ALIPAY_SYNC
            }
            Ok(Ok(r)) => {
                tracing::warn!(synced = r.synced, failed = r.failed, pending = r.pending, "alipay order syncs failed");
                retry.failed(crate::sync::draw()).max(ALIPAY_SYNC)
            }
            // Alipay not configured on this counter: nothing is queued that could go.
            Ok(Err(e)) if e.code == "err-wallet-not-configured" => ALIPAY_SYNC * 4,
            Ok(Err(e)) => {
                tracing::warn!(error = %e.detail, "alipay order syncs not sent");
                retry.failed(crate::sync::draw()).max(ALIPAY_SYNC)
            }
            Err(e) => {
                tracing::error!(error = %e, "the alipay order sync failed");
                retry.failed(crate::sync::draw()).max(ALIPAY_SYNC)
            }
        };
        tokio::time::sleep(wait).await;
    }
}

/// Start-up resolution: voucher redemptions and card attempts a crash left open.
fn settle_open_work(counter: &crate::Counter) {
    match counter.settle_open_vouchers() {
        Ok(done) if !done.is_empty() => tracing::info!(count = done.len(), "open voucher redemptions settled"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e.detail, "open voucher redemptions not settled"),
    }
    match counter.settle_open_wallets() {
        Ok(done) if !done.is_empty() => tracing::info!(count = done.len(), "open wallet payments asked about"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e.detail, "open wallet payments not settled"),
    }
    match counter.settle_open_vpos() {
        Ok(done) if !done.is_empty() => tracing::info!(count = done.len(), "open virtual POS payments asked about"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e.detail, "open virtual POS payments not settled"),
    }
    let Ok(terminal) = counter.card_terminal_to_ask() else { return };
    match counter.settle_open_payments(terminal.as_ref()) {
        Ok(done) if !done.is_empty() => tracing::info!(count = done.len(), "open card payments settled"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e.detail, "open card payments not settled"),
    }
}
