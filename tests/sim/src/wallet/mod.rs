//! Three Vietnamese wallets on loopback — MoMo POS (API v2), ZaloPay v2 and VNPAY-QR — and
//! Alipay's classic gateway (§4, `alipay.rs`, `alipay_store.rs`), implementing
//! `shared/reference/partners-contracts.md` §0–§4 exactly (including its
//! "where the public documentation is silent" readings), written independently of
//! quay-pay's clients: the signing and verification here are our own.
//!
//! One listener serves them all, each under a base URL of its own (the contract's paths
//! are relative to it): `WalletSimHandle::{momo_url, zalopay_url, vnpay_url, alipay_url}`.
//! Alipay has its own controls: `WalletSimHandle::alipay()` → `AlipaySim`.
//! Tests steer the outcomes with `WalletSim::script_next` / `customer_pays`; over HTTP the
//! same controls are the unsigned `/admin/wallet/{momo|zalopay|vnpay}/…` endpoints (see
//! README.md beside this crate).
//!
//! ```no_run
//! # async fn f() {
//! let w = quay_sim::wallet::start_wallets(quay_sim::wallet::WalletConfig::sandbox()).await;
//! println!("{}", w.momo_url); // http://127.0.0.1:PORT/momo (client appends /v2/gateway/api/pos)
//! # }
//! ```

mod alipay;
mod alipay_store;
mod callbacks;
mod momo;
mod server;
mod vnpay;
mod zalopay;

use std::collections::{HashMap, VecDeque};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use alipay::{
    form_encode, yuan_text, AlipayCoupon, AlipayNotifyDelivery, AlipayScript, AlipaySim, AlipaySimConfig, AlipayTrade, CouponStatus,
    NotifyForgery, TradeStatus, WireAlipayScript, ALIPAY_APP_PRIVATE_KEY, ALIPAY_APP_PUBLIC_KEY, ALIPAY_GATEWAY_PRIVATE_KEY,
    ALIPAY_GATEWAY_PUBLIC_KEY, ALIPAY_SANDBOX_APP_ID,
};
pub use alipay_store::{AlipayCouponUse, AlipayItem, AlipayShop, AlipaySyncedOrder, ShopStatus};

/// MoMo's sandbox public key as MoMo hands it to merchants: one line of base64
/// SubjectPublicKeyInfo DER (RSA 2048). The counter encrypts scanned codes with it.
pub const MOMO_SANDBOX_PUBLIC_KEY: &str = include_str!("../../keys/momo-sandbox-public.txt");
/// The matching private key (PKCS#8 PEM): the simulator decrypts payment codes with it.
pub(crate) const MOMO_SANDBOX_PRIVATE_KEY: &str = include_str!("../../keys/momo-sandbox-private.pem");

#[derive(Clone, Debug)]
pub struct MomoSimConfig {
    pub partner_code: String,
    pub access_key: String,
    pub secret_key: String,
    /// A storeId MoMo issued: pos requests must send it (else 11).
    pub store_id: Option<String>,
}

#[derive(Clone, Debug)]
pub struct ZaloPaySimConfig {
    pub app_id: i64,
    pub key1: String,
    pub key2: String,
}

#[derive(Clone, Debug)]
pub struct VnpaySimConfig {
    pub merchant_code: String,
    pub terminal_id: String,
    pub secret: String,
    pub merchant_name: String,
    /// The MCC VNPAY registered for the merchant.
    pub merchant_type: String,
    /// VNPAY registers the IPN URL per merchant (not per request).
    pub ipn_url: Option<String>,
    /// Whether this merchant has VNPAY's refund API; without it `/mms/refund` answers 404
    /// and refunds are made in VNPAY's merchant portal.
    pub refund_api: bool,
}

#[derive(Clone, Debug)]
pub struct WalletConfig {
    pub momo: MomoSimConfig,
    pub zalopay: ZaloPaySimConfig,
    pub vnpay: VnpaySimConfig,
    /// Alipay's classic gateway (`{alipay_url}/gateway.do`).
    pub alipay: AlipaySimConfig,
    /// The simulated customer pays every shown QR (ZaloPay, VNPAY, Alipay precreate) after this delay
    /// (`make run`); None: QR orders wait for `customer_pays`.
    pub autopay_after: Option<Duration>,
}

