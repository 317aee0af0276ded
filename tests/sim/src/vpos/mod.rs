//! Bank virtual POS gateways on loopback (issue 17): a strict NestPay/EST (Payten) gateway —
//! the XML API `/fim/api`, the 3-D gate `/fim/est3Dgate`, the hosted payment page
//! `/fim/page/<token>` with a scripted cardholder, callbacks signed with HASH ver3 — and a
//! Garanti BBVA GVPS gateway (`/VPServlet`), sharing one ledger with the banks' batch rules.
//!
//! Written from `shared/reference/partners-contracts.md` §0 and §6 (with its "silent"
//! readings), `partners-wave2.md` §3 and `docs/VPOS.md` "Garanti readings", independently of
//! quay-pay (own XML parsing, own hashes). The simulator never logs or stores a full card
//! number or a CVV: transactions keep the masked number only.
//!
//! Where the contract is silent the simulator's choices are in `tests/sim/README.md`
//! ("Virtual POS").
//!
//! ```no_run
//! use quay_sim::vpos::{start_in_thread, VposSim, VposSimConfig};
//! let bank = start_in_thread(VposSim::new(VposSimConfig::sandbox()));
//! println!("{} {} {}", bank.nestpay_api, bank.nestpay_gate, bank.garanti_api);
//! ```

mod card;
pub mod constants;
mod garanti;
mod gate;
mod hash;
mod ledger;
mod nestpay;
mod server;
mod xml;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use card::{APPROVED_CARD, TEST_CARDS, WRONG_CVV};
pub use constants::*;
pub use gate::{LinkResult, LinkState, VposLink, PAGE_LIFE_SECS};
pub use hash::{garanti_hash_data, garanti_security_data, ver3, ver3_plaintext};
pub use ledger::{Bank, Channel, Transaction, TxKind};

/// The currencies the simulated terminals can be set to (NestPay numeric codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum VposCurrency {
    Try,
    Eur,
    Usd,
    Gbp,
    Vnd,
    Jpy,
}

impl VposCurrency {
    pub const ALL: [VposCurrency; 6] =
        [VposCurrency::Try, VposCurrency::Eur, VposCurrency::Usd, VposCurrency::Gbp, VposCurrency::Vnd, VposCurrency::Jpy];

    pub fn code(self) -> &'static str {
        match self {
            VposCurrency::Try => "TRY",
            VposCurrency::Eur => "EUR",
            VposCurrency::Usd => "USD",
            VposCurrency::Gbp => "GBP",
            VposCurrency::Vnd => "VND",
            VposCurrency::Jpy => "JPY",
        }
    }

    /// ISO 4217 numeric: 949, 978, 840, 826, 704, 392.
    pub fn numeric(self) -> &'static str {
        match self {
            VposCurrency::Try => "949",
            VposCurrency::Eur => "978",
            VposCurrency::Usd => "840",
            VposCurrency::Gbp => "826",
            VposCurrency::Vnd => "704",
            VposCurrency::Jpy => "392",
        }
    }

    /// Decimals of `Total`: 2, VND and JPY 0.
    pub fn decimals(self) -> u32 {
        match self {
            VposCurrency::Vnd | VposCurrency::Jpy => 0,
            _ => 2,
        }
    }

    pub fn parse(code: &str) -> Option<VposCurrency> {
        Self::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code) || c.numeric() == code)
    }
}

/// NestPay `Total` (major units) → minor units: digits, at most one dot followed by 1..=the
/// currency's decimals digits; no sign, exponent, spaces, leading zero or zero amount.
pub fn parse_total(text: &str, currency: VposCurrency) -> Option<i64> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || (int.len() > 1 && int.starts_with('0')) || int.len() > 12 {
        return None;
    }
    let d = currency.decimals() as usize;
    let frac = match frac {
        None => "",
        Some(f) if !f.is_empty() && f.len() <= d && f.bytes().all(|b| b.is_ascii_digit()) => f,
        Some(_) => return None,
    };
    let minor: i64 = format!("{int}{frac:0<d$}").parse().ok()?;
    (minor > 0).then_some(minor)
}

