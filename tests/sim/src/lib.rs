//! `quay-sim`: the partners of a Quay counter, simulated on loopback with their real wire
//! formats, so tests, benchmarks and `make run` need no account anywhere. Today: the hub
//! (hub-api.md) — signed requests and responses, the menu with versions and change sets,
//! sales batches checked as strictly as a real hub, and switchable faults.
//!
//! The same controls as `RunningHub`'s methods are served unsigned outside the API base
//! path: `GET /admin/stats`, `GET|POST /admin/faults`, `GET /admin/sales`,
//! `POST /admin/menu`, `POST /admin/forget-versions-before`, `POST /admin/clock-offset`,
//! `GET|POST /admin/vouchers`, `GET /admin/connections`, `POST /admin/points`
//! (see README.md beside this crate for them and for the contract decisions).
//!
//! ```no_run
//! let hub = quay_sim::start_in_thread(quay_sim::HubConfig::sandbox(quay_core::synth::menu(40, 1)));
//! println!("{}", hub.url); // http://127.0.0.1:PORT/api/v1
//! ```

mod config;
/// Partner connection records: the hub's store and its own validation of them.
pub mod connections;
/// A network ESC/POS printer (raw TCP, strict decoder, pages as PNG, paper and status faults).
pub mod escpos;
mod faults;
mod hub;
mod ledger;
mod menu_versions;
/// Nhanh.vn's Open API v3 (catalogue, orders, customers, webhooks) on loopback.
pub mod nhanh;
mod sales_validation;
mod server;
mod signing;
/// Viva's classic API: orders for a source and a scripted terminal (in progress).
pub mod viva;
/// The partners' vouchers the hub brokers: the table of codes, redemptions, reversals.
pub mod vouchers;
/// Bank virtual POS: NestPay/EST (XML API, 3-D gate, hosted page, callbacks) and Garanti GVPS, on loopback.
pub mod vpos;
/// MoMo POS, ZaloPay and VNPAY-QR (the Vietnamese wallets) and Alipay's classic gateway, on loopback.
pub mod wallet;
/// The ZVT card terminal on a pseudo-terminal pair (in progress).
pub mod zvt;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use quay_core::menu::MenuSnapshot;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use config::{HubConfig, PointConfig};
pub use faults::{Faults, InvalidMenu};
pub use hub::{Hub, Stats};
pub use menu_versions::KEEP as MENU_VERSIONS_KEPT;

/// A hub serving on loopback. Dropping it stops the server.
pub struct RunningHub {
    pub addr: SocketAddr,
    /// The API's base URL, e.g. `http://127.0.0.1:PORT/api/v1`.
    pub url: String,
    hub: Arc<Hub>,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
pub async fn start(config: HubConfig) -> RunningHub {
    start_on(config, 0).await.expect("bind 127.0.0.1")
}

/// Binds 127.0.0.1:`port` (0 = a free one) and serves on the current tokio runtime.
pub async fn start_on(config: HubConfig, port: u16) -> std::io::Result<RunningHub> {
    let (listener, hub, addr) = bind(config, port).await?;
    let (shutdown, stop) = watch::channel(false);
    tokio::spawn(server::serve(listener, hub.clone(), stop));
    Ok(RunningHub::new(addr, hub, shutdown, None))
}

/// Serves from a runtime of its own in a background thread, for synchronous tests.
/// Dropping the handle stops the server and joins the thread (so do not drop it inside
/// an async task).
pub fn start_in_thread(config: HubConfig) -> RunningHub {
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("quay-sim".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
            rt.block_on(async move {
                let (listener, hub, addr) = bind(config, 0).await.expect("bind 127.0.0.1");
                let (shutdown, stop) = watch::channel(false);
                if tx.send((addr, hub.clone(), shutdown)).is_ok() {
                    server::serve(listener, hub, stop).await;
                }
            });
        })
        .expect("spawn the simulator's thread");
    let (addr, hub, shutdown) = rx.recv().expect("the simulator starts");
    RunningHub::new(addr, hub, shutdown, Some(thread))
}

async fn bind(config: HubConfig, port: u16) -> std::io::Result<(TcpListener, Arc<Hub>, SocketAddr)> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let addr = listener.local_addr()?;
    Ok((listener, Arc::new(Hub::new(config)), addr))
}

impl RunningHub {
    fn new(addr: SocketAddr, hub: Arc<Hub>, shutdown: watch::Sender<bool>, thread: Option<std::thread::JoinHandle<()>>) -> Self {
        let url = format!("http://{addr}{}", hub.config().base_path());
        RunningHub { addr, url, hub, shutdown, thread }
    }

    /// The shared state, for what the methods below do not cover.
    pub fn hub(&self) -> &Arc<Hub> {
        &self.hub
    }

    pub fn stats(&self) -> Stats {
        self.hub.stats()
    }

    pub fn faults(&self) -> Faults {
        self.hub.faults()
    }

    /// Replaces the faults. Panics on an unknown `invalid_menu` kind (a test's typo).
    pub fn set_faults(&self, f: Faults) {
        self.hub.set_faults(f).unwrap_or_else(|e| panic!("set_faults: {e}"));
    }

    /// Every stored sale record as received, in arrival order.
    pub fn stored_sales(&self) -> Vec<Value> {
        self.hub.stored_sales()
    }

    /// Publishes `snapshot` as the next version (its own `version` is replaced) and
    /// returns that version. Panics if the menu is invalid: use `Faults::invalid_menu`
    /// to have a bad menu served.
    pub fn publish_menu(&self, snapshot: MenuSnapshot) -> u64 {
        self.hub.publish_menu(snapshot).unwrap_or_else(|e| panic!("publish_menu: {e}"))
    }

    /// `GET /menu/changes?since=N` with N below `v` answers 410 from now on.
    pub fn forget_versions_before(&self, v: u64) {
        self.hub.forget_versions_before(v)
    }

    /// Adds a voucher (a fresh code when `spec.code` is empty) and returns its code.
    /// Panics on an invalid spec (a test's typo).
    pub fn add_voucher(&self, spec: vouchers::VoucherSpec) -> String {
        self.hub.add_voucher(spec).unwrap_or_else(|e| panic!("add_voucher: {e}")).code
    }

    /// Every redemption made (reversed ones too), in order.
    pub fn voucher_redemptions(&self) -> Vec<vouchers::Redemption> {
        self.hub.voucher_redemptions()
    }

    /// Adds a point of the hub's brand that signs with its own keys (verified with its
    /// `key1`, answered with its `key2`). Panics on an empty id or key or a known point.
    pub fn add_point(&self, point: PointConfig) {
        self.hub.add_point(None, point).unwrap_or_else(|e| panic!("add_point: {e}"))
    }

    /// Adds a point of another brand (`pos_parent`), e.g. to see that brands do not see
    /// each other's connection records. Panics like `add_point`.
    pub fn add_point_of_brand(&self, pos_parent: &str, point: PointConfig) {
        self.hub.add_point(Some(pos_parent), point).unwrap_or_else(|e| panic!("add_point_of_brand: {e}"))
    }

    /// Every stored connection record (its highest revision, as received), in the order
    /// first stored.
    pub fn stored_connections(&self) -> Vec<Value> {
        self.hub.stored_connections()
    }

    /// Shifts the hub's clock (request freshness and response timestamps) by `secs`.
    pub fn set_clock_offset(&self, secs: i64) {
        self.hub.set_clock_offset(secs)
    }
}

impl Drop for RunningHub {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