impl WalletConfig {
    /// The public sandbox credentials of each partner's samples.
    pub fn sandbox() -> Self {
        WalletConfig {
            momo: MomoSimConfig {
                partner_code: "MOMO".into(),
                access_key: "F8BBA842ECF85".into(),
                secret_key: "K951B6PE1waDMi640xX08PD3vg6EkVlz".into(),
                store_id: Some("QUAY01".into()),
            },
            zalopay: ZaloPaySimConfig {
                app_id: 2553,
                key1: "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL".into(),
                key2: "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz".into(),
            },
            vnpay: VnpaySimConfig {
                merchant_code: "88888888".into(),
                terminal_id: "PSSTEST".into(),
                secret: "vnpay@MERCHANT".into(),
                merchant_name: "VNPAY TEST".into(),
                merchant_type: "9999".into(),
                ipn_url: None,
                refund_api: true,
            },
            alipay: AlipaySimConfig::sandbox(),
            autopay_after: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SimWallet {
    Momo,
    ZaloPay,
    Vnpay,
}

impl SimWallet {
    fn index(self) -> usize {
        match self {
            SimWallet::Momo => 0,
            SimWallet::ZaloPay => 1,
            SimWallet::Vnpay => 2,
        }
    }

    pub fn parse(s: &str) -> Option<SimWallet> {
        match s {
            "momo" => Some(SimWallet::Momo),
            "zalopay" => Some(SimWallet::ZaloPay),
            "vnpay" => Some(SimWallet::Vnpay),
            _ => None,
        }
    }
}

/// The outcome of the next order of a wallet (see `WalletSim::script_next`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Script {
    /// MoMo: the pos answers 0 at once; QR: the customer pays ~300 ms after create.
    Pay,
    /// MoMo: the pos answers 1000, paid after the delay; QR: paid after the delay.
    PayAfter(Duration),
    /// MoMo resultCode (1001, 1006…); ZaloPay sub_return_code (-329…); VNPAY CheckTrans code
    /// (04). MoMo answers it at once; QR orders are declined ~300 ms after create.
    Decline(i64),
    /// Paid only after the order's deadline (QR: 1 s after it, or 2 s after create without
    /// one; MoMo: pos answers 1000, paid 35 s later): the wallet accepts the late payment.
    PayLate,
    /// The create/pos is processed (QR payable, MoMo paid) but the answer never comes.
    NeverAnswer,
    /// The order is paid, then the connection is closed without an answer.
    LoseAnswerAfterSuccess,
    /// MoMo: answers 40 once, the order is still processed (paid). QR: as no script.
    DuplicateRequestId,
    /// The callback/IPN of this order is sent with a bad signature first, then a good one.
    CallbackBadSignature,
    /// MoMo: 9000, to be confirmed (capture|cancel). QR: as no script.
    Authorize,
}

/// What the HTTP admin accepts as a script: `"pay"`, `{"pay_after_ms": 2000}`,
/// `{"decline": -329}`, `"pay_late"`, `"never_answer"`, `"lose_answer_after_success"`,
/// `"duplicate_request_id"`, `"callback_bad_signature"`, `"authorize"`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum WireScript {
    Pay,
    PayAfterMs(u64),
    Decline(i64),
    PayLate,
    NeverAnswer,
    LoseAnswerAfterSuccess,
    DuplicateRequestId,
    CallbackBadSignature,
    Authorize,
}

impl From<WireScript> for Script {
    fn from(w: WireScript) -> Script {
        match w {
            WireScript::Pay => Script::Pay,
            WireScript::PayAfterMs(ms) => Script::PayAfter(Duration::from_millis(ms)),
            WireScript::Decline(c) => Script::Decline(c),
            WireScript::PayLate => Script::PayLate,
            WireScript::NeverAnswer => Script::NeverAnswer,
            WireScript::LoseAnswerAfterSuccess => Script::LoseAnswerAfterSuccess,
            WireScript::DuplicateRequestId => Script::DuplicateRequestId,
            WireScript::CallbackBadSignature => Script::CallbackBadSignature,
            WireScript::Authorize => Script::Authorize,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// Waiting for the customer (QR shown, MoMo 1000).
    Waiting,
    /// MoMo 9000: authorized, to be confirmed.
    Authorized,
    Paid,
    Declined,
    /// Past its deadline unpaid.
    Expired,
    /// Paid, then refunded in full.
    Refunded,
}

/// An order as the wallet sees it (for tests).
#[derive(Clone, Debug, Serialize)]
pub struct SimOrder {
    pub amount: i64,
    pub state: OrderState,
    /// The decline code (MoMo resultCode, ZaloPay sub_return_code, VNPAY code); 0 otherwise.
    pub code: i64,
    /// MoMo transId, ZaloPay zp_trans_id, VNPAY qrTrace ("" until paid for the QR wallets).
    pub reference: String,
    pub refunded: i64,
    /// Create/pos requests that named this order id (repeats included).
    pub requests: u32,
    /// Paid after its deadline (a late payment).
    pub paid_late: bool,
}

/// One order, with what the wallet keeps to answer and call back.
#[derive(Clone, Debug)]
pub(crate) struct Order {
    pub id: String,
    pub amount: i64,
    pub state: OrderState,
    pub code: i64,
    pub reference: String,
    pub refunded: i64,
    pub requests: u32,
    pub paid_late: bool,
    pub created: DateTime<Utc>,
    /// Payable up to and including this instant.
    pub deadline: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    pub bad_callback: bool,
    /// The create/pos request's fields (as received), for answers and callbacks.
    pub fields: Value,
    /// VNPAY: the create answer (a repeat with the same amount gets the same QR).
    pub answer: Value,
}

impl Order {
    pub(crate) fn new(id: &str, amount: i64, fields: Value) -> Order {
        Order {
            id: id.to_string(),
            amount,
            state: OrderState::Waiting,
            code: 0,
            reference: String::new(),
            refunded: 0,
            requests: 1,
            paid_late: false,
            created: Utc::now(),
            deadline: None,
            paid_at: None,
            bad_callback: false,
            fields,
            answer: Value::Null,
        }
    }

    /// Lazy expiry on the real clock.
    pub(crate) fn refresh(&mut self) {
        if self.state == OrderState::Waiting && self.deadline.is_some_and(|d| Utc::now() > d) {
            self.state = OrderState::Expired;
        }
    }

    fn public(&self) -> SimOrder {
        SimOrder {
            amount: self.amount,
            state: self.state,
            code: self.code,
            reference: self.reference.clone(),
            refunded: self.refunded,
            requests: self.requests,
            paid_late: self.paid_late,
        }
    }

    pub(crate) fn field(&self, k: &str) -> String {
        text(self.fields.get(k))
    }
}

#[derive(Default)]
pub(crate) struct Book {
    pub orders: Vec<Order>,
    pub scripts: VecDeque<Script>,
    pub down: bool,
}

impl Book {
    pub(crate) fn get(&mut self, id: &str) -> Option<&mut Order> {
        let o = self.orders.iter_mut().find(|o| o.id == id)?;
        o.refresh();
        Some(o)
    }
}

#[derive(Clone, Debug)]
pub(crate) struct MomoRefund {
    pub order_id: String,
    pub amount: i64,
    pub trans_id: i64,
    pub description: String,
}

#[derive(Clone, Debug)]
pub(crate) struct ZaloRefund {
    pub m_refund_id: String,
    pub refund_id: i64,
    pub amount: i64,
    pub done: bool,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub books: [Book; 3],
    /// MoMo requestId → (answer, final).
    pub momo_requests: HashMap<String, (Value, bool)>,
    pub momo_refunds: Vec<MomoRefund>,
    /// Decrypted MoMo payment code → the orderId that used it.
    pub momo_codes: HashMap<String, String>,
    pub zalo_refunds: Vec<ZaloRefund>,
    /// VNPAY refundTxnId → the first answer.
    pub vnpay_refunds: HashMap<String, Value>,
    pub seq: i64,
}

impl Inner {
    pub(crate) fn book(&mut self, w: SimWallet) -> &mut Book {
        &mut self.books[w.index()]
    }

    pub(crate) fn next(&mut self) -> i64 {
        self.seq += 1;
        self.seq
    }
}

pub(crate) struct Shared {
    pub config: WalletConfig,
    pub state: Mutex<Inner>,
    pub rt: tokio::runtime::Handle,
    pub http: reqwest::Client,
    pub momo_key: rsa::RsaPrivateKey,
    /// Every callback delivery: wallet, whether its signature was the bad copy, whether
    /// the merchant acknowledged it (for tests).
    pub deliveries: Mutex<Vec<Delivery>>,
    pub alipay: alipay::AlipayShared,
}

/// One callback POST as the merchant answered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub wallet: SimWallet,
    pub bad_signature: bool,
    pub acknowledged: bool,
}

/// The three wallets' shared state: cheap to clone, usable from sync and async code.
#[derive(Clone)]
pub struct WalletSim(pub(crate) Arc<Shared>);

/// What happens to a waiting order.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Outcome {
    Pay,
    Decline(i64),
}

impl WalletSim {
    fn new(config: WalletConfig, rt: tokio::runtime::Handle) -> WalletSim {
        use rsa::pkcs8::DecodePrivateKey;
        let momo_key = rsa::RsaPrivateKey::from_pkcs8_pem(MOMO_SANDBOX_PRIVATE_KEY).expect("the MoMo sandbox key");
        let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("http client");
        let alipay = alipay::AlipayShared::new(&config.alipay);
        WalletSim(Arc::new(Shared {
            config,
            state: Mutex::new(Inner::default()),
            rt,
            http,
            momo_key,
            deliveries: Mutex::new(Vec::new()),
            alipay,
        }))
    }

