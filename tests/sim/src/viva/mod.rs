//! Viva's classic API (seed 004) on loopback, written from the wire description in
//! partners.md and independently of quay-pay's client:
//! - `/api/orders` (Basic `MerchantId:ApiKey`; a wrong key is 401), orders per source;
//! - a scripted terminal per source that charges or declines the **newest** order of its
//!   source: `RunningViva::pay_newest` from tests, `POST /admin/viva/pay
//!   {"source":"A3","outcome":"approve"|"decline"}` over HTTP (a decline states its reason
//!   in `ResponseEventId` and `ResponseCode`, as Viva does; `{"decline_with": {"event_id":
//!   10005, "response_code": 5}}` picks them);
//! - `/api/transactions/?ordercode=…|?date=…` with `Amount` a decimal in major units
//!   (EUR), refunds by `DELETE /api/transactions/{id}?amount=<cents>` (a second one
//!   is 403 "Non reversible transaction"), order cancel by `DELETE /api/orders/{code}`;
//! - webhooks: `GET /api/messages/config/token`, events 1796/1797/1798 POSTed to the
//!   configured URL, and the GET verification (`RunningViva::verify_webhook`);
//! - faults (`VivaFaults`, also `GET|POST /admin/viva/faults`): slow, 5xx, lost
//!   create-order answers (order stored, connection dropped), duplicated webhooks.
//!
//! Other controls: `GET /admin/viva/orders|transactions|stats`.
//!
//! ```no_run
//! let viva = quay_sim::viva::start_viva_in_thread(quay_sim::viva::VivaConfig::sandbox());
//! println!("{}", viva.url); // http://127.0.0.1:PORT (the client appends /api/…)
//! ```

mod outbound;
mod server;
mod state;
mod webhooks;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;

pub use state::{major_number, Refused, SimOrder, SimTransaction, TerminalOutcome, Viva, VivaConfig, VivaFaults, VivaStats};
pub use webhooks::{envelope, PAYMENT_CREATED, REVERSAL_CREATED, TRANSACTION_FAILED};

/// A Viva simulator serving on loopback. Dropping it stops the server.
pub struct RunningViva {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT`: the host; the API lives under `/api/`.
    pub url: String,
    viva: Arc<Viva>,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
pub async fn start_viva(config: VivaConfig) -> RunningViva {
    let (listener, viva, addr) = bind(config).await.expect("bind 127.0.0.1");
    let (shutdown, stop) = watch::channel(false);
    tokio::spawn(server::serve(listener, viva.clone(), stop));
    RunningViva::new(addr, viva, shutdown, None)
}

/// Serves from a runtime of its own in a background thread, for synchronous tests.
/// Dropping the handle stops the server and joins the thread (not inside an async task).
pub fn start_viva_in_thread(config: VivaConfig) -> RunningViva {
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("quay-sim-viva".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
            rt.block_on(async move {
                let (listener, viva, addr) = bind(config).await.expect("bind 127.0.0.1");
                let (shutdown, stop) = watch::channel(false);
                if tx.send((addr, viva.clone(), shutdown)).is_ok() {
                    server::serve(listener, viva, stop).await;
                }
            });
        })
        .expect("spawn the simulator's thread");
    let (addr, viva, shutdown) = rx.recv().expect("the simulator starts");
    RunningViva::new(addr, viva, shutdown, Some(thread))
}

async fn bind(config: VivaConfig) -> std::io::Result<(TcpListener, Arc<Viva>, SocketAddr)> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await?;
    let addr = listener.local_addr()?;
    Ok((listener, Arc::new(Viva::new(config)), addr))
}

/// The terminal acts and Viva tells the merchant (1796 paid, 1798 failed).
pub(crate) fn pay_and_notify(viva: &Arc<Viva>, source: &str, outcome: TerminalOutcome) -> Option<SimTransaction> {
    let tx = viva.pay_newest(source, outcome)?;
    let event = match outcome {
        TerminalOutcome::Approve => PAYMENT_CREATED,
        TerminalOutcome::Decline | TerminalOutcome::DeclineWith { .. } => TRANSACTION_FAILED,
    };
    webhooks::deliver(viva, &tx, event);
    Some(tx)
}

impl RunningViva {
    fn new(addr: SocketAddr, viva: Arc<Viva>, shutdown: watch::Sender<bool>, thread: Option<std::thread::JoinHandle<()>>) -> Self {
        RunningViva { addr, url: format!("http://{addr}"), viva, shutdown, thread }
    }

    /// The shared state, for what the methods below do not cover.
    pub fn viva(&self) -> &Arc<Viva> {
        &self.viva
    }

    /// The terminal of `source` charges (or declines) the newest order of its source,
    /// and the webhook is sent if configured. None if that order is not pending.
    pub fn pay_newest(&self, source: &str, outcome: TerminalOutcome) -> Option<SimTransaction> {
        pay_and_notify(&self.viva, source, outcome)
    }

    pub fn faults(&self) -> VivaFaults {
        self.viva.faults()
    }

    pub fn set_faults(&self, f: VivaFaults) {
        self.viva.set_faults(f)
    }

    pub fn stats(&self) -> VivaStats {
        self.viva.stats()
    }

    pub fn orders(&self) -> Vec<SimOrder> {
        self.viva.orders()
    }

    /// Orders carrying our reference — what a lost create-order left behind.
    pub fn orders_by_merchant_trns(&self, merchant_trns: &str) -> Vec<SimOrder> {
        self.viva.orders_by_merchant_trns(merchant_trns)
    }

    pub fn transactions(&self) -> Vec<SimTransaction> {
        self.viva.transactions()
    }

    /// Today's date as `?date=` searches use it (UTC).
    pub fn today(&self) -> String {
        chrono::Utc::now().format("%Y-%m-%d").to_string()
    }

    /// Viva's webhook verification: GET the configured URL and check that the answer
    /// is 200 with `{"Key": <webhook key>}`. Blocking (do not call it on the runtime
    /// thread that serves the webhook listener).
    pub fn verify_webhook(&self) -> Result<(), String> {
        let url = self.viva.config().webhook_url.clone().ok_or("no webhook URL configured")?;
        let (status, body) = outbound::http("GET", &url, None).map_err(|e| e.to_string())?;
        if status != 200 {
            return Err(format!("verification answered {status}"));
        }
        let v: serde_json::Value = serde_json::from_slice(&body).map_err(|e| format!("verification body: {e}"))?;
        if v.get("Key").and_then(|k| k.as_str()) == Some(self.viva.config().webhook_key.as_str()) {
            Ok(())
        } else {
            Err(format!("verification answered the wrong key: {v}"))
        }
    }
}

impl Drop for RunningViva {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