/// Garanti `Amount` (minor units): digits, no leading zero, > 0.
pub fn parse_minor(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 15 || !text.bytes().all(|b| b.is_ascii_digit()) || text.starts_with('0') {
        return None;
    }
    text.parse().ok()
}

/// Minor units → major text with exactly the currency's decimals (`100.25`, `150000`).
pub fn format_total(minor: i64, currency: VposCurrency) -> String {
    let d = currency.decimals();
    if d == 0 {
        return minor.to_string();
    }
    let scale = 10i64.pow(d);
    format!("{}.{:0w$}", minor / scale, minor % scale, w = d as usize)
}

#[derive(Clone, Debug)]
pub struct VposSimConfig {
    pub nestpay_client_id: String,
    pub nestpay_user: String,
    pub nestpay_password: String,
    pub nestpay_store_key: String,
    pub garanti_merchant_id: String,
    pub garanti_terminal_id: String,
    pub garanti_prov_user: String,
    pub garanti_prov_password: String,
    pub garanti_refund_user: String,
    pub garanti_refund_password: String,
    pub garanti_store_key: String,
    /// The terminals' currency (TRY by default; VND for the VND demo counter).
    pub currency: VposCurrency,
    /// The bank's local time (its batch closes at local midnight): +03:00 by default.
    pub utc_offset_secs: i32,
    /// How long a hosted payment page lives (15 minutes).
    pub page_life_secs: i64,
    /// Waits before each callback attempt (first = 0); a 2xx ends them.
    pub callback_retry_delays: Vec<Duration>,
}

impl VposSimConfig {
    /// The sandbox credentials of `constants`, TRY, Istanbul time.
    pub fn sandbox() -> VposSimConfig {
        VposSimConfig {
            nestpay_client_id: NESTPAY_CLIENT_ID.into(),
            nestpay_user: NESTPAY_USER.into(),
            nestpay_password: NESTPAY_PASSWORD.into(),
            nestpay_store_key: NESTPAY_STORE_KEY.into(),
            garanti_merchant_id: GARANTI_MERCHANT_ID.into(),
            garanti_terminal_id: GARANTI_TERMINAL_ID.into(),
            garanti_prov_user: GARANTI_PROV_USER.into(),
            garanti_prov_password: GARANTI_PROV_PASSWORD.into(),
            garanti_refund_user: GARANTI_REFUND_USER.into(),
            garanti_refund_password: GARANTI_REFUND_PASSWORD.into(),
            garanti_store_key: GARANTI_STORE_KEY.into(),
            currency: VposCurrency::Try,
            utc_offset_secs: 3 * 3600,
            page_life_secs: PAGE_LIFE_SECS,
            callback_retry_delays: vec![Duration::ZERO, Duration::from_secs(1), Duration::from_secs(3)],
        }
    }

    /// The sandbox in another currency (VND: the VND demo counter).
    pub fn sandbox_in(currency: VposCurrency) -> VposSimConfig {
        VposSimConfig { currency, ..Self::sandbox() }
    }
}

/// Switchable faults of the API endpoints (`/fim/api`, `/VPServlet`) and the callbacks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VposFaults {
    /// The next n calls that approve something take effect, then the connection is closed
    /// without an answer.
    pub drop_answers: u32,
    /// Every API answer waits this long.
    pub slow_ms: u64,
    /// The next n API calls answer HTTP 500 and take no effect.
    pub fail_500: u32,
    /// The next n API calls take effect and answer an unparseable body.
    pub garbage: u32,
    /// The next n callbacks carry a wrong HASH (and nothing else is sent for them).
    pub bad_callback_hash: u32,
    /// The next n callbacks name another order id (correctly signed).
    pub callback_other_oid: u32,
    /// The next n callbacks are never sent.
    pub skip_callbacks: u32,
}

/// One callback the simulator sent (or tried to): the form fields as sent (masked card
/// number only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackDelivery {
    pub order_id: String,
    pub url: String,
    pub fields: Vec<(String, String)>,
    /// The last attempt's HTTP status, None when it could not connect.
    pub status: Option<u16>,
    pub attempts: u32,
    pub bad_hash: bool,
    pub other_oid: bool,
}