    pub fn config(&self) -> &WalletConfig {
        &self.0.config
    }

    /// Alipay's controls and inspection.
    pub fn alipay(&self) -> AlipaySim {
        AlipaySim(self.clone())
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.0.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Scripts the outcome of the NEXT order created for that wallet (MoMo: the next pos
    /// call that creates an order; ZaloPay/VNPAY: the next create). Calls queue in order.
    pub fn script_next(&self, wallet: SimWallet, script: Script) {
        self.lock().book(wallet).scripts.push_back(script);
    }

    /// The customer pays a waiting order now. False if it is not waiting (unknown,
    /// paid, declined, expired…).
    pub fn customer_pays(&self, wallet: SimWallet, order_id: &str) -> bool {
        self.settle(wallet, order_id, Outcome::Pay, false)
    }

    /// The customer declines a waiting order with that code.
    pub fn customer_declines(&self, wallet: SimWallet, order_id: &str, code: i64) -> bool {
        self.settle(wallet, order_id, Outcome::Decline(code), false)
    }

    pub fn order(&self, wallet: SimWallet, order_id: &str) -> Option<SimOrder> {
        self.lock().book(wallet).get(order_id).map(|o| o.public())
    }

    pub fn orders(&self, wallet: SimWallet) -> Vec<(String, SimOrder)> {
        let mut g = self.lock();
        let book = g.book(wallet);
        book.orders
            .iter_mut()
            .map(|o| {
                o.refresh();
                (o.id.clone(), o.public())
            })
            .collect()
    }

    /// Paid minus refunded, over the wallet's orders.
    pub fn total_charged(&self, wallet: SimWallet) -> i64 {
        self.orders(wallet)
            .iter()
            .filter(|(_, o)| matches!(o.state, OrderState::Paid | OrderState::Refunded))
            .map(|(_, o)| o.amount - o.refunded)
            .sum()
    }

    /// While on, every API call of that wallet answers 503 (the admin still answers).
    /// The callbacks delivered so far (the merchant's answers), oldest first.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.0.deliveries.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn set_down(&self, wallet: SimWallet, down: bool) {
        self.lock().book(wallet).down = down;
    }

    pub(crate) fn is_down(&self, wallet: SimWallet) -> bool {
        self.lock().book(wallet).down
    }

    /// Moves a waiting order (or an expired one when `late_ok`) to paid/declined and sends
    /// its callback. MoMo's authorized orders are settled by confirm, not here.
    pub(crate) fn settle(&self, wallet: SimWallet, order_id: &str, outcome: Outcome, late_ok: bool) -> bool {
        let callback = {
            let mut g = self.lock();
            let seq = g.next();
            let Some(o) = g.book(wallet).get(order_id) else { return false };
            let late = o.state == OrderState::Expired;
            if !(o.state == OrderState::Waiting || (late_ok && late)) {
                return false;
            }
            match outcome {
                Outcome::Pay => {
                    o.state = OrderState::Paid;
                    o.paid_late = late || o.deadline.is_some_and(|d| Utc::now() > d);
                    o.paid_at = Some(Utc::now());
                    if o.reference.is_empty() {
                        o.reference = match wallet {
                            SimWallet::Momo => format!("{}", 3_100_000_000i64 + seq),
                            SimWallet::ZaloPay => format!("{}{:06}", gmt7(Utc::now()).format("%y%m%d"), 100_000 + seq),
                            SimWallet::Vnpay => format!("{:09}", 700_000_000 + seq),
                        };
                    }
                }
                Outcome::Decline(code) => {
                    o.state = OrderState::Declined;
                    o.code = code;
                }
            }
            let o = o.clone();
            callbacks::build(self, wallet, &o)
        };
        if let Some(cb) = callback {
            callbacks::send(self, cb);
        }
        true
    }

    pub(crate) fn schedule(&self, wallet: SimWallet, order_id: &str, after: Duration, outcome: Outcome, late_ok: bool) {
        let sim = self.clone();
        let id = order_id.to_string();
        self.0.rt.spawn(async move {
            tokio::time::sleep(after).await;
            sim.settle(wallet, &id, outcome, late_ok);
        });
    }

    /// What happens to a new QR order (ZaloPay, VNPAY) after its create, per its script.
    pub(crate) fn start_qr(&self, wallet: SimWallet, order_id: &str, script: Option<&Script>) {
        const SOON: Duration = Duration::from_millis(300);
        match script {
            Some(Script::Pay) => self.schedule(wallet, order_id, SOON, Outcome::Pay, false),
            Some(Script::PayAfter(d)) => self.schedule(wallet, order_id, *d, Outcome::Pay, false),
            Some(Script::Decline(c)) => self.schedule(wallet, order_id, SOON, Outcome::Decline(*c), false),
            Some(Script::PayLate) => {
                let deadline = self.lock().book(wallet).get(order_id).and_then(|o| o.deadline);
                let after = match deadline {
                    Some(d) => (d - Utc::now()).to_std().unwrap_or_default() + Duration::from_secs(1),
                    None => Duration::from_secs(2),
                };
                self.schedule(wallet, order_id, after, Outcome::Pay, true)
            }
            Some(Script::LoseAnswerAfterSuccess) => {
                self.settle(wallet, order_id, Outcome::Pay, false);
            }
            _ => {
                if let Some(d) = self.0.config.autopay_after {
                    self.schedule(wallet, order_id, d, Outcome::Pay, false)
                }
            }
        }
    }
}

/// The three wallets serving on loopback. Dropping it stops the server.
pub struct WalletSimHandle {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// `{url}/momo`: MoMo's base URL (the client appends `/v2/gateway/api/pos`…).
    pub momo_url: String,
    /// `{url}/zalopay`: ZaloPay's base URL (`/v2/create`…).
    pub zalopay_url: String,
    /// `{url}/vnpay`: VNPAY's base URL (`/QRCreateAPIRestV2/…`, `/CheckTransaction/…`, `/mms/refund`).
    pub vnpay_url: String,
    /// `{url}/alipay`: Alipay's base URL (the client POSTs to `{alipay_url}/gateway.do`).
    pub alipay_url: String,
    sim: WalletSim,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl WalletSimHandle {
    pub fn sim(&self) -> &WalletSim {
        &self.sim
    }

    /// Alipay's controls and inspection.
    pub fn alipay(&self) -> AlipaySim {
        self.sim.alipay()
    }

    fn new(addr: SocketAddr, sim: WalletSim, shutdown: watch::Sender<bool>, thread: Option<std::thread::JoinHandle<()>>) -> Self {
        let url = format!("http://{addr}");
        WalletSimHandle {
            addr,
            momo_url: format!("{url}/momo"),
            zalopay_url: format!("{url}/zalopay"),
            vnpay_url: format!("{url}/vnpay"),
            alipay_url: format!("{url}/alipay"),
            url,
            sim,
            shutdown,
            thread,
        }
    }
}

impl Drop for WalletSimHandle {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
pub async fn start_wallets(config: WalletConfig) -> WalletSimHandle {
    start_wallets_on(config, 0).await.expect("bind 127.0.0.1")
}

/// Binds 127.0.0.1:`port` (0 = a free one) and serves on the current tokio runtime.
pub async fn start_wallets_on(config: WalletConfig, port: u16) -> std::io::Result<WalletSimHandle> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let addr = listener.local_addr()?;
    let sim = WalletSim::new(config, tokio::runtime::Handle::current());
    let (shutdown, stop) = watch::channel(false);
    tokio::spawn(server::serve(listener, sim.clone(), stop));
    Ok(WalletSimHandle::new(addr, sim, shutdown, None))
}

/// Serves from a runtime of its own in a background thread, for synchronous tests.
/// Dropping the handle stops the server and joins the thread (not inside an async task).
pub fn start_wallets_in_thread(config: WalletConfig) -> WalletSimHandle {
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("quay-sim-wallets".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
            rt.block_on(async move {
                let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await.expect("bind 127.0.0.1");
                let addr = listener.local_addr().expect("local addr");
                let sim = WalletSim::new(config, tokio::runtime::Handle::current());
                let (shutdown, stop) = watch::channel(false);
                if tx.send((addr, sim.clone(), shutdown)).is_ok() {
                    server::serve(listener, sim, stop).await;
                }
            });
        })
        .expect("spawn the simulator's thread");
    let (addr, sim, shutdown) = rx.recv().expect("the simulator starts");
    WalletSimHandle::new(addr, sim, shutdown, Some(thread))
}

// ---- helpers shared by the three wallets ----

/// A JSON value as the partners sign it: strings raw, numbers and booleans as their JSON
/// text, null or absent as the empty string.
pub(crate) fn text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// HMAC-SHA256, lowercase hex.
pub(crate) fn hmac_hex(key: &str, data: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(data.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// MD5, uppercase hex (VNPAY).
pub(crate) fn md5_upper(data: &str) -> String {
    use md5::Digest;
    hex(&md5::Md5::digest(data.as_bytes())).to_ascii_uppercase()
}

pub(crate) fn gmt7(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&FixedOffset::east_opt(7 * 3600).expect("GMT+7"))
}

pub(crate) fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_vectors() {
        assert_eq!(
            super::md5_upper("MERCHANT|VNPAY TEST|03|VN|A000000775|9999|88888888|PSSTEST|03||VNP_TEST888|100000||704||vnpay@MERCHANT"),
            "A8833240FA23EE9FA5D5D081EA8A7540"
        );
        // RFC 4231 test case 2.
        assert_eq!(
            super::hmac_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn the_public_key_matches_the_private_one() {
        use base64::Engine;
        use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
        let der = base64::engine::general_purpose::STANDARD.decode(super::MOMO_SANDBOX_PUBLIC_KEY).unwrap();
        let public = rsa::RsaPublicKey::from_public_key_der(&der).unwrap();
        let private = rsa::RsaPrivateKey::from_pkcs8_pem(super::MOMO_SANDBOX_PRIVATE_KEY).unwrap();
        assert_eq!(public, rsa::RsaPublicKey::from(&private));
    }
}