impl CallbackDelivery {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    pub fn acknowledged(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

pub(crate) struct Inner {
    pub ledger: ledger::Ledger,
    pub links: Vec<VposLink>,
    pub faults: VposFaults,
    pub calls: BTreeMap<String, u64>,
}

pub(crate) struct Shared {
    config: VposSimConfig,
    inner: Mutex<Inner>,
    offset_secs: AtomicI64,
    callbacks: Mutex<Vec<CallbackDelivery>>,
    callbacks_changed: Condvar,
    base_url: OnceLock<String>,
}

/// The simulated banks' state and controls: cheap to clone, usable from sync and async code.
#[derive(Clone)]
pub struct VposSim(pub(crate) Arc<Shared>);

fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

pub(crate) fn random_digits(n: usize) -> String {
    let mut out = String::with_capacity(n);
    while out.len() < n {
        for b in uuid::Uuid::new_v4().as_bytes() {
            if out.len() < n && *b < 250 {
                out.push((b'0' + b % 10) as char);
            }
        }
    }
    out
}

pub(crate) fn random_alnum(n: usize) -> String {
    const SET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut out = String::with_capacity(n);
    while out.len() < n {
        for b in uuid::Uuid::new_v4().as_bytes() {
            if out.len() < n && *b < 252 {
                out.push(SET[*b as usize % 36] as char);
            }
        }
    }
    out
}

/// OrderId: 1–64 of `[A-Za-z0-9_-]`.
pub fn order_id_ok(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl VposSim {
    pub fn new(config: VposSimConfig) -> VposSim {
        let offset = FixedOffset::east_opt(config.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
        let today = offset.timestamp_opt(unix_now(), 0).single().map(|d| d.date_naive()).unwrap_or_default();
        VposSim(Arc::new(Shared {
            config,
            inner: Mutex::new(Inner {
                ledger: ledger::Ledger::new(today),
                links: Vec::new(),
                faults: VposFaults::default(),
                calls: BTreeMap::new(),
            }),
            offset_secs: AtomicI64::new(0),
            callbacks: Mutex::new(Vec::new()),
            callbacks_changed: Condvar::new(),
            base_url: OnceLock::new(),
        }))
    }

    pub fn config(&self) -> &VposSimConfig {
        &self.0.config
    }

    /// The state, with the batch rolled over to the bank's current day.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        let today = self.today();
        let mut g = self.0.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.ledger.roll(today);
        g
    }

    /// The simulator's clock, unix seconds.
    pub fn now(&self) -> i64 {
        unix_now() + self.0.offset_secs.load(Ordering::SeqCst)
    }

    pub(crate) fn tz(&self) -> FixedOffset {
        FixedOffset::east_opt(self.0.config.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("UTC"))
    }

    /// The bank's local time now.
    pub fn local_now(&self) -> chrono::DateTime<FixedOffset> {
        self.local(self.now())
    }

    pub(crate) fn local(&self, unix: i64) -> chrono::DateTime<FixedOffset> {
        self.tz().timestamp_opt(unix, 0).single().unwrap_or_else(|| self.tz().timestamp_opt(0, 0).single().expect("epoch"))
    }

    /// The bank's local date (its batch day).
    pub fn today(&self) -> NaiveDate {
        self.local_now().date_naive()
    }

    pub(crate) fn stamp(&self) -> ledger::Stamp {
        ledger::Stamp { now: self.now(), today: self.today(), currency: self.0.config.currency }
    }

    /// Moves the clock on (pages expire, the batch closes at the bank's local midnight).
    pub fn advance_clock(&self, secs: i64) {
        self.0.offset_secs.fetch_add(secs, Ordering::SeqCst);
    }

    /// Closes the open batch now (end of day): its sales can no longer be voided, only credited.
    pub fn close_batch(&self) {
        let today = self.today();
        self.lock().ledger.close_batch(today);
    }

    /// The open batch's number (SETTLEID / BatchNum).
    pub fn batch_no(&self) -> u64 {
        self.lock().ledger.batch_no
    }

    /// Every transaction of both banks, in order.
    pub fn transactions(&self) -> Vec<Transaction> {
        self.lock().ledger.txs.clone()
    }

    /// The transactions of one order at one bank, in order.
    pub fn order_transactions(&self, bank: Bank, order_id: &str) -> Vec<Transaction> {
        self.lock().ledger.txs.iter().filter(|t| t.bank == bank && t.order_id == order_id).cloned().collect()
    }

    /// TRANS_STAT of an order (A, C, V, D), None = "No record found".
    pub fn trans_stat(&self, bank: Bank, order_id: &str) -> Option<&'static str> {
        self.lock().ledger.view(bank, order_id).map(|v| v.stat)
    }

    // ---- faults ----

    pub fn faults(&self) -> VposFaults {
        self.lock().faults.clone()
    }

    pub fn set_faults(&self, f: VposFaults) {
        self.lock().faults = f;
    }

    /// The next `n` approving API calls take effect and lose their answer.
    pub fn drop_answers(&self, n: u32) {
        self.lock().faults.drop_answers = n;
    }

    pub fn set_slow(&self, ms: u64) {
        self.lock().faults.slow_ms = ms;
    }

    /// The next `n` API calls answer 500 (no effect).
    pub fn fail_500(&self, n: u32) {
        self.lock().faults.fail_500 = n;
    }

    /// The next `n` API calls take effect and answer an unparseable body.
    pub fn garbage_answers(&self, n: u32) {
        self.lock().faults.garbage = n;
    }

    /// The next `n` callbacks carry a wrong HASH.
    pub fn bad_callback_hash(&self, n: u32) {
        self.lock().faults.bad_callback_hash = n;
    }

    /// The next `n` callbacks name another order id (signed correctly).
    pub fn callback_other_oid(&self, n: u32) {
        self.lock().faults.callback_other_oid = n;
    }

    /// The next `n` callbacks are never sent.
    pub fn skip_callbacks(&self, n: u32) {
        self.lock().faults.skip_callbacks = n;
    }

    /// API calls received per path (`/fim/api`, `/VPServlet`, `/fim/est3Dgate`).
    pub fn calls(&self) -> BTreeMap<String, u64> {
        self.lock().calls.clone()
    }

    pub(crate) fn count_call(&self, path: &str) {
        *self.lock().calls.entry(path.to_string()).or_default() += 1;
    }

    // ---- callbacks ----

    /// Every finished callback (all its attempts done), in order.
    pub fn callbacks(&self) -> Vec<CallbackDelivery> {
        self.0.callbacks.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Waits until `n` callbacks in all are finished (or `timeout`); returns all of them.
    pub fn wait_callbacks(&self, n: usize, timeout: Duration) -> Vec<CallbackDelivery> {
        let deadline = std::time::Instant::now() + timeout;
        let mut g = self.0.callbacks.lock().unwrap_or_else(|p| p.into_inner());
        while g.len() < n {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            g = self.0.callbacks_changed.wait_timeout(g, left).unwrap_or_else(|p| p.into_inner()).0;
        }
        g.clone()
    }

    pub(crate) fn record_callback(&self, d: CallbackDelivery) {
        self.0.callbacks.lock().unwrap_or_else(|p| p.into_inner()).push(d);
        self.0.callbacks_changed.notify_all();
    }

    // ---- the bank's exported day file ----

    /// NestPay's exported day file for the bank's local `day`:
    /// `OrderId,Date,Type,Amount,Currency,AuthCode,ProcReturnCode,MaskedPan`, every
    /// transaction of the day (declines too) in time order; Amount in major units with the
    /// currency's decimals, Date `YYYY-MM-DD HH:MM:SS` bank local time.
    pub fn export_csv(&self, day: NaiveDate) -> String {
        self.export_csv_of(Bank::Nestpay, day)
    }

    pub fn export_csv_of(&self, bank: Bank, day: NaiveDate) -> String {
        let txs = self.transactions();
        let mut out = String::from("OrderId,Date,Type,Amount,Currency,AuthCode,ProcReturnCode,MaskedPan\n");
        for t in txs.iter().filter(|t| t.bank == bank) {
            let local = self.local(t.at);
            if local.date_naive() != day {
                continue;
            }
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{}\n",
                t.order_id,
                local.format("%Y-%m-%d %H:%M:%S"),
                t.kind.export_name(),
                format_total(t.amount, t.currency),
                t.currency.code(),
                t.auth_code.as_deref().unwrap_or(""),
                t.proc_return_code,
                t.masked_pan.as_deref().unwrap_or("")
            ));
        }
        out
    }

    pub(crate) fn base_url(&self) -> String {
        self.0.base_url.get().cloned().unwrap_or_else(|| "http://127.0.0.1".into())
    }
}

/// The banks serving on loopback; derefs to `VposSim` (the controls). Dropping it stops the
/// server.
pub struct RunningVpos {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// NestPay's API URL, `…/fim/api`.
    pub nestpay_api: String,
    /// NestPay's 3-D gate, `…/fim/est3Dgate`.
    pub nestpay_gate: String,
    /// Garanti's API URL, `…/VPServlet`.
    pub garanti_api: String,
    pub sim: VposSim,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::ops::Deref for RunningVpos {
    type Target = VposSim;
    fn deref(&self) -> &VposSim {
        &self.sim
    }
}

impl Drop for RunningVpos {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl RunningVpos {
    fn new(addr: SocketAddr, sim: VposSim, shutdown: watch::Sender<bool>, thread: Option<std::thread::JoinHandle<()>>) -> RunningVpos {
        let url = format!("http://{addr}");
        let _ = sim.0.base_url.set(url.clone());
        RunningVpos {
            addr,
            nestpay_api: format!("{url}/fim/api"),
            nestpay_gate: format!("{url}/fim/est3Dgate"),
            garanti_api: format!("{url}/VPServlet"),
            url,
            sim,
            shutdown,
            thread,
        }
    }
}

/// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
pub async fn start(sim: VposSim) -> RunningVpos {
    start_on(sim, 0).await.expect("bind 127.0.0.1")
}

/// Binds 127.0.0.1:`port` (0 = a free one) and serves on the current tokio runtime.
pub async fn start_on(sim: VposSim, port: u16) -> std::io::Result<RunningVpos> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let addr = listener.local_addr()?;
    let (shutdown, stop) = watch::channel(false);
    let running = RunningVpos::new(addr, sim.clone(), shutdown, None);
    tokio::spawn(server::serve(listener, sim, stop));
    Ok(running)
}

/// Serves from a runtime of its own in a background thread, for synchronous tests.
/// Dropping the handle stops the server and joins the thread (not inside an async task).
pub fn start_in_thread(sim: VposSim) -> RunningVpos {
    let (tx, rx) = std::sync::mpsc::channel();
    let served = sim.clone();
    let thread = std::thread::Builder::new()
        .name("quay-sim-vpos".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
            rt.block_on(async move {
                let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await.expect("bind 127.0.0.1");
                let addr = listener.local_addr().expect("local addr");
                let (shutdown, stop) = watch::channel(false);
                if tx.send((addr, shutdown)).is_ok() {
                    server::serve(listener, served, stop).await;
                }
            });
        })
        .expect("spawn the simulator's thread");
    let (addr, shutdown) = rx.recv().expect("the simulator starts");
    RunningVpos::new(addr, sim, shutdown, Some(thread))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals() {
        let t = VposCurrency::Try;
        assert_eq!(parse_total("100", t), Some(10000));
        assert_eq!(parse_total("100.5", t), Some(10050));
        assert_eq!(parse_total("100.25", t), Some(10025));
        assert_eq!(parse_total("0.5", t), Some(50));
        for bad in ["", "100.", ".5", "100.255", "-1", "+1", "1e3", "0100", "0", "0.00", " 1", "1,5"] {
            assert_eq!(parse_total(bad, t), None, "{bad}");
        }
        let v = VposCurrency::Vnd;
        assert_eq!(parse_total("150000", v), Some(150000));
        assert_eq!(parse_total("150000.00", v), None);
        assert_eq!(format_total(10025, t), "100.25");
        assert_eq!(format_total(5, t), "0.05");
        assert_eq!(format_total(150000, v), "150000");
        assert_eq!(parse_minor("10025"), Some(10025));
        assert_eq!(parse_minor("010"), None);
        assert_eq!(parse_minor("0"), None);
    }
}
